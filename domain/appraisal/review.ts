// The 360 review: the employee, the supervisor, assigned peers and subordinates each submit once.
import { DomainError } from '../errors.ts';
import type { AppraisalEvent } from './events.ts';
import { isEmployee, isSupervisor, requireStep } from './guards.ts';
import type { AppraisalState } from './state.ts';
import { completeTask, taskId } from './tasks.ts';
import type { Actor } from './types.ts';

export function submitReview(
  state: AppraisalState,
  scores: Record<string, number>,
  comment: string,
  { actor, now }: { actor: Actor; now: string },
): AppraisalEvent[] {
  requireStep(state, 'review');
  const p = state.participants;
  const role = isEmployee(state, actor)
    ? 'self'
    : isSupervisor(state, actor)
      ? 'supervisor'
      : state.review.peerNips.includes(actor.nip)
        ? 'peer'
        : p.subordinateNips.includes(actor.nip)
          ? 'subordinate'
          : null;
  if (!role)
    throw new DomainError(
      'forbidden_actor',
      'Only the employee, the supervisor, an assigned peer or a subordinate may review',
    );
  if (state.review.submitted.some((r) => r.reviewerNip === actor.nip))
    throw new DomainError('already_done', 'This review was already submitted');
  const kind =
    role === 'self'
      ? 'selfAssessment'
      : role === 'supervisor'
        ? 'supervisorAssessment'
        : role === 'peer'
          ? 'peerReview'
          : 'subordinateReview';
  const qualifier = role === 'peer' || role === 'subordinate' ? actor.nip : undefined;
  return [
    { type: 'review.submitted', data: { reviewerNip: actor.nip, role, scores, comment, at: now } },
    ...completeTask(state, now, actor.nip, taskId(state, kind, qualifier)),
  ];
}
