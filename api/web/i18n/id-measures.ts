// Bahasa Indonesia: ukuran layanan unit, indikator yang terikat padanya, dan halaman pemantauan unit
// (en-measures.ts has the same keys).
export const idMeasures = {
  'nav.measures': 'Ukuran unit',
  'measures.pageTitle': 'Pemantauan ukuran layanan unit',
  'measures.intro':
    'Setiap ukuran layanan unit per periode terhadap targetnya. Nilainya diimpor dari CSV/XLSX atau dikirim oleh sistem lain; indikator SKP yang terikat pada ukuran diisi awal dari nilai unitnya.',
  'measures.year': 'Tahun',
  'measures.show': 'Tampilkan',
  'measures.leaderScope': 'Unit yang Anda pimpin: {units}.',
  'measures.noneDefined':
    'Belum ada ukuran unit. SDM menetapkannya melalui API (POST /v1/orgs/{org}/measures).',
  'measures.noValues': 'Belum ada nilai ukuran untuk tahun {year}.',
  'measures.lowerIsBetter': 'makin kecil makin baik',
  'measures.higherIsBetter': 'makin besar makin baik',
  'measures.target': 'Target',
  'measures.belowList': 'Di bawah target pada {period}: {units}.',
  'measures.allMet': 'Semua unit memenuhi target pada {period} (atau belum ada targetnya).',
  'measures.tableCaption': 'Nilai per unit dan periode ({satuan}) dan capaian terhadap target',
  'measures.sources': 'Sumber',
  'measures.importTitle': 'Impor nilai ukuran (CSV atau XLSX)',
  'measures.source': 'Sumber data (mis. SIMPUS); kosong: nama berkas',
  'measures.imported': 'Nilai diimpor: {count}.',
  'measures.badRows': 'Baris yang salah (tidak ada yang diimpor)',
  'measures.unit': 'Unit',
  'measures.belowShort': 'di bawah target',
  'measures.forbidden': 'Halaman ini untuk SDM, auditor, dan pimpinan unit.',
  'measure.prefilled': 'Diisi dari ukuran unit Anda: {source}, {time}. Angka lain dicatat sebagai koreksi.',
  'measure.bound': 'Terikat pada ukuran unit {code}: realisasinya diisi dari nilai unit per periode.',
  'measure.fromUnit': 'dari ukuran unit ({source})',
  'measure.overridden': 'mengoreksi ukuran unit {value} ({source})',
  'measure.field': 'Ukuran unit yang mengisi realisasinya',
  'measure.fieldHint':
    'Pilih bila realisasi indikator ini diambil dari data layanan unit per periode (arah harus sama dengan ukurannya).',
  'measure.note': 'Catatan',
  'measure.noteHint': 'Jika angka Anda berbeda dari ukuran unit, jelaskan alasannya.',
  'problem.unknown_measure': 'Indikator terikat pada ukuran yang tidak ada di organisasi ini.',
  'problem.measure_direction':
    'Arah indikator (makin kecil atau makin besar makin baik) harus sama dengan ukurannya.',
  'problem.invalid_measure_rows': 'Ada baris yang salah; tidak ada nilai yang diimpor.',
} as const;
