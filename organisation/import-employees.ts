// Imports employees from a CSV or XLSX file: a result per row. Valid rows are written (re-importing updates a person in
// place, keyed by NIP); invalid rows are reported with their line and reasons and write nothing. PNS and PPPK
// mix freely: each row's employment status is its number's kind.
// References (unit, position, supervisor) are checked against the database and the file itself.

import type { Kysely, Transaction } from 'kysely';
import {
  type EmployeeRow,
  employeeCsvColumns,
  type ImportedEmployee,
  readEmployeeRows,
} from '../domain/organisation/employee-csv.ts';
import type { Lang } from '../domain/vocabulary/languages.ts';
import type { Database } from '../schema/database.ts';
import { readFileRecords, type UploadedFile } from './file-records.ts';
import { recordImport } from './import-trail.ts';

export type ImportRowResult =
  | { line: number; ok: true; nip: string; action: 'created' | 'updated' }
  | { line: number; ok: false; errors: string[] };

export type ImportResult =
  | { ok: true; imported: number; rejected: number; rows: ImportRowResult[] }
  | { ok: false; headerErrors: string[] }
  /** The file as a whole could not be read (not a workbook). */
  | { ok: false; unreadable: string };

/** CSV as text or bytes (UTF-8), or an XLSX workbook (its first sheet). */
export type EmployeeFile = UploadedFile;

export async function importEmployees(
  db: Kysely<Database>,
  orgId: string,
  file: EmployeeFile,
  lang: Lang = 'en',
  /** Who imports: each record created or changed goes on the change trail in the same transaction. */
  by?: string,
): Promise<ImportResult> {
  const read = await readFileRecords(file);
  if (!read.ok) return read;
  const parsed = readEmployeeRows(read.records, lang);
  if (!parsed.ok) return { ok: false, headerErrors: parsed.headerErrors };
  return db.transaction().execute(async (trx) => {
    // One after another: a transaction is one connection, and pg deprecates overlapping queries on it.
    const units = await trx.selectFrom('units').select('code').where('org_id', '=', orgId).execute();
    const positions = await trx.selectFrom('positions').select('code').where('org_id', '=', orgId).execute();
    const existing = await trx.selectFrom('employees').select('nip').where('org_id', '=', orgId).execute();
    const unitCodes = new Set(units.map((u) => u.code));
    const positionCodes = new Set(positions.map((p) => p.code));
    const known = new Set(existing.map((e) => e.nip));
    const lineOfNip = new Map(parsed.rows.flatMap((r) => (r.ok ? [[r.employee.nip, r.line] as const] : [])));
    // A supervisor in the same file counts only if their own row is valid: repeat until nothing changes.
    const check = (inFile: Set<string>) =>
      parsed.rows.map((row) =>
        checkReferences(row, unitCodes, positionCodes, (nip) =>
          known.has(nip) || inFile.has(nip) ? 'exists' : (lineOfNip.get(nip) ?? 'unknown'),
        ),
      );
    let inFile = new Set(parsed.rows.flatMap((r) => (r.ok ? [r.employee.nip] : [])));
    let results = check(inFile);
    for (;;) {
      const stillValid = new Set(results.flatMap((r) => (r.ok ? [r.nip] : [])));
      if (stillValid.size === inFile.size) break;
      inFile = stillValid;
      results = check(inFile);
    }
    const valid = results.flatMap((r, i) =>
      r.ok && parsed.rows[i]?.ok ? [(parsed.rows[i] as Extract<EmployeeRow, { ok: true }>).employee] : [],
    );
    // A file without a rank column leaves people's ranks as they are (every row of a file has the column, or none).
    const withRank = valid.some((e) => e.rank !== undefined);
    const before = by ? await recordsBefore(trx, orgId, valid) : new Map<string, EmployeeRecord>();
    // In batches: one statement binds at most 65,535 parameters (11 per row), and an instansi can be larger.
    for (let i = 0; i < valid.length; i += insertBatch) {
      await trx
        .insertInto('employees')
        .values(valid.slice(i, i + insertBatch).map((e) => toRow(orgId, e)))
        .onConflict((oc) =>
          oc.columns(['org_id', 'nip']).doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            email: eb.ref('excluded.email'),
            unit_code: eb.ref('excluded.unit_code'),
            position_code: eb.ref('excluded.position_code'),
            supervisor_nip: eb.ref('excluded.supervisor_nip'),
            language: eb.ref('excluded.language'),
            employment_status: eb.ref('excluded.employment_status'),
            ...(withRank ? { rank: eb.ref('excluded.rank') } : {}),
            active: true,
            updated_at: new Date(),
          })),
        )
        .execute();
    }
    if (by) {
      const lineOf = new Map(results.flatMap((r) => (r.ok ? [[r.nip, r.line] as const] : [])));
      await recordImport(
        trx,
        orgId,
        by,
        'employee',
        valid.map((e) => {
          const was = before.get(e.nip);
          const { org_id: _o, updated_at: _u, ...row } = toRow(orgId, e);
          const after = { ...row, rank: withRank ? row.rank : (was?.rank ?? null), active: true };
          return { key: e.nip, before: was, after, ...lineAt(lineOf.get(e.nip)) };
        }),
      );
    }
    const rows: ImportRowResult[] = results.map((r) =>
      r.ok ? { ...r, action: known.has(r.nip) ? 'updated' : 'created' } : r,
    );
    const imported = rows.filter((r) => r.ok).length;
    return { ok: true, imported, rejected: rows.length - imported, rows };
  });
}

