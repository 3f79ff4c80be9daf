/**
 * The JavaScript each portal page downloads, gzip-compressed: the entry chunk with its static
 * imports, plus the page's lazy chunk with its own (read from web/dist/.vite/manifest.json after
 * `npm run build`). `npm run budget:web` prints it; the browser suite holds the public pages to
 * PUBLIC_PAGE_BUDGET_BYTES.
 */
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { gzipSync } from 'zlib';

export const PUBLIC_PAGE_BUDGET_BYTES = 150 * 1024;
/** A PPID's pages (beranda, kuesioner, verifikasi: one chunk behind RoleHome). */
export const PPID_PAGE_BUDGET_BYTES = 300 * 1024;
/** The assessor's pages (tugas, meja verifikasi, sanggah, visitasi), before the browser's own PDF viewer. */
export const ASSESSOR_PAGE_BUDGET_BYTES = 300 * 1024;
const DIST = path.join(__dirname, '..', 'web', 'dist');

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

export const PAGES: { page: string; source: string; public: boolean; budget?: number }[] = [
  { page: '/ (beranda)', source: 'src/public/HomePage.tsx', public: true },
  { page: '/peringkat/:organizer/:year', source: 'src/public/RankingPage.tsx', public: true },
  { page: '/verify/:code', source: 'src/public/VerifyPage.tsx', public: true },
  { page: '/masuk', source: 'src/public/LoginPage.tsx', public: true },
  { page: '/beranda (admin)', source: 'src/admin/HomePage.tsx', public: false },
  { page: '/beranda, /beranda/kuesioner/:id, /beranda/verifikasi/:id (PPID)', source: 'src/ppid/HomePage.tsx', public: false, budget: PPID_PAGE_BUDGET_BYTES },
  {
    page: '/beranda, /beranda/verifikasi/:id, /beranda/sanggah/:id, /beranda/visitasi/:id (assessor)',
    source: 'src/assessor/HomePage.tsx',
    public: false,
    budget: ASSESSOR_PAGE_BUDGET_BYTES,
  },
  { page: '/beranda, /beranda/finalis/:id (panelist)', source: 'src/panel/HomePage.tsx', public: false, budget: ASSESSOR_PAGE_BUDGET_BYTES },
];

export function pageBudgets(): { page: string; public: boolean; budget: number | null; files: string[]; gzipBytes: number }[] {
  const file = path.join(DIST, '.vite', 'manifest.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build first`);
  const manifest: Record<string, ManifestChunk> = JSON.parse(readFileSync(file, 'utf8'));
  const closure = (key: string, into: Set<string>) => {
    const c = manifest[key];
    if (!c || into.has(c.file)) return;
    into.add(c.file);
    for (const i of c.imports ?? []) closure(i, into);
  };
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry)!;
  const gz = (f: string) => gzipSync(readFileSync(path.join(DIST, f)), { level: 9 }).length;
  return PAGES.map((p) => {
    const files = new Set<string>();
    closure(entry, files);
    closure(p.source, files);
    // The role homes load through RoleHome's chunk.
    if (!p.public) closure('src/ui/RoleHome.tsx', files);
    const js = [...files].filter((f) => f.endsWith('.js'));
    return { page: p.page, public: p.public, budget: p.public ? PUBLIC_PAGE_BUDGET_BYTES : (p.budget ?? null), files: js, gzipBytes: js.reduce((n, f) => n + gz(f), 0) };
  });
}

if (require.main === module) {
  for (const b of pageBudgets()) {
    const over = b.budget !== null && b.gzipBytes > b.budget;
    console.log(
      `${b.page.padEnd(30)} ${(b.gzipBytes / 1024).toFixed(1).padStart(7)} KB gzip in ${b.files.length} files${b.budget !== null ? ` (budget ${b.budget / 1024} KB)` : ''}${over ? '  OVER BUDGET' : ''}`,
    );
    if (over) process.exitCode = 1;
  }
}
