// HR's measures of units: definitions, and values from a file or posted by another system (with HR's
// token). One bad row refuses the whole file, 422 invalid_measure_rows with every row's line and reasons.
import type { Principal } from '../../auth/identity.ts';
import type { Measure } from '../../domain/measures/measure.ts';
import type { PostedMeasureValues } from '../../domain/measures/measure-file.ts';
import {
  importMeasureFile,
  importPostedValues,
  type MeasureFile,
  type MeasureImport,
  upsertMeasures,
} from '../../organisation/measures.ts';
import { mayReadCycles } from '../../record/read/access.ts';
import { type MonitoredMeasure, measureMonitoring } from '../../record/read/measures.ts';
import { Refusal } from './refusal.ts';
import { requireHr } from './require.ts';
import type { Services } from './services.ts';

export async function saveMeasures(services: Services, me: Principal, measures: Measure[]): Promise<number> {
  requireHr(me);
  await upsertMeasures(services.db, me.org, measures);
  return measures.length;
}

export interface ImportedValues {
  imported: number;
}

/** What a refused import answers: 400 for a file that cannot be read, 422 for its rows. */
function refusalOf(result: Exclude<MeasureImport, { ok: true }>, what: 'line' | 'entry'): Refusal {
  if ('unreadable' in result) return new Refusal(400, 'unreadable_file', result.unreadable);
  if ('headerErrors' in result)
    return new Refusal(400, 'invalid_csv_header', result.headerErrors.join('; '), {
      headerErrors: result.headerErrors,
    });
  const first = result.rows[0];
  const detail = `${result.rows.length} ${what === 'line' ? 'row' : 'entry'}(s) are wrong, so nothing was imported${
    first ? `; ${what} ${first.line}: ${first.errors.join('; ')}` : ''
  }`;
  return new Refusal(422, 'invalid_measure_rows', detail, { rows: result.rows });
}

/** A measures file (CSV or XLSX); `source` names it when its rows do not, and now is their time. */
export async function importMeasures(
  services: Services,
  me: Principal,
  file: MeasureFile,
  source: string | undefined,
  now: Date = new Date(),
): Promise<ImportedValues> {
  requireHr(me);
  if (source !== undefined && (source.trim() === '' || source.length > 200))
    throw new Refusal(422, 'invalid_source', 'source is 1-200 characters', { field: 'source' });
  const defaults = { source: source?.trim() || 'import', recordedAt: now.toISOString() };
  const result = await importMeasureFile(services.db, me.org, me.nip, file, defaults);
  if (!result.ok) throw refusalOf(result, 'line');
  return { imported: result.values.length };
}

/** Values posted by another system, with their source and time. */
export async function postMeasureValues(
  services: Services,
  me: Principal,
  body: PostedMeasureValues,
): Promise<ImportedValues> {
  requireHr(me);
  const result = await importPostedValues(services.db, me.org, me.nip, body);
  if (!result.ok) throw refusalOf(result, 'entry');
  return { imported: result.values.length };
}

/** The measures of a year, unit by unit against their targets: HR and auditors. */
export async function monitorMeasures(
  services: Services,
  me: Principal,
  year: number,
): Promise<MonitoredMeasure[]> {
  if (!mayReadCycles(me)) throw new Refusal(403, 'forbidden_role', 'This needs the hr or auditor role');
  return measureMonitoring(services.db, me.org, year);
}
