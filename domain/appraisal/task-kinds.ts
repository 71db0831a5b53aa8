// Every task kind an appraisal gives a person, with the commands that complete it: the answer a task
// asks for (task-commands.ts reads it and checks each is a command). Adding a kind here is the whole
// of naming it to the domain; this module imports nothing, so types.ts can take the list from it.
export const taskKindCommands = {
  acknowledgeStandards: ['acknowledgeStandards'],
  // The supervisor is told the employee has not acknowledged; it closes when the employee does.
  escalateSocialisation: [],
  proposeIndicators: ['proposeIndicators'],
  reviewIndicators: ['signAgreement', 'commentIndicators'],
  signAgreement: ['signAgreement'],
  submitCheckIn: ['submitCheckIn'],
  giveCheckInFeedback: ['giveCheckInFeedback'],
  // The periodic evaluation: qualifier the period (TW1), or TW1.superior / TW1.hr once escalated.
  recordRealisation: ['recordRealisation'],
  ratePeriod: ['ratePeriod'],
  acknowledgePeriod: ['acknowledgePeriod'],
  assignPeers: ['assignPeers'],
  selfAssessment: ['submitReview'],
  supervisorAssessment: ['submitReview'],
  peerReview: ['submitReview'],
  subordinateReview: ['submitReview'],
  // The akhir rating; qualifier superior or hr once escalated.
  setRating: ['setRating'],
  readFeedback: ['acknowledgeFeedback', 'fileObjection'],
  decideObjection: ['decideObjection'],
  // The superior's question on an objection; qualifier rater or employee, whoever is asked.
  explainObjection: ['explainObjection'],
  assignTraining: ['assignTraining'],
  completeTraining: ['completeTraining'],
  // HR's pembinaan of an employee rated Kurang/Misconduct.
  pembinaan: ['recordGuidance'],
} as const satisfies Readonly<Record<string, readonly string[]>>;

export type TaskKind = keyof typeof taskKindCommands;

/** The kinds in the order above. */
export const taskKinds = Object.keys(taskKindCommands) as [TaskKind, ...TaskKind[]];
