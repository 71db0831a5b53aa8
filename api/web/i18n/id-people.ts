// Bahasa Indonesia for the people as the official forms show them (the SKP, the evaluation file, my
// appraisal): number, employment status, pangkat/golongan; part of the catalogue in id.ts.
export const idPeople = {
  'people.employee': 'Pegawai yang dinilai',
  'people.rater': 'Pejabat penilai kinerja',
  'people.name': 'Nama',
  'people.number.PNS': 'NIP',
  'people.number.PPPK': 'NI PPPK',
  'people.status': 'Status kepegawaian',
  'people.status.PNS': 'PNS',
  'people.status.PPPK': 'PPPK',
  'people.rank.PNS': 'Pangkat/golongan',
  'people.rank.PPPK': 'Golongan',
  'people.pppkGrade': 'golongan {grade}',
  'people.noRank': 'belum diisi',
  'people.position': 'Jabatan',
  'people.unit': 'Unit kerja',
  'people.none': 'Belum ada',
  'people.line': '{name}, {number} {nip}',
  'import.reason.statusMismatch': 'Status kepegawaian {status} tidak sesuai dengan nomor {nip} ({kind}).',
  'import.reason.statusUnknown': 'Status kepegawaian harus PNS atau PPPK.',
  'import.reason.pnsRankForPppk': "'{rank}' adalah pangkat/golongan PNS; golongan PPPK adalah I sampai XVII.",
  'import.reason.pppkGradeForPns':
    "'{rank}' adalah golongan PPPK; pangkat/golongan PNS adalah I/a sampai IV/e.",
  'import.reason.notPppkGrade': "'{rank}' bukan golongan PPPK; golongan PPPK adalah I sampai XVII.",
  'import.reason.notPnsRank':
    "'{rank}' bukan pangkat/golongan PNS; pangkat/golongan PNS adalah I/a sampai IV/e, misalnya 'Penata Muda, III/a'.",
  'import.reason.rankNameMismatch':
    "'{rank}' menyebut pangkat {name}, padahal golongan {golongan} adalah {pangkat}.",
  'import.reason.pppkYear':
    'Digit 9-12 NI PPPK (tahun perjanjian kerja pertama) adalah {year}; seharusnya {first}-{last}.',
} as const;
