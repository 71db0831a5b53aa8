// HR's master data, one record at a time: lists for the pages and the API, and the edits, each checked by
// the rules of domain/organisation/master-data.ts (the import's own for an employee) and recorded with who
// and when. HR of the organisation only; a rule broken is 422 invalid_master_data naming each field.
import type { Principal } from '../../auth/identity.ts';
import {
  type Checked,
  checkEmployee,
  checkPosition,
  checkUnit,
  employeeCsvTemplate,
} from '../../domain/organisation/master-data.ts';
import { type Saved, saveEmployee, savePosition, saveUnit } from '../../organisation/master-data.ts';
import {
  changesOf,
  employeeList,
  employeeRecord,
  positionList,
  unitTree,
} from '../../record/read/master-data.ts';
import { Refusal } from './refusal.ts';
import { requireHr } from './require.ts';
import type { Services } from './services.ts';

function refuse(errors: Array<{ field: string; message: string }>): never {
  const detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  throw new Refusal(422, 'invalid_master_data', detail, { field: errors[0]?.field, errors });
}

async function save<T>(checked: Checked<T>, write: (value: T) => Promise<Saved>) {
  if (!checked.ok) refuse(checked.errors);
  const saved = await write(checked.value);
  if (!saved.ok) refuse(saved.errors);
  return saved.value;
}

export async function listUnits(services: Services, me: Principal) {
  requireHr(me);
  return unitTree(services.db, me.org);
}

export async function listPositions(services: Services, me: Principal, q?: string) {
  requireHr(me);
  return positionList(services.db, me.org, q);
}

export async function listEmployees(
  services: Services,
  me: Principal,
  filter: { q?: string; unit?: string; limit?: number },
) {
  requireHr(me);
  return employeeList(services.db, me.org, filter);
}

/** One employee with their latest edits; 404 for a NIP the organisation does not list. */
export async function readEmployee(services: Services, me: Principal, nip: string) {
  requireHr(me);
  const found = await employeeRecord(services.db, me.org, nip);
  if (!found) throw new Refusal(404, 'not_found', `No employee ${nip}`);
  return { ...found, changes: await changesOf(services.db, me.org, 'employee', nip) };
}

/** A unit created or changed (its code from the path wins over the body's). */
export async function editUnit(services: Services, me: Principal, code: string, body: unknown) {
  requireHr(me);
  const input = typeof body === 'object' && body !== null ? { ...body, code } : body;
  return save(checkUnit(input), (unit) => saveUnit(services.db, me.org, me.nip, unit));
}

export async function editPosition(services: Services, me: Principal, code: string, body: unknown) {
  requireHr(me);
  const input = typeof body === 'object' && body !== null ? { ...body, code } : body;
  return save(checkPosition(input), (position) => savePosition(services.db, me.org, me.nip, position));
}

export async function editEmployee(services: Services, me: Principal, nip: string, body: unknown) {
  requireHr(me);
  return save(checkEmployee(nip, body), (employee) => saveEmployee(services.db, me.org, me.nip, employee));
}

export async function recordChanges(
  services: Services,
  me: Principal,
  kind: 'unit' | 'position' | 'employee',
  key: string,
) {
  requireHr(me);
  return changesOf(services.db, me.org, kind, key);
}

/** The employee import's CSV template, its example row naming the organisation's first unit and position. */
export async function employeeTemplate(services: Services, me: Principal): Promise<string> {
  requireHr(me);
  const [unit] = await unitTree(services.db, me.org);
  const [position] = await positionList(services.db, me.org);
  return employeeCsvTemplate(unit?.code, position?.code);
}
