// Bahasa Indonesia for the evaluation file and the periodic evaluation pages (the rater's akhir rating,
// rating a period, the employee reading it), part of the catalogue in id.ts.
import { periodIds } from '../../../domain/cycle/periods.ts';

const months = 'Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember';
const roman = ['I', 'II', 'III', 'IV'];

/** The periods by name: Triwulan I, Januari, Semester II, and the akhir (annual) evaluation. */
export const idPeriodNames: Record<string, string> = {
  ...Object.fromEntries(periodIds('quarterly').map((p, i) => [`periodName.${p}`, `Triwulan ${roman[i]}`])),
  ...Object.fromEntries(periodIds('monthly').map((p, i) => [`periodName.${p}`, months.split(' ')[i]])),
  ...Object.fromEntries(periodIds('semester').map((p, i) => [`periodName.${p}`, `Semester ${roman[i]}`])),
  'periodName.akhir': 'Evaluasi akhir tahun',
};

export const idEvaluation = {
  'evaluation.title': 'Berkas evaluasi kinerja',
  'evaluation.intro':
    'Semua yang tercatat tahun ini, periode demi periode: realisasi dan bukti dukung, umpan balik, predikat periodik, laporan aktivitas dan penilaian perilaku. Bacalah sebelum menetapkan penilaian akhir.',
  'evaluation.unavailable': 'Berkas evaluasi ini tidak dapat dibuka.',
  'evaluation.employee': 'Pegawai',
  'evaluation.rater': 'Pejabat penilai',
  'evaluation.superior': 'Atasan pejabat penilai',
  'evaluation.nobody': 'tidak ada',
  'evaluation.skp': 'SKP yang disepakati (versi {version})',
  'evaluation.noSkp': 'Belum ada SKP yang disepakati.',
  'evaluation.noPeriods': 'Belum ada periode evaluasi yang dibuka.',
  'evaluation.days': '{from} s.d. {to}',
  'evaluation.deadline': 'Tenggat penilaian: {date}',
  'evaluation.realisationAt': 'Realisasi diisi {date}.',
  'evaluation.noRealisation': 'Pegawai belum mengisi realisasi periode ini.',
  'evaluation.notInSkp': 'Indikator di luar SKP yang disepakati',
  'evaluation.ratedBy': 'Dinilai oleh {name} ({as}), {date}.',
  'evaluation.as.rater': 'pejabat penilai',
  'evaluation.as.superior': 'atasan pejabat penilai',
  'evaluation.as.hr': 'SDM',
  'evaluation.because.superior':
    'Dinilai oleh atasan pejabat penilai karena pejabat penilai tidak menilai sampai tenggat.',
  'evaluation.because.hr':
    'Dinilai oleh SDM karena pejabat penilai maupun atasannya tidak menilai sampai tenggat.',
  'evaluation.notRated': 'Belum dinilai.',
  'evaluation.predikatPeriodic': 'Predikat kinerja periodik',
  'evaluation.ratingNote': 'Catatan penilai',
  'evaluation.escalatedSuperior': 'Dialihkan ke atasan pejabat penilai ({name}) {date}, tenggat {deadline}.',
  'evaluation.escalatedHr': 'Dialihkan ke SDM {date}, tenggat {deadline}.',
  'evaluation.missedRating': 'Periode ditutup tanpa penilaian.',
  'evaluation.missedRealisation': 'Periode ditutup tanpa realisasi.',
  'evaluation.acknowledged': 'Dibaca pegawai {date}.',
  'evaluation.feedback': 'Umpan balik',
  'evaluation.feedbackBy': '{name}, {date}',
  'evaluation.noFeedback': 'Belum ada umpan balik untuk RHK ini.',
  'evaluation.reports': 'Laporan aktivitas harian ({count})',
  'evaluation.otherReports': 'Laporan aktivitas di luar periode ({count})',
  'evaluation.checkInAt': 'Realisasi dikirim {date}.',
  'evaluation.review': 'Penilaian perilaku kerja (BerAKHLAK)',
  'evaluation.col.self': 'Diri',
  'evaluation.col.supervisor': 'Atasan',
  'evaluation.col.colleagues': 'Rekan ({count})',
  'evaluation.reviewScale':
    'Rata-rata skor 1 sampai 5 per nilai: penilaian diri, atasan, serta rekan kerja dan bawahan digabung.',
  'evaluation.colleaguesHidden':
    'Penilaian rekan kerja dan bawahan ditampilkan gabungan setelah paling sedikit dua masuk ({count} sejauh ini).',
  'evaluation.reviewsMissed': '{count} penilai tidak mengisi sampai tenggat.',
  'evaluation.akhir': 'Penilaian akhir',
  'evaluation.akhirNotRated': 'Penilaian akhir belum ditetapkan.',
  'evaluation.akhirMissed': 'Penilaian akhir tidak ditetapkan sampai tenggat.',
  'evaluation.escalatedToYou.superior':
    'Pejabat penilai belum menilai sampai tenggat: Anda menilai sebagai atasan pejabat penilai.',
  'evaluation.escalatedToYou.hr': 'Penilaian belum ditetapkan sampai tenggat: SDM menilai sekarang.',
  'evaluation.rateIntro':
    'Baca realisasi dan bukti dukungnya, beri umpan balik per RHK, lalu tetapkan rating hasil kerja dan rating perilaku kerja periode ini. Predikat periodik mengikuti matriks yang sama dengan penilaian tahunan.',
  'evaluation.periodNotOpen': 'Evaluasi periode ini belum dibuka.',
  'evaluation.feedbackSaved':
    'Umpan balik tersimpan. Anda dapat menambah umpan balik atau menilai periode ini.',
  'evaluation.ackIntro':
    'Hasil evaluasi kinerja Anda untuk periode ini. Bacalah, lalu nyatakan sudah dibaca.',
  'myEvaluation.title': 'Evaluasi kinerja periodik',
  'myEvaluation.intro':
    'Setiap periode: realisasi dan bukti dukung Anda, umpan balik pejabat penilai per RHK, rating hasil kerja dan perilaku kerja, predikat periodik, dan siapa yang menilai.',
  'myEvaluation.upcoming': 'Evaluasi dibuka {opens}; tenggat penilaian {deadline}.',
  'myEvaluation.realisationAt': 'Anda mengisi realisasi {date}.',
  'myEvaluation.noRealisation': 'Anda belum mengisi realisasi periode ini.',
  'myEvaluation.missedRealisation': 'Periode ditutup tanpa realisasi dari Anda.',
  'myEvaluation.acknowledgedAt': 'Anda telah membaca hasil ini {date}.',
  'myEvaluation.notAcknowledged': 'Anda belum menyatakan sudah membaca hasil ini.',
  'myEvaluation.acknowledge': 'Baca dan nyatakan sudah dibaca',
  'field.rhkFeedback': 'Umpan balik untuk RHK ini',
  'action.givePeriodFeedback': 'Kirim umpan balik',
  'action.ratePeriod': 'Simpan penilaian periode',
  'action.acknowledgePeriod': 'Saya sudah membaca hasil evaluasi ini',
  'evaluation.skpPeriods': 'Periode SKP tahun ini',
  'evaluation.skpPeriodsIntro':
    'Mutasi atau promosi menutup satu periode SKP dan membuka yang lain: evaluasi akhir dibuat dari semuanya.',
  'evaluation.skpPeriod':
    'Periode SKP {number} ({began}): jabatan {position}, unit {unit}; pejabat penilai {rater}; dari {from} sampai {until}; SKP versi {version}; periode {periods}',
  'evaluation.skpBegan.year': 'sejak awal tahun',
  'evaluation.skpBegan.mutasi': 'setelah mutasi',
  'evaluation.skpBegan.promotion': 'setelah promosi',
  'evaluation.skpNow': 'sekarang',
  'evaluation.none': 'tidak ada',
  'evaluation.yearStart': 'awal tahun',
} as const;
