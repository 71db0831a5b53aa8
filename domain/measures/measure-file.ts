// Measure values as they arrive: a CSV or XLSX file (one value per row) or a JSON body posted by another
// system, both with a source and a timestamp. Every row is checked so that whoever sends them sees every
// problem at once, and one bad row refuses the whole file: a unit's figures are either all in or none.
// Reading the file is I/O (organisation/); the rules live here. Nothing here throws on bad input.

import { z } from 'zod';
import { isPeriodId } from '../cycle/periods.ts';
import type { FileRecord } from '../organisation/employee-csv.ts';
import { headerErrors } from '../organisation/file-header.ts';

/** The columns, in the documented order; any order is accepted, `source` and `recorded_at` may be left out. */
export const measureFileColumns = [
  'measure_code',
  'unit_code',
  'year',
  'period',
  'value',
  'source',
  'recorded_at',
] as const;
const optionalColumns: ReadonlySet<string> = new Set(['source', 'recorded_at']);

/** One value of one measure for one unit and period. */
export interface MeasureValue {
  measureCode: string;
  unitCode: string;
  year: number;
  period: string;
  value: number;
  /** Where the figure comes from (the system or the file), and when that system recorded it. */
  source: string;
  recordedAt: string;
}

/** What the import checks references against: the organisation's measures and units. */
export interface KnownCodes {
  measures: ReadonlySet<string>;
  units: ReadonlySet<string>;
}

/** A row (a line of the file, or an entry of the posted list) and what is wrong with it. */
export interface RowErrors {
  line: number;
  errors: string[];
}

export type MeasureRows =
  | { ok: true; values: MeasureValue[] }
  | { ok: false; headerErrors: string[] }
  | { ok: false; rows: RowErrors[] };

/** What a value's cells are when no column gives them: the request's source and time. */
export interface RowDefaults {
  source: string;
  recordedAt: string;
}

type Cells = Partial<Record<(typeof measureFileColumns)[number], string>>;

const expected = measureFileColumns.join(',');
const isoInstant = z.iso.datetime({ offset: true });

/** The records of a file, the header first: every value, or every row that is wrong and why. */
export function readMeasureRows(
  records: readonly FileRecord[],
  defaults: RowDefaults,
  known: KnownCodes,
): MeasureRows {
  const first = records[0];
  if (first === undefined)
    return { ok: false, headerErrors: [`the file is empty; expected the header ${expected}`] };
  if ('error' in first) return { ok: false, headerErrors: [`header (line ${first.line}): ${first.error}`] };
  const header = first.fields.map((f) => f.trim().toLowerCase());
  const headerProblems = headerErrors(header, measureFileColumns, optionalColumns);
  if (headerProblems.length > 0) return { ok: false, headerErrors: headerProblems };
  const rows: Array<{ line: number; cells: Cells } | RowErrors> = [];
  for (const record of records.slice(1)) {
    if ('error' in record) {
      rows.push({ line: record.line, errors: [record.error] });
      continue;
    }
    if (record.fields.every((f) => f.trim() === '')) continue; // ",,,,," left by spreadsheets
    if (record.fields.length !== header.length) {
      const found = record.fields.length;
      rows.push({
        line: record.line,
        errors: [`expected ${header.length} fields as in the header, found ${found}`],
      });
      continue;
    }
    const cells: Cells = {};
    header.forEach((column, i) => {
      cells[column as keyof Cells] = (record.fields[i] ?? '').trim();
    });
    rows.push({ line: record.line, cells });
  }
  if (rows.length === 0)
    return { ok: false, rows: [{ line: first.line, errors: ['the file has no values'] }] };
  return checkRows(rows, defaults, known, 'line');
}

/** The JSON body another system posts: the source and time of all its values, each value's cells. */
export const postedMeasureValuesSchema = z.strictObject({
  source: z.string().trim().min(1).max(200),
  recordedAt: isoInstant,
  // Loose on purpose: what is wrong with an entry is reported by entry, as a file's rows are by line.
  values: z
    .array(
      z.strictObject({
        measureCode: z.string().max(100),
        unitCode: z.string().max(100),
        year: z.number(),
        period: z.string().max(20),
        value: z.number(),
      }),
    )
    .min(1)
    .max(5000),
});
export type PostedMeasureValues = z.infer<typeof postedMeasureValuesSchema>;

