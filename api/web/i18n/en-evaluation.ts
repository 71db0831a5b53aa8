// English for the evaluation file and the periodic evaluation pages, part of the catalogue in en.ts. Its
// type makes the compiler reject a key that id-evaluation.ts lacks, or one of its keys left out here.
import { periodIds } from '../../../domain/cycle/periods.ts';
import type { idEvaluation } from './id-evaluation.ts';

const months = 'January February March April May June July August September October November December';

export const enPeriodNames: Record<string, string> = {
  ...Object.fromEntries(periodIds('quarterly').map((p, i) => [`periodName.${p}`, `Quarter ${i + 1}`])),
  ...Object.fromEntries(periodIds('monthly').map((p, i) => [`periodName.${p}`, months.split(' ')[i]])),
  ...Object.fromEntries(periodIds('semester').map((p, i) => [`periodName.${p}`, `Semester ${i + 1}`])),
  'periodName.akhir': 'Annual (akhir) evaluation',
};

export const enEvaluation: Record<keyof typeof idEvaluation, string> = {
  'evaluation.title': 'Evaluation file',
  'evaluation.intro':
    'Everything recorded this year, period by period: realisations and their evidence, feedback, periodic predikat, activity reports and the behaviour reviews. Read it before you set the annual rating.',
  'evaluation.unavailable': 'This evaluation file cannot be opened.',
  'evaluation.employee': 'Employee',
  'evaluation.rater': 'Rater',
  'evaluation.superior': "Rater's superior",
  'evaluation.nobody': 'none',
  'evaluation.skp': 'Agreed SKP (version {version})',
  'evaluation.noSkp': 'No SKP has been agreed.',
  'evaluation.noPeriods': 'No evaluation period has opened yet.',
  'evaluation.days': '{from} to {to}',
  'evaluation.deadline': 'Rating due: {date}',
  'evaluation.realisationAt': 'Realisation recorded {date}.',
  'evaluation.noRealisation': 'The employee has not recorded a realisation for this period.',
  'evaluation.notInSkp': 'Indicators outside the agreed SKP',
  'evaluation.ratedBy': 'Rated by {name} ({as}), {date}.',
  'evaluation.as.rater': 'the rater',
  'evaluation.as.superior': "the rater's superior",
  'evaluation.as.hr': 'HR',
  'evaluation.because.superior':
    "Rated by the rater's superior because the rater did not rate by the deadline.",
  'evaluation.because.hr':
    "Rated by HR because neither the rater nor the rater's superior rated by the deadline.",
  'evaluation.notRated': 'Not rated yet.',
  'evaluation.predikatPeriodic': 'Periodic performance predikat',
  'evaluation.ratingNote': "Rater's note",
  'evaluation.escalatedSuperior': "Passed to the rater's superior ({name}) {date}, due {deadline}.",
  'evaluation.escalatedHr': 'Passed to HR {date}, due {deadline}.',
  'evaluation.missedRating': 'The period closed without a rating.',
  'evaluation.missedRealisation': 'The period closed without a realisation.',
  'evaluation.acknowledged': 'Read by the employee {date}.',
  'evaluation.feedback': 'Feedback',
  'evaluation.feedbackBy': '{name}, {date}',
  'evaluation.noFeedback': 'No feedback on this RHK yet.',
  'evaluation.reports': 'Daily activity reports ({count})',
  'evaluation.otherReports': 'Activity reports outside the periods ({count})',
  'evaluation.checkInAt': 'Realisation sent {date}.',
  'evaluation.review': 'Work behaviour reviews (BerAKHLAK)',
  'evaluation.col.self': 'Self',
  'evaluation.col.supervisor': 'Supervisor',
  'evaluation.col.colleagues': 'Peers ({count})',
  'evaluation.reviewScale':
    'Average score, 1 to 5, per value: the self-assessment, the supervisor, and peers and subordinates combined.',
  'evaluation.colleaguesHidden':
    "Peers' and subordinates' reviews are shown combined once at least two arrive ({count} so far).",
  'evaluation.reviewsMissed': '{count} reviewers did not answer by the deadline.',
  'evaluation.akhir': 'Annual rating',
  'evaluation.akhirNotRated': 'The annual rating has not been set.',
  'evaluation.akhirMissed': 'The annual rating was not set by the deadline.',
  'evaluation.escalatedToYou.superior':
    "The rater did not rate by the deadline: you rate as the rater's superior.",
  'evaluation.escalatedToYou.hr': 'No rating was set by the deadline: HR rates now.',
  'evaluation.rateIntro':
    "Read the realisation and its evidence, give feedback per RHK, then set this period's results rating and behaviour rating. The periodic predikat follows the same matrix as the annual one.",
  'evaluation.periodNotOpen': "This period's evaluation has not opened.",
  'evaluation.feedbackSaved': 'Feedback saved. You can add more feedback or rate the period.',
  'evaluation.ackIntro': 'The result of your performance evaluation for this period. Read it, then confirm.',
  'myEvaluation.title': 'Periodic evaluations',
  'myEvaluation.intro':
    "Each period: your realisation and its evidence, the rater's feedback per RHK, the results and behaviour ratings, the periodic predikat, and who rated.",
  'myEvaluation.upcoming': 'The evaluation opens {opens}; the rating is due {deadline}.',
  'myEvaluation.realisationAt': 'You recorded the realisation {date}.',
  'myEvaluation.noRealisation': 'You have not recorded a realisation for this period.',
  'myEvaluation.missedRealisation': 'The period closed without your realisation.',
  'myEvaluation.acknowledgedAt': 'You read this result {date}.',
  'myEvaluation.notAcknowledged': 'You have not yet confirmed reading this result.',
  'myEvaluation.acknowledge': 'Read and acknowledge',
  'field.rhkFeedback': 'Feedback on this RHK',
  'action.givePeriodFeedback': 'Send feedback',
  'action.ratePeriod': 'Save the period rating',
  'action.acknowledgePeriod': 'I have read this evaluation',
  'evaluation.skpPeriods': 'SKP periods this year',
  'evaluation.skpPeriodsIntro':
    'A mutasi or promotion closed an SKP period and opened another: the akhir rating is made from all of them.',
  'evaluation.skpPeriod':
    'SKP period {number} ({began}): position {position}, unit {unit}; rater {rater}; from {from} to {until}; SKP version {version}; periods {periods}',
  'evaluation.skpBegan.year': 'from the year’s start',
  'evaluation.skpBegan.mutasi': 'after a mutasi',
  'evaluation.skpBegan.promotion': 'after a promotion',
  'evaluation.skpNow': 'now',
  'evaluation.none': 'none',
  'evaluation.yearStart': 'the year’s start',
};
