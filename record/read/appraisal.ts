// An appraisal from its read model: the employee's own (and the view of it they may see), and the whole
// state for whoever holds a task on it (the supervisor's agreement and check-in pages).
import { type Kysely, sql } from 'kysely';
import type { Principal } from '../../auth/identity.ts';
import type { AppraisalState } from '../../domain/appraisal/state.ts';
import { aggregateReviews } from '../../domain/review/berakhlak.ts';
import type { Database } from '../../schema/database.ts';

type Db = Kysely<Database>;

/**
 * My appraisal in the latest cycle, or in the given one; undefined when I have none there. Of two in one
 * cycle (I left and came back), the one not cancelled, else the latest.
 */
export async function myAppraisal(
  db: Db,
  principal: Principal,
  cycleId?: string,
): Promise<{ appraisalId: string; state: AppraisalState } | undefined> {
  let query = db
    .selectFrom('appraisals')
    .select(['appraisal_id', 'state'])
    .where('org_id', '=', principal.org)
    .where('nip', '=', principal.nip)
    .orderBy('cycle_id', 'desc')
    .orderBy(sql`step = 'cancelled'`)
    .orderBy('updated_at', 'desc')
    .limit(1);
  if (cycleId) query = query.where('cycle_id', '=', cycleId);
  const row = await query.executeTakeFirst();
  return row ? { appraisalId: row.appraisal_id, state: row.state as AppraisalState } : undefined;
}

/**
 * An appraisal's whole state, for someone the caller has already found to hold a task on it (read it
 * through inbox.ts taskOf first): it includes who said what.
 */
export async function appraisalState(
  db: Db,
  org: string,
  appraisalId: string,
): Promise<AppraisalState | undefined> {
  const row = await db
    .selectFrom('appraisals')
    .select('state')
    .where('org_id', '=', org)
    .where('appraisal_id', '=', appraisalId)
    .executeTakeFirst();
  return row?.state as AppraisalState | undefined;
}

export type EmployeeView = ReturnType<typeof employeeView>;

/**
 * The employee's view of their own appraisal. Peers' and subordinates' input only as an aggregate,
 * never who said what; the rating only once it is released.
 */
export function employeeView(s: AppraisalState) {
  const others = s.review.submitted.filter((r) => r.role === 'peer' || r.role === 'subordinate');
  const released = s.release !== null;
  return {
    appraisalId: s.appraisalId,
    cycleId: s.cycleId,
    step: s.step,
    deadline: s.deadline,
    /** The SKP's form and approach, and the unit the employee leads; null for an appraisal of before. */
    skp: s.skp ?? null,
    socialisation: s.socialisation,
    agreement: s.agreement,
    checkIns: s.checkIns,
    activityReports: s.activityReports,
    review: {
      selfSubmitted: s.review.submitted.some((r) => r.role === 'self'),
      supervisorSubmitted: s.review.submitted.some((r) => r.role === 'supervisor'),
      // Peers and subordinates: the aggregate only, and only from two reviews on, so no single
      // colleague's answer can be read off it.
      colleagues: others.length >= 2 ? aggregateReviews(others.map((r) => ({ scores: r.scores }))) : null,
    },
    rating: released ? s.rating : null,
    release: s.release,
    objection: s.objection,
    referral: s.referral,
    recognised: s.recognised,
  };
}

/**
 * The cycles I have an appraisal in, newest first, each with whether it may be shown on my appraisal
 * page: the latest, and every closed one (finished: nothing left to act on, so no form can reach a
 * cycle other than the one my commands go to).
 */
export async function myCycles(
  db: Db,
  principal: Principal,
): Promise<Array<{ cycle_id: string; year: number; status: string }>> {
  const rows = await db
    .selectFrom('appraisals')
    .innerJoin('cycles', 'cycles.cycle_id', 'appraisals.cycle_id')
    .select(['cycles.cycle_id', 'cycles.year', 'cycles.status'])
    .distinct()
    .where('appraisals.org_id', '=', principal.org)
    .where('appraisals.nip', '=', principal.nip)
    .orderBy('cycles.cycle_id', 'desc')
    .execute();
  return rows.filter((r, i) => i === 0 || r.status === 'closed');
}