const insertBatch = 1000;

const lineAt = (line: number | undefined) => (line === undefined ? {} : { line });

type EmployeeRecord = Record<string, unknown> & { rank: string | null };

/** A person's record as a change records it: the file's columns (the table names its own alike) and `active`. */
export const employeeRecordColumns = [...employeeCsvColumns, 'active'] as const;

/** The imported people's records before the import, as a hand edit records them (saveEmployee). */
async function recordsBefore(
  trx: Transaction<Database>,
  orgId: string,
  valid: readonly ImportedEmployee[],
): Promise<Map<string, EmployeeRecord>> {
  const out = new Map<string, EmployeeRecord>();
  for (let i = 0; i < valid.length; i += insertBatch) {
    const nips = valid.slice(i, i + insertBatch).map((e) => e.nip);
    const rows = await trx
      .selectFrom('employees')
      .select(employeeRecordColumns)
      .where('org_id', '=', orgId)
      .where('nip', 'in', nips)
      .execute();
    for (const r of rows) out.set(r.nip, r);
  }
  return out;
}

/** Whether a supervisor exists, or else the line of their own (invalid) row in this file, if known. */
export type SupervisorLookup = (nip: string) => 'exists' | 'unknown' | number;

/** A row's unit, position and supervisor against what exists; shared with the one-person edit. */
export function checkReferences(
  row: EmployeeRow,
  units: Set<string>,
  positions: Set<string>,
  supervisor: SupervisorLookup,
): { line: number; ok: true; nip: string } | { line: number; ok: false; errors: string[] } {
  if (!row.ok) return row;
  const e = row.employee;
  const errors = [
    ...(units.has(e.unitCode) ? [] : [`unit_code: unknown unit "${e.unitCode}"`]),
    ...(positions.has(e.positionCode) ? [] : [`position_code: unknown position "${e.positionCode}"`]),
    ...(e.supervisorNip === null ? [] : supervisorErrors(e.supervisorNip, supervisor(e.supervisorNip))),
  ];
  return errors.length ? { line: row.line, ok: false, errors } : { line: row.line, ok: true, nip: e.nip };
}

function supervisorErrors(nip: string, found: ReturnType<SupervisorLookup>): string[] {
  if (found === 'exists') return [];
  // A row that failed parsing has no NIP to point at, hence the wording of the general case.
  if (found === 'unknown')
    return [
      `supervisor_nip: no employee with NIP ${nip} in the organisation or among the valid rows of this file`,
    ];
  return [`supervisor_nip: the supervisor's row (line ${found}) has errors`];
}

function toRow(orgId: string, e: ImportedEmployee) {
  return {
    org_id: orgId,
    nip: e.nip,
    name: e.name,
    email: e.email,
    unit_code: e.unitCode,
    position_code: e.positionCode,
    supervisor_nip: e.supervisorNip,
    language: e.language,
    employment_status: e.employmentStatus,
    rank: e.rank ?? null,
    updated_at: new Date(),
  };
}
