// Keberatan (PP 30/2019 art. 59): the rater's superior hears an objection and decides it, finally. The
// superior may ask the rater and the employee to explain in writing, each by a deadline inside the
// decision's window; the decision gives written reasons and is the compensating event (the ratings it
// changes are new events, the rating set before stays). Where the superior is outside siklus (a Bupati,
// a Walikota), HR records the decision as the named delegate, with the decision letter's reference.
import { DomainError } from '../errors.ts';
import { qualifierOf } from '../ids.ts';
import { type Predikat, predikatFor } from '../rating/predikat.ts';
import { packRefAt, windowsInForce } from '../regulation/pack-ref.ts';
import { endOfLocalDayAfter, localDayOf } from '../time/fixed-offsets.ts';
import type { AppraisalCommand } from './commands.ts';
import type { AppraisalEvent } from './events.ts';
import { isEmployee, isHr, isSuperior, requireActor, requireStep } from './guards.ts';
import { raterNow } from './parties.ts';
import type { AppraisalState } from './state.ts';
import { assignTask, completeTask, expireTasks, taskId, tasksOfKind } from './tasks.ts';
import type { Actor } from './types.ts';

type Command<T extends AppraisalCommand['type']> = Extract<AppraisalCommand, { type: T }>;
interface Ctx {
  actor: Actor;
  now: string;
  timeZone?: string | undefined;
  /** A training cycle's day (a minute): the decision and explanations count these (decide.ts). */
  dayMs?: number | undefined;
}

const dayMs = 86_400_000;
const plusDays = (iso: string, days: number, ms = dayMs) =>
  new Date(Date.parse(iso) + days * ms).toISOString();

/**
 * When the superior must decide by: the pack's window (14 days) from the filing, to 23:59:59 local time of
 * its last day where the organisation's zone is known.
 */
export function decisionDueAt(filedAt: string, timeZone: string | undefined, dayMs?: number): string {
  const days = windowsInForce(localDayOf(filedAt, timeZone)).objectionDays;
  if (dayMs !== undefined) return plusDays(filedAt, days, dayMs);
  return (timeZone && endOfLocalDayAfter(filedAt, days, timeZone)) || plusDays(filedAt, days);
}

/** The decision's window as the open task says (objections filed before it had one: the filing's). */
function windowEnd(state: AppraisalState, timeZone: string | undefined, dayMs?: number): string {
  const task = state.openTasks[taskId(state, 'decideObjection')];
  return task?.dueAt ?? decisionDueAt(state.objection?.filedAt ?? '', timeZone, dayMs);
}

export function fileObjection(state: AppraisalState, command: Command<'fileObjection'>, ctx: Ctx) {
  const { actor, now } = ctx;
  requireStep(state, 'feedback');
  requireActor(isEmployee(state, actor), 'employee');
  if (!state.rating || !state.release)
    throw new DomainError('wrong_step', 'There is no released rating to object to');
  if (state.objection) throw new DomainError('already_done', 'An objection was already filed');
  if (now > state.release.objectionDeadline)
    throw new DomainError(
      'deadline_passed',
      `The objection window closed at ${state.release.objectionDeadline}`,
    );
  const by = actor.nip;
  return [
    {
      type: 'objection.filed',
      data: { reasons: command.reasons, superiorNip: state.participants.superiorNip, by, at: now },
    },
    ...completeTask(state, now, by, taskId(state, 'readFeedback')),
    ...assignTask(state, now, {
      kind: 'decideObjection',
      assigneeNip: state.participants.superiorNip,
      assigneeRole: 'objectionReviewer',
      step: 'feedback',
      dueAt: decisionDueAt(now, ctx.timeZone, ctx.dayMs),
    }),
  ] satisfies AppraisalEvent[];
}

function requireOpenObjection(state: AppraisalState) {
  if (!state.objection || state.objection.decision || !state.rating)
    throw new DomainError('wrong_step', 'There is no open objection');
  return { objection: state.objection, rating: state.rating };
}

export function askExplanation(
  state: AppraisalState,
  command: Command<'askExplanation'>,
  ctx: Ctx,
): AppraisalEvent[] {
  const { actor, now } = ctx;
  requireActor(isSuperior(state, actor), "rater's superior");
  const { objection } = requireOpenObjection(state);
  if ((objection.explanations ?? []).some((e) => e.from === command.from))
    throw new DomainError('already_done', `The ${command.from} was already asked to explain`);
  // To 23:59:59 local time of the last day, as the other windows of an appraisal end.
  // In a training cycle, days of its own (a minute each).
  const dueAt =
    (ctx.dayMs !== undefined && plusDays(now, command.days, ctx.dayMs)) ||
    (ctx.timeZone && endOfLocalDayAfter(now, command.days, ctx.timeZone)) ||
    plusDays(now, command.days);
  const end = windowEnd(state, ctx.timeZone, ctx.dayMs);
  if (dueAt > end)
    throw new DomainError(
      'outside_window',
      `The explanation must be due by ${end}, when the objection's decision is due`,
      { field: 'days', decisionDueAt: end },
    );
  const nip = command.from === 'rater' ? raterNow(state) : state.participants.employee.nip;
  return [
    {
      type: 'objection.explanationRequested',
      data: { from: command.from, nip, question: command.question, dueAt, by: actor.nip, at: now },
    },
    ...assignTask(state, now, {
      kind: 'explainObjection',
      qualifier: command.from,
      assigneeNip: nip,
      assigneeRole: command.from === 'rater' ? 'supervisor' : 'employee',
      step: state.step,
      dueAt,
    }),
  ];
}

