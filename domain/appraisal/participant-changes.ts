// Changes during the year to the people of a running appraisal, made by HR: the rater corrected (wrong
// supervisor data is the most common complaint about e-Kinerja), the rater's superior following; an
// acting rater (Plt/Plh) for a range of days. Each is an event with its reason and effective date, and
// the open tasks move to whoever holds their part now (task.reassigned), so nothing restarts and nobody
// waits on a task in the wrong inbox.
import { DomainError } from '../errors.ts';
import { parseTaskId } from '../ids.ts';
import { startOfLocalDate } from '../time/fixed-offsets.ts';
import type { AppraisalEvent } from './events.ts';
import { requireActive } from './guards.ts';
import { type Party, partyOf, raterNow } from './parties.ts';
import { type AppraisalState, evolve, type OpenTask } from './state.ts';

const partyOfTask = (task: OpenTask) => partyOf(task.kind, parseTaskId(task.taskId)?.qualifier);

/** Who holds the rater's or the superior's part now; undefined for the parts that never move. */
function holderOf(state: AppraisalState, party: Party): { nip: string | null } | undefined {
  if (party === 'rater') return { nip: raterNow(state) };
  if (party === 'superior') return { nip: state.participants.superiorNip };
  return undefined;
}

/**
 * Moves every open task of the rater's and the superior's parts to whoever holds that part in `state`:
 * a task that already is theirs stays. Nobody in the part (top of the org chart): HR's, as assignTask does.
 */
export function reassignOpenTasks(state: AppraisalState, reason: string, now: string): AppraisalEvent[] {
  return Object.values(state.openTasks).flatMap((task): AppraisalEvent[] => {
    const holder = holderOf(state, partyOfTask(task));
    if (!holder) return [];
    const assigneeRole =
      holder.nip === null ? 'hr' : task.kind === 'decideObjection' ? 'objectionReviewer' : 'supervisor';
    if (task.assigneeNip === holder.nip && task.assigneeRole === assigneeRole) return [];
    return [
      {
        type: 'task.reassigned',
        data: {
          taskId: task.taskId,
          fromNip: task.assigneeNip,
          assigneeNip: holder.nip,
          assigneeRole,
          reason,
          at: now,
        },
      },
    ];
  });
}

export interface RaterChange {
  /** The right rater (pejabat penilai kinerja). */
  raterNip: string;
  /** The new rater's own supervisor in the org chart (atasan pejabat penilai); null at its top. */
  superiorNip: string | null;
  reason: string;
  /** The day the change holds from (YYYY-MM-DD, the organisation's calendar). */
  effectiveDate: string;
  by: string;
}

/**
 * HR corrects the rater of a running appraisal. What the previous rater did stays on record, but a
 * signature on an SKP version not yet agreed: that one the new rater gives again. Refused for a finished
 * appraisal (wrong_step), for a rater who is the employee, a direct report or an assigned peer, or a
 * superior who is the employee (invalid_rater), and when nothing would change (already_done).
 */
export function changeRater(state: AppraisalState, change: RaterChange, now: string): AppraisalEvent[] {
  requireActive(state);
  const p = state.participants;
  const { raterNip, superiorNip, reason, effectiveDate, by } = change;
  const refuse = (message: string) => new DomainError('invalid_rater', message, { raterNip });
  if (raterNip === p.employee.nip) throw refuse('An employee cannot be their own rater');
  if (p.subordinateNips.includes(raterNip)) throw refuse('A direct report cannot be the rater');
  if (state.review.peerNips.includes(raterNip))
    throw refuse('The rater cannot also be a peer reviewer of the same appraisal');
  if (superiorNip === p.employee.nip)
    throw refuse("The new rater reports to the employee: the employee would be the rater's superior");
  if (raterNip === p.supervisorNip && superiorNip === p.superiorNip)
    throw new DomainError('already_done', `${raterNip} is already the rater`, { raterNip });
  const { agreedVersion, signatures } = state.agreement;
  const signatureVoided = agreedVersion === null ? signatures.supervisor : null;
  const changed: AppraisalEvent = {
    type: 'participants.changed',
    data: {
      supervisorNip: raterNip,
      superiorNip,
      previousSupervisorNip: p.supervisorNip,
      previousSuperiorNip: p.superiorNip,
      reason,
      effectiveDate,
      signatureVoided,
      by,
      at: now,
    },
  };
  return [changed, ...reassignOpenTasks(evolve(state, changed), reason, now)];
}

export interface ActingAppointmentRequest {
  actingNip: string;
  /** The first and the last day the acting rater stands in (YYYY-MM-DD, days of `timeZone`). */
  from: string;
  to: string;
  /** The organisation's zone (the cycle's): the days begin at 00:00 there. */
  timeZone: string;
  reason: string;
  by: string;
}

