// Bahasa Indonesia: the SKP's two forms and two approaches, perilaku kerja with the ekspektasi khusus
// pimpinan, the lampiran SKP, either party drafting, and a unit leader's rating hasil kerja (en-skp.ts has
// the same keys in English).
export const idSkp = {
  'skp.form.jpt': 'Formulir JPT dan pimpinan unit kerja mandiri',
  'skp.form.jaJf': 'Formulir jabatan administrasi dan fungsional',
  'skp.approach.kualitatif': 'Pendekatan kualitatif',
  'skp.approach.kuantitatif': 'Pendekatan kuantitatif',
  'skp.hint.jpt':
    'Kelompokkan RHK menjadi utama, instruksi khusus pimpinan dan tambahan; setiap RHK punya perspektif.',
  'skp.hint.jaJf':
    'RHK utama menyebut RHK atasan yang diintervensi; setiap indikator punya aspek (kuantitas, kualitas, waktu, biaya).',
  'skp.hint.kualitatif': 'Target ditulis dengan kata-kata.',
  'skp.hint.kuantitatif': 'Target berupa angka dengan satuannya; realisasinya juga angka.',
  'appraisal.rhk.instruksiKhusus': 'Instruksi khusus pimpinan',
  'skp.perspektif': 'Perspektif',
  'perspektif.penerimaLayanan': 'Penerima layanan',
  'perspektif.prosesBisnis': 'Proses bisnis',
  'perspektif.penguatanInternal': 'Penguatan internal',
  'perspektif.anggaran': 'Anggaran',
  'skp.targetValue': 'Target (angka)',
  'skp.targetValueHint': 'Angka saja, misalnya 30 atau 2,5.',
  'skp.satuan': 'Satuan',
  'skp.satuanHint': 'Misalnya menit, %, dokumen.',
  'skp.lowerIsBetter': 'Makin kecil makin baik (misalnya waktu tunggu atau biaya)',
  'skp.lowerIsBetterShort': 'makin kecil makin baik',
  'skp.perilaku': 'Perilaku kerja',
  'skp.perilakuHint':
    'Tujuh nilai BerAKHLAK dengan panduannya. Pejabat penilai dapat menuliskan ekspektasi khusus untuk setiap nilai.',
  'skp.ekspektasi': 'Ekspektasi khusus pimpinan',
  'skp.ekspektasiFor': 'Ekspektasi khusus pimpinan: {value}',
  'skp.ekspektasiNone': 'Tidak ada ekspektasi khusus.',
  'skp.ekspektasiByRater': 'Ekspektasi khusus pimpinan ditulis oleh pejabat penilai.',
  'skp.lampiran': 'Lampiran SKP',
  'skp.lampiranHint': 'Satu butir per baris.',
  'skp.lampiranNone': 'Belum diisi.',
  'lampiran.dukunganSumberDaya': 'Dukungan sumber daya',
  'lampiran.skemaPertanggungjawaban': 'Skema pertanggungjawaban',
  'lampiran.konsekuensi': 'Konsekuensi',
  'skp.draftMine': 'Susun usulan SKP',
  'skp.draftTitle': 'Usulan SKP saya',
  'skp.draftIntro':
    'Anda dapat menyusun sendiri usulan SKP Anda; atasan meninjaunya, lalu memberi komentar atau menandatanganinya.',
  'skp.supervisorComment': 'Komentar atasan atas versi sebelumnya',
  'skp.reviewIntroSupervisor':
    'Periksa usulan SKP yang disusun pegawai. Tanda tangani bila setuju, atau kirim komentar agar pegawai memperbaikinya.',
  'skp.signIntroEmployee': 'Atasan telah menandatangani versi ini. Tanda tangani agar SKP disepakati.',
  'skp.leader':
    'Pegawai ini memimpin unit {unit}: rating hasil kerjanya adalah capaian kinerja organisasi unit tersebut.',
  'skp.leaderMine':
    'Anda memimpin unit {unit}: rating hasil kerja Anda adalah capaian kinerja organisasi unit tersebut.',
  'evaluation.leaderResults':
    'Rating hasil kerja pimpinan unit adalah capaian kinerja organisasi unit {unit} ({capaian}): {rating}. Pejabat penilai tidak memilihnya.',
  'evaluation.leaderNoCapaian':
    'Rating hasil kerja pimpinan unit adalah capaian kinerja organisasi unit {unit}, yang belum ditetapkan BKPSDM. Rating dapat diberikan setelah capaian ditetapkan.',
  'evaluation.fromCapaian': 'dari capaian kinerja organisasi ({capaian})',
  'evaluation.achievement': 'Capaian',
  'evaluation.percent': '{percent}%',
  'field.amount': 'Realisasi (angka, dalam {satuan})',
  'problem.cascade_required': 'Setiap RHK utama harus menyebut RHK atasan yang diintervensi.',
  'problem.cascade_unknown': 'RHK atasan yang disebut tidak ada dalam SKP atasan yang telah disepakati.',
  'problem.skp_form': 'Isian tidak sesuai formulir SKP jabatan ini.',
  'problem.skp_approach': 'Isian tidak sesuai pendekatan SKP siklus ini.',
  'problem.ekspektasi_by_rater': 'Ekspektasi khusus pimpinan hanya ditulis oleh pejabat penilai.',
  'problem.results_from_capaian':
    'Rating hasil kerja pimpinan unit mengikuti capaian kinerja organisasi dan tidak dapat dipilih.',
  'problem.capaian_missing': 'Capaian kinerja organisasi unit ini belum ditetapkan.',
  'problem.results_required': 'Pilih rating hasil kerja.',
  'problem.invalid_skp_approach': 'Pilih pendekatan SKP kuantitatif atau kualitatif.',
  'startCycle.skpApproach': 'Pendekatan SKP',
  'startCycle.skpApproachHint':
    'Kualitatif: target ditulis dengan kata-kata. Kuantitatif: target berupa angka dengan satuan, dan capaian dihitung dalam persen.',
  'startCycle.error.skpApproach': 'Pilih pendekatan kuantitatif atau kualitatif.',
} as const;