export function explainObjection(
  state: AppraisalState,
  command: Command<'explainObjection'>,
  { actor, now }: Ctx,
): AppraisalEvent[] {
  requireOpenObjection(state);
  // Whoever holds an explanation task answers it (the rater's may have moved to an acting rater).
  const task = tasksOfKind(state, 'explainObjection').find((t) =>
    t.assigneeNip === null ? isHr(actor) && !isEmployee(state, actor) : t.assigneeNip === actor.nip,
  );
  if (!task) throw new DomainError('forbidden_actor', 'Only whoever was asked to explain may do this');
  if (task.dueAt && now > task.dueAt)
    throw new DomainError('deadline_passed', `The explanation was due at ${task.dueAt}`);
  const from = qualifierOf(task.taskId) === 'rater' ? 'rater' : 'employee';
  return [
    { type: 'objection.explained', data: { from, explanation: command.explanation, by: actor.nip, at: now } },
    ...completeTask(state, now, actor.nip, task.taskId),
  ];
}

/** The explanations whose deadline has passed unanswered: the workflow's timer records them. */
export function expireExplanations(state: AppraisalState, now: string): AppraisalEvent[] {
  const due = tasksOfKind(state, 'explainObjection').filter((t) => t.dueAt !== null && t.dueAt <= now);
  return due.flatMap((task) => [
    ...expireTasks(state, now, (t) => t.taskId === task.taskId),
    {
      type: 'objection.explanationMissed',
      data: { from: qualifierOf(task.taskId) === 'rater' ? 'rater' : 'employee', at: now },
    } as const,
  ]);
}

/** The earliest deadline of an open explanation, for the workflow's timer; null when none is open. */
export function nextExplanationDue(state: AppraisalState): string | null {
  const dues = tasksOfKind(state, 'explainObjection').flatMap((t) => (t.dueAt ? [t.dueAt] : []));
  return dues.sort()[0] ?? null;
}

export function decideObjection(
  state: AppraisalState,
  command: Command<'decideObjection'>,
  ctx: Ctx,
): AppraisalEvent[] {
  const { actor, now } = ctx;
  requireActor(isSuperior(state, actor), "rater's superior");
  const { rating } = requireOpenObjection(state);
  // Outside siklus the superior decides on paper; HR records it as the delegate, naming the letter.
  const delegated = state.participants.superiorNip === null;
  if (delegated && !command.letterRef)
    throw new DomainError(
      'letter_required',
      "The rater's superior is outside siklus: record the decision letter's reference",
      { field: 'letterRef' },
    );
  if (!delegated && command.letterRef)
    throw new DomainError('invalid_decision', 'Only a delegate records a decision letter', {
      field: 'letterRef',
    });
  const results = command.decision === 'changed' ? command.results : rating.results;
  const behaviour = command.decision === 'changed' ? command.behaviour : rating.behaviour;
  if (!results || !behaviour)
    throw new DomainError('invalid_decision', 'A changed decision names both ratings');
  // A unit leader's rating hasil kerja is the unit's capaian: an objection changes the behaviour only.
  if (state.skp?.ledUnitCode && results !== rating.results)
    throw new DomainError(
      'results_from_capaian',
      `The rating hasil kerja of a unit leader is the capaian kinerja organisasi of unit ${state.skp.ledUnitCode}; an objection may change the rating perilaku kerja only`,
      { field: 'results' },
    );
  const by = actor.nip;
  // The hearing ends with the decision: an explanation still awaited is no longer asked for.
  const unanswered = tasksOfKind(state, 'explainObjection').map(
    (t) =>
      ({ type: 'task.cancelled', data: { taskId: t.taskId, reason: 'objection decided', at: now } }) as const,
  );
  return [
    {
      type: 'objection.decided',
      data: {
        decision: command.decision,
        results,
        behaviour,
        predikat: predikatFor(results, behaviour),
        previousPredikat: rating.predikat,
        reason: command.reason,
        ...(command.letterRef ? { delegate: { letterRef: command.letterRef } } : {}),
        pack: packRefAt(now, ctx.timeZone),
        by,
        at: now,
      },
    },
    ...unanswered,
    ...completeTask(state, now, by, taskId(state, 'decideObjection')),
  ];
}

/**
 * What the cycle needs when an objection's decision changed a predikat: the unit whose curve is to be
 * checked again, and the change. Null for a decision that left the predikat as it was.
 */
export function curveRecheckOf(
  state: AppraisalState,
  event: AppraisalEvent,
): { cycleId: string; unitCode: string; appraisalId: string; from: string; to: string } | null {
  if (event.type !== 'objection.decided' || event.data.predikat === event.data.previousPredikat) return null;
  const { cycleId, appraisalId } = state;
  const unitCode = state.participants.employee.unitCode;
  return { cycleId, unitCode, appraisalId, from: event.data.previousPredikat, to: event.data.predikat };
}

/** What the appraisal asks its cycle to check again: the unit, the person's change, and who decided it. */
export interface CurveRecheckRequest {
  unitCode: string;
  appraisalId: string;
  nip: string;
  from: Predikat;
  to: Predikat;
  by: string;
}

/**
 * The same, read from the state once the objection is decided (the workflow asks after the hearing, when
 * the decision event is behind it): null while undecided, or when the decision left the predikat as it was.
 */
export function curveRecheckRequest(state: AppraisalState): CurveRecheckRequest | null {
  const { objection, rating } = state;
  if (!objection?.decision || !objection.previousPredikat || !rating || !objection.decidedBy) return null;
  if (objection.previousPredikat === rating.predikat) return null;
  return {
    unitCode: state.participants.employee.unitCode,
    appraisalId: state.appraisalId,
    nip: state.participants.employee.nip,
    from: objection.previousPredikat,
    to: rating.predikat,
    by: objection.decidedBy,
  };
}
