// Seeds an organisation straight into the org tables, for workflow tests that do not exercise import.
import type { Kysely } from 'kysely';
import type { Database } from '../../schema/database.ts';
import { type SeedEmployee, seedOrganisation } from '../../simulation/seed.ts';

export { type SeedEmployee, seedOrganisation } from '../../simulation/seed.ts';

/** The two people of unit UMUM (its head and one staff member), and an HR officer outside it. */
export const umumNips = { head: '197703032000031003', staff: '199001012015031001', hr: '198012122005012006' };

/** An organisation of one unit, UMUM: its head, the staff member who reports to them, and these others. */
export function seedUmum(db: Kysely<Database>, orgId: string, others: SeedEmployee[] = []) {
  return seedOrganisation(
    db,
    orgId,
    ['UMUM'],
    [
      { nip: umumNips.head, name: 'Kepala Bagian', unitCode: 'UMUM', supervisorNip: null },
      { nip: umumNips.staff, name: 'Staf Umum', unitCode: 'UMUM', supervisorNip: umumNips.head },
      ...others,
    ],
  );
}

/** Of UMUM, reporting to its head: HR's analyst (umumNips.hr). */
export const umumAnalyst: SeedEmployee = {
  nip: umumNips.hr,
  name: 'Analis SDM',
  unitCode: 'UMUM',
  supervisorNip: umumNips.head,
};

/**
 * An organisation straight into its tables, for the import tests: units without a parent and JF positions
 * without duties, each named by its code unless `names` names it.
 */
export async function seedOrgTables(
  db: Kysely<Database>,
  orgId: string,
  setup: { name?: string; units: string[]; positions: string[]; names?: Record<string, string> },
): Promise<void> {
  const nameOf = (code: string) => setup.names?.[code] ?? code;
  await db
    .insertInto('organisations')
    .values({ id: orgId, name: setup.name ?? orgId })
    .execute();
  await db
    .insertInto('units')
    .values(setup.units.map((code) => ({ org_id: orgId, code, name: nameOf(code), parent_code: null })))
    .execute();
  await db
    .insertInto('positions')
    .values(
      setup.positions.map((code) => ({
        org_id: orgId,
        code,
        name: nameOf(code),
        kind: 'JF' as const,
        duties: '[]',
        default_indicators: '[]',
      })),
    )
    .execute();
}
