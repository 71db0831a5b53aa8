// HR's commands on the organisation data: units, positions with their standards, and employees from CSV
// (a result per row). Plain writes to the organisation tables; HR only.
import type { Principal } from '../../auth/identity.ts';
import { type ImportResult, importEmployees } from '../../organisation/import-employees.ts';
import {
  type PositionInput,
  type UnitInput,
  upsertPositions,
  upsertUnits,
} from '../../organisation/units-and-positions.ts';
import { requireHr } from './require.ts';
import type { Services } from './services.ts';

export async function saveUnits(services: Services, me: Principal, units: UnitInput[]): Promise<number> {
  requireHr(me);
  await upsertUnits(services.db, me.org, units);
  return units.length;
}

export async function savePositions(
  services: Services,
  me: Principal,
  positions: PositionInput[],
): Promise<number> {
  requireHr(me);
  await upsertPositions(services.db, me.org, positions);
  return positions.length;
}

/** Imports the CSV; a header that is not the expected one imports nothing and says why (`ok: false`). */
/** HR's employee list, as CSV text or an Excel workbook's bytes. */
export async function importEmployeeFile(
  services: Services,
  me: Principal,
  file: string | { xlsx: Uint8Array },
): Promise<ImportResult> {
  requireHr(me);
  return importEmployees(services.db, me.org, file);
}
