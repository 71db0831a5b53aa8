// HR's hand edits of the master data, one record at a time: a unit, a position, an employee. The
// organisation tables are plain rows (not event-sourced), so each edit writes, in the same transaction,
// a row of organisation_changes: who, when, the record before and after. Nothing is written on an error.
import type { Kysely, Transaction } from 'kysely';
import type { ImportedEmployee } from '../domain/organisation/employee-csv.ts';
import {
  type Checked,
  employeeFieldErrors,
  type FieldError,
  type Position,
  type Unit,
} from '../domain/organisation/master-data.ts';
import type { Database } from '../schema/database.ts';
import { checkReferences, employeeRecordColumns } from './import-employees.ts';
import { ensureOrganisation } from './units-and-positions.ts';

type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
export type Saved = Checked<{ action: 'created' | 'updated' }>;

export async function recordChange(
  trx: Trx,
  org: string,
  by: string,
  change: {
    kind: 'unit' | 'position' | 'employee' | 'organisation';
    key: string;
    before: unknown;
    after: unknown;
  },
): Promise<void> {
  await trx
    .insertInto('organisation_changes')
    .values({
      org_id: org,
      kind: change.kind,
      key: change.key,
      by_nip: by,
      before: change.before === undefined ? null : JSON.stringify(change.before),
      after: JSON.stringify(change.after),
    })
    .execute();
}

const refused = (errors: FieldError[]): Saved => ({ ok: false, errors });

export async function saveUnit(db: Db, org: string, by: string, unit: Unit): Promise<Saved> {
  await ensureOrganisation(db, org);
  return db.transaction().execute(async (trx) => {
    const units = await trx
      .selectFrom('units')
      .select(['code', 'name', 'parent_code', 'head_nip', 'independent'])
      .where('org_id', '=', org)
      .execute();
    const parentOf = new Map(units.map((u) => [u.code, u.parent_code]));
    const errors: FieldError[] = [];
    if (unit.parentCode !== null) {
      if (!parentOf.has(unit.parentCode))
        errors.push({ field: 'parentCode', message: `unknown unit "${unit.parentCode}"` });
      // Walking up from the new parent must never come back to this unit: the units stay a tree.
      for (let at: string | null | undefined = unit.parentCode, n = 0; at && n <= units.length; n++) {
        if (at === unit.code) {
          errors.push({ field: 'parentCode', message: `"${unit.parentCode}" lies under "${unit.code}"` });
          break;
        }
        at = parentOf.get(at);
      }
    }
    if (unit.headNip !== null) {
      const head = await trx
        .selectFrom('employees')
        .select('nip')
        .where('org_id', '=', org)
        .where('nip', '=', unit.headNip)
        .executeTakeFirst();
      if (!head) errors.push({ field: 'headNip', message: `no employee with NIP ${unit.headNip}` });
    }
    if (errors.length > 0) return refused(errors);
    const before = units.find((u) => u.code === unit.code);
    const row = {
      name: unit.name,
      parent_code: unit.parentCode,
      head_nip: unit.headNip,
      independent: unit.independent,
    };
    await trx
      .insertInto('units')
      .values({ org_id: org, code: unit.code, ...row })
      .onConflict((oc) => oc.columns(['org_id', 'code']).doUpdateSet(row))
      .execute();
    await recordChange(trx, org, by, {
      kind: 'unit',
      key: unit.code,
      before,
      after: { code: unit.code, ...row },
    });
    return { ok: true, value: { action: before ? 'updated' : 'created' } };
  });
}

export async function savePosition(db: Db, org: string, by: string, position: Position): Promise<Saved> {
  await ensureOrganisation(db, org);
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('positions')
      .select(['code', 'name', 'kind', 'duties', 'default_indicators'])
      .where('org_id', '=', org)
      .where('code', '=', position.code)
      .executeTakeFirst();
    const row = {
      name: position.name,
      kind: position.kind,
      duties: JSON.stringify(position.duties),
      default_indicators: JSON.stringify(position.defaultIndicators),
    };
    await trx
      .insertInto('positions')
      .values({ org_id: org, code: position.code, ...row })
      .onConflict((oc) => oc.columns(['org_id', 'code']).doUpdateSet(row))
      .execute();
    await recordChange(trx, org, by, { kind: 'position', key: position.code, before, after: position });
    return { ok: true, value: { action: before ? 'updated' : 'created' } };
  });
}

/**
 * One employee, checked against the organisation as the import checks a row (unknown unit, position or
 * supervisor), and never made their own superior further up (the org chart stays a tree).
 */
export async function saveEmployee(
  db: Db,
  org: string,
  by: string,
  employee: ImportedEmployee & { rank: string | null },
): Promise<Saved> {
  await ensureOrganisation(db, org);
  return db.transaction().execute(async (trx) => {
    const units = await trx.selectFrom('units').select('code').where('org_id', '=', org).execute();
    const positions = await trx.selectFrom('positions').select('code').where('org_id', '=', org).execute();
    const people = await trx
      .selectFrom('employees')
      .select(['nip', 'supervisor_nip'])
      .where('org_id', '=', org)
      .execute();
    const supervisorOf = new Map(people.map((p) => [p.nip, p.supervisor_nip]));
    const checked = checkReferences(
      { line: 1, ok: true, employee },
      new Set(units.map((u) => u.code)),
      new Set(positions.map((p) => p.code)),
      (nip) => (supervisorOf.has(nip) ? 'exists' : 'unknown'),
    );
    const errors = checked.ok ? [] : employeeFieldErrors(checked.errors);
    for (let at = employee.supervisorNip, n = 0; at && n <= people.length; n++) {
      if (at === employee.nip) {
        errors.push({
          field: 'supervisorNip',
          message: `${employee.supervisorNip} reports to ${employee.nip}`,
        });
        break;
      }
      at = supervisorOf.get(at) ?? null;
    }
    if (errors.length > 0) return refused(errors);
    const before = await trx
      .selectFrom('employees')
      .select(employeeRecordColumns)
      .where('org_id', '=', org)
      .where('nip', '=', employee.nip)
      .executeTakeFirst();
    const row = {
      name: employee.name,
      email: employee.email,
      unit_code: employee.unitCode,
      position_code: employee.positionCode,
      supervisor_nip: employee.supervisorNip,
      language: employee.language,
      employment_status: employee.employmentStatus,
      rank: employee.rank,
      active: true,
      updated_at: new Date(),
    };
    await trx
      .insertInto('employees')
      .values({ org_id: org, nip: employee.nip, ...row })
      .onConflict((oc) => oc.columns(['org_id', 'nip']).doUpdateSet(row))
      .execute();
    const { updated_at: _, ...after } = row;
    await recordChange(trx, org, by, {
      kind: 'employee',
      key: employee.nip,
      before,
      after: { nip: employee.nip, ...after },
    });
    return { ok: true, value: { action: before ? 'updated' : 'created' } };
  });
}
