/**
 * Seed data for one provincial organizer: Komisi Informasi Provinsi Kalimantan Tengah.
 * Pure constants. Names are real-looking (institutions of Kalimantan Tengah); the PPID officers,
 * staff and their e-mail addresses are fictitious.
 */

export const ORGANIZER = {
  slug: 'ki-kalteng',
  name: 'Komisi Informasi Provinsi Kalimantan Tengah',
  level: 'PROVINSI' as const,
  region: 'Kalimantan Tengah',
};

export interface SeedCategory {
  code: string;
  name: string;
}

export const CATEGORIES: SeedCategory[] = [
  { code: 'OPD', name: 'Organisasi Perangkat Daerah Provinsi' },
  { code: 'PEMKAB', name: 'Pemerintah Kabupaten/Kota' },
  { code: 'VERTIKAL', name: 'Instansi Vertikal' },
  { code: 'BUMD', name: 'Badan Usaha Milik Daerah' },
  { code: 'PT', name: 'Perguruan Tinggi' },
  { code: 'LEGYUD', name: 'Lembaga Legislatif dan Yudikatif' },
  { code: 'PARPOL', name: 'Partai Politik' },
  { code: 'DESA', name: 'Desa/Kelurahan' },
];

export interface SeedBody {
  name: string;
  categoryCode: string;
  region: string;
  website?: string;
  email: string;
  ppidName: string;
}

const PROV = 'Kalimantan Tengah';
const PKY = 'Kota Palangka Raya';

