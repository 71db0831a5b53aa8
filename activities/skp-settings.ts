// Each employee's SKP setting at launch, read from the organisation: the form follows the position's kind
// (JPT) or the unit the employee leads (an independent unit's leader writes the JPT form too), the
// approach is the cycle's, and the unit they lead (units.head_nip) makes their rating hasil kerja its
// capaian.
import type { Kysely } from 'kysely';
import { type SkpApproach, type SkpSetting, skpFormFor } from '../domain/appraisal/skp.ts';
import type { Database } from '../schema/database.ts';
import { sameOrg } from '../schema/same-org.ts';

export async function loadSkpSettings(
  db: Kysely<Database>,
  orgId: string,
  nips: string[],
  approach: SkpApproach,
): Promise<Map<string, SkpSetting>> {
  if (nips.length === 0) return new Map();
  const people = await db
    .selectFrom('employees as e')
    .leftJoin('positions as p', (join) => sameOrg(join, 'p.code', 'e.position_code'))
    .select(['e.nip', 'p.kind'])
    .where('e.org_id', '=', orgId)
    .where('e.nip', 'in', nips)
    .execute();
  const led = await db
    .selectFrom('units')
    .select(['head_nip', 'code', 'independent'])
    .where('org_id', '=', orgId)
    .where('head_nip', 'in', nips)
    .orderBy('code')
    .execute();
  const settings = new Map<string, SkpSetting>();
  for (const person of people) {
    // One unit per leader: the first by code, should HR have named someone the head of two.
    const unit = led.find((u) => u.head_nip === person.nip);
    settings.set(person.nip, {
      form: skpFormFor(person.kind ?? 'JF', unit?.independent ?? false),
      approach,
      ledUnitCode: unit?.code ?? null,
    });
  }
  return settings;
}
