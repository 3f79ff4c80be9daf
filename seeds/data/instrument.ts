/**
 * The SAQ instrument of the Kalimantan Tengah seed period, in exactly the body shape of
 * `PUT /periods/:id/instrument` (docs/api.md). Six aspects after the 2025 KI DKI set; weights sum
 * to 100. Pure constants.
 *
 * Notes for readers of the scores:
 * - MULTI_CHOICE option points sum to more than maxPoints on purpose (the cap applies).
 * - 4.7 (sengketa informasi) is an inverse NUMBER: fewer disputes earn more points
 *   (0 -> 2, 1-2 -> 1, 3 or more -> 0).
 * - Category-only questions: 5.6 and 6.3 (PEMKAB, OPD), 3.6.1 (PARPOL), 3.6.2 (DESA),
 *   3.6.3 (BUMD), 3.6.4 (PT). Every aspect keeps questions that apply to all categories.
 */

export type SeedQuestionType = 'YES_NO' | 'CHOICE' | 'MULTI_CHOICE' | 'NUMBER' | 'TEXT';
export type SeedEvidence = 'NONE' | 'FILE' | 'URL' | 'FILE_OR_URL';

export interface SeedQuestion {
  code: string;
  text: string;
  type: SeedQuestionType;
  maxPoints: number;
  options?: { value: string; label: string; points: number }[];
  thresholds?: { min: number; points: number }[];
  evidence: SeedEvidence;
  required?: boolean;
  categoryCodes?: string[];
}

export interface SeedAspect {
  code: string;
  title: string;
  weight: number;
  questions: SeedQuestion[];
}

export interface SeedInstrument {
  aspects: SeedAspect[];
}