export const PUBLIC_BODIES: SeedBody[] = [
  // --- OPD: Organisasi Perangkat Daerah Provinsi -------------------------------------------
  {
    name: 'Dinas Komunikasi, Informatika, Persandian dan Statistik Provinsi Kalimantan Tengah',
    categoryCode: 'OPD',
    region: PROV,
    website: 'https://diskominfosantik.kalteng.go.id',
    email: 'ppid@diskominfosantik.kalteng.go.id',
    ppidName: 'Agus Siswadi',
  },
  {
    name: 'Badan Perencanaan Pembangunan Daerah, Penelitian dan Pengembangan Provinsi Kalimantan Tengah',
    categoryCode: 'OPD',
    region: PROV,
    website: 'https://bappedalitbang.kalteng.go.id',
    email: 'ppid@bappedalitbang.kalteng.go.id',
    ppidName: 'Yulianti Ngabut',
  },
  {
    name: 'Badan Penanggulangan Bencana Daerah Provinsi Kalimantan Tengah',
    categoryCode: 'OPD',
    region: PROV,
    website: 'https://bpbd.kalteng.go.id',
    email: 'ppid@bpbd.kalteng.go.id',
    ppidName: 'Rinaldi Tundjan',
  },
  {
    name: 'RSUD dr. Doris Sylvanus Palangka Raya',
    categoryCode: 'OPD',
    region: PKY,
    website: 'https://rsdorissylvanus.kalteng.go.id',
    email: 'ppid@rsdorissylvanus.kalteng.go.id',
    ppidName: 'dr. Meiliana Lesa',
  },
  {
    name: 'Dinas Pendidikan Provinsi Kalimantan Tengah',
    categoryCode: 'OPD',
    region: PROV,
    website: 'https://disdik.kalteng.go.id',
    email: 'ppid@disdik.kalteng.go.id',
    ppidName: 'Hendra Saputra',
  },
  {
    name: 'Dinas Kesehatan Provinsi Kalimantan Tengah',
    categoryCode: 'OPD',
    region: PROV,
    website: 'https://dinkes.kalteng.go.id',
    email: 'ppid@dinkes.kalteng.go.id',
    ppidName: 'Sri Wahyuni',
  },
  {
    name: 'Dinas Pekerjaan Umum dan Penataan Ruang Provinsi Kalimantan Tengah',
    categoryCode: 'OPD',
    region: PROV,
    website: 'https://pupr.kalteng.go.id',
    email: 'ppid@pupr.kalteng.go.id',
    ppidName: 'Ir. Yohanes Dimpel',
  },
  {
    name: 'Badan Pengelola Keuangan dan Aset Daerah Provinsi Kalimantan Tengah',
    categoryCode: 'OPD',
    region: PROV,
    website: 'https://bpkad.kalteng.go.id',
    email: 'ppid@bpkad.kalteng.go.id',
    ppidName: 'Fransiska Apriani',
  },
  {
    name: 'Dinas Lingkungan Hidup Provinsi Kalimantan Tengah',
    categoryCode: 'OPD',
    region: PROV,
    website: 'https://dlh.kalteng.go.id',
    email: 'ppid@dlh.kalteng.go.id',
    ppidName: 'Muhammad Rizki Ramadhan',
  },
  {
    name: 'Dinas Perhubungan Provinsi Kalimantan Tengah',
    categoryCode: 'OPD',
    region: PROV,
    website: 'https://dishub.kalteng.go.id',
    email: 'ppid@dishub.kalteng.go.id',
    ppidName: 'Nurhasanah',
  },
  {
    name: 'Dinas Sosial Provinsi Kalimantan Tengah',
    categoryCode: 'OPD',
    region: PROV,
    website: 'https://dinsos.kalteng.go.id',
    email: 'ppid@dinsos.kalteng.go.id',
    ppidName: 'Benny Tingang',
  },
  {
    name: 'Badan Kepegawaian Daerah Provinsi Kalimantan Tengah',
    categoryCode: 'OPD',
    region: PROV,
    website: 'https://bkd.kalteng.go.id',
    email: 'ppid@bkd.kalteng.go.id',
    ppidName: 'Dewi Kartika Sari',
  },
  {
    name: 'Inspektorat Provinsi Kalimantan Tengah',
    categoryCode: 'OPD',
    region: PROV,
    website: 'https://inspektorat.kalteng.go.id',
    email: 'ppid@inspektorat.kalteng.go.id',
    ppidName: 'Ahmad Syaufi',
  },
  {
    name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Provinsi Kalimantan Tengah',
    categoryCode: 'OPD',
    region: PROV,
    website: 'https://dpmptsp.kalteng.go.id',
    email: 'ppid@dpmptsp.kalteng.go.id',
    ppidName: 'Lusiana Rahayu',
  },

  // --- PEMKAB: the 13 kabupaten and Kota Palangka Raya -----------------------------------------
  {
    name: 'Pemerintah Kabupaten Barito Selatan',
    categoryCode: 'PEMKAB',
    region: 'Kabupaten Barito Selatan',
    website: 'https://baritoselatankab.go.id',
    email: 'ppid@baritoselatankab.go.id',
    ppidName: 'Eddy Sutanto',
  },
  {
    name: 'Pemerintah Kabupaten Barito Utara',
    categoryCode: 'PEMKAB',
    region: 'Kabupaten Barito Utara',
    website: 'https://baritoutarakab.go.id',
    email: 'ppid@baritoutarakab.go.id',
    ppidName: 'Herlina Panda',
  },
  {
    name: 'Pemerintah Kabupaten Barito Timur',
    categoryCode: 'PEMKAB',
    region: 'Kabupaten Barito Timur',
    website: 'https://bartimkab.go.id',
    email: 'ppid@bartimkab.go.id',
    ppidName: 'Ribka Novita',
  },
  {
    name: 'Pemerintah Kabupaten Murung Raya',
    categoryCode: 'PEMKAB',
    region: 'Kabupaten Murung Raya',
    website: 'https://murungrayakab.go.id',
    email: 'ppid@murungrayakab.go.id',
    ppidName: 'Darmawan Jaya',
  },
  {
    name: 'Pemerintah Kabupaten Kapuas',
    categoryCode: 'PEMKAB',
    region: 'Kabupaten Kapuas',
    website: 'https://kapuaskab.go.id',
    email: 'ppid@kapuaskab.go.id',
    ppidName: 'Siti Maulida',
  },
  {
    name: 'Pemerintah Kabupaten Pulang Pisau',
    categoryCode: 'PEMKAB',
    region: 'Kabupaten Pulang Pisau',
    website: 'https://pulangpisaukab.go.id',
    email: 'ppid@pulangpisaukab.go.id',
    ppidName: 'Gusti Rahmat',
  },
  {
    name: 'Pemerintah Kabupaten Gunung Mas',
    categoryCode: 'PEMKAB',
    region: 'Kabupaten Gunung Mas',
    website: 'https://gunungmaskab.go.id',
    email: 'ppid@gunungmaskab.go.id',
    ppidName: 'Christina Ampah',
  },
  {
    name: 'Pemerintah Kabupaten Katingan',
    categoryCode: 'PEMKAB',
    region: 'Kabupaten Katingan',
    website: 'https://katingankab.go.id',
    email: 'ppid@katingankab.go.id',
    ppidName: 'Yusransyah',
  },
  {
    name: 'Pemerintah Kabupaten Kotawaringin Barat',
    categoryCode: 'PEMKAB',
    region: 'Kabupaten Kotawaringin Barat',
    website: 'https://kotawaringinbaratkab.go.id',
    email: 'ppid@kotawaringinbaratkab.go.id',
    ppidName: 'Imam Wahyudi',
  },
  {
    name: 'Pemerintah Kabupaten Kotawaringin Timur',
    categoryCode: 'PEMKAB',
    region: 'Kabupaten Kotawaringin Timur',
    website: 'https://kotimkab.go.id',
    email: 'ppid@kotimkab.go.id',
    ppidName: 'Putri Anjani',
  },
  {
    name: 'Pemerintah Kabupaten Seruyan',
    categoryCode: 'PEMKAB',
    region: 'Kabupaten Seruyan',
    website: 'https://seruyankab.go.id',
    email: 'ppid@seruyankab.go.id',
    ppidName: 'Kristianto Nahan',
  },
  {
    name: 'Pemerintah Kabupaten Lamandau',
    categoryCode: 'PEMKAB',
    region: 'Kabupaten Lamandau',
    website: 'https://lamandaukab.go.id',
    email: 'ppid@lamandaukab.go.id',
    ppidName: 'Wahyu Hidayat',
  },
  {
    name: 'Pemerintah Kabupaten Sukamara',
    categoryCode: 'PEMKAB',
    region: 'Kabupaten Sukamara',
    website: 'https://sukamarakab.go.id',
    email: 'ppid@sukamarakab.go.id',
    ppidName: 'Erna Susanti',
  },
  {
    name: 'Pemerintah Kota Palangka Raya',
    categoryCode: 'PEMKAB',
    region: PKY,
    website: 'https://palangkaraya.go.id',
    email: 'ppid@palangkaraya.go.id',
    ppidName: 'Andreas Jaya Kusuma',
  },

  // --- VERTIKAL: instansi vertikal di Kalimantan Tengah -----------------------------------------
  {
    name: 'Badan Pusat Statistik Provinsi Kalimantan Tengah',
    categoryCode: 'VERTIKAL',
    region: PROV,
    website: 'https://kalteng.bps.go.id',
    email: 'ppid@kalteng.bps.go.id',
    ppidName: 'Bambang Priyono',
  },
  {
    name: 'Kantor Wilayah Kementerian Agama Provinsi Kalimantan Tengah',
    categoryCode: 'VERTIKAL',
    region: PROV,
    website: 'https://kalteng.kemenag.go.id',
    email: 'ppid@kalteng.kemenag.go.id',
    ppidName: 'H. Syahrani',
  },
  {
    name: 'Kantor Wilayah Kementerian Hukum dan HAM Kalimantan Tengah',
    categoryCode: 'VERTIKAL',
    region: PROV,
    website: 'https://kalteng.kemenkumham.go.id',
    email: 'ppid@kalteng.kemenkumham.go.id',
    ppidName: 'Ratna Dewi Puspita',
  },
  {
    name: 'Kantor Wilayah Badan Pertanahan Nasional Provinsi Kalimantan Tengah',
    categoryCode: 'VERTIKAL',
    region: PROV,
    website: 'https://kalteng.atrbpn.go.id',
    email: 'ppid@kalteng.atrbpn.go.id',
    ppidName: 'Teguh Prasetyo',
  },
  {
    name: 'Kepolisian Daerah Kalimantan Tengah',
    categoryCode: 'VERTIKAL',
    region: PROV,
    website: 'https://kalteng.polri.go.id',
    email: 'ppid@kalteng.polri.go.id',
    ppidName: 'AKBP Dwi Haryanto',
  },
  {
    name: 'Kejaksaan Tinggi Kalimantan Tengah',
    categoryCode: 'VERTIKAL',
    region: PROV,
    website: 'https://kejati-kalteng.kejaksaan.go.id',
    email: 'ppid@kejati-kalteng.kejaksaan.go.id',
    ppidName: 'Marthin Siahaan',
  },
  {
    name: 'Balai Wilayah Sungai Kalimantan II',
    categoryCode: 'VERTIKAL',
    region: PROV,
    website: 'https://sda.pu.go.id/balai/bwskalimantan2',
    email: 'ppid.bwskalimantan2@pu.go.id',
    ppidName: 'Lilik Indrawati',
  },

  // --- BUMD ----------------------------------------------------------------------------------------
  {
    name: 'PT Bank Pembangunan Daerah Kalimantan Tengah (Bank Kalteng)',
    categoryCode: 'BUMD',
    region: PROV,
    website: 'https://www.bankkalteng.co.id',
    email: 'ppid@bankkalteng.co.id',
    ppidName: 'Rizal Fahmi',
  },
  {
    name: 'PT Banama Tingang Makmur',
    categoryCode: 'BUMD',
    region: PROV,
    website: 'https://banamatingangmakmur.co.id',
    email: 'ppid@banamatingangmakmur.co.id',
    ppidName: 'Desy Natalia',
  },
  {
    name: 'PT Jaminan Kredit Daerah Kalimantan Tengah',
    categoryCode: 'BUMD',
    region: PROV,
    website: 'https://jamkridakalteng.co.id',
    email: 'ppid@jamkridakalteng.co.id',
    ppidName: 'Samsul Arifin',
  },
  {
    name: 'Perusahaan Umum Daerah Air Minum Kota Palangka Raya',
    categoryCode: 'BUMD',
    region: PKY,
    website: 'https://pdampalangkaraya.co.id',
    email: 'ppid@pdampalangkaraya.co.id',
    ppidName: 'Veronika Ilun',
  },
  {
    name: 'PDAM Dharma Tirta Kabupaten Kotawaringin Timur',
    categoryCode: 'BUMD',
    region: 'Kabupaten Kotawaringin Timur',
    email: 'ppid@pdamdharmatirta.co.id',
    ppidName: 'Hariyanto',
  },

  // --- PT: perguruan tinggi --------------------------------------------------------------------
  { name: 'Universitas Palangka Raya', categoryCode: 'PT', region: PKY, website: 'https://www.upr.ac.id', email: 'ppid@upr.ac.id', ppidName: 'Dr. Maria Anggraeni' },
  {
    name: 'Institut Agama Islam Negeri Palangka Raya',
    categoryCode: 'PT',
    region: PKY,
    website: 'https://iain-palangkaraya.ac.id',
    email: 'ppid@iain-palangkaraya.ac.id',
    ppidName: 'Abdul Khair',
  },
  {
    name: 'Institut Agama Hindu Negeri Tampung Penyang Palangka Raya',
    categoryCode: 'PT',
    region: PKY,
    website: 'https://iahntp.ac.id',
    email: 'ppid@iahntp.ac.id',
    ppidName: 'Ni Made Sukerti',
  },
  {
    name: 'Politeknik Sampit',
    categoryCode: 'PT',
    region: 'Kabupaten Kotawaringin Timur',
    website: 'https://polisam.ac.id',
    email: 'ppid@polisam.ac.id',
    ppidName: 'Aris Munandar',
  },
  { name: 'Universitas Muhammadiyah Palangkaraya', categoryCode: 'PT', region: PKY, website: 'https://umpr.ac.id', email: 'ppid@umpr.ac.id', ppidName: 'Elisabeth Ngabang' },
  {
    name: 'Politeknik Kesehatan Kementerian Kesehatan Palangka Raya',
    categoryCode: 'PT',
    region: PKY,
    website: 'https://poltekkes-palangkaraya.ac.id',
    email: 'ppid@poltekkes-palangkaraya.ac.id',
    ppidName: 'Novi Andriani',
  },

  // --- LEGYUD: legislatif dan yudikatif ----------------------------------------------------------
  {
    name: 'Dewan Perwakilan Rakyat Daerah Provinsi Kalimantan Tengah',
    categoryCode: 'LEGYUD',
    region: PROV,
    website: 'https://dprd.kalteng.go.id',
    email: 'ppid@dprd.kalteng.go.id',
    ppidName: 'Rudi Hermawan',
  },
  {
    name: 'Dewan Perwakilan Rakyat Daerah Kota Palangka Raya',
    categoryCode: 'LEGYUD',
    region: PKY,
    website: 'https://dprd.palangkaraya.go.id',
    email: 'ppid@dprd.palangkaraya.go.id',
    ppidName: 'Siti Rahmah',
  },
  {
    name: 'Pengadilan Tinggi Palangka Raya',
    categoryCode: 'LEGYUD',
    region: PROV,
    website: 'https://pt-palangkaraya.go.id',
    email: 'ppid@pt-palangkaraya.go.id',
    ppidName: 'Ferdinand Sitorus',
  },
  {
    name: 'Pengadilan Negeri Palangka Raya',
    categoryCode: 'LEGYUD',
    region: PKY,
    website: 'https://pn-palangkaraya.go.id',
    email: 'ppid@pn-palangkaraya.go.id',
    ppidName: 'Nurul Aini',
  },
  {
    name: 'Pengadilan Negeri Sampit',
    categoryCode: 'LEGYUD',
    region: 'Kabupaten Kotawaringin Timur',
    website: 'https://pn-sampit.go.id',
    email: 'ppid@pn-sampit.go.id',
    ppidName: 'Ketut Suardana',
  },
  {
    name: 'Pengadilan Agama Palangka Raya',
    categoryCode: 'LEGYUD',
    region: PKY,
    website: 'https://pa-palangkaraya.go.id',
    email: 'ppid@pa-palangkaraya.go.id',
    ppidName: 'Rahmawati',
  },
  {
    name: 'Pengadilan Tata Usaha Negara Palangka Raya',
    categoryCode: 'LEGYUD',
    region: PKY,
    website: 'https://ptun-palangkaraya.go.id',
    email: 'ppid@ptun-palangkaraya.go.id',
    ppidName: 'Arif Rahman Hakim',
  },

  // --- PARPOL: pengurus partai politik tingkat provinsi ------------------------------------------
  {
    name: 'DPD Partai Golongan Karya Provinsi Kalimantan Tengah',
    categoryCode: 'PARPOL',
    region: PROV,
    website: 'https://golkarkalteng.or.id',
    email: 'ppid@golkarkalteng.or.id',
    ppidName: 'Arief Budiman',
  },
  {
    name: 'DPD Partai Demokrasi Indonesia Perjuangan Provinsi Kalimantan Tengah',
    categoryCode: 'PARPOL',
    region: PROV,
    website: 'https://pdiperjuangan-kalteng.or.id',
    email: 'ppid@pdiperjuangan-kalteng.or.id',
    ppidName: 'Yunita Dewi',
  },
  {
    name: 'DPD Partai Gerakan Indonesia Raya Provinsi Kalimantan Tengah',
    categoryCode: 'PARPOL',
    region: PROV,
    website: 'https://gerindrakalteng.or.id',
    email: 'ppid@gerindrakalteng.or.id',
    ppidName: 'Hadi Santoso',
  },
  {
    name: 'DPW Partai Kebangkitan Bangsa Provinsi Kalimantan Tengah',
    categoryCode: 'PARPOL',
    region: PROV,
    website: 'https://pkbkalteng.or.id',
    email: 'ppid@pkbkalteng.or.id',
    ppidName: 'Rosita Mahyuni',
  },
  { name: 'DPW Partai NasDem Provinsi Kalimantan Tengah', categoryCode: 'PARPOL', region: PROV, email: 'ppid@nasdemkalteng.or.id', ppidName: 'Suriansyah' },
  {
    name: 'DPD Partai Demokrat Provinsi Kalimantan Tengah',
    categoryCode: 'PARPOL',
    region: PROV,
    website: 'https://demokratkalteng.or.id',
    email: 'ppid@demokratkalteng.or.id',
    ppidName: 'Fitri Handayani',
  },

  // --- DESA: desa dan kelurahan ----------------------------------------------------------------------
  {
    name: 'Desa Tumbang Nusa',
    categoryCode: 'DESA',
    region: 'Kabupaten Pulang Pisau',
    website: 'https://tumbangnusa.desa.id',
    email: 'ppid@tumbangnusa.desa.id',
    ppidName: 'Simpun Anggen',
  },
  {
    name: 'Desa Kanamit Jaya',
    categoryCode: 'DESA',
    region: 'Kabupaten Pulang Pisau',
    website: 'https://kanamitjaya.desa.id',
    email: 'ppid@kanamitjaya.desa.id',
    ppidName: 'Misnawati',
  },
  { name: 'Desa Tumbang Manggu', categoryCode: 'DESA', region: 'Kabupaten Katingan', email: 'ppid@tumbangmanggu.desa.id', ppidName: 'Robertus Sahay' },
  { name: 'Kelurahan Menteng', categoryCode: 'DESA', region: PKY, email: 'ppid.menteng@palangkaraya.go.id', ppidName: 'Jumiati' },
  { name: 'Kelurahan Sei Gohong', categoryCode: 'DESA', region: PKY, email: 'ppid.seigohong@palangkaraya.go.id', ppidName: 'Tomi Lukas' },
  { name: 'Kelurahan Mentawa Baru Hulu', categoryCode: 'DESA', region: 'Kabupaten Kotawaringin Timur', email: 'ppid.mentawabaruhulu@kotimkab.go.id', ppidName: 'Ardiansyah' },
];

