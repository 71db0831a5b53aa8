// The people of each appraisal, read from the org chart: the employee, the direct supervisor (rater),
// the supervisor's own supervisor (decides objections) and the direct reports (subordinate reviewers).
import type { Kysely } from 'kysely';
import type { Participants } from '../domain/appraisal/types.ts';
import type { Database } from '../schema/database.ts';
import { sameOrg } from '../schema/same-org.ts';

export async function loadParticipants(
  db: Kysely<Database>,
  orgId: string,
  nips: string[],
): Promise<Participants[]> {
  if (nips.length === 0) return [];
  const rows = await db
    .selectFrom('employees as e')
    .leftJoin('employees as s', (j) => sameOrg(j, 's.nip', 'e.supervisor_nip'))
    .select(['e.nip', 'e.name', 'e.unit_code', 'e.position_code', 'e.supervisor_nip'])
    // The supervisor's own supervisor decides objections.
    .select('s.supervisor_nip as superior_nip')
    .where('e.org_id', '=', orgId)
    .where('e.nip', 'in', nips)
    .orderBy('e.nip')
    .execute();
  const reports = await db
    .selectFrom('employees')
    .select(['nip', 'supervisor_nip'])
    .where('org_id', '=', orgId)
    .where('active', '=', true)
    .where('supervisor_nip', 'in', nips)
    .execute();
  const subordinates = new Map<string, string[]>();
  for (const r of reports) {
    if (!r.supervisor_nip) continue;
    subordinates.set(r.supervisor_nip, [...(subordinates.get(r.supervisor_nip) ?? []), r.nip]);
  }
  return rows.map((row) => ({
    employee: { nip: row.nip, name: row.name, unitCode: row.unit_code, positionCode: row.position_code },
    supervisorNip: row.supervisor_nip,
    superiorNip: row.superior_nip ?? null,
    subordinateNips: (subordinates.get(row.nip) ?? []).sort(),
  }));
}