export const INSTRUMENT: SeedInstrument = {
  aspects: [
    // ------------------------------------------------------------------------------------------
    {
      code: 'A1',
      title: 'Kualitas Informasi Publik',
      weight: 15,
      questions: [
        {
          code: '1.1',
          text: 'Apakah informasi publik yang diumumkan pada laman resmi badan publik dimutakhirkan paling lambat dalam 6 (enam) bulan terakhir?',
          type: 'YES_NO',
          maxPoints: 2,
          evidence: 'URL',
        },
        {
          code: '1.2',
          text: 'Dalam format apa informasi publik pada laman resmi dapat diunduh oleh pemohon?',
          type: 'CHOICE',
          maxPoints: 3,
          options: [
            { value: 'tidak', label: 'Tidak dapat diunduh (hanya ditampilkan)', points: 0 },
            { value: 'pindai', label: 'PDF hasil pindaian (gambar)', points: 1 },
            { value: 'dokumen', label: 'Dokumen teks (PDF teks, DOCX)', points: 2 },
            { value: 'terbuka', label: 'Format terbuka yang dapat dibaca mesin (CSV, XLSX, JSON)', points: 3 },
          ],
          evidence: 'URL',
        },
        {
          code: '1.3',
          text: 'Apakah informasi publik disajikan dengan bahasa Indonesia yang baik, sederhana dan mudah dipahami masyarakat (misalnya disertai ringkasan atau infografis)?',
          type: 'YES_NO',
          maxPoints: 2,
          evidence: 'FILE_OR_URL',
        },
        {
          code: '1.4',
          text: 'Unsur kelengkapan apa saja yang dicantumkan pada setiap informasi publik yang diumumkan? (pilih semua yang tersedia)',
          type: 'MULTI_CHOICE',
          maxPoints: 4,
          options: [
            { value: 'tanggal', label: 'Tanggal pembuatan atau pemutakhiran', points: 1 },
            { value: 'penanggungjawab', label: 'Unit atau pejabat penanggung jawab informasi', points: 1 },
            { value: 'sumber', label: 'Sumber data', points: 1 },
            { value: 'kontak', label: 'Kontak untuk pertanyaan atau pengaduan', points: 1 },
            { value: 'aksesibel', label: 'Versi ramah disabilitas (teks alternatif, audio, atau bahasa isyarat)', points: 1.5 },
          ],
          evidence: 'URL',
        },
        {
          code: '1.5',
          text: 'Apakah badan publik memiliki SOP pengelolaan informasi yang memuat verifikasi akurasi informasi sebelum dipublikasikan?',
          type: 'YES_NO',
          maxPoints: 1.5,
          evidence: 'FILE',
        },
        {
          code: '1.6',
          text: 'Berapa persen jenis informasi dalam Daftar Informasi Publik (DIP) yang telah tersedia dalam bentuk salinan digital dan dapat diakses langsung?',
          type: 'NUMBER',
          maxPoints: 4,
          thresholds: [
            { min: 25, points: 1 },
            { min: 50, points: 2 },
            { min: 75, points: 3 },
            { min: 100, points: 4 },
          ],
          evidence: 'NONE',
        },
      ],
    },
    // ------------------------------------------------------------------------------------------
    {
      code: 'A2',
      title: 'Sarana dan Prasarana Layanan Informasi',
      weight: 15,
      questions: [
        {
          code: '2.1',
          text: 'Apakah tersedia ruang atau meja layanan informasi publik (desk layanan PPID) yang mudah dijangkau pemohon?',
          type: 'YES_NO',
          maxPoints: 2,
          evidence: 'FILE',
        },
        {
          code: '2.2',
          text: 'Apakah tersedia formulir permohonan informasi publik dan formulir pengajuan keberatan, baik cetak maupun elektronik?',
          type: 'YES_NO',
          maxPoints: 2,
          evidence: 'FILE_OR_URL',
        },
        {
          code: '2.3',
          text: 'Apakah badan publik memiliki buku register permohonan informasi publik dan register keberatan yang diisi secara tertib?',
          type: 'YES_NO',
          maxPoints: 2,
          evidence: 'FILE',
        },
        {
          code: '2.4',
          text: 'Apakah jam layanan informasi publik diumumkan melalui laman resmi dan papan pengumuman?',
          type: 'YES_NO',
          maxPoints: 1,
          evidence: 'URL',
        },
        {
          code: '2.5',
          text: 'Sarana layanan bagi penyandang disabilitas dan kelompok rentan apa saja yang tersedia? (pilih semua yang tersedia)',
          type: 'MULTI_CHOICE',
          maxPoints: 4,
          options: [
            { value: 'ramp', label: 'Jalur landai (ramp) dan pegangan rambat', points: 1 },
            { value: 'toilet', label: 'Toilet khusus disabilitas', points: 1 },
            { value: 'kursiroda', label: 'Kursi roda', points: 1 },
            { value: 'braille', label: 'Informasi dalam huruf Braille atau format audio', points: 1.5 },
            { value: 'isyarat', label: 'Juru bahasa isyarat atau layanan video isyarat', points: 1.5 },
            { value: 'pendamping', label: 'Petugas pendamping layanan', points: 1 },
          ],
          evidence: 'FILE',
        },
        {
          code: '2.6',
          text: 'Apakah tersedia papan informasi elektronik (layar digital atau kios informasi) di lingkungan kantor?',
          type: 'YES_NO',
          maxPoints: 1,
          evidence: 'FILE',
          required: false,
        },
        {
          code: '2.7',
          text: 'Bagaimana ketersediaan laman (website) PPID badan publik?',
          type: 'CHOICE',
          maxPoints: 3,
          options: [
            { value: 'tidak', label: 'Tidak tersedia', points: 0 },
            { value: 'menu', label: 'Berupa menu pada laman induk badan publik', points: 1 },
            { value: 'khusus', label: 'Laman PPID tersendiri yang dikelola PPID', points: 2 },
            { value: 'aplikasi', label: 'Laman PPID tersendiri dan aplikasi seluler layanan informasi', points: 3 },
          ],
          evidence: 'URL',
        },
      ],
    },
    // ------------------------------------------------------------------------------------------
    {
      code: 'A3',
      title: 'Ketersediaan Jenis Informasi Publik',
      weight: 25,
      questions: [
        {
          code: '3.1',
          text: 'Apakah badan publik telah menetapkan dan memutakhirkan Daftar Informasi Publik (DIP) pada tahun berjalan?',
          type: 'YES_NO',
          maxPoints: 3,
          evidence: 'FILE_OR_URL',
        },
        // 3.2 informasi yang wajib disediakan dan diumumkan secara berkala
        {
          code: '3.2.1',
          text: 'Apakah informasi berkala tentang profil badan publik (kedudukan, tugas dan fungsi, struktur organisasi, profil pimpinan dan LHKPN pejabat) diumumkan?',
          type: 'YES_NO',
          maxPoints: 2,
          evidence: 'URL',
        },
        {
          code: '3.2.2',
          text: 'Apakah ringkasan informasi program dan/atau kegiatan yang sedang dijalankan (rencana strategis, rencana kerja, DPA, penanggung jawab dan target) diumumkan?',
          type: 'YES_NO',
          maxPoints: 2,
          evidence: 'URL',
        },
        {
          code: '3.2.3',
          text: 'Informasi laporan keuangan apa saja yang diumumkan secara berkala? (pilih semua yang diumumkan)',
          type: 'MULTI_CHOICE',
          maxPoints: 3.5,
          options: [
            { value: 'lra', label: 'Laporan Realisasi Anggaran', points: 1 },
            { value: 'neraca', label: 'Neraca', points: 1 },
            { value: 'calk', label: 'Catatan atas Laporan Keuangan', points: 1 },
            { value: 'lhp', label: 'Laporan Hasil Pemeriksaan BPK atau auditor independen', points: 1 },
            { value: 'aset', label: 'Daftar aset dan investasi', points: 0.5 },
          ],
          evidence: 'URL',
        },
        {
          code: '3.2.4',
          text: 'Apakah informasi pengadaan barang dan jasa (rencana umum pengadaan, proses, pemenang dan nilai kontrak) diumumkan?',
          type: 'YES_NO',
          maxPoints: 2,
          evidence: 'URL',
        },
        {
          code: '3.2.5',
          text: 'Apakah peraturan, keputusan dan/atau kebijakan badan publik diumumkan melalui laman resmi atau JDIH?',
          type: 'YES_NO',
          maxPoints: 1.5,
          evidence: 'URL',
        },
        {
          code: '3.2.6',
          text: 'Apakah laporan tahunan layanan informasi publik tahun sebelumnya (jumlah permohonan, waktu layanan, permohonan dikabulkan dan ditolak beserta alasannya) diumumkan?',
          type: 'YES_NO',
          maxPoints: 2.5,
          evidence: 'FILE_OR_URL',
        },
        {
          code: '3.2.7',
          text: 'Apakah laporan layanan informasi publik tahun sebelumnya telah disampaikan kepada Komisi Informasi?',
          type: 'YES_NO',
          maxPoints: 1,
          evidence: 'FILE',
        },
        // 3.3 informasi yang wajib diumumkan secara serta merta
        {
          code: '3.3.1',
          text: 'Apakah badan publik mengumumkan prosedur peringatan dini dan tata cara evakuasi dalam keadaan darurat?',
          type: 'YES_NO',
          maxPoints: 2,
          evidence: 'URL',
        },
        {
          code: '3.3.2',
          text: 'Bagaimana badan publik menyebarluaskan informasi serta merta (bencana, kejadian luar biasa, ancaman terhadap keselamatan dan ketertiban umum)?',
          type: 'CHOICE',
          maxPoints: 3,
          options: [
            { value: 'tidak', label: 'Tidak pernah menyebarluaskan', points: 0 },
            { value: 'papan', label: 'Hanya melalui papan pengumuman', points: 1 },
            { value: 'laman', label: 'Melalui laman resmi', points: 2 },
            { value: 'multikanal', label: 'Melalui laman resmi, media sosial dan pesan singkat dalam waktu 1x24 jam', points: 3 },
          ],
          evidence: 'FILE_OR_URL',
        },
        // 3.4 informasi yang wajib tersedia setiap saat
        {
          code: '3.4.1',
          text: 'Apakah tersedia daftar informasi setiap saat (antara lain hasil rapat, surat-menyurat pimpinan, data perencanaan) yang dapat diakses pemohon?',
          type: 'YES_NO',
          maxPoints: 2,
          evidence: 'URL',
        },
        {
          code: '3.4.2',
          text: 'Apakah perjanjian badan publik dengan pihak ketiga dapat diakses oleh pemohon informasi?',
          type: 'YES_NO',
          maxPoints: 1.5,
          evidence: 'FILE_OR_URL',
          required: false,
        },
        // 3.5 informasi yang dikecualikan
        {
          code: '3.5.1',
          text: 'Apakah penetapan informasi yang dikecualikan dilakukan melalui uji konsekuensi dan dituangkan dalam penetapan PPID?',
          type: 'YES_NO',
          maxPoints: 3,
          evidence: 'FILE',
        },
        {
          code: '3.5.2',
          text: 'Apakah daftar informasi yang dikecualikan beserta jangka waktu pengecualiannya diumumkan?',
          type: 'YES_NO',
          maxPoints: 1.5,
          evidence: 'URL',
        },
        // 3.6 informasi khusus menurut kategori badan publik
        {
          code: '3.6.1',
          text: 'Apakah laporan keuangan partai politik dan laporan pertanggungjawaban penggunaan bantuan keuangan partai politik dari APBD yang telah diperiksa BPK diumumkan?',
          type: 'YES_NO',
          maxPoints: 3,
          evidence: 'FILE_OR_URL',
          categoryCodes: ['PARPOL'],
        },
        {
          code: '3.6.2',
          text: 'Apakah APBDes dan laporan realisasinya dipublikasikan melalui baliho atau papan informasi desa dan/atau laman desa?',
          type: 'YES_NO',
          maxPoints: 3,
          evidence: 'FILE_OR_URL',
          categoryCodes: ['DESA'],
        },
        {
          code: '3.6.3',
          text: 'Apakah laporan tahunan, laporan keuangan yang telah diaudit akuntan publik dan laporan penerapan tata kelola perusahaan yang baik (GCG) diumumkan?',
          type: 'YES_NO',
          maxPoints: 3,
          evidence: 'URL',
          categoryCodes: ['BUMD'],
        },
        {
          code: '3.6.4',
          text: 'Apakah informasi penerimaan mahasiswa baru, besaran uang kuliah tunggal (UKT) dan status akreditasi program studi diumumkan?',
          type: 'YES_NO',
          maxPoints: 3,
          evidence: 'URL',
          categoryCodes: ['PT'],
        },
      ],
    },
    // ------------------------------------------------------------------------------------------
    {
      code: 'A4',
      title: 'Pelayanan Informasi Publik',
      weight: 20,
      questions: [
        {
          code: '4.1',
          text: 'Apakah badan publik telah menetapkan SOP pelayanan informasi publik dan SOP penanganan keberatan?',
          type: 'YES_NO',
          maxPoints: 2,
          evidence: 'FILE',
        },
        {
          code: '4.2',
          text: 'Apakah maklumat pelayanan informasi publik telah ditetapkan pimpinan dan diumumkan?',
          type: 'YES_NO',
          maxPoints: 1.5,
          evidence: 'FILE_OR_URL',
        },
        {
          code: '4.3',
          text: 'Apakah standar biaya salinan dan jangka waktu pelayanan (10 hari kerja, dapat diperpanjang 7 hari kerja) diumumkan kepada publik?',
          type: 'YES_NO',
          maxPoints: 1.5,
          evidence: 'URL',
        },
        {
          code: '4.4',
          text: 'Berapa jumlah permohonan informasi publik yang diterima dan dilayani pada tahun sebelumnya (sesuai register permohonan)?',
          type: 'NUMBER',
          maxPoints: 3,
          thresholds: [
            { min: 1, points: 1 },
            { min: 10, points: 2 },
            { min: 50, points: 3 },
          ],
          evidence: 'FILE',
        },
        {
          code: '4.5',
          text: 'Berapa persen permohonan informasi publik tahun sebelumnya yang diselesaikan dalam jangka waktu 10 hari kerja (atau 17 hari kerja bila diperpanjang)?',
          type: 'NUMBER',
          maxPoints: 4,
          thresholds: [
            { min: 50, points: 1 },
            { min: 75, points: 2 },
            { min: 90, points: 3 },
            { min: 100, points: 4 },
          ],
          evidence: 'NONE',
        },
        {
          code: '4.6',
          text: 'Bagaimana penanganan keberatan atas layanan informasi publik oleh atasan PPID?',
          type: 'CHOICE',
          maxPoints: 3,
          options: [
            { value: 'tidak', label: 'Belum ada mekanisme penanganan keberatan', points: 0 },
            { value: 'mekanisme', label: 'Mekanisme ada, tetapi keberatan tidak dicatat dalam register', points: 1 },
            { value: 'register', label: 'Keberatan dicatat dalam register dan ditanggapi tertulis oleh atasan PPID', points: 2 },
            { value: 'tepatwaktu', label: 'Seluruh keberatan ditanggapi tertulis dalam 30 hari kerja dan terdokumentasi', points: 3 },
          ],
          evidence: 'FILE',
        },
        {
          code: '4.7',
          text: 'Berapa jumlah sengketa informasi publik terhadap badan publik yang diregistrasi Komisi Informasi pada tahun sebelumnya?',
          type: 'NUMBER',
          maxPoints: 2,
          thresholds: [
            { min: 0, points: 2 },
            { min: 1, points: 1 },
            { min: 3, points: 0 },
          ],
          evidence: 'NONE',
        },
        {
          code: '4.8',
          text: 'Apakah badan publik melaksanakan survei kepuasan pelayanan informasi publik dan mengumumkan hasilnya?',
          type: 'YES_NO',
          maxPoints: 2,
          evidence: 'FILE_OR_URL',
        },
        {
          code: '4.9',
          text: 'Berapa nilai indeks kepuasan masyarakat (skala 0-100) atas layanan informasi publik hasil survei terakhir?',
          type: 'NUMBER',
          maxPoints: 3,
          thresholds: [
            { min: 65, points: 1 },
            { min: 76.61, points: 2 },
            { min: 88.31, points: 3 },
          ],
          evidence: 'NONE',
          required: false,
        },
        {
          code: '4.10',
          text: 'Apakah PPID memberikan pemberitahuan tertulis atas setiap permohonan informasi, baik yang dikabulkan maupun yang ditolak beserta alasannya?',
          type: 'YES_NO',
          maxPoints: 1.5,
          evidence: 'FILE',
        },
        {
          code: '4.11',
          text: 'Jelaskan tindak lanjut yang telah dilakukan atas hasil survei kepuasan dan pengaduan layanan informasi publik.',
          type: 'TEXT',
          maxPoints: 1.5,
          evidence: 'NONE',
          required: false,
        },
      ],
    },
    // ------------------------------------------------------------------------------------------
    {
      code: 'A5',
      title: 'Komitmen Organisasi dan PPID',
      weight: 15,
      questions: [
        {
          code: '5.1',
          text: 'Apakah terdapat surat keputusan pimpinan badan publik tentang penetapan PPID dan atasan PPID yang masih berlaku?',
          type: 'YES_NO',
          maxPoints: 2,
          evidence: 'FILE',
        },
        {
          code: '5.2',
          text: 'Bagaimana alokasi anggaran untuk pengelolaan dan pelayanan informasi publik pada tahun berjalan?',
          type: 'CHOICE',
          maxPoints: 3,
          options: [
            { value: 'tidak', label: 'Tidak dianggarkan', points: 0 },
            { value: 'melekat', label: 'Melekat pada kegiatan unit lain', points: 1.5 },
            { value: 'khusus', label: 'Mata anggaran khusus layanan informasi publik', points: 3 },
          ],
          evidence: 'FILE',
        },
        {
          code: '5.3',
          text: 'Berapa jumlah petugas PPID yang telah mengikuti pelatihan atau bimbingan teknis keterbukaan informasi publik dalam 2 (dua) tahun terakhir?',
          type: 'NUMBER',
          maxPoints: 2.5,
          thresholds: [
            { min: 1, points: 1 },
            { min: 3, points: 2 },
            { min: 5, points: 2.5 },
          ],
          evidence: 'FILE',
        },
        {
          code: '5.4',
          text: 'Apakah badan publik memiliki peraturan atau kebijakan internal tentang keterbukaan informasi publik dan pengelolaan informasi dan dokumentasi?',
          type: 'YES_NO',
          maxPoints: 2,
          evidence: 'FILE',
        },
        {
          code: '5.5',
          text: 'Bentuk keterlibatan pimpinan badan publik dalam keterbukaan informasi apa saja yang dilakukan pada tahun berjalan? (pilih semua yang dilakukan)',
          type: 'MULTI_CHOICE',
          maxPoints: 3,
          options: [
            { value: 'rapat', label: 'Memimpin rapat evaluasi kinerja PPID', points: 1 },
            { value: 'penetapan', label: 'Menandatangani penetapan DIP dan hasil uji konsekuensi', points: 1 },
            { value: 'komitmen', label: 'Menyampaikan komitmen keterbukaan informasi kepada publik', points: 1 },
            { value: 'penghargaan', label: 'Memberikan penghargaan atau sanksi terkait layanan informasi', points: 1 },
            { value: 'monev', label: 'Hadir pada presentasi atau wawancara monev keterbukaan informasi', points: 1 },
          ],
          evidence: 'FILE_OR_URL',
        },
        {
          code: '5.6',
          text: 'Apakah PPID pelaksana/pembantu telah ditetapkan pada setiap perangkat daerah atau unit kerja di lingkungan badan publik?',
          type: 'YES_NO',
          maxPoints: 2,
          evidence: 'FILE',
          categoryCodes: ['PEMKAB', 'OPD'],
        },
        {
          code: '5.7',
          text: 'Uraikan program kerja PPID pada tahun berjalan beserta capaiannya.',
          type: 'TEXT',
          maxPoints: 2,
          evidence: 'NONE',
          required: false,
        },
      ],
    },
    // ------------------------------------------------------------------------------------------
    {
      code: 'A6',
      title: 'Digitalisasi dan Inovasi Layanan Informasi',
      weight: 10,
      questions: [
        {
          code: '6.1',
          text: 'Apakah permohonan informasi publik dan pengajuan keberatan dapat diajukan secara daring melalui laman atau aplikasi?',
          type: 'YES_NO',
          maxPoints: 2,
          evidence: 'URL',
        },
        {
          code: '6.2',
          text: 'Kanal media sosial resmi apa saja yang aktif digunakan untuk menyebarluaskan informasi publik dalam 6 bulan terakhir? (pilih semua yang aktif)',
          type: 'MULTI_CHOICE',
          maxPoints: 3,
          options: [
            { value: 'instagram', label: 'Instagram', points: 1 },
            { value: 'facebook', label: 'Facebook', points: 1 },
            { value: 'x', label: 'X (Twitter)', points: 1 },
            { value: 'youtube', label: 'YouTube', points: 1 },
            { value: 'tiktok', label: 'TikTok', points: 1 },
            { value: 'whatsapp', label: 'Saluran WhatsApp', points: 1 },
          ],
          evidence: 'URL',
        },
        {
          code: '6.3',
          text: 'Apakah layanan informasi PPID telah terintegrasi dengan Sistem Pemerintahan Berbasis Elektronik (SPBE) dan portal Satu Data Indonesia/Satu Data Kalimantan Tengah?',
          type: 'YES_NO',
          maxPoints: 2,
          evidence: 'URL',
          categoryCodes: ['PEMKAB', 'OPD'],
        },
        {
          code: '6.4',
          text: 'Kanal layanan interaktif apa yang disediakan bagi pemohon informasi?',
          type: 'CHOICE',
          maxPoints: 3,
          options: [
            { value: 'tidak', label: 'Tidak tersedia', points: 0 },
            { value: 'email', label: 'Surat elektronik (e-mail) saja', points: 1 },
            { value: 'chat', label: 'WhatsApp atau layanan obrolan (chat)', points: 2 },
            { value: 'terpadu', label: 'Layanan obrolan dan saluran telepon/call center yang dijawab pada hari kerja', points: 3 },
          ],
          evidence: 'FILE_OR_URL',
        },
        {
          code: '6.5',
          text: 'Uraikan inovasi layanan informasi publik yang dikembangkan badan publik (nama inovasi, tahun mulai, cara kerja dan manfaatnya bagi masyarakat).',
          type: 'TEXT',
          maxPoints: 4,
          evidence: 'FILE_OR_URL',
        },
        {
          code: '6.6',
          text: 'Berapa jumlah set data (dataset) badan publik yang dipublikasikan pada portal Satu Data atau portal data terbuka?',
          type: 'NUMBER',
          maxPoints: 2,
          thresholds: [
            { min: 1, points: 0.5 },
            { min: 10, points: 1 },
            { min: 25, points: 2 },
          ],
          evidence: 'NONE',
          required: false,
        },
        {
          code: '6.7',
          text: 'Uraikan upaya digitalisasi arsip dan dokumen informasi publik yang telah dilakukan.',
          type: 'TEXT',
          maxPoints: 2,
          evidence: 'NONE',
          required: false,
        },
      ],
    },
  ],
};
