// EmployeeAppraisalWorkflow: one employee's year, through the six steps. Temporal keeps the timers and
// waits for people; every change is decided by the pure domain and recorded as events in Postgres.
import {
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  patched,
  setHandler,
} from '@temporalio/workflow';
import type { AppraisalEvent } from '../domain/appraisal/events.ts';
import {
  type CurveRecheckRequest,
  curveRecheckRequest,
  expireExplanations,
  nextExplanationDue,
} from '../domain/appraisal/objection.ts';
import { openingEvents, startedData } from '../domain/appraisal/opening.ts';
import {
  closePeriod,
  type EscalationTarget,
  escalatePeriod,
  escalateRating,
  openPeriod,
  remindDue,
} from '../domain/appraisal/periodic.ts';
import { quarters } from '../domain/appraisal/quarters.ts';
import { type AppraisalState, evolve, initialState } from '../domain/appraisal/state.ts';
import * as transitions from '../domain/appraisal/transitions.ts';
import type { EvaluationPeriod } from '../domain/cycle/periods.ts';
import { appraisalStreamId, cycleWorkflowId } from '../domain/ids.ts';
import { endOfLocalDayAfter } from '../domain/time/fixed-offsets.ts';
import { acceptActions } from './accept-actions.ts';
import type { AppraisalInput } from './appraisal-input.ts';
import { createRecorder } from './event-recorder.ts';
import { createLock } from './lock.ts';
import {
  appraisalStateQuery,
  cancelSignal,
  curveRecheckSignal,
  extendDeadlineSignal,
  releaseSignal,
} from './messages.ts';
import { acceptParticipantChanges } from './participant-changes.ts';
import { toFailure } from './update-failure.ts';

const dayMs = 86_400_000;
const reminderLeadMs = 3 * dayMs;
const nowIso = () => new Date().toISOString();
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

