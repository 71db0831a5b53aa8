// The transitions the workflow makes on its own, at the calendar's times: entering a step, reminders,
// deadlines (a missing action is recorded and never blocks), release, follow-up, cancellation.
import type { AppraisalEvent } from './events.ts';
import type { AppraisalState, StartedData } from './state.ts';
import { assignTask, expireTasks, taskId } from './tasks.ts';
import type { Quarter, Step } from './types.ts';

const lowPredikat = new Set(['butuhPerbaikan', 'kurang', 'sangatKurang']);

export function started(data: StartedData): AppraisalEvent[] {
  return [{ type: 'appraisal.started', data }];
}

/** Enters a step and opens its tasks. */
export function enterStep(
  state: AppraisalState,
  step: Step,
  deadline: string | null,
  now: string,
): AppraisalEvent[] {
  const p = state.participants;
  const entered: AppraisalEvent = { type: 'appraisal.stepEntered', data: { step, deadline, at: now } };
  const task = (
    kind: Parameters<typeof assignTask>[2]['kind'],
    assigneeNip: string | null,
    assigneeRole: Parameters<typeof assignTask>[2]['assigneeRole'],
    qualifier?: string,
  ) =>
    assignTask(state, now, {
      kind,
      assigneeNip,
      assigneeRole,
      step,
      dueAt: deadline,
      ...(qualifier ? { qualifier } : {}),
    });
  switch (step) {
    case 'socialisation':
      return [entered, ...task('acknowledgeStandards', p.employee.nip, 'employee')];
    case 'agreement':
      return [entered, ...task('proposeIndicators', p.supervisorNip, 'supervisor', 'v1')];
    case 'review': {
      const peers = state.review.peerNips;
      return [
        entered,
        ...task('selfAssessment', p.employee.nip, 'employee'),
        ...task('supervisorAssessment', p.supervisorNip, 'supervisor'),
        ...(peers.length === 0
          ? task('assignPeers', p.supervisorNip, 'supervisor')
          : peers.flatMap((nip) => task('peerReview', nip, 'reviewer', nip))),
        ...p.subordinateNips.flatMap((nip) => task('subordinateReview', nip, 'reviewer', nip)),
      ];
    }
    case 'rating':
      return [entered, ...task('setRating', p.supervisorNip, 'supervisor')];
    default:
      return [entered];
  }
}

/** A reminder for each open task due at the step's deadline (sent 3 days before it). */
export function remind(state: AppraisalState, now: string): AppraisalEvent[] {
  return Object.values(state.openTasks)
    .filter((t) => t.dueAt !== null && t.dueAt === state.deadline)
    .map(
      (t) =>
        ({
          type: 'task.reminded',
          data: { taskId: t.taskId, assigneeNip: t.assigneeNip, dueAt: t.dueAt ?? now, at: now },
        }) as const,
    );
}

/** At a step's deadline: record what is missing, expire its tasks, escalate where the rules say so. */
export function closeStep(state: AppraisalState, now: string): AppraisalEvent[] {
  const p = state.participants;
  const ofStep = expireTasks(state, now, (t) => t.step === state.step);
  switch (state.step) {
    case 'socialisation':
      if (state.socialisation.acknowledgedAt) return ofStep;
      return [
        ...ofStep,
        { type: 'socialisation.escalated', data: { supervisorNip: p.supervisorNip, at: now } },
        // The supervisor follows up; the cycle goes on. The employee may still acknowledge late.
        ...assignTask(state, now, {
          kind: 'escalateSocialisation',
          assigneeNip: p.supervisorNip,
          assigneeRole: 'supervisor',
          step: 'agreement',
          dueAt: state.calendar.agreement?.deadline ?? null,
        }),
      ];
    case 'agreement':
      return state.agreement.agreedVersion === null
        ? [...ofStep, { type: 'agreement.missed', data: { at: now } }]
        : ofStep;
    case 'review': {
      const done = new Set(state.review.submitted.map((r) => r.reviewerNip));
      const expected: Array<[string | null, 'self' | 'supervisor' | 'peer' | 'subordinate']> = [
        [p.employee.nip, 'self'],
        [p.supervisorNip, 'supervisor'],
        ...state.review.peerNips.map((nip) => [nip, 'peer'] as [string, 'peer']),
        ...p.subordinateNips.map((nip) => [nip, 'subordinate'] as [string, 'subordinate']),
      ];
      const missed = expected
        .filter((e): e is [string, (typeof e)[1]] => e[0] !== null && !done.has(e[0]))
        .map(
          ([reviewerNip, role]) => ({ type: 'review.missed', data: { reviewerNip, role, at: now } }) as const,
        );
      return [...ofStep, ...missed];
    }
    case 'rating':
      return state.rating ? ofStep : [...ofStep, { type: 'rating.missed', data: { at: now } }];
    default:
      return ofStep;
  }
}

