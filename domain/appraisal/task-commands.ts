// Which commands complete a task of each kind: the answer a task asks for. Acting "through a task" (the
// API's /tasks/{taskId}/actions, the web's task pages) sends only these; anything else a person may ask
// of their appraisal without a task (a daily activity report, a late objection) goes through "my
// appraisal" instead. Typed over every task kind, so a new kind cannot be forgotten here.
import type { AppraisalCommand } from './commands.ts';
import type { TaskKind } from './types.ts';

export type CommandType = AppraisalCommand['type'];

const byKind: Readonly<Record<TaskKind, readonly CommandType[]>> = {
  acknowledgeStandards: ['acknowledgeStandards'],
  // The supervisor is told the employee has not acknowledged; it closes when the employee does.
  escalateSocialisation: [],
  proposeIndicators: ['proposeIndicators'],
  reviewIndicators: ['signAgreement', 'commentIndicators'],
  signAgreement: ['signAgreement'],
  submitCheckIn: ['submitCheckIn'],
  giveCheckInFeedback: ['giveCheckInFeedback'],
  assignPeers: ['assignPeers'],
  selfAssessment: ['submitReview'],
  supervisorAssessment: ['submitReview'],
  peerReview: ['submitReview'],
  subordinateReview: ['submitReview'],
  setRating: ['setRating'],
  readFeedback: ['acknowledgeFeedback', 'fileObjection'],
  decideObjection: ['decideObjection'],
  assignTraining: ['assignTraining'],
  completeTraining: ['completeTraining'],
};

/** The command types a task of this kind takes; none for a kind that is not a task kind. */
export function commandsForTask(kind: string): readonly CommandType[] {
  return Object.hasOwn(byKind, kind) ? byKind[kind as TaskKind] : [];
}

/** Whether a task of this kind takes this command. */
export function taskTakes(kind: string, commandType: string): boolean {
  return commandsForTask(kind).includes(commandType as CommandType);
}
