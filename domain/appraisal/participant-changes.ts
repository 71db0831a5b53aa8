// Changes during the year to the people of a running appraisal, made by HR: the rater corrected (wrong
// supervisor data is the most common complaint about e-Kinerja), the rater's superior following. Each is
// an event with its reason and effective date, and the open tasks move to whoever holds their part now
// (task.reassigned), so nothing restarts and nobody waits on a task in the wrong inbox.
import { DomainError } from '../errors.ts';
import { parseTaskId } from '../ids.ts';
import type { AppraisalEvent } from './events.ts';
import { requireActive } from './guards.ts';
import { type AppraisalState, evolve, type OpenTask } from './state.ts';
import type { TaskKind } from './types.ts';

/** Whose part of the appraisal a task is, whatever NIP it went to. */
export type Party = 'employee' | 'rater' | 'superior' | 'hr' | 'reviewer';

const raterKinds: ReadonlySet<TaskKind> = new Set([
  'escalateSocialisation',
  'proposeIndicators',
  'signAgreement',
  'giveCheckInFeedback',
  'assignPeers',
  'supervisorAssessment',
]);

/**
 * The party of a task by its kind, and for a rating by its qualifier: `TW1` and none are the rater's,
 * `TW1.superior` and `superior` the superior's, `TW1.hr` and `hr` HR's (domain/appraisal/periodic.ts).
 */
export function partyOf(kind: TaskKind, qualifier: string | undefined): Party {
  if (raterKinds.has(kind)) return 'rater';
  if (kind === 'ratePeriod' || kind === 'setRating') {
    const as = qualifier?.split('.').at(-1);
    return as === 'superior' ? 'superior' : as === 'hr' ? 'hr' : 'rater';
  }
  if (kind === 'decideObjection') return 'superior';
  if (kind === 'assignTraining') return 'hr';
  if (kind === 'peerReview' || kind === 'subordinateReview') return 'reviewer';
  return 'employee';
}

const partyOfTask = (task: OpenTask) => partyOf(task.kind, parseTaskId(task.taskId)?.qualifier);

/** Who holds the rater's or the superior's part now; undefined for the parts that never move. */
function holderOf(state: AppraisalState, party: Party): { nip: string | null } | undefined {
  if (party === 'rater') return { nip: state.participants.supervisorNip };
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
