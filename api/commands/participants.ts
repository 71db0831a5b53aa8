// HR's changes during the year to the people of one running appraisal, the one way in for the API and
// the web: the rater corrected (the superior following from the org chart), an acting rater (Plt/Plh)
// for a range of days; a mutasi or promotion (a new SKP period); and a leaver who came back, who gets a new appraisal in the same cycle. Each is a Workflow Update
// on the appraisal, its id derived from the Idempotency-Key (or the web form's key); the appraisal's
// rules refuse what they must (domain/appraisal/participant-changes.ts), and the open tasks move.
//
// A corrected rater is also written to the org chart (employees.supervisor_nip) in the same command:
// it is the same wrong fact, and cycles started from then on take the right rater from there. (A CSV
// imported later with the old supervisor would bring the old one back for those later cycles.)
import { type UpdateDefinition, WorkflowNotFoundError } from '@temporalio/client';
import type { Principal } from '../../auth/identity.ts';
import { skpFormFor } from '../../domain/appraisal/skp.ts';
import { cycleWorkflowId } from '../../domain/ids.ts';
import { localIsoDate } from '../../domain/time/local-text.ts';
import { setPost, setSupervisor } from '../../organisation/org-chart.ts';
import {
  activeEmployee,
  memberAppraisal as appraisalStateOf,
  memberOf,
} from '../../record/read/cycle-people.ts';
import { type Cycle, cycleOf } from '../../record/read/cycles.ts';
import { postOf, timeZoneOf } from '../../record/read/organisation.ts';
import {
  type ActResult,
  appointActingRaterUpdate,
  type CycleChangeResult,
  changeRaterUpdate,
  recordMutasiUpdate,
  rejoinEmployeeUpdate,
} from '../../workflows/messages.ts';
import { notFoundRefusal } from './appraisal-ended.ts';
import { updateIdFor } from './operation-id.ts';
import { Refusal, updateRefusal } from './refusal.ts';
import { requireHr } from './require.ts';
import type { Services } from './services.ts';
import { executeUpdate } from './temporal-calls.ts';

export interface RaterChangeRequest {
  raterNip: string;
  reason: string;
  /** YYYY-MM-DD, a day of the organisation's calendar from the cycle's start until today. */
  effectiveDate: string;
}

export interface ChangeResult extends ActResult {
  appraisalId: string;
  /** Open tasks that moved to their new holder. */
  movedTasks: number;
}

/** A running cycle of my organisation and the member's current appraisal in it. */
async function memberAppraisal(services: Services, me: Principal, cycleId: string, nip: string) {
  requireHr(me);
  const cycle = await cycleOf(services.db, me.org, cycleId);
  if (!cycle) throw new Refusal(404, 'not_found', 'No such cycle');
  if (cycle.status !== 'running') throw new Refusal(409, 'cycle_closed', 'The cycle is closed');
  const member = await memberOf(services.db, cycle.cycleId, nip);
  if (!member) throw new Refusal(404, 'not_found', `${nip} has no appraisal in this cycle`);
  return { cycle, member };
}

/** The organisation's today, and the first day a change may hold from (the cycle's start, or its year's). */
async function effectiveWindow(services: Services, me: Principal, cycle: Cycle) {
  const zone = await timeZoneOf(services.db, me.org);
  const started = localIsoDate(new Date(cycle.startedAt), zone);
  const yearStart = `${cycle.year}-01-01`;
  return { earliest: started < yearStart ? started : yearStart, today: localIsoDate(new Date(), zone) };
}

/** 422 invalid_effective_date naming the field, unless `date` lies between `earliest` and `latest`. */
function requireDateWithin(field: string, date: string, earliest: string, latest: string): void {
  if (date < earliest || date > latest)
    throw new Refusal(
      422,
      'invalid_effective_date',
      `${field} must lie between ${earliest} and ${latest}; got ${date}`,
      { field, earliest, latest },
    );
}

/**
 * HR corrects the rater of a member's running appraisal (the superior is the new rater's supervisor in
 * the org chart). 404 for a cycle or member not found; 422 unknown_rater for a rater who is no active
 * employee of the organisation, invalid_rater for one the appraisal's rules refuse; 409 when the
 * appraisal has ended or already has this rater.
 */