export const PPID_PASSWORD = 'ppid-password-123';

export interface SeedStaff {
  email: string;
  name: string;
  role: 'assessor' | 'panelist';
  affiliation: string;
}

/**
 * Conflicts of interest planted on purpose (affiliation equal to a seeded body's exact name):
 * asesor1 (Universitas Palangka Raya) and panelis2 (Universitas Muhammadiyah Palangkaraya).
 * No other affiliation equals, contains or is contained in a body name.
 */
export const STAFF: SeedStaff[] = [
  { email: 'asesor1@ki-kalteng.go.id', name: 'Dr. Rahmadi Nugroho, M.Si.', role: 'assessor', affiliation: 'Universitas Palangka Raya' },
  { email: 'asesor2@ki-kalteng.go.id', name: 'Septiana Dwi Lestari, S.H.', role: 'assessor', affiliation: 'Komisi Informasi Provinsi Kalimantan Tengah' },
  { email: 'asesor3@ki-kalteng.go.id', name: 'Muhammad Fauzan, M.Pd.', role: 'assessor', affiliation: 'Akademisi IAIN Palangka Raya' },
  { email: 'asesor4@ki-kalteng.go.id', name: 'Yosef Ngindra', role: 'assessor', affiliation: 'LSM Lingkar Transparansi Kalteng' },
  { email: 'asesor5@ki-kalteng.go.id', name: 'Indah Permatasari', role: 'assessor', affiliation: 'Aliansi Jurnalis Independen (AJI) Palangka Raya' },
  { email: 'asesor6@ki-kalteng.go.id', name: 'Hendrik Toweng, S.Kom.', role: 'assessor', affiliation: 'Masyarakat Telematika Indonesia (Mastel) Kalteng' },
  { email: 'panelis1@ki-kalteng.go.id', name: 'Drs. Kurniawan Sitanggang, M.Si.', role: 'panelist', affiliation: 'Komisi Informasi Provinsi Kalimantan Tengah' },
  { email: 'panelis2@ki-kalteng.go.id', name: 'Prof. Dr. Siti Nurjanah, M.Pd.', role: 'panelist', affiliation: 'Universitas Muhammadiyah Palangkaraya' },
  { email: 'panelis3@ki-kalteng.go.id', name: 'Bayu Aditya Pratama', role: 'panelist', affiliation: 'Persatuan Wartawan Indonesia (PWI) Kalteng' },
  { email: 'panelis4@ki-kalteng.go.id', name: 'Dr. Natalia Kameloh, S.H., M.H.', role: 'panelist', affiliation: 'Akademisi STIH Tambun Bungai' },
];

export const STAFF_PASSWORD = 'staff-password-123';
