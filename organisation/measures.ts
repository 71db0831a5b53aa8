// HR's measures of units: their definitions (in place by code) and their values per unit and period, from
// a CSV or XLSX file or posted by another system. All or nothing: a value is written only when every row
// of the file is right, in one transaction; a re-import replaces a unit's value for that period.

import type { Kysely } from 'kysely';
import type { Measure } from '../domain/measures/measure.ts';
import {
  checkPostedValues,
  type KnownCodes,
  type MeasureRows,
  type MeasureValue,
  type PostedMeasureValues,
  type RowDefaults,
  readMeasureRows,
} from '../domain/measures/measure-file.ts';
import type { Database } from '../schema/database.ts';
import { readFileRecords, type UploadedFile } from './file-records.ts';
import { ensureOrganisation } from './units-and-positions.ts';

type Db = Kysely<Database>;

export async function upsertMeasures(db: Db, orgId: string, measures: readonly Measure[]): Promise<void> {
  await ensureOrganisation(db, orgId);
  await db
    .insertInto('measures')
    .values(
      measures.map((m) => ({
        org_id: orgId,
        code: m.code,
        name: m.name,
        satuan: m.satuan,
        lower_is_better: m.lowerIsBetter,
        target: m.target ?? null,
        targets: JSON.stringify(m.targets),
      })),
    )
    .onConflict((oc) =>
      oc.columns(['org_id', 'code']).doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        satuan: eb.ref('excluded.satuan'),
        lower_is_better: eb.ref('excluded.lower_is_better'),
        target: eb.ref('excluded.target'),
        targets: eb.ref('excluded.targets'),
        updated_at: new Date(),
      })),
    )
    .execute();
}

/** A measures file: CSV as text or bytes, or an XLSX workbook (its first sheet). */
export type MeasureFile = UploadedFile;

export type MeasureImport = MeasureRows | { ok: false; unreadable: string };

/** Reads and checks a file; writes its values only when every row is right. */
export async function importMeasureFile(
  db: Db,
  orgId: string,
  by: string,
  file: MeasureFile,
  defaults: RowDefaults,
): Promise<MeasureImport> {
  const read = await readFileRecords(file);
  if (!read.ok) return read;
  return writeChecked(db, orgId, by, (known) => readMeasureRows(read.records, defaults, known));
}

/** Checks a posted list; writes its values only when every entry is right. */
export async function importPostedValues(
  db: Db,
  orgId: string,
  by: string,
  body: PostedMeasureValues,
): Promise<MeasureRows> {
  return writeChecked(db, orgId, by, (known) => checkPostedValues(body, known));
}

async function writeChecked(
  db: Db,
  orgId: string,
  by: string,
  check: (known: KnownCodes) => MeasureRows,
): Promise<MeasureRows> {
  return db.transaction().execute(async (trx) => {
    const measures = await trx.selectFrom('measures').select('code').where('org_id', '=', orgId).execute();
    const units = await trx.selectFrom('units').select('code').where('org_id', '=', orgId).execute();
    const known = {
      measures: new Set(measures.map((m) => m.code)),
      units: new Set(units.map((u) => u.code)),
    };
    const result = check(known);
    if (result.ok) await writeValues(trx, orgId, by, result.values);
    return result;
  });
}

// In batches: one statement binds at most 65,535 parameters (9 per row).
const batch = 1000;

async function writeValues(db: Db, orgId: string, by: string, values: readonly MeasureValue[]) {
  for (let i = 0; i < values.length; i += batch) {
    await db
      .insertInto('measure_values')
      .values(
        values.slice(i, i + batch).map((v) => ({
          org_id: orgId,
          measure_code: v.measureCode,
          unit_code: v.unitCode,
          year: v.year,
          period: v.period,
          value: v.value,
          source: v.source,
          recorded_at: v.recordedAt,
          imported_by: by,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['org_id', 'measure_code', 'unit_code', 'year', 'period']).doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          source: eb.ref('excluded.source'),
          recorded_at: eb.ref('excluded.recorded_at'),
          imported_by: eb.ref('excluded.imported_by'),
          imported_at: new Date(),
        })),
      )
      .execute();
  }
}
