// Bahasa Indonesia for the official documents' links and the public verification page.
export const idDocuments = {
  'documents.title': 'Dokumen resmi (PDF)',
  'documents.intro':
    'Setiap halaman memuat kode QR dan kode pendek: siapa pun dapat memeriksa cetakannya terhadap catatan di /verify.',
  'documents.skp': 'Sasaran Kinerja Pegawai (SKP)',
  'documents.evaluasi': 'Dokumen Evaluasi Kinerja Pegawai: {period}',
  'documents.notFound': 'Penilaian atau dokumen ini tidak ada.',
  'documents.badPeriod': 'Periode tidak dikenal: TW1 ... TW4, M01 ... M12, S1, S2 atau akhir.',
  'documents.forbidden':
    'Dokumen ini hanya untuk pegawai yang bersangkutan, pejabat penilai, atasannya, SDM dan auditor.',
  'documents.penetapan': 'Format Penetapan Predikat Kinerja: {period}',
  'documents.akhir': 'tahunan (akhir)',
  'documents.penetapanForbidden':
    'Penetapan unit hanya untuk pimpinan unit, atasannya, pemegang penetapan, SDM dan auditor.',
  'verify.title': 'Periksa keaslian dokumen',
  'verify.badCode': 'Itu bukan kode dokumen: kode terdiri dari 12 huruf dan angka, seperti AB12-CD34-EF56.',
  'verify.intact': 'Dokumen {code} asli: catatan masih memuat semua fakta yang dicetak padanya.',
  'verify.broken':
    'Dokumen {code} tidak dapat dipercaya: catatan tidak lagi memuat fakta yang diterbitkan bersamanya.',
  'verify.unknown':
    'Tidak ada dokumen dengan kode {code} dalam segel mana pun: cetakan itu tidak diterbitkan oleh siklus.',
  'verify.unknownLayout':
    'Dokumen {code} dicetak dengan format yang belum dikenal siklus ini (format {layout}): periksa dengan siklus yang lebih baru.',
  'verify.layout': 'Dicetak dengan format {layout} untuk jenis dokumen ini.',
  'verify.mustSay': 'Yang harus tertulis pada dokumen ini',
  'verify.how':
    'Ketik kode yang tercetak di samping kode QR. Bandingkan setiap isian dengan cetakan: bila ada yang berbeda, cetakan itu bukan dokumen yang diterbitkan.',
  'verify.codeLabel': 'Kode dokumen',
  'verify.check': 'Periksa',
} as const;
