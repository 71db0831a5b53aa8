// English: the SKP's two forms and two approaches, perilaku kerja with the ekspektasi khusus pimpinan, the
// lampiran SKP, either party drafting, and a unit leader's results rating (the keys of id-skp.ts).
import type { idSkp } from './id-skp.ts';

export const enSkp: Record<keyof typeof idSkp, string> = {
  'skp.form.jpt': 'Form for JPT and heads of independent units',
  'skp.form.jaJf': 'Form for administrative and functional positions',
  'skp.approach.kualitatif': 'Qualitative approach',
  'skp.approach.kuantitatif': 'Quantitative approach',
  'skp.hint.jpt':
    "Group the RHK as main, the leader's special instructions and additional; each RHK has a perspective.",
  'skp.hint.jaJf':
    "A main RHK names the supervisor's RHK it supports; each indicator has an aspect (quantity, quality, time, cost).",
  'skp.hint.kualitatif': 'Targets are written in words.',
  'skp.hint.kuantitatif': 'A target is a number with its unit of measure; so is the realisation.',
  'appraisal.rhk.instruksiKhusus': "Leader's special instruction",
  'skp.perspektif': 'Perspective',
  'perspektif.penerimaLayanan': 'Service recipients',
  'perspektif.prosesBisnis': 'Business processes',
  'perspektif.penguatanInternal': 'Internal strengthening',
  'perspektif.anggaran': 'Budget',
  'skp.targetValue': 'Target (number)',
  'skp.targetValueHint': 'A number only, for example 30 or 2.5.',
  'skp.satuan': 'Unit of measure (satuan)',
  'skp.satuanHint': 'For example minutes, %, documents.',
  'skp.lowerIsBetter': 'Less is better (a waiting time or a cost, for example)',
  'skp.lowerIsBetterShort': 'less is better',
  'skp.perilaku': 'Work behaviour',
  'skp.perilakuHint':
    'The seven BerAKHLAK values with their guidance. The rater may write a specific expectation for each value.',
  'skp.ekspektasi': "The leader's specific expectation",
  'skp.ekspektasiFor': "The leader's specific expectation: {value}",
  'skp.ekspektasiNone': 'No specific expectation.',
  'skp.ekspektasiByRater': "The leader's specific expectations are written by the rater.",
  'skp.lampiran': 'SKP annex',
  'skp.lampiranHint': 'One item per line.',
  'skp.lampiranNone': 'Not filled in yet.',
  'lampiran.dukunganSumberDaya': 'Resources provided',
  'lampiran.skemaPertanggungjawaban': 'Accountability scheme',
  'lampiran.konsekuensi': 'Consequences',
  'skp.draftMine': 'Draft the SKP',
  'skp.draftTitle': 'My SKP proposal',
  'skp.draftIntro': 'You may draft your SKP yourself; your supervisor reviews it, then comments or signs.',
  'skp.supervisorComment': "Your supervisor's comment on the previous version",
  'skp.reviewIntroSupervisor':
    'Check the SKP the employee drafted. Sign it if you agree, or send a comment so that the employee revises it.',
  'skp.signIntroEmployee': 'Your supervisor has signed this version. Sign it so that the SKP is agreed.',
  'skp.leader':
    "This employee leads unit {unit}: their results rating is that unit's organisational performance (capaian).",
  'skp.leaderMine':
    "You lead unit {unit}: your results rating is that unit's organisational performance (capaian).",
  'evaluation.leaderResults':
    "A unit leader's results rating is the organisational performance (capaian) of unit {unit} ({capaian}): {rating}. The rater does not choose it.",
  'evaluation.leaderNoCapaian':
    "A unit leader's results rating is the organisational performance (capaian) of unit {unit}, which HR has not set yet. The rating can be given once it is set.",
  'evaluation.fromCapaian': 'from the organisational performance ({capaian})',
  'evaluation.achievement': 'Achievement',
  'evaluation.percent': '{percent}%',
  'field.amount': 'Realisation (a number, in {satuan})',
  'problem.cascade_required': "Each main RHK must name the supervisor's RHK it supports.",
  'problem.cascade_unknown': "The supervisor's RHK named is not in the supervisor's agreed SKP.",
  'problem.skp_form': 'This does not fit the SKP form of the position.',
  'problem.skp_approach': "This does not fit the cycle's SKP approach.",
  'problem.ekspektasi_by_rater': "Only the rater writes the leader's specific expectations.",
  'problem.results_from_capaian':
    "A unit leader's results rating follows the organisational performance (capaian) and cannot be chosen.",
  'problem.capaian_missing': "This unit's organisational performance (capaian) has not been set yet.",
  'problem.results_required': 'Choose the results rating.',
  'problem.invalid_skp_approach': 'Choose the quantitative or the qualitative SKP approach.',
  'startCycle.skpApproach': 'SKP approach',
  'startCycle.skpApproachHint':
    'Qualitative: targets are written in words. Quantitative: a target is a number with its unit, and achievement is a percentage.',
  'startCycle.error.skpApproach': 'Choose the quantitative or the qualitative approach.',
};
