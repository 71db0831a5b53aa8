// The employee import file: one employee per row, checked row by row so that HR sees every problem of a
// file at once. Reading the file (CSV or XLSX) is I/O and lives in organisation/; the rules live here.
// Nothing here throws on bad input.

import { z } from 'zod';
import type { Lang } from '../vocabulary/languages.ts';
import { type EmploymentStatus, parseRank } from './employment.ts';
import { headerErrors } from './file-header.ts';
import { nipKind, parseNip } from './nip.ts';

/** One record of the file as read: its cells, or why it could not be read; `line` is where it starts. */
export type FileRecord = { line: number; fields: string[] } | { line: number; error: string };

/** The columns of the file, in the documented order; any order is accepted, `language` may be left out. */
export const employeeCsvColumns = [
  'nip',
  'name',
  'email',
  'unit_code',
  'position_code',
  'supervisor_nip',
  'language',
  'employment_status',
  'rank',
] as const;
export type EmployeeCsvColumn = (typeof employeeCsvColumns)[number];
const optionalColumns: ReadonlySet<EmployeeCsvColumn> = new Set(['language', 'employment_status', 'rank']);
/** Optional columns whose blank cell means "not given". */
const blankIsAbsent: ReadonlySet<string> = new Set([
  'supervisor_nip',
  'language',
  'employment_status',
  'rank',
]);

export const employeeLanguages = ['id', 'en'] as const;
export type EmployeeLanguage = (typeof employeeLanguages)[number];

export type ImportedEmployee = {
  nip: string;
  name: string;
  email: string;
  unitCode: string;
  positionCode: string;
  /** Empty for the head of the instansi. The supervisor may be in another file, so it is not looked up. */
  supervisorNip: string | null;
  language: EmployeeLanguage;
  /** The kind of the NIP (a given employment_status must agree with it). */
  employmentStatus: EmploymentStatus;
  /**
   * The pangkat/golongan in its stored form (employment.ts); null when the cell is blank, undefined when
   * the file has no rank column (a re-import then keeps the rank the person has).
   */
  rank?: string | null;
};

export type EmployeeRow =
  | { line: number; ok: true; employee: ImportedEmployee }
  | { line: number; ok: false; errors: string[] };

/** A bad header stops the file (no row can be read reliably); otherwise every row has a result. */
export type EmployeeCsv = { ok: true; rows: EmployeeRow[] } | { ok: false; headerErrors: string[] };

const code = z.string().min(1, 'is required').max(64, 'is longer than 64 characters');

// Cells arrive trimmed; blank optional cells arrive as undefined.
const rowSchema = z.object({
  nip: z.string().min(1, 'is required'),
  name: z.string().min(1, 'is required').max(200, 'is longer than 200 characters'),
  email: z.email('is not an email address').max(254, 'is longer than 254 characters'),
  unit_code: code,
  position_code: code,
  supervisor_nip: z.string().optional(),
  language: z
    .string()
    .transform((s) => s.toLowerCase())
    .pipe(z.enum(employeeLanguages, 'must be id or en'))
    .default('id'),
  employment_status: z
    .string()
    .transform((s) => s.toUpperCase())
    .pipe(z.enum(['PNS', 'PPPK'], 'must be PNS or PPPK'))
    .optional(),
  rank: z.string().max(100, 'is longer than 100 characters').optional(),
});

/**
 * The records of the file in order, empty lines left out, the header first. A wrong NIP is explained in
 * `lang` (the page's language on the web; English for the API).
 */
export function readEmployeeRows(records: readonly FileRecord[], lang: Lang = 'en'): EmployeeCsv {
  const first = records[0];
  if (first === undefined)
    return { ok: false, headerErrors: [`the file is empty; expected the header ${expected}`] };
  if ('error' in first) return { ok: false, headerErrors: [`header (line ${first.line}): ${first.error}`] };

  const header = first.fields.map((f) => f.trim().toLowerCase());
  const headerProblems = headerErrors(header, employeeCsvColumns, optionalColumns);
  if (headerProblems.length > 0) return { ok: false, headerErrors: headerProblems };

  const firstLineOfNip = new Map<string, number>();
  const rows: EmployeeRow[] = [];
  for (const record of records.slice(1)) {
    if ('error' in record) {
      rows.push({ line: record.line, ok: false, errors: [record.error] });
      continue;
    }
    if (record.fields.every((f) => f.trim() === '')) continue; // e.g. ",,,,,," left by spreadsheets
    rows.push(readRow(record.line, header, record.fields, firstLineOfNip, lang));
  }
  return { ok: true, rows };
}

