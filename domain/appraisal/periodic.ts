// The periodic evaluation (PermenPANRB 6/2022): in each period the employee records realisation with
// evidence, the rater gives feedback per RHK and sets the two ratings, whose predikat periodik follows the
// annual matrix, and the employee reads and acknowledges them. A rater who has not rated by the deadline
// is passed over: the rater's superior gets a task to rate instead, then HR; each step is recorded. The
// akhir rating escalates the same way and an appraisal never completes without it (unless cancelled).
import { DomainError } from '../errors.ts';
import { qualifierOf } from '../ids.ts';
import type { UnitPredikat } from '../rating/distribution-rules.ts';
import { predikatFor } from '../rating/predikat.ts';
import { packRefAt } from '../regulation/pack-ref.ts';
import { issueError } from './agreement.ts';
import type { AppraisalCommand } from './commands.ts';
import type { AppraisalEvent } from './events.ts';
import { isEmployee, isHr, isSupervisor, requireActor } from './guards.ts';
import { realisationIssues } from './skp.ts';
import type { AppraisalState } from './state.ts';
import { assignTask, completeTask, expireTasks, taskId, tasksOfKind } from './tasks.ts';
import { enterCheckIns } from './transitions.ts';
import type { Actor } from './types.ts';
import { resultsOf } from './unit-leader.ts';

type PeriodCommand = Extract<
  AppraisalCommand,
  { type: 'recordRealisation' | 'givePeriodFeedback' | 'ratePeriod' | 'acknowledgePeriod' }
>;
export type RaterRole = 'rater' | 'superior' | 'hr';
export type EscalationTarget = Exclude<RaterRole, 'rater'>;

/** The qualifier of a rating task: the period (TW1) for the rater, TW1.superior / TW1.hr once escalated. */
const qualifier = (period: string | null, as: RaterRole) =>
  as === 'rater' ? (period ?? undefined) : period ? `${period}.${as}` : as;

/**
 * Who this actor rates as: the rater (who may still rate late), or the superior or HR while a rating task
 * of theirs is open. null: nobody this actor may rate for.
 */
export function raterRoleOf(
  state: AppraisalState,
  actor: Actor,
  kind: 'ratePeriod' | 'setRating',
  period: string | null,
): RaterRole | null {
  if (isSupervisor(state, actor)) return 'rater';
  for (const as of ['superior', 'hr'] as const) {
    const task = state.openTasks[taskId(state, kind, qualifier(period, as))];
    if (!task || isEmployee(state, actor)) continue;
    if (task.assigneeNip === null ? isHr(actor) : task.assigneeNip === actor.nip) return as;
  }
  return null;
}

/** Completes every open rating task of one rating (the rater's and any escalation's). */
export function completeRatingTasks(
  state: AppraisalState,
  kind: 'ratePeriod' | 'setRating',
  period: string | null,
  now: string,
  by: string,
): AppraisalEvent[] {
  return (['rater', 'superior', 'hr'] as const).flatMap((as) =>
    completeTask(state, now, by, taskId(state, kind, qualifier(period, as))),
  );
}

export function decidePeriodic(
  state: AppraisalState,
  command: PeriodCommand,
  ctx: {
    actor: Actor;
    now: string;
    capaian?: UnitPredikat | null | undefined;
    timeZone?: string | undefined;
  },
): AppraisalEvent[] {
  const { actor, now, capaian } = ctx;
  const by = actor.nip;
  const evaluation = state.periods[command.period];
  if (!evaluation)
    throw new DomainError('wrong_step', `The evaluation of ${command.period} has not opened`, {
      period: command.period,
    });
  switch (command.type) {
    case 'recordRealisation': {
      requireActor(isEmployee(state, actor), 'employee');
      if (evaluation.rating)
        throw new DomainError('already_done', `${command.period} is rated: its realisation is final`);
      const wrong = realisationIssues(state.skp, command.realisations)[0];
      if (wrong) throw issueError(wrong);
      return [
        {
          type: 'period.realisationRecorded',
          data: { period: command.period, realisations: command.realisations, by, at: now },
        },
        ...completeTask(state, now, by, taskId(state, 'recordRealisation', command.period)),
      ];
    }
    case 'givePeriodFeedback': {
      requireActor(raterRoleOf(state, actor, 'ratePeriod', command.period) !== null, 'rater');
      const agreed = state.agreement.versions.find((v) => v.version === state.agreement.agreedVersion);
      if (agreed && !agreed.rhk.some((rhk) => rhk.id === command.rhkId))
        throw new DomainError('unknown_rhk', `The agreed SKP has no RHK ${command.rhkId}`, {
          rhkId: command.rhkId,
        });
      const { period, rhkId, feedback } = command;
      return [{ type: 'period.feedbackGiven', data: { period, rhkId, feedback, by, at: now } }];
    }
    case 'ratePeriod': {
      const as = raterRoleOf(state, actor, 'ratePeriod', command.period);
      requireActor(as !== null, 'rater (or, once escalated, the rater’s superior or HR)');
      if (evaluation.rating) throw new DomainError('already_done', `${command.period} is already rated`);
      // Rated on the realisation: it waits for it until the window closes, then rates what there is.
      if (!evaluation.realisationAt && !evaluation.escalatedTo && now <= evaluation.deadline)
        throw new DomainError(
          'wrong_step',
          `The realisation of ${command.period} is not recorded yet (its window closes ${evaluation.deadline})`,
        );
      const { period, behaviour, feedback } = command;
      const leader = resultsOf(state, command.results, capaian, period);
      const { results } = leader;
      const predikat = predikatFor(results, behaviour);
      const from = leader.capaian ? { capaian: leader.capaian } : {};
      return [
        {
          type: 'period.rated',
          data: {
            period,
            results,
            behaviour,
            predikat,
            feedback,
            as: as ?? 'rater',
            ...from,
            pack: packRefAt(now, ctx.timeZone),
            by,
            at: now,
          },
        },
        ...completeRatingTasks(state, 'ratePeriod', period, now, by),
        ...assignTask(state, now, {
          kind: 'acknowledgePeriod',
          qualifier: period,
          assigneeNip: state.participants.employee.nip,
          assigneeRole: 'employee',
          step: state.step,
          dueAt: null,
        }),
      ];
    }
    case 'acknowledgePeriod': {
      requireActor(isEmployee(state, actor), 'employee');
      if (!evaluation.rating) throw new DomainError('wrong_step', `${command.period} is not rated yet`);
      if (evaluation.acknowledgedAt)
        throw new DomainError('already_done', `${command.period} was already acknowledged`);
      return [
        { type: 'period.acknowledged', data: { period: command.period, by, at: now } },
        ...completeTask(state, now, by, taskId(state, 'acknowledgePeriod', command.period)),
      ];
    }
  }
}

