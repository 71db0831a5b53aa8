// One sentence per appraisal event type in every language, for the audit timeline and the web; `{name}`
// stands for one of the event's values. A new event type is worded here once, and one without a sentence
// in a language fails to compile.
import type { AppraisalEventType } from '../appraisal/events.ts';
import type { AppraisalEventVariant, Words } from './types.ts';

export const appraisalEventSentences: Readonly<Record<AppraisalEventType | AppraisalEventVariant, Words>> = {
  'appraisal.started': {
    id: 'Penilaian kinerja {name} ({nip}, unit {unit}) dimulai',
    en: 'The appraisal of {name} ({nip}, unit {unit}) started',
  },
  'appraisal.started:rejoined': {
    id: 'Penilaian kinerja {name} ({nip}, unit {unit}) dimulai lagi: kembali berlaku {effectiveDate} ({reason}); penilaian sebelumnya {previous}',
    en: 'The appraisal of {name} ({nip}, unit {unit}) started again: back from {effectiveDate} ({reason}); the earlier one is {previous}',
  },
  'appraisal.stepEntered': { id: 'Tahap {step} dimulai', en: 'The {step} step began' },
  'appraisal.stepEntered:due': {
    id: 'Tahap {step} dimulai, tenggat {deadline}',
    en: 'The {step} step began, due {deadline}',
  },
  'appraisal.deadlineExtended': {
    id: '{by} memperpanjang tenggat tahap {step} sampai {deadline}',
    en: '{by} extended the {step} deadline to {deadline}',
  },
  'appraisal.completed': { id: 'Penilaian kinerja selesai', en: 'The appraisal was completed' },
  'appraisal.cancelled': {
    id: '{by} membatalkan penilaian: {reason}',
    en: '{by} cancelled the appraisal: {reason}',
  },
  'participants.changed': {
    id: '{by} mengganti pejabat penilai dari {previous} menjadi {rater} (atasan pejabat penilai {superior}), berlaku {effectiveDate}: {reason}',
    en: "{by} changed the rater from {previous} to {rater} (the rater's superior {superior}), effective {effectiveDate}: {reason}",
  },
  'mutasi.recorded': {
    id: '{by} mencatat {kind} ke {position} di unit {unit} (pejabat penilai {rater}), berlaku {effectiveDate}: SKP periode {closed} ditutup, SKP periode {opened} dibuka: {reason}',
    en: '{by} recorded a {kind} to {position} in unit {unit} (rater {rater}), effective {effectiveDate}: SKP period {closed} closed, SKP period {opened} opened: {reason}',
  },
  'actingRater.appointed': {
    id: '{by} menunjuk {acting} sebagai pelaksana tugas pejabat penilai (Plt/Plh) dari {from} sampai {to} ({zone}): {reason}',
    en: '{by} appointed {acting} acting rater (Plt/Plh) from {from} to {to} ({zone}): {reason}',
  },
  'actingRater.started': {
    id: '{acting} mulai menjalankan tugas pejabat penilai menggantikan {rater}',
    en: '{acting} began standing in as the rater for {rater}',
  },
  'actingRater.ended': {
    id: 'Masa pelaksana tugas {acting} berakhir; tugas pejabat penilai kembali ke {rater}',
    en: "{acting}'s time as acting rater ended; the rater's part is {rater}'s again",
  },
  'task.assigned': { id: 'Tugas {task} diberikan kepada {to}', en: 'Task {task} assigned to {to}' },
  'task.reassigned': {
    id: 'Tugas {task} dialihkan dari {from} kepada {to} ({reason})',
    en: 'Task {task} moved from {from} to {to} ({reason})',
  },
  'task.completed': { id: '{by} menyelesaikan tugas {task}', en: '{by} completed task {task}' },
  'task.expired': { id: 'Tugas {task} melewati tenggat', en: 'Task {task} expired' },
  'task.expired:agreed': {
    id: 'Tugas {task} ditutup karena SKP sudah disepakati',
    en: 'Task {task} closed: the SKP was agreed',
  },
  'task.cancelled': { id: 'Tugas {task} dibatalkan ({reason})', en: 'Task {task} was cancelled ({reason})' },
  'task.reminded': {
    id: 'Pengingat tugas {task} dikirim, tenggat {due}',
    en: 'Reminder sent for task {task}, due {due}',
  },
  'socialisation.acknowledged': {
    id: '{by} menyatakan telah memahami standar kinerja',
    en: '{by} acknowledged the performance standards',
  },
  'socialisation.escalated': {
    id: 'Sosialisasi belum dikonfirmasi; dieskalasi ke atasan',
    en: 'The standards were not acknowledged; escalated to the supervisor',
  },
  'agreement.proposed': {
    id: '{by} mengusulkan RHK versi {version}',
    en: '{by} proposed indicators, version {version}',
  },
  'agreement.commented': {
    id: '{by} mengomentari RHK versi {version}: “{comment}”',
    en: '{by} commented on version {version}: “{comment}”',
  },
  'agreement.signed': {
    id: '{by} menandatangani SKP versi {version}',
    en: '{by} signed the agreement, version {version}',
  },
  'agreement.agreed': {
    id: 'SKP versi {version} disepakati',
    en: 'The agreement was reached on version {version}',
  },
  'agreement.missed': { id: 'SKP tidak disepakati sampai tenggat', en: 'No agreement by the deadline' },
  'checkIn.submitted': {
    id: '{by} mengisi realisasi TW {quarter} ({count} indikator)',
    en: '{by} submitted the quarter {quarter} check-in ({count} indicators)',
  },
  'checkIn.feedbackGiven': {
    id: '{by} memberi umpan balik realisasi TW {quarter}',
    en: '{by} gave feedback on the quarter {quarter} check-in',
  },
  'checkIn.missed': {
    id: 'Realisasi TW {quarter} tidak diisi',
    en: 'The quarter {quarter} check-in was missed',
  },
  'period.opened': {
    id: 'Evaluasi periode {period} dibuka, tenggat {deadline}',
    en: 'The {period} evaluation opened, due {deadline}',
  },
  'period.realisationRecorded': {
    id: '{by} mengisi realisasi periode {period} ({count} indikator)',
    en: '{by} recorded the {period} realisation ({count} indicators)',
  },
  'period.feedbackGiven': {
    id: '{by} memberi umpan balik RHK {rhkId} periode {period}',
    en: '{by} gave feedback on RHK {rhkId} for {period}',
  },
  'period.rated': {
    id: '{by} menilai periode {period}: hasil kerja {results}, perilaku {behaviour}, predikat {predikat}',
    en: '{by} rated {period}: results {results}, behaviour {behaviour}, predikat {predikat}',
  },
  'period.escalated': {
    id: 'Penilaian periode {period} dialihkan ke {to}, tenggat {deadline}',
    en: 'The {period} rating passed to {to}, due {deadline}',
  },
  'period.missed': {
    id: 'Periode {period} ditutup tanpa {what}',
    en: '{period} closed without {what}',
  },
  'period.acknowledged': {
    id: '{by} membaca hasil evaluasi periode {period}',
    en: '{by} read the {period} evaluation',
  },
  'activityReport.added': {
    id: '{by} menambahkan laporan aktivitas {date}',
    en: '{by} added an activity report for {date}',
  },
  'review.peersAssigned': {
    id: '{by} menunjuk {count} rekan kerja sebagai penilai',
    en: '{by} assigned {count} peer reviewers',
  },
  'review.submitted': {
    id: '{by} mengisi penilaian perilaku BerAKHLAK ({role})',
    en: '{by} submitted a BerAKHLAK review ({role})',
  },
  'review.missed': {
    id: 'Penilaian {role} dari {reviewer} tidak masuk',
    en: 'The {role} review by {reviewer} was missed',
  },
  'rating.set': {
    id: '{by} menetapkan rating hasil kerja {results} dan perilaku {behaviour}: predikat {predikat}',
    en: '{by} rated results {results} and behaviour {behaviour}: predikat {predikat}',
  },
  'rating.missed': { id: 'Rating tidak ditetapkan sampai tenggat', en: 'No rating by the deadline' },
  'rating.escalated': {
    id: 'Penetapan rating akhir dialihkan ke {to}, tenggat {deadline}',
    en: 'The final rating passed to {to}, due {deadline}',
  },
  'rating.released': {
    id: 'Hasil penilaian diumumkan (predikat {predikat}); keberatan sampai {deadline}',
    en: 'The rating was released (predikat {predikat}); objections until {deadline}',
  },
  'feedback.acknowledged': { id: '{by} menerima hasil penilaian', en: '{by} acknowledged the rating' },
  'objection.filed': { id: '{by} mengajukan keberatan: “{reasons}”', en: '{by} objected: “{reasons}”' },
  'objection.explanationRequested': {
    id: '{by} meminta penjelasan dari {from} sampai {dueAt}: “{question}”',
    en: '{by} asked {from} to explain by {dueAt}: “{question}”',
  },
  'objection.explained': {
    id: '{by} memberi penjelasan atas keberatan',
    en: '{by} explained, on the objection',
  },
  'objection.explanationMissed': {
    id: 'Penjelasan dari {from} tidak masuk sampai tenggat',
    en: 'No explanation from {from} by the deadline',
  },
  'objection.decided': {
    id: '{by} menolak keberatan; predikat tetap {predikat}',
    en: '{by} upheld the rating; predikat stays {predikat}',
  },
  'objection.decided:changed': {
    id: '{by} mengubah predikat dari {previous} menjadi {predikat}',
    en: '{by} changed the predikat from {previous} to {predikat}',
  },
  'objection.decided:ratings': {
    id: '{by} mengubah {ratings}; predikat tetap {predikat}',
    en: '{by} changed {ratings}; the predikat stays {predikat}',
  },
  'referral.created': {
    id: 'Rujukan pengembangan kompetensi dibuat (predikat {predikat})',
    en: 'A training referral was made (predikat {predikat})',
  },
  'referral.programmeAssigned': {
    id: '{by} menetapkan program “{programme}”',
    en: '{by} assigned the programme “{programme}”',
  },
  'referral.completed': {
    id: '{by} menyelesaikan program pengembangan',
    en: '{by} completed the training programme',
  },
  'referral.lapsed': { id: 'Rujukan berakhir tanpa diselesaikan', en: 'The referral lapsed unfinished' },
  'guidance.recorded': { id: '{by} mencatat pembinaan: “{note}”', en: '{by} recorded guidance: “{note}”' },
  'recognition.recorded': {
    id: 'Penghargaan dicatat (predikat {predikat})',
    en: 'Recognition recorded (predikat {predikat})',
  },
};