/**
 * The check-ins step has no deadline of its own: the first quarter's (or period's) window to open enters
 * it. The events that do, if the appraisal is elsewhere, and the state in the step for its tasks.
 */
export function enterCheckIns(state: AppraisalState, now: string) {
  const entered: AppraisalEvent[] =
    state.step === 'checkIns'
      ? []
      : [{ type: 'appraisal.stepEntered', data: { step: 'checkIns', deadline: null, at: now } }];
  return { entered, inStep: { ...state, step: 'checkIns' as const } };
}

export function openCheckIn(
  state: AppraisalState,
  quarter: Quarter,
  windowEnd: string,
  now: string,
): AppraisalEvent[] {
  const { entered, inStep } = enterCheckIns(state, now);
  return [
    ...entered,
    ...assignTask(inStep, now, {
      kind: 'submitCheckIn',
      qualifier: quarter,
      assigneeNip: state.participants.employee.nip,
      assigneeRole: 'employee',
      step: 'checkIns',
      dueAt: windowEnd,
    }),
  ];
}

export function closeCheckIn(state: AppraisalState, quarter: Quarter, now: string): AppraisalEvent[] {
  const submitId = taskId(state, 'submitCheckIn', quarter);
  const feedbackId = taskId(state, 'giveCheckInFeedback', quarter);
  const expired = expireTasks(state, now, (t) => t.taskId === submitId || t.taskId === feedbackId);
  const submitted = state.checkIns[quarter]?.submittedAt;
  return submitted ? expired : [...expired, { type: 'checkIn.missed', data: { quarter, at: now } }];
}

/** The unit's calibration passed: the rating reaches the employee, with 14 days to object. */
export function release(state: AppraisalState, objectionDeadline: string, now: string): AppraisalEvent[] {
  const p = state.participants;
  return [
    {
      type: 'rating.released',
      data: { predikat: state.rating?.predikat ?? null, objectionDeadline, at: now },
    },
    { type: 'appraisal.stepEntered', data: { step: 'feedback', deadline: objectionDeadline, at: now } },
    ...(state.rating
      ? assignTask(state, now, {
          kind: 'readFeedback',
          assigneeNip: p.employee.nip,
          assigneeRole: 'employee',
          step: 'feedback',
          dueAt: objectionDeadline,
        })
      : []),
  ];
}

/**
 * After the objection window (and any objection decided): referral, recognition, or done. With
 * `pembinaan` (workflows since it), a Kurang/Misconduct predikat also gives HR a pembinaan task.
 */
export function followUp(
  state: AppraisalState,
  cycleEnd: string,
  now: string,
  { pembinaan = false }: { pembinaan?: boolean } = {},
): AppraisalEvent[] {
  const predikat = state.rating?.predikat;
  // Whatever is still open from earlier steps (e.g. an unanswered check-in feedback) ends here.
  const closing = expireTasks(state, now);
  if (predikat && lowPredikat.has(predikat)) {
    return [
      ...closing,
      { type: 'appraisal.stepEntered', data: { step: 'followUp', deadline: cycleEnd, at: now } },
      { type: 'referral.created', data: { predikat, at: now } },
      ...assignTask({ ...state, step: 'followUp' }, now, {
        kind: 'assignTraining',
        assigneeNip: null,
        assigneeRole: 'hr',
        step: 'followUp',
        dueAt: cycleEnd,
      }),
      ...(pembinaan && predikat === 'kurang'
        ? assignTask({ ...state, step: 'followUp' }, now, {
            kind: 'pembinaan',
            assigneeNip: null,
            assigneeRole: 'hr',
            step: 'followUp',
            dueAt: cycleEnd,
          })
        : []),
    ];
  }
  const recognition: AppraisalEvent[] =
    predikat === 'sangatBaik' ? [{ type: 'recognition.recorded', data: { predikat, at: now } }] : [];
  return [...closing, ...recognition, { type: 'appraisal.completed', data: { at: now } }];
}

/** The referral is done, or the cycle ended first. */
export function finish(state: AppraisalState, now: string): AppraisalEvent[] {
  const lapsed: AppraisalEvent[] =
    state.referral && !state.referral.completedAt ? [{ type: 'referral.lapsed', data: { at: now } }] : [];
  return [...expireTasks(state, now), ...lapsed, { type: 'appraisal.completed', data: { at: now } }];
}

export function cancel(state: AppraisalState, reason: string, by: string, now: string): AppraisalEvent[] {
  const cancelled = Object.values(state.openTasks).map(
    (t) => ({ type: 'task.cancelled', data: { taskId: t.taskId, reason, at: now } }) as const,
  );
  return [...cancelled, { type: 'appraisal.cancelled', data: { reason, by, at: now } }];
}

export function extendDeadline(
  state: AppraisalState,
  deadline: string,
  by: string,
  now: string,
): AppraisalEvent[] {
  return [{ type: 'appraisal.deadlineExtended', data: { step: state.step, deadline, by, at: now } }];
}
