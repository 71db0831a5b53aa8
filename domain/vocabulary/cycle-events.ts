// One sentence per cycle event type in every language, for the auditor's cycle timeline; `{name}` stands
// for one of the event's values. A new event type is worded here once, and one without a sentence in a
// language fails to compile.
import type { CycleEventType } from '../cycle/events.ts';
import type { CycleEventVariant, Words } from './types.ts';

export const cycleEventSentences: Readonly<Record<CycleEventType | CycleEventVariant, Words>> = {
  'cycle.started': { id: '{by} memulai siklus {year}', en: '{by} started the {year} cycle' },
  'cycle.launched': {
    id: '{launched} penilaian dimulai; anggota siklus: {total}',
    en: '{launched} appraisals started; cycle members: {total}',
  },
  'cycle.employeesAdded': { id: '{by} menambahkan {count} pegawai', en: '{by} added {count} employees' },
  'cycle.employeeRemoved': {
    id: '{by} mengeluarkan pegawai {nip}: {reason}',
    en: '{by} removed employee {nip}: {reason}',
  },
  'cycle.employeeRejoined': {
    id: '{by} menambahkan kembali pegawai {nip} ke siklus, berlaku {effectiveDate}: {reason}',
    en: '{by} added employee {nip} to the cycle again, effective {effectiveDate}: {reason}',
  },
  'cycle.deadlineExtended': {
    id: '{by} memperpanjang tenggat tahap {step} unit {unit} sampai {deadline}',
    en: '{by} extended the {step} deadline of unit {unit} to {deadline}',
  },
  'cycle.unitPredikatSet': {
    id: '{by} menetapkan predikat unit {unit}: {predikat}',
    en: '{by} set the predikat of unit {unit}: {predikat}',
  },
  'cycle.unitPredikatSet:period': {
    id: '{by} menetapkan capaian unit {unit} untuk periode {period}: {predikat}',
    en: '{by} set the capaian of unit {unit} for period {period}: {predikat}',
  },
  'cycle.unitCalibrated': {
    id: 'Unit {unit} dikalibrasi: distribusi sesuai aturan',
    en: 'Unit {unit} calibrated: the distribution follows its rules',
  },
  'cycle.unitCalibrated:broken': {
    id: 'Unit {unit} dikalibrasi: aturan dilanggar ({rules})',
    en: 'Unit {unit} calibrated: rules broken ({rules})',
  },
  'cycle.unitCalibrated:conforms': {
    id: 'Kurva unit {unit} diperiksa atas {group} (paket {pack}): sesuai pola distribusi',
    en: 'The curve of unit {unit} was checked over {group} (pack {pack}): it follows the distribution pattern',
  },
  'cycle.unitCalibrated:findings': {
    id: 'Kurva unit {unit} diperiksa atas {group} (paket {pack}): temuan {findings}',
    en: 'The curve of unit {unit} was checked over {group} (pack {pack}): findings {findings}',
  },
  'cycle.penetapanOpened': {
    id: 'Penetapan unit {unit} menunggu tanda tangan {assignee} sampai {deadline}; temuan: {findings} (paket {pack})',
    en: 'The penetapan of unit {unit} waits for the signature of {assignee} by {deadline}; findings: {findings} (pack {pack})',
  },
  'cycle.penetapanEscalated': {
    id: 'Penetapan unit {unit} tidak ditandatangani sampai tenggatnya dan beralih kepada {assignee}, sampai {deadline}',
    en: 'The penetapan of unit {unit} was not signed by its deadline and passed to {assignee}, due {deadline}',
  },
  'cycle.penetapanSigned': {
    id: '{by} menandatangani penetapan unit {unit}: tidak sesuai pola distribusi, dengan alasan: {justifications} (paket {pack})',
    en: '{by} signed the penetapan of unit {unit}: not conforming to the distribution pattern, justified: {justifications} (pack {pack})',
  },
  'cycle.penetapanSigned:conforming': {
    id: '{by} menandatangani penetapan unit {unit}: sesuai pola distribusi (paket {pack})',
    en: '{by} signed the penetapan of unit {unit}: conforming to the distribution pattern (pack {pack})',
  },
  'cycle.periodPenetapanOpened': {
    id: 'Penetapan {period} unit {unit} (capaian {capaian}) menunggu tanda tangan {assignee} sampai {deadline}; temuan: {findings} (paket {pack})',
    en: 'The {period} penetapan of unit {unit} (capaian {capaian}) waits for the signature of {assignee} by {deadline}; findings: {findings} (pack {pack})',
  },
  'cycle.periodPenetapanEscalated': {
    id: 'Penetapan {period} unit {unit} tidak ditandatangani sampai tenggatnya dan beralih kepada {assignee}, sampai {deadline}',
    en: 'The {period} penetapan of unit {unit} was not signed by its deadline and passed to {assignee}, due {deadline}',
  },
  'cycle.periodPenetapanSigned': {
    id: '{by} menandatangani penetapan {period} unit {unit}: tidak sesuai pola distribusi, dengan alasan: {justifications} (paket {pack})',
    en: '{by} signed the {period} penetapan of unit {unit}: not conforming to the distribution pattern, justified: {justifications} (pack {pack})',
  },
  'cycle.periodPenetapanSigned:conforming': {
    id: '{by} menandatangani penetapan {period} unit {unit}: sesuai pola distribusi (paket {pack})',
    en: '{by} signed the {period} penetapan of unit {unit}: conforming to the distribution pattern (pack {pack})',
  },
  'cycle.calibrationDecided': {
    id: '{by} memutuskan usulan asisten kalibrasi unit {unit}: {decision} ({changes}); alasan: {reason}',
    en: '{by} decided on the calibration assistant’s proposal for unit {unit}: {decision} ({changes}); reason: {reason}',
  },
  'cycle.calibrationDecided:partial': {
    id: '{by} memutuskan usulan asisten kalibrasi unit {unit}: {decision} ({changes}); alasan: {reason}. Tidak diterapkan: {failed}',
    en: '{by} decided on the calibration assistant’s proposal for unit {unit}: {decision} ({changes}); reason: {reason}. Not applied: {failed}',
  },
  'cycle.curveRechecked': {
    id: 'Keberatan {nip} diputus ({from} → {to}) oleh {by}; kurva unit {unit} tidak diperiksa ulang: unit belum memiliki capaian',
    en: 'The objection of {nip} was decided ({from} → {to}) by {by}; the curve of unit {unit} was not checked again: the unit has no capaian',
  },
  'cycle.curveRechecked:conforms': {
    id: 'Keberatan {nip} diputus ({from} → {to}) oleh {by}; kurva unit {unit} diperiksa ulang atas {group} (paket {pack}): sesuai pola distribusi',
    en: 'The objection of {nip} was decided ({from} → {to}) by {by}; the curve of unit {unit} was checked again over {group} (pack {pack}): it follows the distribution pattern',
  },
  'cycle.curveRechecked:findings': {
    id: 'Keberatan {nip} diputus ({from} → {to}) oleh {by}; kurva unit {unit} diperiksa ulang atas {group} (paket {pack}): temuan {findings}',
    en: 'The objection of {nip} was decided ({from} → {to}) by {by}; the curve of unit {unit} was checked again over {group} (pack {pack}): findings {findings}',
  },
  'cycle.unitReleased': {
    id: 'Hasil penilaian unit {unit} dirilis ({employees} pegawai)',
    en: 'The results of unit {unit} were released ({employees} employees)',
  },
  'cycle.closed': { id: '{by} menutup siklus', en: '{by} closed the cycle' },
};