export async function changeRater(
  services: Services,
  me: Principal,
  cycleId: string,
  nip: string,
  request: RaterChangeRequest,
  key: string | undefined,
): Promise<ChangeResult> {
  const { cycle, member } = await memberAppraisal(services, me, cycleId, nip);
  const rater = await activeRater(services, me, request.raterNip, 'raterNip');
  const { earliest, today } = await effectiveWindow(services, me, cycle);
  requireDateWithin('effectiveDate', request.effectiveDate, earliest, today);
  const change = {
    raterNip: rater.nip,
    superiorNip: rater.supervisorNip,
    reason: request.reason,
    effectiveDate: request.effectiveDate,
    by: me.nip,
  };
  const result = await update(services, me, key, member, changeRaterUpdate, change);
  // After the appraisal took it: a refused change leaves the org chart as it was.
  await setSupervisor(services.db, me.org, nip, rater.nip);
  return result;
}

export interface ActingRaterRequest {
  actingNip: string;
  /** The first and the last day (YYYY-MM-DD) the acting rater stands in, days of the organisation's zone. */
  from: string;
  to: string;
  reason: string;
}

/**
 * HR appoints an acting rater (Plt/Plh) of a member's running appraisal for a range of days, counted in
 * the cycle's zone. 422 unknown_rater for someone who is no active employee; invalid_acting_range for a
 * range outside the cycle (from its start to the end of the following year), reversed or already over;
 * acting_overlap for one overlapping another appointment; invalid_rater for someone the rules refuse.
 * The org chart does not change: an acting rater is temporary.
 */
export async function appointActingRater(
  services: Services,
  me: Principal,
  cycleId: string,
  nip: string,
  request: ActingRaterRequest,
  key: string | undefined,
): Promise<ChangeResult> {
  const { cycle, member } = await memberAppraisal(services, me, cycleId, nip);
  const acting = await activeRater(services, me, request.actingNip, 'actingNip');
  const { earliest } = await effectiveWindow(services, me, cycle);
  const latest = `${cycle.year + 1}-12-31`;
  for (const field of ['from', 'to'] as const)
    if (request[field] < earliest || request[field] > latest)
      throw new Refusal(
        422,
        'invalid_acting_range',
        `${field} must lie between ${earliest} and ${latest}; got ${request[field]}`,
        { field, earliest, latest },
      );
  const recorded = cycle.calendar.timeZone;
  const timeZone = typeof recorded === 'string' ? recorded : await timeZoneOf(services.db, me.org);
  const appointment = { ...request, actingNip: acting.nip, timeZone, by: me.nip };
  return update(services, me, key, member, appointActingRaterUpdate, appointment);
}

export interface MutasiCommand {
  kind: 'mutasi' | 'promotion';
  unitCode: string;
  positionCode: string;
  /** The rater in the new post. */
  raterNip: string;
  reason: string;
  /** YYYY-MM-DD, the first day in the new post: from the cycle's start until today. */
  effectiveDate: string;
}

/**
 * HR records a mutasi or promotion of a member: their current SKP period closes and a new one opens under
 * the new unit, position and rater (the superior is the rater's supervisor in the org chart); the SKP form
 * follows the new position. 422 unknown_unit, unknown_position, unknown_rater (each naming its field),
 * invalid_effective_date; the appraisal's own refusals (domain/appraisal/mutasi.ts). The org chart takes
 * the new post once the appraisal has.
 */
export async function recordMutasi(
  services: Services,
  me: Principal,
  cycleId: string,
  nip: string,
  request: MutasiCommand,
  key: string | undefined,
): Promise<ChangeResult> {
  const { cycle, member } = await memberAppraisal(services, me, cycleId, nip);
  const { unit, position } = await postOf(services.db, me.org, request.unitCode, request.positionCode);
  if (!unit)
    throw new Refusal(422, 'unknown_unit', `No unit ${request.unitCode} in the organisation`, {
      field: 'unitCode',
    });
  if (!position)
    throw new Refusal(422, 'unknown_position', `No position ${request.positionCode} in the organisation`, {
      field: 'positionCode',
    });
  const rater = await activeRater(services, me, request.raterNip, 'raterNip');
  const { earliest, today } = await effectiveWindow(services, me, cycle);
  requireDateWithin('effectiveDate', request.effectiveDate, earliest, today);
  // The new post's SKP form, in the approach the appraisal has (appraisals of before record none).
  const setting = (await appraisalStateOf(services.db, me.org, cycleId, nip))?.skp;
  const leads = unit.head_nip === nip;
  const skp = setting && {
    form: skpFormFor(position.kind, leads && unit.independent),
    approach: setting.approach,
    ledUnitCode: leads ? unit.code : null,
  };
  const change = {
    kind: request.kind,
    unitCode: unit.code,
    positionCode: position.code,
    raterNip: rater.nip,
    superiorNip: rater.supervisorNip,
    ...(skp ? { skp } : {}),
    reason: request.reason,
    effectiveDate: request.effectiveDate,
    by: me.nip,
  };
  const result = await update(services, me, key, member, recordMutasiUpdate, change);
  await setPost(services.db, me.org, nip, { ...change, supervisorNip: rater.nip });
  return result;
}

