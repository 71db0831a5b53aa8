// Whose part of an appraisal a task is, and who holds the rater's part now: the rater of the org chart,
// or an acting rater (Plt/Plh) while HR's appointment covers the time (participant-changes.ts).
import type { AppraisalState } from './state.ts';
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
  if (kind === 'explainObjection') return qualifier === 'rater' ? 'rater' : 'employee';
  if (kind === 'assignTraining' || kind === 'pembinaan') return 'hr';
  if (kind === 'peerReview' || kind === 'subordinateReview') return 'reviewer';
  return 'employee';
}

/** Who rates now: the acting rater while one stands in, else the rater (null: nobody, HR stands in). */
export function raterNow(state: AppraisalState): string | null {
  return state.acting?.nip ?? state.participants.supervisorNip;
}
