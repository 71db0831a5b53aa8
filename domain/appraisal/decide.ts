// decide: a person's command against the current state gives the events to record, or a DomainError.
// Pure and deterministic: the workflow runs it in its Update validator (reject without touching
// history) and again in the handler; `now` is the workflow's clock.
import { DomainError } from '../errors.ts';
import { versionQualifier } from '../ids.ts';
import type { UnitPredikat } from '../rating/distribution-rules.ts';
import { predikatFor } from '../rating/predikat.ts';
import { packRefAt } from '../regulation/pack-ref.ts';
import { decideSkpAgreement, issueError } from './agreement.ts';
import type { AppraisalCommand } from './commands.ts';
import type { AppraisalEvent } from './events.ts';
import { isEmployee, isHr, isSupervisor, requireActive, requireActor, requireStep } from './guards.ts';
import { requireAgreementOpen, skpPeriodsOf } from './mutasi.ts';
import { askExplanation, decideObjection, explainObjection, fileObjection } from './objection.ts';
import { completeRatingTasks, decidePeriodic, raterRoleOf } from './periodic.ts';
import { submitReview } from './review.ts';
import { proposalIssues, realisationIssues } from './skp.ts';
import type { AppraisalState } from './state.ts';
import { assignTask, completeTask, taskId, tasksOfKind } from './tasks.ts';
import type { Actor } from './types.ts';
import { resultsOf } from './unit-leader.ts';

export interface DecideContext {
  actor: Actor;
  now: string;
  /**
   * What the workflow looked up for this command (undefined where it did not: the Update's validator, and
   * appraisals of before): the ids of the supervisor's agreed RHK for the cascade ([] when none is
   * agreed), and for a unit leader's rating the unit's capaian kinerja organisasi (null when not set).
   */
  supervisorRhk?: readonly string[] | undefined;
  capaian?: UnitPredikat | null | undefined;
  /** The organisation's zone (the cycle's calendar records it): a window's last local day, the pack in force. */
  timeZone?: string | undefined;
  /**
   * A training cycle's day (its calendar's `training.dayMs`, a minute): the objection's decision and the
   * explanations it asks for count these instead of local days. Absent in every real cycle.
   */
  dayMs?: number | undefined;
}

