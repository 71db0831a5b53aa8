// The words of the audit timeline in Bahasa Indonesia and English: who acted, steps, task kinds.
import type { AppraisalState } from '../domain/appraisal/state.ts';
import type { Step, TaskKind } from '../domain/appraisal/types.ts';
import { parseSystemActor, parseTaskId } from '../domain/ids.ts';

export type Lang = 'id' | 'en';

export type Who = 'employee' | 'supervisor' | 'superior' | 'hr' | 'system' | 'reviewer' | 'someone';

const whoWords: Record<Who, Record<Lang, string>> = {
  employee: { id: 'Pegawai', en: 'The employee' },
  supervisor: { id: 'Atasan', en: 'The supervisor' },
  superior: { id: 'Atasan pejabat penilai', en: "The supervisor's superior" },
  hr: { id: 'HR', en: 'HR' },
  system: { id: 'Sistem', en: 'The system' },
  reviewer: { id: 'Penilai', en: 'A reviewer' },
  someone: { id: 'Pengguna', en: 'A user' },
};

/** The subject of a sentence: "Atasan", "The supervisor". */
export function subject(who: Who, lang: Lang): string {
  return whoWords[who][lang];
}

/** The same in the middle of a sentence: "atasan", "the supervisor" (HR stays HR). */
export function object(who: Who, lang: Lang): string {
  const word = whoWords[who][lang];
  return who === 'hr' ? word : word.charAt(0).toLowerCase() + word.slice(1);
}

/** Who a NIP (or `system:<component>`) is in this appraisal. */
export function whoIs(actor: string | null, state: AppraisalState | null): Who {
  if (!actor) return 'someone';
  if (parseSystemActor(actor) !== undefined) return 'system';
  const p = state?.participants;
  if (actor === p?.employee.nip) return 'employee';
  if (actor === p?.supervisorNip) return 'supervisor';
  if (actor === p?.superiorNip) return 'superior';
  if (state?.review.peerNips.includes(actor) || p?.subordinateNips.includes(actor)) return 'reviewer';
  return 'hr';
}

const stepWords: Record<Step, Record<Lang, string>> = {
  socialisation: { id: 'sosialisasi', en: 'socialisation' },
  agreement: { id: 'penyusunan SKP', en: 'agreement' },
  checkIns: { id: 'pemantauan triwulan', en: 'quarterly check-ins' },
  review: { id: 'penilaian perilaku 360°', en: '360° review' },
  rating: { id: 'penetapan rating', en: 'rating' },
  feedback: { id: 'umpan balik', en: 'feedback' },
  followUp: { id: 'tindak lanjut', en: 'follow-up' },
  completed: { id: 'selesai', en: 'completed' },
  cancelled: { id: 'dibatalkan', en: 'cancelled' },
};

export function stepWord(step: Step, lang: Lang): string {
  return stepWords[step][lang];
}

const taskWords: Record<TaskKind, Record<Lang, string>> = {
  acknowledgeStandards: { id: 'konfirmasi standar kinerja', en: 'acknowledge the standards' },
  escalateSocialisation: { id: 'eskalasi sosialisasi', en: 'socialisation escalation' },
  proposeIndicators: { id: 'usulan RHK', en: 'propose indicators' },
  reviewIndicators: { id: 'tinjau RHK', en: 'review indicators' },
  signAgreement: { id: 'tanda tangan SKP', en: 'sign the agreement' },
  submitCheckIn: { id: 'isi realisasi', en: 'submit the check-in' },
  giveCheckInFeedback: { id: 'umpan balik realisasi', en: 'check-in feedback' },
  assignPeers: { id: 'tunjuk rekan penilai', en: 'assign peer reviewers' },
  selfAssessment: { id: 'penilaian diri', en: 'self-assessment' },
  supervisorAssessment: { id: 'penilaian atasan', en: 'supervisor assessment' },
  peerReview: { id: 'penilaian rekan kerja', en: 'peer review' },
  subordinateReview: { id: 'penilaian bawahan', en: 'subordinate review' },
  setRating: { id: 'tetapkan rating', en: 'set the rating' },
  readFeedback: { id: 'baca hasil penilaian', en: 'read the rating' },
  decideObjection: { id: 'putuskan keberatan', en: 'decide the objection' },
  assignTraining: { id: 'tetapkan program pengembangan', en: 'assign training' },
  completeTraining: { id: 'selesaikan program pengembangan', en: 'complete training' },
};

/** "“usulan RHK”" for a task id `<appraisalId>:<kind>[:<qualifier>]`. */
export function taskWord(taskId: string, lang: Lang): string {
  const kind = parseTaskId(taskId)?.kind;
  const word = kind && Object.hasOwn(taskWords, kind) ? taskWords[kind as TaskKind][lang] : (kind ?? taskId);
  return `“${word}”`;
}

export const reviewRoleWords: Record<'self' | 'supervisor' | 'peer' | 'subordinate', Record<Lang, string>> = {
  self: { id: 'diri sendiri', en: 'self' },
  supervisor: { id: 'atasan', en: 'supervisor' },
  peer: { id: 'rekan kerja', en: 'peer' },
  subordinate: { id: 'bawahan', en: 'subordinate' },
};

/** A timestamp as `2027-03-31 09:00` (UTC, to the minute). */
export function when(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
