// Bahasa Indonesia texts of the rules pages (the distribution calculator).
export const idRules: Record<string, string> = {
  'nav.rules': 'Kalkulator distribusi',
  'calculator.title': 'Kalkulator distribusi predikat',
  'calculator.intro':
    'Pilih capaian kinerja organisasi unit dan isi jumlah pegawai per predikat. Hasilnya diperiksa terhadap pola distribusi SE MenPANRB 3/2023, sama dengan pemeriksaan saat kalibrasi.',
  'calculator.unit': 'Capaian kinerja organisasi unit',
  'calculator.counts': 'Jumlah pegawai per predikat',
  'calculator.check': 'Periksa',
  'calculator.result': 'Hasil untuk unit berpredikat {unit}',
  'calculator.nobody': 'Belum ada pegawai yang dihitung; isi paling sedikit satu jumlah.',
  'calculator.conforms': 'Distribusi {total} pegawai sesuai pola.',
  'calculator.deviates': 'Distribusi {total} pegawai tidak sesuai pola: {findings} aturan dilanggar.',
  'calculator.error.unit': 'Pilih salah satu capaian kinerja organisasi.',
  'calculator.error.count': 'Isi bilangan bulat 0 sampai 100.000.',
};