/** A period's evaluation opens: the employee's realisation and the rater's rating, both due at `deadline`. */
export function openPeriod(
  state: AppraisalState,
  period: string,
  deadline: string,
  now: string,
): AppraisalEvent[] {
  const { entered, inStep } = enterCheckIns(state, now);
  const p = state.participants;
  return [
    ...entered,
    { type: 'period.opened', data: { period, deadline, at: now } },
    ...assignTask(inStep, now, {
      kind: 'recordRealisation',
      qualifier: period,
      assigneeNip: p.employee.nip,
      assigneeRole: 'employee',
      step: 'checkIns',
      dueAt: deadline,
    }),
    ...assignTask(inStep, now, {
      kind: 'ratePeriod',
      qualifier: period,
      assigneeNip: p.supervisorNip,
      assigneeRole: 'supervisor',
      step: 'checkIns',
      dueAt: deadline,
    }),
  ];
}

/** The deadline passed unrated: the rating task moves on to the superior, or from the superior to HR. */
function escalation(
  state: AppraisalState,
  kind: 'ratePeriod' | 'setRating',
  period: string | null,
  to: EscalationTarget,
  deadline: string,
  now: string,
): AppraisalEvent[] {
  const expired = expireTasks(state, now, (t) =>
    (['rater', 'superior'] as const).some((as) => t.taskId === taskId(state, kind, qualifier(period, as))),
  );
  // Where the org chart names no superior, the task is HR's at once (assignTask gives a null NIP to HR).
  const assigneeNip = to === 'superior' ? state.participants.superiorNip : null;
  const event: AppraisalEvent =
    period === null
      ? { type: 'rating.escalated', data: { to, assigneeNip, deadline, at: now } }
      : { type: 'period.escalated', data: { period, to, assigneeNip, deadline, at: now } };
  return [
    ...expired,
    event,
    ...assignTask(state, now, {
      kind,
      qualifier: qualifier(period, to),
      assigneeNip,
      assigneeRole: to === 'superior' ? 'supervisor' : 'hr',
      step: state.step,
      dueAt: deadline,
    }),
  ];
}

export function escalatePeriod(
  state: AppraisalState,
  period: string,
  to: EscalationTarget,
  deadline: string,
  now: string,
): AppraisalEvent[] {
  return state.periods[period]?.rating ? [] : escalation(state, 'ratePeriod', period, to, deadline, now);
}

/** The akhir rating, unrated at its deadline (or the superior's): the same chain. */
export function escalateRating(
  state: AppraisalState,
  to: EscalationTarget,
  deadline: string,
  now: string,
): AppraisalEvent[] {
  return state.rating ? [] : escalation(state, 'setRating', null, to, deadline, now);
}

/** The period's last deadline passed: its open tasks (but the acknowledgement) expire; what is missing is said. */
export function closePeriod(state: AppraisalState, period: string, now: string): AppraisalEvent[] {
  const evaluation = state.periods[period];
  if (!evaluation) return [];
  const ofPeriod = new Set(
    [...tasksOfKind(state, 'recordRealisation'), ...tasksOfKind(state, 'ratePeriod')]
      .filter((t) => qualifierOf(t.taskId)?.split('.')[0] === period)
      .map((t) => t.taskId),
  );
  const expired = expireTasks(state, now, (t) => ofPeriod.has(t.taskId));
  const rating = evaluation.rating === null;
  const realisation = evaluation.realisationAt === null;
  return rating || realisation
    ? [...expired, { type: 'period.missed', data: { period, rating, realisation, at: now } }]
    : expired;
}

/** A reminder for each open task of this appraisal due at `due` (sent 3 days before it). */
export function remindDue(state: AppraisalState, due: string, now: string): AppraisalEvent[] {
  return Object.values(state.openTasks)
    .filter((t) => t.dueAt === due)
    .map(
      (t) =>
        ({
          type: 'task.reminded',
          data: { taskId: t.taskId, assigneeNip: t.assigneeNip, dueAt: due, at: now },
        }) as const,
    );
}
