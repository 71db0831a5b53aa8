// The calibration groups HR names (SE MenPANRB 3/2023: small units checked together): saved whole for
// an organisation, replacing the earlier set in one transaction; a unit belongs to at most one group.
import type { Kysely } from 'kysely';
import type { Database } from '../schema/database.ts';

export interface NamedGroup {
  name: string;
  unitCodes: string[];
}

/** Why a set of groups is refused, or null: an unknown unit, a unit in two groups, a group of one. */
export function groupsProblem(
  groups: readonly NamedGroup[],
  knownUnits: ReadonlySet<string>,
): { code: string; detail: string } | null {
  const seen = new Map<string, string>();
  for (const group of groups) {
    if (new Set(group.unitCodes).size < 2)
      return { code: 'group_too_small', detail: `Group ${group.name} needs at least two units` };
    for (const code of group.unitCodes) {
      if (!knownUnits.has(code))
        return { code: 'unknown_unit', detail: `No unit ${code} in this organisation` };
      const other = seen.get(code);
      if (other !== undefined && other !== group.name)
        return { code: 'unit_in_two_groups', detail: `Unit ${code} is in both ${other} and ${group.name}` };
      seen.set(code, group.name);
    }
  }
  return null;
}

export async function replaceCalibrationGroups(
  db: Kysely<Database>,
  orgId: string,
  groups: readonly NamedGroup[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('calibration_groups').where('org_id', '=', orgId).execute();
    const rows = groups.flatMap((g) =>
      [...new Set(g.unitCodes)].map((unit_code) => ({ org_id: orgId, unit_code, name: g.name })),
    );
    if (rows.length > 0) await trx.insertInto('calibration_groups').values(rows).execute();
  });
}

export async function calibrationGroupsOf(db: Kysely<Database>, orgId: string): Promise<NamedGroup[]> {
  const rows = await db
    .selectFrom('calibration_groups')
    .select(['name', 'unit_code'])
    .where('org_id', '=', orgId)
    .orderBy('name')
    .orderBy('unit_code')
    .execute();
  const groups = new Map<string, string[]>();
  for (const r of rows) groups.set(r.name, [...(groups.get(r.name) ?? []), r.unit_code]);
  return [...groups].map(([name, unitCodes]) => ({ name, unitCodes }));
}