const expected = employeeCsvColumns.join(',');

/** One record checked alone, as the only row of a file with this header (a hand edit of one person). */
export function readEmployeeRecord(header: string[], fields: string[], lang: Lang = 'en'): EmployeeRow {
  return readRow(1, header, fields, new Map(), lang);
}

function readRow(
  line: number,
  header: string[],
  fields: string[],
  firstLineOfNip: Map<string, number>,
  lang: Lang,
): EmployeeRow {
  if (fields.length !== header.length) {
    return {
      line,
      ok: false,
      errors: [`expected ${header.length} fields as in the header, found ${fields.length}`],
    };
  }
  const cells: Record<string, string | undefined> = {};
  header.forEach((column, index) => {
    const value = (fields[index] ?? '').trim();
    cells[column] = value === '' && blankIsAbsent.has(column) ? undefined : value;
  });

  const errors: string[] = [];
  const parsed = rowSchema.safeParse(cells);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors.push(`${issue.path.join('.')}: ${issue.message}`);
  }

  const nip = cells.nip ?? '';
  const nipResult = nip === '' ? null : parseNip(nip, lang);
  if (nipResult) {
    if (!nipResult.ok) errors.push(`nip: ${nipResult.message}`);
    else {
      const earlier = firstLineOfNip.get(nip);
      if (earlier !== undefined) errors.push(`nip: ${nip} already appears on line ${earlier}`);
      else firstLineOfNip.set(nip, line);
    }
  }
  const supervisorNip = cells.supervisor_nip;
  if (supervisorNip !== undefined) {
    const supervisorResult = parseNip(supervisorNip, lang);
    if (!supervisorResult.ok) errors.push(`supervisor_nip: ${supervisorResult.message}`);
    else if (supervisorNip === nip) errors.push('supervisor_nip: an employee cannot be their own supervisor');
  }

  const kind = nipResult?.ok ? nipResult.nip.kind : undefined;
  const rank = readStatusAndRank(kind, cells, header.includes('rank'), errors);

  if (errors.length > 0 || !parsed.success) return { line, ok: false, errors };
  const row = parsed.data;
  return {
    line,
    ok: true,
    employee: {
      nip: row.nip,
      name: row.name,
      email: row.email,
      unitCode: row.unit_code,
      positionCode: row.position_code,
      supervisorNip: row.supervisor_nip ?? null,
      language: row.language,
      employmentStatus: kind ?? nipKind(row.nip),
      ...(rank === undefined ? {} : { rank }),
    },
  };
}

/**
 * The status is the number's kind: a status the file gives must agree with it. The rank is read for that
 * status (for the given one when the number itself is wrong, whose error is reported already). Answers the
 * rank's stored form, null for a blank cell, undefined without a rank column; errors go to `errors`.
 */
function readStatusAndRank(
  kind: EmploymentStatus | undefined,
  cells: Record<string, string | undefined>,
  hasRankColumn: boolean,
  errors: string[],
): string | null | undefined {
  const given = cells.employment_status?.toUpperCase();
  const stated = given === 'PNS' || given === 'PPPK' ? given : undefined;
  if (kind && stated && stated !== kind)
    errors.push(
      `employment_status: is ${stated}, but ${cells.nip} is ${kind === 'PPPK' ? 'an NI PPPK' : 'a NIP PNS'}`,
    );
  if (!hasRankColumn) return undefined;
  const status = kind ?? stated;
  const text = cells.rank;
  if (text === undefined) return null;
  if (!status) return undefined;
  const rank = parseRank(status, text);
  if (rank.ok) return rank.rank;
  errors.push(`rank: ${rank.message}`);
  return undefined;
}
