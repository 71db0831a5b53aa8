// English for the keberatan pages, part of the catalogue in en.ts. Its type makes the compiler reject a
// key that id-objection.ts lacks, or one of its keys left out here.
import type { idObjection } from './id-objection.ts';

export const enObjection: Record<keyof typeof idObjection, string> = {
  'objection.case': 'The objection to decide',
  'objection.filedAt': 'Filed {date}',
  'objection.reasons': "The employee's reasons",
  'objection.contested': 'The rating objected to',
  'objection.raterFeedback': "The rater's feedback",
  'objection.decideBy': 'Decide by {date} (PP 30/2019 art. 59).',
  'objection.explanations': 'Explanations',
  'objection.noExplanations': 'No explanation has been asked for. You may decide without one.',
  'objection.from.rater': 'The rater',
  'objection.from.employee': 'The employee',
  'objection.question': 'Question: {question}',
  'objection.dueAt': 'Due {date}',
  'objection.answered': 'Answered {date}:',
  'objection.missed': 'Not answered by the deadline.',
  'objection.waiting': 'Waiting for the answer.',
  'objection.ask': 'Ask for an explanation',
  'objection.askIntro':
    'Ask the rater or the employee to explain in writing. It is due at 23:59 local time on its last day, within the time for the decision.',
  'objection.askFrom': 'Ask',
  'objection.askQuestion': 'Question',
  'objection.askDays': 'Time to answer (days)',
  'objection.daysOption': '{days} days, until {date}',
  'objection.askSubmit': 'Send the request',
  'objection.decide': 'Decision',
  'objection.decideIntro':
    'This decision is final. The employee reads your reasons. If you change the result, choose both new ratings.',
  'objection.delegate':
    "The rater's superior is outside siklus. You record their decision as the delegate, with the decision letter's reference.",
  'objection.letterRef': 'Decision letter reference',
  'objection.reasonField': 'Reasons for the decision (the employee reads them)',
  'objection.yourQuestion': "The rater's superior asks",
  'objection.explanation': 'Your explanation',
  'objection.explainSubmit': 'Send the explanation',
  'objection.decision': 'Decision on the objection',
  'objection.decisionReason': 'Reasons: {reason}',
  'objection.decisionLetter': 'Recorded by HR as the delegate; decision letter {letter}.',
  'objection.pembinaanIntro':
    'This employee is rated Kurang/Misconduct: record the guidance (pembinaan) given, besides the development programme.',
  'objection.guidanceNote': 'Guidance given',
  'objection.guidanceSubmit': 'Save the guidance',
  'problem.outside_window': "The explanation must be due before the objection's decision is.",
  'problem.letter_required': "Record the reference of the rater's superior's decision letter.",
  'problem.invalid_decision': 'This decision is incomplete or not allowed.',
};
