// The name of each task kind in every language, as its inbox entry, its page, its e-mails and the
// timeline show it: a new task kind is named here once, and one without a name in a language fails to
// compile.
import type { TaskKind } from '../appraisal/types.ts';
import type { Words } from './types.ts';

export const taskKindNames: Readonly<Record<TaskKind, Words>> = {
  acknowledgeStandards: {
    id: 'Baca dan setujui standar kinerja',
    en: 'Read and acknowledge the performance standards',
  },
  escalateSocialisation: {
    id: 'Tindak lanjuti pegawai yang belum membaca standar kinerja',
    en: 'Follow up an employee who has not read the standards',
  },
  proposeIndicators: { id: 'Usulkan RHK dan indikator (SKP)', en: 'Propose results and indicators (SKP)' },
  reviewIndicators: { id: 'Tinjau usulan SKP', en: 'Review the proposed SKP' },
  signAgreement: { id: 'Tanda tangani SKP', en: 'Sign the SKP' },
  submitCheckIn: { id: 'Isi realisasi triwulan', en: "Report the quarter's realisation" },
  giveCheckInFeedback: { id: 'Beri umpan balik triwulan', en: 'Give quarterly feedback' },
  recordRealisation: { id: 'Isi realisasi periode', en: "Record the period's realisation" },
  ratePeriod: { id: 'Evaluasi kinerja periodik', en: 'Rate the periodic evaluation' },
  acknowledgePeriod: {
    id: 'Baca hasil evaluasi periodik',
    en: 'Read your periodic evaluation',
  },
  assignPeers: { id: 'Tentukan rekan penilai', en: 'Choose peer reviewers' },
  selfAssessment: { id: 'Penilaian diri (BerAKHLAK)', en: 'Self-assessment (BerAKHLAK)' },
  supervisorAssessment: { id: 'Penilaian atasan (BerAKHLAK)', en: "Supervisor's assessment (BerAKHLAK)" },
  peerReview: { id: 'Penilaian rekan kerja (BerAKHLAK)', en: 'Peer review (BerAKHLAK)' },
  subordinateReview: {
    id: 'Penilaian oleh bawahan (BerAKHLAK)',
    en: 'Review of your supervisor (BerAKHLAK)',
  },
  setRating: { id: 'Tetapkan rating kinerja', en: 'Set the performance rating' },
  readFeedback: { id: 'Baca hasil dan umpan balik', en: 'Read your result and feedback' },
  decideObjection: { id: 'Putuskan keberatan', en: 'Decide an objection' },
  explainObjection: { id: 'Beri penjelasan atas keberatan', en: 'Explain, on an objection' },
  assignTraining: { id: 'Tetapkan program pengembangan', en: 'Assign a development programme' },
  completeTraining: { id: 'Selesaikan program pengembangan', en: 'Complete the development programme' },
  pembinaan: { id: 'Lakukan pembinaan pegawai', en: 'Give the employee guidance (pembinaan)' },
};
