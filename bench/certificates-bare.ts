/**
 * Bare-loop benchmark of the certificate renderer: one process, one core, renders N PDFs
 * back to back (no queue, no storage).
 *
 *   npx ts-node --transpile-only bench/certificates-bare.ts --count 200 [--ttf]
 *
 * --ttf uses a non-WinAnsi body name, so every PDF embeds a DejaVuSans subset.
 */
import { CertificateData, CertificateRenderer } from '../src/certificates/rendering';

const WARMUP = 3;

const STANDARD_NAMES = [
  'Dinas Komunikasi, Informatika, Persandian dan Statistik Kabupaten Kotawaringin Timur',
  'Badan Perencanaan Pembangunan Daerah Provinsi Kalimantan Tengah',
  'Sekretariat DPRD Kota Palangka Raya',
  'Rumah Sakit Umum Daerah dr. Doris Sylvanus',
];
const TTF_NAMES = ['Дирекция Ōsaka ŽĐ', 'Dinas Ƙebudayaan dan Pariwisata Kabupaten Katingan', 'Kantor Ōsaka Ŝekretariat'];

export function sampleCertificate(i: number, ttf = false): CertificateData {
  const names = ttf ? TTF_NAMES : STANDARD_NAMES;
  const code = `BENCH${String(i).padStart(6, '0')}X${(i * 7919).toString(36).toUpperCase()}`;
  return {
    organizerName: 'Komisi Informasi Provinsi Kalimantan Tengah',
    publicBodyName: `${names[i % names.length]}`,
    categoryName: 'Pemerintah Kabupaten/Kota',
    year: 2026,
    qualificationLabel: i % 2 ? 'Informatif' : 'Menuju Informatif',
    finalScore: (60 + (i % 4000) / 100).toFixed(2),
    rankInCategory: (i % 5) + 1,
    signatoryName: 'Dr. H. Ahmad Fauzi, S.H., M.H.',
    signatoryTitle: 'Ketua Komisi Informasi Provinsi Kalimantan Tengah',
    place: 'Palangka Raya',
    issueDate: '24 November 2026',
    verificationCode: code,
    verificationUrl: `https://monev.kip.example.go.id/verify/${code}`,
  };
}

export interface BareResult {
  count: number;
  seconds: number;
  perSecond: number;
  /** Average PDF size in bytes. */
  avgBytes: number;
}

export async function renderBare(count: number, opts: { ttf?: boolean } = {}): Promise<BareResult> {
  const renderer = new CertificateRenderer();
  for (let i = 0; i < WARMUP; i++) await renderer.render(sampleCertificate(i, opts.ttf)); // not timed
  let bytes = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    const pdf = await renderer.render(sampleCertificate(i, opts.ttf));
    bytes += pdf.length;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { count, seconds, perSecond: count / seconds, avgBytes: count ? bytes / count : 0 };
}

function parseArgs(argv: string[]): { count: number; ttf: boolean } {
  let count = 200;
  const i = argv.indexOf('--count');
  if (i >= 0) count = Number(argv[i + 1]);
  if (!Number.isInteger(count) || count <= 0) throw new Error('--count must be a positive integer');
  return { count, ttf: argv.includes('--ttf') };
}

async function main(): Promise<void> {
  const { count, ttf } = parseArgs(process.argv.slice(2));
  const r = await renderBare(count, { ttf });
  console.log(`bare: ${r.count} PDFs in ${r.seconds.toFixed(2)} s = ${r.perSecond.toFixed(1)} PDF/s`);
  console.log(`  fonts: ${ttf ? 'non-WinAnsi body name (embedded DejaVuSans subset)' : 'standard fonts only'}; avg PDF size ${Math.round(r.avgBytes)} bytes; ${WARMUP} warm-up renders not timed`);
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
