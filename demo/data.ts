// The demo instansi (Kabupaten Bungo, Kota Bukittinggi, Kecamatan Asemrowo): positions with their
// standards, and units with their people. Names and texts are made up; the themes follow the project's
// source documents. Seeded by seed.ts.
import { type IndonesianTimeZone, indonesianTimeZones } from '../domain/time/zones.ts';

type Aspect = 'kuantitas' | 'kualitas' | 'waktu' | 'biaya';
export interface DemoPosition {
  name: string;
  kind: 'JPT' | 'JA' | 'JF';
  duties: string[];
  /** `measureCode`: the measure of the unit the indicator is bound to (demo/measures.ts). */
  indicators: Array<{ description: string; aspect: Aspect; target: string; measureCode?: string }>;
}

export const positions: Record<string, DemoPosition> = {
  SEKDA: {
    name: 'Sekretaris Daerah',
    kind: 'JPT',
    duties: [
      'Mengoordinasikan perumusan kebijakan dan pelaksanaan tugas perangkat daerah',
      'Memastikan standar kinerja setiap jabatan disusun dan disosialisasikan',
    ],
    indicators: [
      {
        description: 'Perangkat daerah dengan nilai akuntabilitas kinerja minimal B',
        aspect: 'kuantitas',
        target: '90%',
      },
    ],
  },
  KADIS: {
    name: 'Kepala Dinas',
    kind: 'JPT',
    duties: [
      'Memimpin penyusunan rencana kerja dan anggaran dinas',
      'Membina pegawai dan memantau capaian kinerja setiap unit',
    ],
    indicators: [
      { description: 'Indeks kepuasan masyarakat atas layanan dinas', aspect: 'kualitas', target: '85' },
      { description: 'Serapan anggaran sesuai rencana', aspect: 'biaya', target: '95%' },
    ],
  },
  KABADAN: {
    name: 'Kepala Badan Kepegawaian dan Pengembangan SDM',
    kind: 'JPT',
    duties: [
      'Menyelenggarakan manajemen kinerja dan pengembangan kompetensi ASN',
      'Menetapkan jadwal siklus penilaian kinerja dan mengawasi pelaksanaannya',
    ],
    indicators: [
      { description: 'Pegawai yang menyelesaikan SKP tepat waktu', aspect: 'kuantitas', target: '95%' },
    ],
  },
  CAMAT: {
    name: 'Camat',
    kind: 'JA',
    duties: [
      'Mengoordinasikan pelayanan umum dan pemberdayaan masyarakat di kecamatan',
      'Membina seksi dan memantau kinerja pelayanan kelurahan',
    ],
    indicators: [
      { description: 'Indeks kepuasan masyarakat atas layanan kecamatan', aspect: 'kualitas', target: '85' },
    ],
  },
  KABID: {
    name: 'Kepala Bidang Pelayanan Kesehatan',
    kind: 'JA',
    duties: [
      'Menyusun standar pelayanan puskesmas dan fasilitas kesehatan',
      'Memantau mutu layanan dan menindaklanjuti pengaduan masyarakat',
    ],
    indicators: [
      { description: 'Puskesmas terakreditasi paripurna', aspect: 'kuantitas', target: '3 puskesmas' },
    ],
  },
  KASI: {
    name: 'Kepala Seksi',
    kind: 'JA',
    duties: ['Merencanakan dan membagi pekerjaan seksi', 'Melaporkan capaian seksi setiap triwulan'],
    indicators: [
      { description: 'Laporan kinerja triwulan tepat waktu', aspect: 'waktu', target: '4 laporan' },
    ],
  },
  KASUBAG: {
    name: 'Kepala Subbagian Umum dan Kepegawaian',
    kind: 'JA',
    duties: [
      'Mengelola administrasi kepegawaian dan penilaian kinerja pegawai kecamatan',
      'Menyosialisasikan standar kinerja kepada seluruh pegawai',
    ],
    indicators: [
      { description: 'Pegawai yang membaca standar kinerja', aspect: 'kuantitas', target: '100%' },
    ],
  },
  KAPKM: {
    name: 'Kepala Puskesmas',
    kind: 'JA',
    duties: [
      'Memimpin pelayanan kesehatan dasar di wilayah kerja puskesmas',
      'Menjaga waktu tunggu dan kepuasan pasien sesuai standar pelayanan',
    ],
    indicators: [
      {
        description: 'Rata-rata waktu tunggu pendaftaran sampai pemeriksaan',
        aspect: 'waktu',
        target: '30 menit',
      },
      { description: 'Survei kepuasan pasien', aspect: 'kualitas', target: '85', measureCode: 'skm' },
    ],
  },
  DOKTER: {
    name: 'Dokter Ahli Pertama',
    kind: 'JF',
    duties: ['Memeriksa, mendiagnosis dan menangani pasien', 'Mencatat rekam medis dengan lengkap'],
    indicators: [
      { description: 'Rekam medis lengkap dalam 24 jam', aspect: 'kualitas', target: '95%' },
      { description: 'Pasien yang dilayani', aspect: 'kuantitas', target: '2.400 pasien' },
    ],
  },
  PERAWAT: {
    name: 'Perawat Terampil',
    kind: 'JF',
    duties: ['Memberikan asuhan keperawatan', 'Melakukan penyuluhan kesehatan kepada pasien dan keluarga'],
    indicators: [{ description: 'Asuhan keperawatan terdokumentasi', aspect: 'kuantitas', target: '100%' }],
  },
  BIDAN: {
    name: 'Bidan Terampil',
    kind: 'JF',
    duties: ['Melayani pemeriksaan ibu hamil dan persalinan', 'Memantau tumbuh kembang bayi dan balita'],
    indicators: [{ description: 'Kunjungan ibu hamil K4', aspect: 'kuantitas', target: '90%' }],
  },
  ANALIS_SDM: {
    name: 'Analis SDM Aparatur',
    kind: 'JF',
    duties: [
      'Menyiapkan data pegawai dan jadwal penilaian kinerja',
      'Mendampingi unit kerja menyusun SKP dan menindaklanjuti keberatan',
    ],
    indicators: [
      { description: 'Data pegawai yang diperbarui di sistem', aspect: 'kuantitas', target: '100%' },
      {
        description: 'Waktu penyelesaian permintaan data kepegawaian',
        aspect: 'waktu',
        target: '3 hari kerja',
      },
    ],
  },
  ADMIN_DUK: {
    name: 'Administrator Database Kependudukan',
    kind: 'JF',
    duties: [
      'Memproses perekaman dan pencetakan dokumen kependudukan',
      'Menjaga keakuratan basis data penduduk',
    ],
    indicators: [
      {
        description: 'Dokumen kependudukan selesai dalam satu hari',
        aspect: 'waktu',
        target: '90%',
        measureCode: 'dokumen-1-hari',
      },
    ],
  },
  PENGAWAS: {
    name: 'Pengawas Sekolah',
    kind: 'JF',
    duties: ['Membina guru dan kepala sekolah binaan', 'Menilai mutu pembelajaran di sekolah binaan'],
    indicators: [
      { description: 'Sekolah binaan yang disupervisi', aspect: 'kuantitas', target: '10 sekolah' },
    ],
  },
  PELAYANAN: {
    name: 'Pengadministrasi Perizinan',
    kind: 'JA',
    duties: [
      'Menerima dan memeriksa berkas permohonan izin',
      'Menginformasikan status permohonan kepada pemohon',
    ],
    indicators: [
      { description: 'Berkas izin yang diproses sesuai standar waktu', aspect: 'waktu', target: '95%' },
    ],
  },
  PELAKSANA: {
    name: 'Pengadministrasi Umum',
    kind: 'JA',
    duties: ['Mengelola surat-menyurat dan arsip unit', 'Mengisi laporan aktivitas harian di e-kinerja'],
    indicators: [
      { description: 'Surat masuk yang diagendakan pada hari yang sama', aspect: 'waktu', target: '100%' },
    ],
  },
};