export interface RejoinRequest {
  reason: string;
  /** YYYY-MM-DD, the day the person is back: from the cycle's start until today. */
  effectiveDate: string;
}

/**
 * A leaver came back: a new appraisal of theirs starts in the same cycle (id `<cycle>.<nip>-2`, ...), its
 * socialisation and SKP from today, the evaluation periods that open once that SKP is due; the cancelled
 * one stays as it was. 404 for one who was never a member (add them as a late joiner); 409 not_left while
 * their appraisal still runs, too_late once the cycle's rating has begun; 422 inactive_employee for one
 * the org chart has no longer (import them again first), invalid_effective_date.
 */
export async function rejoinEmployee(
  services: Services,
  me: Principal,
  cycleId: string,
  nip: string,
  request: RejoinRequest,
  key: string | undefined,
): Promise<CycleChangeResult & { appraisalId: string; previousAppraisalId: string }> {
  const { cycle, member } = await memberAppraisal(services, me, cycleId, nip);
  if (member.step !== 'cancelled')
    throw new Refusal(409, 'not_left', `${nip} has an appraisal running in this cycle`, {
      appraisalId: member.appraisalId,
    });
  if (!(await activeEmployee(services.db, me.org, nip)))
    throw new Refusal(422, 'inactive_employee', `${nip} is not an active employee: import them again first`, {
      field: 'nip',
    });
  const ratingStart = (cycle.calendar.rating as { start?: unknown } | undefined)?.start;
  if (typeof ratingStart === 'string' && ratingStart <= new Date().toISOString())
    throw new Refusal(409, 'too_late', 'The year’s ratings have begun: a new appraisal cannot start now');
  const { earliest, today } = await effectiveWindow(services, me, cycle);
  requireDateWithin('effectiveDate', request.effectiveDate, earliest, today);
  const handle = services.temporal.workflow.getHandle(cycleWorkflowId(cycle.cycleId));
  const result = await executeUpdate(
    services,
    handle,
    rejoinEmployeeUpdate,
    [{ nip, reason: request.reason, effectiveDate: request.effectiveDate, by: me.nip }],
    updateIdFor(me, key),
  );
  const now = await memberOf(services.db, cycle.cycleId, nip);
  return {
    ...result,
    appraisalId: now?.appraisalId ?? member.appraisalId,
    previousAppraisalId: member.appraisalId,
  };
}

/** The rater named in `field`, an active employee of my organisation; else 422 unknown_rater. */
async function activeRater(services: Services, me: Principal, nip: string, field: string) {
  const rater = await activeEmployee(services.db, me.org, nip);
  if (!rater)
    throw new Refusal(422, 'unknown_rater', `No active employee ${nip} in the organisation`, { field });
  return rater;
}

/**
 * Runs the Update on the member's appraisal; the appraisal's refusals as refusals, an ended appraisal as
 * 409 appraisal_closed, one whose workflow the launch has not started yet as 503 appraisal_starting.
 */
async function update<Change>(
  services: Services,
  me: Principal,
  key: string | undefined,
  member: { appraisalId: string; workflowId: string },
  definition: UpdateDefinition<ActResult, [Change]>,
  change: Change,
): Promise<ChangeResult> {
  try {
    const handle = services.temporal.workflow.getHandle(member.workflowId);
    const result = await executeUpdate(services, handle, definition, [change], updateIdFor(me, key));
    const movedTasks = result.eventTypes.filter((type) => type === 'task.reassigned').length;
    return { ...result, appraisalId: member.appraisalId, movedTasks };
  } catch (error) {
    const refusal = updateRefusal(error);
    if (refusal) throw refusal;
    if (error instanceof WorkflowNotFoundError) throw await notFoundRefusal(services.db, member.appraisalId);
    throw error;
  }
}