export function decide(
  state: AppraisalState,
  command: AppraisalCommand,
  ctx: DecideContext,
): AppraisalEvent[] {
  requireActive(state);
  const { actor, now } = ctx;
  const by = actor.nip;
  switch (command.type) {
    case 'acknowledgeStandards': {
      requireActor(isEmployee(state, actor), 'employee');
      if (state.socialisation.acknowledgedAt)
        throw new DomainError('already_done', 'The standards were already acknowledged');
      const { standard } = command;
      if (standard && standard.positionCode !== state.participants.employee.positionCode)
        throw new DomainError('wrong_position', "That is not the standard of the employee's position", {
          positionCode: state.participants.employee.positionCode,
        });
      // Acknowledging late is still worth recording; it also closes the supervisor's escalation task.
      return [
        { type: 'socialisation.acknowledged', data: standard ? { by, standard, at: now } : { by, at: now } },
        ...completeTask(state, now, by, taskId(state, 'acknowledgeStandards')),
        ...completeTask(state, now, by, taskId(state, 'escalateSocialisation')),
      ];
    }
    case 'proposeIndicators': {
      if (state.skp) return decideSkpAgreement(state, command, ctx);
      requireAgreementOpen(state);
      requireActor(isSupervisor(state, actor), 'supervisor');
      if (state.agreement.agreedVersion !== null)
        throw new DomainError('already_done', 'The SKP is already signed by both');
      // The one shape of old: an aspect and a target in words (what its schema once required).
      const issue = proposalIssues(undefined, command, undefined)[0];
      if (issue) throw issueError(issue);
      const version = state.agreement.versions.length + 1;
      const stale = [
        ...tasksOfKind(state, 'proposeIndicators'),
        ...tasksOfKind(state, 'reviewIndicators'),
        ...tasksOfKind(state, 'signAgreement'),
      ];
      return [
        { type: 'agreement.proposed', data: { version, rhk: command.rhk, by, at: now } },
        ...stale.flatMap((task) => completeTask(state, now, by, task.taskId)),
        ...assignTask(state, now, {
          kind: 'reviewIndicators',
          qualifier: versionQualifier(version),
          assigneeNip: state.participants.employee.nip,
          assigneeRole: 'employee',
          step: 'agreement',
          dueAt: state.deadline,
        }),
      ];
    }
    case 'commentIndicators': {
      if (state.skp) return decideSkpAgreement(state, command, ctx);
      requireAgreementOpen(state);
      requireActor(isEmployee(state, actor), 'employee');
      requireLatestVersion(state, command.version);
      return [
        {
          type: 'agreement.commented',
          data: { version: command.version, comment: command.comment, by, at: now },
        },
        ...completeTask(state, now, by, taskId(state, 'reviewIndicators', versionQualifier(command.version))),
        ...assignTask(state, now, {
          kind: 'proposeIndicators',
          qualifier: versionQualifier(command.version + 1),
          assigneeNip: state.participants.supervisorNip,
          assigneeRole: 'supervisor',
          step: 'agreement',
          dueAt: state.deadline,
        }),
      ];
    }
    case 'signAgreement':
      if (state.skp) return decideSkpAgreement(state, command, ctx);
      return signAgreement(state, command.version, ctx);
    case 'submitCheckIn': {
      requireActor(isEmployee(state, actor), 'employee');
      const wrong = realisationIssues(state.skp, command.realisations)[0];
      if (wrong) throw issueError(wrong);
      const id = taskId(state, 'submitCheckIn', command.quarter);
      const task = state.openTasks[id];
      if (!task)
        throw new DomainError('wrong_step', `The check-in window of TW ${command.quarter} is not open`);
      return [
        {
          type: 'checkIn.submitted',
          data: { quarter: command.quarter, realisations: command.realisations, by, at: now },
        },
        ...completeTask(state, now, by, id),
        ...assignTask(state, now, {
          kind: 'giveCheckInFeedback',
          qualifier: command.quarter,
          assigneeNip: state.participants.supervisorNip,
          assigneeRole: 'supervisor',
          step: state.step,
          dueAt: task.dueAt,
        }),
      ];
    }
    case 'giveCheckInFeedback': {
      requireActor(isSupervisor(state, actor), 'supervisor');
      if (!state.checkIns[command.quarter])
        throw new DomainError('wrong_step', `TW ${command.quarter} has not started`);
      // Continuous feedback: allowed any time after the quarter opened, also after a missed submission.
      return [
        {
          type: 'checkIn.feedbackGiven',
          data: { quarter: command.quarter, feedback: command.feedback, by, at: now },
        },
        ...completeTask(state, now, by, taskId(state, 'giveCheckInFeedback', command.quarter)),
      ];
    }
    case 'addActivityReport': {
      requireActor(isEmployee(state, actor), 'employee');
      return [
        {
          type: 'activityReport.added',
          data: {
            reportId: command.reportId,
            date: command.date,
            description: command.description,
            by,
            at: now,
          },
        },
      ];
    }
    case 'assignPeers': {
      requireStep(state, 'checkIns', 'review');
      requireActor(isSupervisor(state, actor) || isHr(actor), 'supervisor or HR');
      if (command.peerNips.includes(state.participants.employee.nip))
        throw new DomainError('invalid_peers', 'An employee cannot be their own peer reviewer');
      if (
        command.peerNips.some(
          (nip) =>
            nip === state.participants.supervisorNip || state.participants.subordinateNips.includes(nip),
        )
      )
        throw new DomainError(
          'invalid_peers',
          'Peers are colleagues: not the supervisor and not a direct report',
        );
      if (new Set(command.peerNips).size !== command.peerNips.length)
        throw new DomainError('invalid_peers', 'A peer is listed twice');
      if (state.review.submitted.some((r) => r.role === 'peer'))
        throw new DomainError('already_done', 'Peers have already started reviewing');
      const replaced = tasksOfKind(state, 'peerReview').map(
        (t) =>
          ({
            type: 'task.cancelled',
            data: { taskId: t.taskId, reason: 'peers reassigned', at: now },
          }) as const,
      );
      const peerTasks =
        state.step === 'review'
          ? command.peerNips.flatMap((nip) =>
              assignTask(state, now, {
                kind: 'peerReview',
                qualifier: nip,
                assigneeNip: nip,
                assigneeRole: 'reviewer',
                step: 'review',
                dueAt: state.deadline,
              }),
            )
          : [];
      return [
        { type: 'review.peersAssigned', data: { peerNips: command.peerNips, by, at: now } },
        ...completeTask(state, now, by, taskId(state, 'assignPeers')),
        ...replaced,
        ...peerTasks,
      ];
    }
    case 'submitReview':
      return submitReview(state, command.scores, command.comment, ctx);
    case 'recordRealisation':
    case 'givePeriodFeedback':
    case 'ratePeriod':
    case 'acknowledgePeriod':
      return decidePeriodic(state, command, ctx);
    case 'setRating': {
      requireStep(state, 'rating');
      const as = raterRoleOf(state, actor, 'setRating', null);
      requireActor(as !== null, 'supervisor (or, once escalated, the rater’s superior or HR)');
      if (state.release) throw new DomainError('wrong_step', 'The rating has been released');
      const { results, capaian } = resultsOf(state, command.results, ctx.capaian, null);
      const predikat = predikatFor(results, command.behaviour);
      // A year of several SKP periods: the rating records each, with its periodic predikat.
      const skpPeriods = skpPeriodsOf(state);
      return [
        {
          type: 'rating.set',
          data: {
            results,
            behaviour: command.behaviour,
            predikat,
            feedback: command.feedback,
            by,
            ...(as === 'rater' ? {} : { as: as ?? 'rater' }),
            ...(capaian ? { capaian } : {}),
            ...(command.calibration ? { calibration: command.calibration } : {}),
            ...(skpPeriods ? { skpPeriods } : {}),
            pack: packRefAt(now, ctx.timeZone),
            at: now,
          },
        },
        ...completeRatingTasks(state, 'setRating', null, now, by),
      ];
    }
    case 'acknowledgeFeedback': {
      requireStep(state, 'feedback');
      requireActor(isEmployee(state, actor), 'employee');
      if (state.feedbackAcknowledgedAt)
        throw new DomainError('already_done', 'The feedback was already acknowledged');
      return [
        { type: 'feedback.acknowledged', data: { by, at: now } },
        ...completeTask(state, now, by, taskId(state, 'readFeedback')),
      ];
    }
    case 'fileObjection':
      return fileObjection(state, command, ctx);
    case 'askExplanation':
      return askExplanation(state, command, ctx);
    case 'explainObjection':
      return explainObjection(state, command, ctx);
    case 'decideObjection':
      return decideObjection(state, command, ctx);
    case 'recordGuidance': {
      requireActor(isHr(actor), 'HR admin');
      const id = taskId(state, 'pembinaan');
      if (!state.openTasks[id]) throw new DomainError('wrong_step', 'There is no open pembinaan task');
      return [
        { type: 'guidance.recorded', data: { note: command.note, by, at: now } },
        ...completeTask(state, now, by, id),
      ];
    }
    case 'assignTraining': {
      requireStep(state, 'followUp');
      requireActor(isHr(actor), 'HR admin');
      if (!state.referral || state.referral.completedAt)
        throw new DomainError('wrong_step', 'There is no open training referral');
      return [
        { type: 'referral.programmeAssigned', data: { programme: command.programme, by, at: now } },
        ...completeTask(state, now, by, taskId(state, 'assignTraining')),
        ...assignTask(state, now, {
          kind: 'completeTraining',
          assigneeNip: state.participants.employee.nip,
          assigneeRole: 'employee',
          step: 'followUp',
          dueAt: state.deadline,
        }),
      ];
    }
    case 'remindTask':
      return remindTask(state, command.taskId, ctx);
    case 'completeTraining': {
      requireStep(state, 'followUp');
      requireActor(isEmployee(state, actor) || isHr(actor), 'employee or HR');
      if (!state.referral?.programme || state.referral.completedAt)
        throw new DomainError('wrong_step', 'No assigned programme is open');
      return [
        { type: 'referral.completed', data: { note: command.note, by, at: now } },
        ...completeTask(state, now, by, taskId(state, 'completeTraining')),
      ];
    }
  }
}