/** A unit with its people; the first person leads it. `parent` is the unit above (its leader supervises). */
export interface DemoUnit {
  code: string;
  name: string;
  parent?: string;
  /** An independent unit (unit kerja mandiri): its leader writes the JPT form of the SKP. */
  independent?: boolean;
  people: Array<[name: string, position: keyof typeof positions, gender: 1 | 2, language?: 'en']>;
}

export interface DemoOrganisation {
  id: string;
  name: string;
  domain: string;
  /** Where its deadlines end and are shown: Jambi, West Sumatra and East Java all keep WIB. */
  timeZone: IndonesianTimeZone;
  units: DemoUnit[];
}

export const organisations: DemoOrganisation[] = [
  {
    id: 'bungo',
    name: 'Pemerintah Kabupaten Bungo',
    domain: 'bungokab.go.id',
    timeZone: indonesianTimeZones.WIB,
    units: [
      {
        code: 'SETDA',
        name: 'Sekretariat Daerah',
        people: [
          ['H. Ahmad Fauzi', 'SEKDA', 1],
          ['Dedi Kurniawan', 'PELAKSANA', 1],
        ],
      },
      {
        code: 'DINKES',
        name: 'Dinas Kesehatan',
        parent: 'SETDA',
        people: [
          ['dr. Nurhayati, M.Kes', 'KADIS', 2],
          ['Syafrizal, SKM', 'KABID', 1],
          ['Yulianti', 'PELAKSANA', 2],
        ],
      },
      {
        code: 'PKM-MB',
        name: 'Puskesmas Muara Bungo I',
        parent: 'DINKES',
        people: [
          ['dr. Riko Saputra', 'KAPKM', 1],
          ['dr. Maya Sari', 'DOKTER', 2, 'en'],
          ['Ns. Fitri Handayani', 'PERAWAT', 2],
          ['Ns. Junaidi', 'PERAWAT', 1],
          ['Sri Wahyuni, A.Md.Keb', 'BIDAN', 2],
          ['Erni Susanti', 'BIDAN', 2],
          ['Hendri Gunawan', 'PELAKSANA', 1],
        ],
      },
      {
        code: 'BKPSDM',
        name: 'BKPSDM',
        parent: 'SETDA',
        people: [
          ['Drs. Zulkifli', 'KABADAN', 1],
          ['Desi Ratnasari', 'ANALIS_SDM', 2],
          ['Andi Pratama', 'ANALIS_SDM', 1],
          ['Mardiana', 'PELAKSANA', 2],
        ],
      },
      {
        code: 'DUKCAPIL',
        name: 'Dinas Kependudukan dan Pencatatan Sipil',
        parent: 'SETDA',
        people: [
          ['Irwan Syahputra', 'KADIS', 1],
          ['Lina Marlina', 'ADMIN_DUK', 2],
          ['Taufik Hidayat', 'ADMIN_DUK', 1],
          ['Rina Oktaviani', 'PELAKSANA', 2],
        ],
      },
    ],
  },
  {
    id: 'bukittinggi',
    name: 'Pemerintah Kota Bukittinggi',
    domain: 'bukittinggikota.go.id',
    timeZone: indonesianTimeZones.WIB,
    units: [
      {
        code: 'SETDA',
        name: 'Sekretariat Daerah',
        people: [
          ['Drs. Hendra Putra', 'SEKDA', 1],
          ['Yessi Fitria', 'PELAKSANA', 2],
        ],
      },
      {
        code: 'DINKES',
        name: 'Dinas Kesehatan',
        parent: 'SETDA',
        people: [
          ['dr. Linda Wahyuni', 'KADIS', 2],
          ['Rahmat Hidayat, SKM', 'KABID', 1],
          ['Vivi Oktavia', 'PELAKSANA', 2],
        ],
      },
      {
        code: 'PKM-GP',
        name: 'Puskesmas Guguk Panjang',
        parent: 'DINKES',
        people: [
          ['dr. Fadhli Rahman', 'KAPKM', 1],
          ['dr. Sari Indah', 'DOKTER', 2],
          ['Ns. Rani Kurnia', 'PERAWAT', 2],
          ['Ns. Yogi Saputra', 'PERAWAT', 1, 'en'],
          ['Elvi Susanti', 'BIDAN', 2],
          ['Nofri Yanti', 'BIDAN', 2],
        ],
      },
      {
        code: 'DISDIK',
        name: 'Dinas Pendidikan',
        parent: 'SETDA',
        people: [
          ['Dra. Asmiati', 'KADIS', 2],
          ['Zulhendri, M.Pd', 'PENGAWAS', 1],
          ['Rosmaini, S.Pd', 'PENGAWAS', 2],
          ['Ferdi Ananda', 'PELAKSANA', 1],
        ],
      },
      {
        code: 'BKPSDM',
        name: 'BKPSDM',
        parent: 'SETDA',
        people: [
          ['Afrizal, S.Sos', 'KABADAN', 1],
          ['Silvia Rahmi', 'ANALIS_SDM', 2],
          ['Dodi Firmansyah', 'ANALIS_SDM', 1],
          ['Mega Puspita', 'PELAKSANA', 2],
        ],
      },
    ],
  },
  {
    id: 'asemrowo',
    name: 'Kecamatan Asemrowo',
    domain: 'surabaya.go.id',
    timeZone: indonesianTimeZones.WIB,
    units: [
      {
        code: 'KEC',
        name: 'Pimpinan Kecamatan',
        independent: true,
        people: [
          ['Bambang Sutrisno, S.STP', 'CAMAT', 1],
          ['Siti Aisyah', 'PELAKSANA', 2],
        ],
      },
      {
        code: 'UMPEG',
        name: 'Subbagian Umum dan Kepegawaian',
        parent: 'KEC',
        people: [
          ['Dwi Rahayu', 'KASUBAG', 2],
          ['Agus Salim', 'ANALIS_SDM', 1],
          ['Nur Hasanah', 'PELAKSANA', 2],
        ],
      },
      {
        code: 'PELAYANAN',
        name: 'Seksi Pelayanan Umum',
        parent: 'KEC',
        people: [
          ['Moch. Arifin', 'KASI', 1],
          ['Yuli Astuti', 'PELAYANAN', 2],
          ['Rudi Hartono', 'PELAYANAN', 1, 'en'],
          ['Lilik Setyawati', 'PELAYANAN', 2],
        ],
      },
      {
        code: 'KESRA',
        name: 'Seksi Kesejahteraan Rakyat',
        parent: 'KEC',
        people: [
          ['Heru Prasetyo', 'KASI', 1],
          ['Endang Purwati', 'PELAKSANA', 2],
          ['Fajar Nugroho', 'PELAKSANA', 1],
        ],
      },
      {
        code: 'PKM-AS',
        name: 'Puskesmas Asemrowo',
        parent: 'KEC',
        people: [
          ['dr. Ratna Dewi', 'KAPKM', 2],
          ['dr. Hari Santoso', 'DOKTER', 1],
          ['Ns. Wulan Sari', 'PERAWAT', 2],
          ['Ns. Moh. Faisal', 'PERAWAT', 1],
          ['Tri Wahyuni', 'BIDAN', 2],
        ],
      },
    ],
  },
];