const invalidRange = (message: string) => new DomainError('invalid_acting_range', message);

/**
 * HR appoints an acting rater (Plt/Plh) from `from` to `to`: from 00:00 local on the first day to the end
 * of the last, the rater's part (open tasks and those given meanwhile) is theirs and they rate as the
 * rater; before and after, the rater's. A range that has begun starts at once; one not yet begun starts
 * when the workflow's timer reaches it (followActing). Refused for a finished appraisal (wrong_step), a
 * range that ends before now or is reversed (invalid_acting_range), one that overlaps another
 * appointment (acting_overlap), and anyone who may not rate this employee (invalid_rater).
 */
export function appointActingRater(
  state: AppraisalState,
  request: ActingAppointmentRequest,
  now: string,
): AppraisalEvent[] {
  requireActive(state);
  const { actingNip, from, to, timeZone, reason, by } = request;
  const p = state.participants;
  const refuse = (message: string) => new DomainError('invalid_rater', message, { actingNip });
  if (actingNip === p.employee.nip) throw refuse('An employee cannot stand in as their own rater');
  if (actingNip === p.supervisorNip) throw refuse(`${actingNip} is the rater already`);
  if (p.subordinateNips.includes(actingNip)) throw refuse('A direct report cannot stand in as the rater');
  if (state.review.peerNips.includes(actingNip))
    throw refuse('The acting rater cannot also be a peer reviewer of the same appraisal');
  const startsAt = startOfLocalDate(from, timeZone);
  const endsAt = startOfLocalDate(to, timeZone, 1);
  if (!startsAt || !endsAt) throw invalidRange(`No day range in ${timeZone} from ${from} to ${to}`);
  if (to < from) throw invalidRange(`The range ends (${to}) before it begins (${from})`);
  if (endsAt <= now) throw invalidRange(`The range ended on ${to}: nothing is left to stand in for`);
  const appointments = state.actingAppointments ?? [];
  const overlapping = appointments.find(
    (a) => a.status !== 'ended' && a.startsAt < endsAt && startsAt < a.endsAt,
  );
  if (overlapping)
    throw new DomainError(
      'acting_overlap',
      `${overlapping.actingNip} stands in from ${overlapping.from} to ${overlapping.to} already`,
      { appointment: overlapping.appointment },
    );
  const appointed: AppraisalEvent = {
    type: 'actingRater.appointed',
    data: {
      appointment: appointments.length + 1,
      actingNip,
      raterNip: p.supervisorNip,
      from,
      to,
      timeZone,
      startsAt,
      endsAt,
      reason,
      by,
      at: now,
    },
  };
  return [appointed, ...followActing(evolve(state, appointed), now)];
}

/**
 * At a range's boundary: an acting rater whose range has ended steps down, one whose range has begun steps
 * in, and the rater's open tasks move with them. Nothing for a finished appraisal, or between boundaries.
 */
export function followActing(state: AppraisalState, now: string): AppraisalEvent[] {
  if (state.step === 'completed' || state.step === 'cancelled') return [];
  const events: AppraisalEvent[] = [];
  let s = state;
  const record = (event: AppraisalEvent) => {
    events.push(event);
    s = evolve(s, event);
  };
  const appointments = state.actingAppointments ?? [];
  const data = (a: (typeof appointments)[number]) => ({
    appointment: a.appointment,
    actingNip: a.actingNip,
    raterNip: s.participants.supervisorNip,
    at: now,
  });
  // Ends first: one range may end the moment the next begins.
  for (const a of appointments)
    if (a.status !== 'ended' && a.endsAt <= now) record({ type: 'actingRater.ended', data: data(a) });
  for (const a of appointments)
    if (a.status === 'planned' && a.startsAt <= now && now < a.endsAt)
      record({ type: 'actingRater.started', data: data(a) });
  if (events.length === 0) return [];
  // The reason each move gives: the range of the acting rater who steps in, or of the last to step down.
  const last = events.at(-1)?.data as { appointment: number } | undefined;
  const range = appointments.find((a) => a.appointment === (s.acting?.appointment ?? last?.appointment));
  const why = range ? `Plt/Plh ${range.from} – ${range.to}` : 'Plt/Plh';
  return [...events, ...reassignOpenTasks(s, why, now)];
}

/** The next boundary followActing acts on: a planned range's start, or an active one's end. */
export function nextActingBoundary(state: AppraisalState): string | null {
  if (state.step === 'completed' || state.step === 'cancelled') return null;
  const times = (state.actingAppointments ?? []).flatMap((a) =>
    a.status === 'planned' ? [a.startsAt] : a.status === 'active' ? [a.endsAt] : [],
  );
  return times.sort()[0] ?? null;
}
