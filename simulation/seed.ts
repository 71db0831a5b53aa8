// Writes an organisation straight into the org tables (simulations and tests that do not exercise import).
import type { Kysely } from 'kysely';
import { nipKind } from '../domain/organisation/nip.ts';
import { defaultTimeZone, type IndonesianTimeZone } from '../domain/time/zones.ts';
import type { Database } from '../schema/database.ts';

export interface SeedEmployee {
  nip: string;
  name: string;
  unitCode: string;
  supervisorNip: string | null;
  positionCode?: string;
}

export async function seedOrganisation(
  db: Kysely<Database>,
  orgId: string,
  units: string[],
  employees: SeedEmployee[],
  timeZone: IndonesianTimeZone = defaultTimeZone,
) {
  await db
    .insertInto('organisations')
    .values({ id: orgId, name: `Organisasi ${orgId}`, time_zone: timeZone })
    .execute();
  await db
    .insertInto('units')
    .values(units.map((code) => ({ org_id: orgId, code, name: `Unit ${code}`, parent_code: null })))
    .execute();
  await db
    .insertInto('positions')
    .values({
      org_id: orgId,
      code: 'STAF',
      name: 'Staf',
      kind: 'JF',
      duties: JSON.stringify(['Melayani masyarakat']),
      default_indicators: JSON.stringify([]),
    })
    .execute();
  if (employees.length === 0) return;
  for (let i = 0; i < employees.length; i += 1000) {
    await db
      .insertInto('employees')
      .values(
        employees.slice(i, i + 1000).map((e) => ({
          org_id: orgId,
          nip: e.nip,
          name: e.name,
          email: `${e.nip}@example.test`,
          unit_code: e.unitCode,
          position_code: e.positionCode ?? 'STAF',
          supervisor_nip: e.supervisorNip,
          employment_status: nipKind(e.nip),
          updated_at: new Date(),
        })),
      )
      .execute();
  }
}
