// HR's commands on the organisation data: units, positions with their standards, and employees from CSV
// (a result per row). Plain writes to the organisation tables; HR only.

import type { Principal } from '../../auth/identity.ts';
import {
  type IndonesianTimeZone,
  indonesianTimeZones,
  isIndonesianTimeZone,
  zoneAbbreviation,
} from '../../domain/time/zones.ts';
import type { Lang } from '../../domain/vocabulary/languages.ts';
import {
  groupsProblem,
  type NamedGroup,
  replaceCalibrationGroups,
} from '../../organisation/calibration-groups.ts';
import { type ImportResult, importEmployees } from '../../organisation/import-employees.ts';
import { setTimeZone } from '../../organisation/time-zone.ts';
import {
  type PositionInput,
  type UnitInput,
  upsertPositions,
  upsertUnits,
} from '../../organisation/units-and-positions.ts';
import { mayReadCycles } from '../../record/read/access.ts';
import { activeEmployee } from '../../record/read/cycle-people.ts';
import { timeZoneOf } from '../../record/read/organisation.ts';
import { Refusal } from './refusal.ts';
import { requireHr } from './require.ts';
import type { Services } from './services.ts';

/** HR's writes on the organisation data: HR only, and always on the caller's own organisation. */
async function hrWrite<T>(
  services: Services,
  me: Principal,
  write: (db: Services['db'], org: string) => Promise<T>,
): Promise<T> {
  requireHr(me);
  return write(services.db, me.org);
}

/**
 * HR names who leads a unit (units.head_nip; null: nobody): their rating hasil kerja is the unit's capaian
 * and their SKP takes its form from the unit (README, The SKP). 404 for a unit not found; 422 unknown_leader
 * (field headNip) for someone who is no active employee of the organisation.
 */
export async function setUnitHead(
  services: Services,
  me: Principal,
  unitCode: string,
  headNip: string | null,
): Promise<void> {
  await hrWrite(services, me, async (db, org) => {
    if (headNip !== null && !(await activeEmployee(db, org, headNip)))
      throw new Refusal(422, 'unknown_leader', `No active employee ${headNip} in the organisation`, {
        field: 'headNip',
      });
    const updated = await db
      .updateTable('units')
      .set({ head_nip: headNip })
      .where('org_id', '=', org)
      .where('code', '=', unitCode)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new Refusal(404, 'not_found', `No unit ${unitCode}`);
  });
}

export async function saveUnits(services: Services, me: Principal, units: UnitInput[]): Promise<number> {
  await hrWrite(services, me, (db, org) => upsertUnits(db, org, units, me.nip));
  return units.length;
}

/** HR names the calibration groups (all of them, replacing the earlier set); 422 with the reason otherwise. */
export async function saveCalibrationGroups(
  services: Services,
  me: Principal,
  groups: NamedGroup[],
): Promise<number> {
  return hrWrite(services, me, async (db, org) => {
    const units = await db.selectFrom('units').select('code').where('org_id', '=', org).execute();
    const problem = groupsProblem(groups, new Set(units.map((u) => u.code)));
    if (problem) throw new Refusal(422, problem.code, problem.detail);
    await replaceCalibrationGroups(db, org, groups);
    return groups.length;
  });
}

export async function savePositions(
  services: Services,
  me: Principal,
  positions: PositionInput[],
): Promise<number> {
  await hrWrite(services, me, (db, org) => upsertPositions(db, org, positions, me.nip));
  return positions.length;
}

/** Imports the CSV; a header that is not the expected one imports nothing and says why (`ok: false`). */
/** HR's employee list, as CSV text or an Excel workbook's bytes. */
export async function importEmployeeFile(
  services: Services,
  me: Principal,
  file: string | { xlsx: Uint8Array },
  /** The language a wrong NIP is explained in (the web page's). */
  lang: Lang = 'en',
): Promise<ImportResult> {
  return hrWrite(services, me, (db, org) => importEmployees(db, org, file, lang, me.nip));
}

export interface TimeZoneSetting {
  timeZone: IndonesianTimeZone;
  /** WIB, WITA or WIT, as deadlines are shown. */
  abbreviation: string;
}

const setting = (timeZone: IndonesianTimeZone): TimeZoneSetting => ({
  timeZone,
  abbreviation: zoneAbbreviation(timeZone),
});

/** The organisation's time zone, for HR and auditors. */
export async function organisationTimeZone(services: Services, me: Principal): Promise<TimeZoneSetting> {
  if (!mayReadCycles(me)) throw new Refusal(403, 'forbidden_role', 'This needs the hr or auditor role');
  return setting(await timeZoneOf(services.db, me.org));
}

/**
 * Sets the organisation's time zone (HR): 422 invalid_time_zone naming the field for anything but one of
 * Indonesia's three. Cycles started from now on count their days there; running cycles keep theirs.
 */
export async function setOrganisationTimeZone(
  services: Services,
  me: Principal,
  timeZone: string,
): Promise<TimeZoneSetting> {
  requireHr(me);
  if (!isIndonesianTimeZone(timeZone)) {
    const allowed = Object.values(indonesianTimeZones);
    throw new Refusal(
      422,
      'invalid_time_zone',
      `timeZone must be one of ${allowed.join(', ')} (WIB, WITA, WIT); got '${timeZone}'`,
      { field: 'timeZone', allowed },
    );
  }
  await setTimeZone(services.db, me.org, timeZone);
  return setting(timeZone);
}
