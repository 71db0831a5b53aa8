// The people of a cycle as HR changes them during the year: a member's current appraisal, an active
// employee with their place in the org chart, and people found by name for the pages' pickers (HR never
// types an 18-digit NIP).
import { type Kysely, sql } from 'kysely';
import type { AppraisalState } from '../../domain/appraisal/state.ts';
import type { Database } from '../../schema/database.ts';
import { sameOrg } from '../../schema/same-org.ts';

type Db = Kysely<Database>;

/**
 * A member's current appraisal in the cycle (the one HR's changes and the cycle's signals go to), with its
 * step (null before its first events are stored).
 */
export async function memberOf(
  db: Db,
  cycleId: string,
  nip: string,
): Promise<{ appraisalId: string; workflowId: string; step: string | null } | undefined> {
  const row = await db
    .selectFrom('cycle_members as m')
    .leftJoin('appraisals as a', 'a.appraisal_id', 'm.appraisal_id')
    .select(['m.appraisal_id', 'm.workflow_id', 'a.step'])
    .where('m.cycle_id', '=', cycleId)
    .where('m.nip', '=', nip)
    .executeTakeFirst();
  return row && { appraisalId: row.appraisal_id, workflowId: row.workflow_id, step: row.step };
}

/** An active employee of the organisation and their own supervisor in the org chart. */
export async function activeEmployee(
  db: Db,
  org: string,
  nip: string,
): Promise<{ nip: string; name: string; supervisorNip: string | null } | undefined> {
  const row = await db
    .selectFrom('employees')
    .select(['nip', 'name', 'supervisor_nip'])
    .where('org_id', '=', org)
    .where('nip', '=', nip)
    .where('active', '=', true)
    .executeTakeFirst();
  return row && { nip: row.nip, name: row.name, supervisorNip: row.supervisor_nip };
}

export interface FoundPerson {
  nip: string;
  name: string;
  unit: string;
  position: string;
}

/** The organisation's active people with their unit's and position's names. */
const activePeople = (db: Db, org: string) =>
  db
    .selectFrom('employees as e')
    .innerJoin('units as u', (j) => sameOrg(j, 'u.code', 'e.unit_code'))
    .innerJoin('positions as p', (j) => sameOrg(j, 'p.code', 'e.position_code'))
    .select(['e.nip', 'e.name', 'u.name as unit', 'p.name as position'])
    .where('e.org_id', '=', org)
    .where('e.active', '=', true);

/** One active person of the organisation, as the pickers show them. */
export async function personOf(db: Db, org: string, nip: string): Promise<FoundPerson | undefined> {
  return activePeople(db, org).where('e.nip', '=', nip).executeTakeFirst();
}

/**
 * Active people of the organisation whose name contains `text` (any case), by name, at most `limit`;
 * with `cycleId` only the cycle's members. Nothing for a search under two characters.
 */
export async function peopleNamed(
  db: Db,
  org: string,
  text: string,
  options: { cycleId?: string; limit?: number } = {},
): Promise<FoundPerson[]> {
  const words = text.trim();
  if (words.length < 2) return [];
  const pattern = `%${words.replace(/[\\%_]/g, '\\$&')}%`;
  let query = activePeople(db, org)
    .where(sql<boolean>`e.name ilike ${pattern}`)
    .orderBy('e.name')
    .orderBy('e.nip')
    .limit(options.limit ?? 20);
  const { cycleId } = options;
  if (cycleId)
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('cycle_members as m')
          .select('m.nip')
          .whereRef('m.nip', '=', 'e.nip')
          .where('m.cycle_id', '=', cycleId),
      ),
    );
  return query.execute();
}

/** The current appraisal of a cycle member, as HR sees it before changing its people. */
export async function memberAppraisal(
  db: Db,
  org: string,
  cycleId: string,
  nip: string,
): Promise<AppraisalState | undefined> {
  const row = await db
    .selectFrom('cycle_members as m')
    .innerJoin('appraisals as a', 'a.appraisal_id', 'm.appraisal_id')
    .select('a.state')
    .where('a.org_id', '=', org)
    .where('m.cycle_id', '=', cycleId)
    .where('m.nip', '=', nip)
    .executeTakeFirst();
  return row?.state as AppraisalState | undefined;
}

/** A unit's appraisals in the cycle (the cancelled left out), by name: each with its predikat and step. */
export function unitAppraisals(db: Db, cycleId: string, unitCode: string) {
  return db
    .selectFrom('appraisals as a')
    .leftJoin('employees as e', (j) => sameOrg(j, 'e.nip', 'a.nip'))
    .select(['a.nip', 'e.name', 'a.predikat', 'a.step'])
    .where('a.cycle_id', '=', cycleId)
    .where('a.unit_code', '=', unitCode)
    .where('a.step', '!=', 'cancelled')
    .orderBy('e.name')
    .orderBy('a.nip')
    .execute();
}

/**
 * The people a member rates in the cycle now: the running appraisals (not ended) whose rater they are,
 * by name. What a mutasi of that member leaves to be rated by someone else.
 */
export async function directReports(
  db: Db,
  org: string,
  cycleId: string,
  raterNip: string,
): Promise<Array<{ nip: string; name: string; appraisalId: string }>> {
  const rows = await db
    .selectFrom('cycle_members as m')
    .innerJoin('appraisals as a', 'a.appraisal_id', 'm.appraisal_id')
    .leftJoin('employees as e', (j) => sameOrg(j, 'e.nip', 'a.nip'))
    .select(['a.nip', 'a.appraisal_id', 'e.name'])
    .where('a.org_id', '=', org)
    .where('m.cycle_id', '=', cycleId)
    .where('a.supervisor_nip', '=', raterNip)
    .where('a.step', 'not in', ['cancelled', 'completed'])
    .orderBy('e.name')
    .orderBy('a.nip')
    .execute();
  return rows.map((r) => ({ nip: r.nip, name: r.name ?? r.nip, appraisalId: r.appraisal_id }));
}

/**
 * Who holds a member's post after them, when the org chart says so: the one other active employee in
 * the same unit and position (none, or several: not known, HR picks).
 */
export async function successorOf(db: Db, org: string, nip: string): Promise<FoundPerson | undefined> {
  const post = await db
    .selectFrom('employees')
    .select(['unit_code', 'position_code'])
    .where('org_id', '=', org)
    .where('nip', '=', nip)
    .executeTakeFirst();
  if (!post?.unit_code || !post.position_code) return undefined;
  const holders = await activePeople(db, org)
    .where('e.unit_code', '=', post.unit_code)
    .where('e.position_code', '=', post.position_code)
    .where('e.nip', '!=', nip)
    .limit(2)
    .execute();
  return holders.length === 1 ? holders[0] : undefined;
}
