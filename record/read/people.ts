// People of an organisation: names, each person as the official forms show them (number, employment
// status, pangkat/golongan, position, unit), the dev login picker, and a supervisor's team (direct reports
// from the org chart, the step of each one's latest appraisal and the open tasks on it).
import { type Kysely, sql } from 'kysely';
import type { EmploymentStatus } from '../../domain/organisation/employment.ts';
import type { Database } from '../../schema/database.ts';
import { sameOrg } from '../../schema/same-org.ts';

type Db = Kysely<Database>;

export async function employeeName(db: Db, org: string, nip: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('employees')
    .select('name')
    .where('org_id', '=', org)
    .where('nip', '=', nip)
    .executeTakeFirst();
  return row?.name;
}

export async function employeeNames(db: Db, org: string, nips: string[]): Promise<Map<string, string>> {
  if (nips.length === 0) return new Map();
  const rows = await db
    .selectFrom('employees')
    .select(['nip', 'name'])
    .where('org_id', '=', org)
    .where('nip', 'in', [...new Set(nips)])
    .execute();
  return new Map(rows.map((r) => [r.nip, r.name]));
}

/** A person as the SKP and the evaluation documents show them. */
export interface StaffCard {
  nip: string;
  name: string;
  /** PNS (the number is a NIP) or PPPK (an NI PPPK). */
  employmentStatus: EmploymentStatus;
  /** "Penata Muda, III/a" for a PNS, "IX" for a PPPK; null when HR has not given it. */
  rank: string | null;
  position: string | null;
  unit: string | null;
}