export async function EmployeeAppraisalWorkflow(input: AppraisalInput): Promise<AppraisalState> {
  // Launched in a batch, the opening events are stored already: fold them and go on from there.
  const opened = openedEvents(input);
  const recorder = createRecorder(appraisalStreamId(input.appraisalId), input.orgId, opened.length);
  const withLock = createLock();
  let state: AppraisalState = initialState({ ...input, calendar: {}, at: nowIso() });
  for (const event of opened) state = evolve(state, event);
  let released = false;
  const timeZone = input.calendar.timeZone;
  let cancelRequest: { reason: string; by: string } | null = null;
  // Only a training cycle's input scales the reminder's lead: every other appraisal waits as it did.
  const reminderLead = input.calendar.training?.reminderLeadMs ?? reminderLeadMs;
  // The zone the decisions count days in, and a training cycle's day (a minute; real cycles have none).
  const zoned = { timeZone, dayMs: input.calendar.training?.dayMs };

  /** Decide-record-evolve, under the lock so every decision sees the state the last one left. */
  const apply = (decideEvents: (s: AppraisalState) => AppraisalEvent[], actorNip: string) =>
    withLock(async () => {
      const events = decideEvents(state);
      await recorder.record(events, actorNip);
      for (const event of events) state = evolve(state, event);
      return events;
    });

  setHandler(appraisalStateQuery, () => state);
  setHandler(releaseSignal, () => {
    released = true;
  });
  setHandler(cancelSignal, (request) => {
    cancelRequest ??= request;
  });
  setHandler(extendDeadlineSignal, ({ step, deadline, by }) => {
    void apply((s) => (s.step === step ? transitions.extendDeadline(s, deadline, by, nowIso()) : []), by);
  });
  // People's actions on their tasks (workflows/accept-actions.ts).
  acceptActions({
    state: () => state,
    apply,
    busy: () => withLock.busy(),
    version: () => recorder.version,
    now: nowIso,
    zoned,
  });

  // HR's changes during the year: a new rater, an acting rater (workflows/participant-changes.ts).
  const changes = acceptParticipantChanges({
    state: () => state,
    apply,
    busy: () => withLock.busy(),
    version: () => recorder.version,
    now: nowIso,
    toFailure,
    system: input.launchedBy,
  });

  /** Waits until `done()`, or the (possibly extended) deadline passes, or HR cancels. */
  async function waitFor(
    done: () => boolean,
    deadline: () => string | null,
  ): Promise<'done' | 'deadline' | 'cancelled'> {
    for (;;) {
      if (cancelRequest) return 'cancelled';
      if (done()) return 'done';
      const due = deadline();
      if (due === null) {
        await condition(() => done() || cancelRequest !== null || deadline() !== due);
        continue;
      }
      const ms = Date.parse(due) - Date.now();
      if (ms <= 0) return 'deadline';
      await condition(() => done() || cancelRequest !== null || deadline() !== due, ms);
    }
  }

  /** A step with a deadline: open it, remind 3 days before, close it at the deadline (or when done). */
  async function runStep(
    step: AppraisalState['step'],
    deadline: string,
    done: () => boolean,
    actor: string,
    entered = false,
  ) {
    if (!entered) await apply((s) => transitions.enterStep(s, step, deadline, nowIso()), actor);
    const untilReminder = await waitFor(done, () =>
      state.deadline ? plus(state.deadline, -reminderLead) : null,
    );
    if (untilReminder === 'deadline') {
      await apply((s) => transitions.remind(s, nowIso()), actor);
      if ((await waitFor(done, () => state.deadline)) === 'cancelled') return false;
    } else if (untilReminder === 'cancelled') return false;
    await apply((s) => transitions.closeStep(s, nowIso()), actor);
    return true;
  }

  async function untilTime(iso: string): Promise<boolean> {
    return (
      (await waitFor(
        () => false,
        () => iso,
      )) !== 'cancelled'
    );
  }

  /** Waits for `done` until `due`, reminding whoever has a task due then 3 days before. */
  async function untilDue(done: () => boolean, due: string): Promise<'done' | 'deadline' | 'cancelled'> {
    const early = await waitFor(done, () => plus(due, -reminderLead));
    if (early !== 'deadline') return early;
    await apply((s) => remindDue(s, due, nowIso()), system);
    return waitFor(done, () => due);
  }

  /**
   * A rating due at `deadline`: once it passes unrated, the rater's superior may rate until theirs, then
   * HR until theirs; each hand-over is recorded. 'cancelled' when HR cancelled the appraisal meanwhile.
   */
  async function ratingChain(
    rated: () => boolean,
    deadlines: { deadline: string; superiorDeadline: string; hrDeadline: string },
    escalate: (s: AppraisalState, to: EscalationTarget, due: string) => AppraisalEvent[],
  ): Promise<'done' | 'deadline' | 'cancelled'> {
    let outcome = await untilDue(rated, deadlines.deadline);
    for (const [to, due] of [
      ['superior', deadlines.superiorDeadline],
      ['hr', deadlines.hrDeadline],
    ] as const) {
      if (outcome !== 'deadline') return outcome;
      await apply((s) => escalate(s, to, due), system);
      outcome = await untilDue(rated, due);
    }
    return outcome;
  }

  /** The akhir rating's chain starts at a deadline already passed, and does not end unrated. */
  async function untilChainEnds(
    rated: () => boolean,
    deadlines: { deadline: string; superiorDeadline: string; hrDeadline: string },
    escalate: (s: AppraisalState, to: EscalationTarget, due: string) => AppraisalEvent[],
  ): Promise<'done' | 'cancelled'> {
    const outcome = await ratingChain(rated, deadlines, escalate);
    if (outcome !== 'deadline') return outcome;
    return (await waitFor(rated, () => null)) === 'cancelled' ? 'cancelled' : 'done';
  }

  /** One periodic evaluation: open it, wait for the rating (escalating as needed), close it. */
  async function runPeriod(period: EvaluationPeriod): Promise<boolean> {
    if (!(await untilTime(period.opens))) return false;
    await apply((s) => openPeriod(s, period.id, period.deadline, nowIso()), system);
    const rated = () => state.periods[period.id]?.rating != null;
    const escalate = (s: AppraisalState, to: EscalationTarget, due: string) =>
      escalatePeriod(s, period.id, to, due, nowIso());
    if ((await ratingChain(rated, period, escalate)) === 'cancelled') return false;
    await apply((s) => closePeriod(s, period.id, nowIso()), system);
    return true;
  }

  /**
   * Waits until `done` or `end` (false when cancelled), recording each explanation on the objection that
   * passes its deadline unanswered meanwhile.
   */
  async function hearObjection(done: () => boolean, end: string): Promise<boolean> {
    for (;;) {
      const due = nextExplanationDue(state);
      const until = due !== null && due < end ? due : end;
      const asked = () => nextExplanationDue(state) !== due;
      const outcome = await waitFor(
        () => done() || asked(),
        () => until,
      );
      if (outcome === 'cancelled') return false;
      if (outcome === 'done' ? done() : until === end) return true;
      if (outcome === 'deadline') await apply((s) => expireExplanations(s, nowIso()), system);
    }
  }

  const system = input.launchedBy;
  const cal = input.calendar;
  if (opened.length === 0) await apply(() => transitions.started(startedData(input, nowIso())), system);

  const lifecycle = async (): Promise<boolean> => {
    if (
      !(await runStep(
        'socialisation',
        cal.socialisation.deadline,
        () => state.socialisation.acknowledgedAt !== null,
        system,
        opened.length > 0,
      ))
    )
      return false;
    if (!(await untilTime(cal.agreement.start))) return false;
    if (
      !(await runStep(
        'agreement',
        cal.agreement.deadline,
        () => state.agreement.agreedVersion !== null,
        system,
      ))
    )
      return false;
    // A cycle started with periods evaluates each period (the input says which shape this appraisal
    // has, so histories of the quarterly check-ins replay through the branch below unchanged).
    // The periods run on their own: the last one's escalation may outlast its window, and the review opens
    // when the windows have closed, not when every late rating is in.
    const windows = cal.periods?.windows ?? [];
    periodsDone = (async () => {
      for (const period of windows) if (!(await runPeriod(period))) return false;
      return true;
    })();
    const lastWindow = windows.at(-1);
    if (lastWindow && !(await untilTime(lastWindow.deadline))) return false;
    for (const quarter of cal.periods ? [] : quarters) {
      const window = cal.checkIns[quarter];
      if (!(await untilTime(window.start))) return false;
      await apply((s) => transitions.openCheckIn(s, quarter, window.deadline, nowIso()), system);
      const submitted = () =>
        state.checkIns[quarter]?.submittedAt != null && state.checkIns[quarter]?.feedbackAt != null;
      if ((await waitFor(submitted, () => window.deadline)) === 'cancelled') return false;
      await apply((s) => transitions.closeCheckIn(s, quarter, nowIso()), system);
    }
    if (!(await untilTime(cal.review.start))) return false;
    // The step may close early once every reviewer has answered (no review task left open).
    const allReviewed = () => Object.values(state.openTasks).every((t) => t.step !== 'review');
    if (!(await runStep('review', cal.review.deadline, allReviewed, system))) return false;
    if (!(await runStep('rating', cal.rating.deadline, () => false, system))) return false;
    if (cal.ratingEscalation && !state.rating) {
      // No appraisal completes without a predikat: the rater's superior, then HR, then HR until done.
      const rated = () => state.rating !== null;
      const chain = { deadline: cal.rating.deadline, ...cal.ratingEscalation };
      const escalate = (s: AppraisalState, to: EscalationTarget, due: string) =>
        escalateRating(s, to, due, nowIso());
      if ((await untilChainEnds(rated, chain, escalate)) === 'cancelled') return false;
    }
    // Calibration: the cycle releases the unit once its distribution passes.
    if (
      (await waitFor(
        () => released,
        () => null,
      )) === 'cancelled'
    )
      return false;
    // The objection window ends at 23:59:59 local time on its last day (cycles that record their zone;
    // appraisals released before this counted 14 times 24 hours from the release).
    // A training cycle's window is elapsed minutes from the release (its input says so).
    const objectionDeadline =
      (cal.training && plus(nowIso(), cal.training.objectionWindowMs)) ||
      (cal.timeZone &&
        patched('objection-deadline-local-day') &&
        endOfLocalDayAfter(nowIso(), cal.objectionWindowDays, cal.timeZone)) ||
      plus(nowIso(), cal.objectionWindowDays * dayMs);
    // Explanations asked on an objection expire at their deadline, recorded by a timer of their own
    // (workflows released before it wait as they did; a late answer is refused all the same).
    const hearing = patched('objection-explanations');
    await apply((s) => transitions.release(s, objectionDeadline, nowIso()), system);
    if (hearing) {
      if (!(await hearObjection(() => false, objectionDeadline))) return false;
      const decided = () => state.objection?.decision != null;
      if (state.objection && !decided() && !(await hearObjection(decided, cal.cycleEnd))) return false;
      // A decision that changed the predikat asks the cycle to check the unit's curve again (workflows
      // since the patch; the cycle records the outcome, cycle.curveRechecked).
      const recheck = curveRecheckRequest(state);
      if (recheck && patched('objection-curve-recheck')) await askCycleToRecheck(state.cycleId, recheck);
    } else {
      if (!(await untilTime(objectionDeadline))) return false;
      if (state.objection && !state.objection.decision) {
        // The superior's decision is final; the step waits for it until the cycle ends.
        if (
          (await waitFor(
            () => state.objection?.decision != null,
            () => cal.cycleEnd,
          )) === 'cancelled'
        )
          return false;
      }
    }
    // A Kurang/Misconduct predikat also opens HR's pembinaan task (workflows since it).
    const pembinaan = patched('kurang-pembinaan');
    await apply((s) => transitions.followUp(s, cal.cycleEnd, nowIso(), { pembinaan }), system);
    if (state.step === 'followUp') {
      if (
        (await waitFor(
          () => state.referral?.completedAt != null,
          () => cal.cycleEnd,
        )) === 'cancelled'
      )
        return false;
      await apply((s) => transitions.finish(s, nowIso()), system);
    }
    return true;
  };

  let periodsDone: Promise<boolean> = Promise.resolve(true);
  const finished = (await lifecycle()) && (await periodsDone);
  if (!finished && cancelRequest) {
    const { reason, by } = cancelRequest;
    await apply((s) => transitions.cancel(s, reason, by, nowIso()), by);
  }
  // Let in-flight Updates (and an acting rater's move) finish before the workflow completes.
  await changes.stop();
  await condition(allHandlersFinished);
  return state;
}

/** Signals the cycle; a cycle already ended (or an appraisal started without one) has nothing to check. */
async function askCycleToRecheck(cycleId: string, request: CurveRecheckRequest): Promise<void> {
  try {
    await getExternalWorkflowHandle(cycleWorkflowId(cycleId)).signal(curveRecheckSignal, request);
  } catch {
    // Nothing to record here: the unit's curve is the cycle's, and there is no cycle to hear it.
  }
}

/** The opening events the launch stored already (none when the workflow records its own start). */
function openedEvents(input: AppraisalInput): AppraisalEvent[] {
  if (!input.opened) return [];
  return 'events' in input.opened ? input.opened.events : openingEvents(input, input.opened.at);
}