/** A posted list: every value, or every entry that is wrong (numbered from 1, as `line`). */
export function checkPostedValues(body: PostedMeasureValues, known: KnownCodes): MeasureRows {
  const rows = body.values.map((v, i) => ({
    line: i + 1,
    cells: {
      measure_code: v.measureCode,
      unit_code: v.unitCode,
      year: String(v.year),
      period: v.period,
      value: String(v.value),
    } satisfies Cells,
  }));
  return checkRows(rows, { source: body.source, recordedAt: body.recordedAt }, known, 'entry');
}

function checkRows(
  rows: ReadonlyArray<{ line: number; cells: Cells } | RowErrors>,
  defaults: RowDefaults,
  known: KnownCodes,
  what: 'line' | 'entry',
): MeasureRows {
  const firstOf = new Map<string, number>();
  const values: MeasureValue[] = [];
  const bad: RowErrors[] = [];
  for (const row of rows) {
    if ('errors' in row) {
      bad.push(row);
      continue;
    }
    const read = readValue(row.cells, defaults, known);
    if (read.ok) {
      const v = read.value;
      const key = [v.measureCode, v.unitCode, v.year, v.period].join('\u0000');
      const earlier = firstOf.get(key);
      if (earlier === undefined) {
        firstOf.set(key, row.line);
        values.push(v);
        continue;
      }
      read.errors.push(
        `${v.measureCode} of ${v.unitCode} for ${v.period} ${v.year} already given on ${what} ${earlier}`,
      );
    }
    bad.push({ line: row.line, errors: read.errors });
  }
  return bad.length > 0 ? { ok: false, rows: bad } : { ok: true, values };
}

function readValue(
  cells: Cells,
  defaults: RowDefaults,
  known: KnownCodes,
): { ok: true; value: MeasureValue; errors: string[] } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const measureCode = cells.measure_code ?? '';
  if (measureCode === '') errors.push('measure_code: is required');
  else if (!known.measures.has(measureCode)) errors.push(`measure_code: unknown measure "${measureCode}"`);
  const unitCode = cells.unit_code ?? '';
  if (unitCode === '') errors.push('unit_code: is required');
  else if (!known.units.has(unitCode)) errors.push(`unit_code: unknown unit "${unitCode}"`);
  const year = Number(cells.year);
  if (!/^\d{4}$/.test(cells.year ?? '') || year < 2000 || year > 2100)
    errors.push(`year: "${cells.year ?? ''}" is not a year (2000-2100)`);
  const period = (cells.period ?? '').toUpperCase();
  if (!isPeriodId(period))
    errors.push(`period: "${cells.period ?? ''}" is not a period (TW1-TW4, M01-M12, S1-S2)`);
  const value = parseAmount(cells.value ?? '');
  if (typeof value === 'string') errors.push(`value: ${value}`);
  const source = cells.source || defaults.source;
  if (source.length > 200) errors.push('source: is longer than 200 characters');
  const recordedAt = cells.recorded_at || defaults.recordedAt;
  if (!isoInstant.safeParse(recordedAt).success)
    errors.push(`recorded_at: "${recordedAt}" is not a time with its offset, e.g. 2027-04-05T08:00:00+07:00`);
  if (errors.length > 0 || typeof value === 'string') return { ok: false, errors };
  return {
    ok: true,
    errors,
    value: { measureCode, unitCode, year, period, value, source, recordedAt },
  };
}

/**
 * A value as people write it: digits with at most one decimal separator, `.` or `,` (Excel in an
 * Indonesian locale writes 2,5). A second separator (1.250,5) is refused: thousands are never grouped.
 */
export function parseAmount(text: string): number | string {
  const t = text.trim();
  if (t === '') return 'is required';
  if (!/^\d+([.,]\d+)?$/.test(t))
    return `"${t}" is not a number of at least 0 (one decimal separator, no thousands separator)`;
  const n = Number(t.replace(',', '.'));
  return n > 1e12 ? `${t} is larger than 10^12` : n;
}