/** A day between two reminders of one task: a second click, or two HR officers at once, send one. */
const reminderQuietMs = 86_400_000;

/**
 * HR reminds the holder of an open task (the monitoring page picks those of the people behind).
 * Idempotent: a task reminded within the last day gets no second reminder (no event), so "remind all
 * late" may be sent again safely.
 */
function remindTask(state: AppraisalState, id: string, { actor, now }: DecideContext): AppraisalEvent[] {
  requireActor(isHr(actor), 'HR admin');
  const task = state.openTasks[id];
  if (!task) throw new DomainError('wrong_step', 'There is no such open task');
  if (task.remindedAt && Date.parse(now) - Date.parse(task.remindedAt) < reminderQuietMs) return [];
  return [
    {
      type: 'task.reminded',
      data: { taskId: task.taskId, assigneeNip: task.assigneeNip, dueAt: task.dueAt ?? now, at: now },
    },
  ];
}

function requireLatestVersion(state: AppraisalState, version: number): void {
  const latest = state.agreement.versions.length;
  if (latest === 0) throw new DomainError('wrong_step', 'No indicators have been proposed yet');
  if (version !== latest)
    throw new DomainError('stale_version', `Version ${version} is not the latest (${latest})`, { latest });
}

function signAgreement(
  state: AppraisalState,
  version: number,
  { actor, now }: DecideContext,
): AppraisalEvent[] {
  requireAgreementOpen(state);
  requireLatestVersion(state, version);
  const role = isEmployee(state, actor) ? 'employee' : isSupervisor(state, actor) ? 'supervisor' : null;
  if (!role) throw new DomainError('forbidden_actor', 'Only the employee or the supervisor may sign');
  if (state.agreement.signatures[role] === version)
    throw new DomainError('already_done', `Version ${version} is already signed by the ${role}`);
  const other = role === 'employee' ? 'supervisor' : 'employee';
  const bothSigned = state.agreement.signatures[other] === version;
  const by = actor.nip;
  const ownTask =
    role === 'employee'
      ? taskId(state, 'reviewIndicators', versionQualifier(version))
      : taskId(state, 'signAgreement', versionQualifier(version));
  return [
    { type: 'agreement.signed', data: { version, role, by, at: now } },
    ...completeTask(state, now, by, ownTask),
    ...(bothSigned
      ? [{ type: 'agreement.agreed', data: { version, at: now } } as const]
      : role === 'employee'
        ? assignTask(state, now, {
            kind: 'signAgreement',
            qualifier: versionQualifier(version),
            assigneeNip: state.participants.supervisorNip,
            assigneeRole: 'supervisor',
            step: 'agreement',
            dueAt: state.deadline,
          })
        : []),
  ];
}
