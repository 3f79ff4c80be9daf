/**
 * Bare-loop benchmark of the certificate renderer: one process, one core, renders N PDFs
 * back to back (no queue, no storage).
 *
 *   npx ts-node --transpile-only bench/certificates-bare.ts --count 200 [--ttf]
 *
 * --ttf uses a non-WinAnsi body name, so every PDF embeds a DejaVuSans subset.
 */
import { ChildProcess, fork } from 'child_process';
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

export async function renderBare(count: number, opts: { ttf?: boolean; warmup?: number } = {}): Promise<BareResult> {
  const renderer = new CertificateRenderer();
  for (let i = 0; i < (opts.warmup ?? WARMUP); i++) await renderer.render(sampleCertificate(i, opts.ttf)); // not timed
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

/**
 * The bare loop in `processes` processes at once, for `seconds` after every one has warmed up: what
 * the machine's cores give together when nothing but rendering runs (the ceiling of any queue).
 */
export async function renderBareParallel(processes: number, seconds: number, warmup = 20): Promise<{ processes: number; perSecond: number }> {
  const children = Array.from({ length: processes }, () => fork(__filename, ['--parallel-child', String(warmup)], { execArgv: ['-r', 'ts-node/register/transpile-only'] }));
  const message = (c: ChildProcess) =>
    new Promise<{ ready?: boolean; count?: number }>((resolve, reject) => {
      c.once('message', (m) => resolve(m as { ready?: boolean; count?: number }));
      c.once('exit', (code) => reject(new Error(`bare child exited with ${code}`)));
    });
  try {
    await Promise.all(children.map(message));
    const counts = children.map(message);
    children.forEach((c) => c.send({ seconds }));
    const total = (await Promise.all(counts)).reduce((n, m) => n + (m.count ?? 0), 0);
    return { processes, perSecond: total / seconds };
  } finally {
    children.forEach((c) => c.kill());
  }
}

async function parallelChild(): Promise<void> {
  const renderer = new CertificateRenderer();
  const warmup = Number(process.argv[process.argv.indexOf('--parallel-child') + 1]) || 0;
  for (let i = 0; i < warmup; i++) await renderer.render(sampleCertificate(i));
  process.send!({ ready: true });
  const { seconds } = await new Promise<{ seconds: number }>((resolve) => process.once('message', (m) => resolve(m as { seconds: number })));
  const end = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9));
  let count = 0;
  while (process.hrtime.bigint() < end) await renderer.render(sampleCertificate(count++));
  process.send!({ count }, () => process.exit(0));
}

async function main(): Promise<void> {
  if (process.argv.includes('--parallel-child')) return parallelChild();
  const { count, ttf } = parseArgs(process.argv.slice(2));
  const r = await renderBare(count, { ttf });
  console.log(`bare: ${r.count} PDFs in ${r.seconds.toFixed(2)} s = ${r.perSecond.toFixed(1)} PDF/s`);
  console.log(
    `  fonts: ${ttf ? 'non-WinAnsi body name (embedded DejaVuSans subset)' : 'standard fonts only'}; avg PDF size ${Math.round(r.avgBytes)} bytes; ${WARMUP} warm-up renders not timed`,
  );
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