/** The people of these NIPs the organisation lists (active or not), by NIP. */
export async function staffCards(
  db: Db,
  org: string,
  nips: Array<string | null>,
): Promise<Map<string, StaffCard>> {
  const wanted = [...new Set(nips.filter((n): n is string => n !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('employees as e')
    .leftJoin('units as u', (j) => sameOrg(j, 'u.code', 'e.unit_code'))
    .leftJoin('positions as p', (j) => sameOrg(j, 'p.code', 'e.position_code'))
    .select(['e.nip', 'e.name', 'e.employment_status as employmentStatus', 'e.rank'])
    .select(['p.name as position', 'u.name as unit'])
    .where('e.org_id', '=', org)
    .where('e.nip', 'in', wanted)
    .execute();
  return new Map(rows.map((card): [string, StaffCard] => [card.nip, card]));
}

/** The two people an SKP and its evaluation name: the appraised employee and the rater (pejabat penilai). */
export interface Parties {
  employee: StaffCard | null;
  rater: StaffCard | null;
}

export async function partiesOf(
  db: Db,
  org: string,
  nips: { employee: string; rater: string | null },
): Promise<Parties> {
  const cards = await staffCards(db, org, [nips.employee, nips.rater]);
  return {
    employee: cards.get(nips.employee) ?? null,
    rater: nips.rater === null ? null : (cards.get(nips.rater) ?? null),
  };
}

export interface PickerPerson {
  nip: string;
  name: string;
  unit: string;
  position: string;
}

/**
 * The dev login picker: every organisation with its active people, grouped by unit. Scratch organisations
 * are left out: one nobody works in, and one never named (a stray API call for a new id makes the row,
 * named after its id).
 */
export async function organisationsWithPeople(db: Db) {
  const [orgs, people] = await Promise.all([
    db.selectFrom('organisations').select(['id', 'name']).orderBy('name').execute(),
    db
      .selectFrom('employees as e')
      .innerJoin('units as u', (j) => sameOrg(j, 'u.code', 'e.unit_code'))
      .innerJoin('positions as p', (j) => sameOrg(j, 'p.code', 'e.position_code'))
      .select(['e.org_id', 'e.nip', 'e.name', 'u.name as unit', 'p.name as position'])
      .where('e.active', '=', true)
      .orderBy('e.org_id')
      .orderBy('u.name')
      .orderBy('e.name')
      .execute(),
  ]);
  return orgs
    .map((o) => ({
      id: o.id,
      name: o.name,
      people: people.filter((p) => p.org_id === o.id) as PickerPerson[],
    }))
    .filter((o) => o.people.length > 0 && o.name !== o.id);
}

/** The organisation's active employees (a leaver's row stays, inactive). */
const activeEmployees = (db: Db, org: string) =>
  db.selectFrom('employees').select('nip').where('org_id', '=', org).where('active', '=', true);

/** Whether this NIP is an active employee of the organisation (the dev login picker signs in only those). */
export async function isActiveEmployee(db: Db, org: string, nip: string): Promise<boolean> {
  const row = await activeEmployees(db, org).where('nip', '=', nip).executeTakeFirst();
  return row !== undefined;
}

export interface TeamMember {
  nip: string;
  name: string;
  position: string;
  /** PNS or PPPK, and the pangkat/golongan (PNS) or golongan (PPPK); null when HR has not given it. */
  employmentStatus: 'PNS' | 'PPPK';
  rank: string | null;
  appraisal: { appraisalId: string; cycleId: string; step: string; deadline: string | null } | null;
  tasks: Array<{
    taskId: string;
    kind: string;
    assigneeNip: string | null;
    assigneeRole: string;
    dueAt: string | null;
  }>;
}

/** Whether a person has anyone reporting to them (the team page and its link are for those who do). */
export async function hasReports(db: Db, org: string, nip: string): Promise<boolean> {
  const row = await activeEmployees(db, org).where('supervisor_nip', '=', nip).limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function teamOf(db: Db, org: string, nip: string): Promise<TeamMember[]> {
  const people = await db
    .selectFrom('employees as e')
    .innerJoin('positions as p', (j) => sameOrg(j, 'p.code', 'e.position_code'))
    .select(['e.nip', 'e.name', 'p.name as position', 'e.employment_status', 'e.rank'])
    .where('e.org_id', '=', org)
    .where('e.supervisor_nip', '=', nip)
    .where('e.active', '=', true)
    .orderBy('e.name')
    .execute();
  if (people.length === 0) return [];
  const nips = people.map((p) => p.nip);
  const appraisals = await db
    .selectFrom('appraisals')
    .select(['appraisal_id', 'cycle_id', 'nip', 'step', 'deadline'])
    .where('org_id', '=', org)
    .where('nip', 'in', nips)
    .orderBy('cycle_id', 'desc')
    // Of two in one cycle (someone who left and came back): the one not cancelled, else the latest.
    .orderBy(sql`step = 'cancelled'`)
    .orderBy('updated_at', 'desc')
    .execute();
  const latest = new Map<string, (typeof appraisals)[number]>();
  for (const a of appraisals) if (!latest.has(a.nip)) latest.set(a.nip, a);
  const ids = [...latest.values()].map((a) => a.appraisal_id);
  const tasks =
    ids.length === 0
      ? []
      : await db
          .selectFrom('tasks')
          .select(['task_id', 'appraisal_id', 'kind', 'assignee_nip', 'assignee_role', 'due_at'])
          .where('org_id', '=', org)
          .where('status', '=', 'open')
          .where('appraisal_id', 'in', ids)
          .orderBy('due_at')
          .orderBy('task_id')
          .execute();
  return people.map(({ employment_status, rank, ...p }) => {
    const a = latest.get(p.nip);
    return {
      ...p,
      employmentStatus: employment_status,
      rank,
      appraisal: a
        ? {
            appraisalId: a.appraisal_id,
            cycleId: a.cycle_id,
            step: a.step,
            deadline: a.deadline?.toISOString() ?? null,
          }
        : null,
      tasks: tasks
        .filter((x) => x.appraisal_id === a?.appraisal_id)
        .map((x) => ({
          taskId: x.task_id,
          kind: x.kind,
          assigneeNip: x.assignee_nip,
          assigneeRole: x.assignee_role,
          dueAt: x.due_at?.toISOString() ?? null,
        })),
    };
  });
}
