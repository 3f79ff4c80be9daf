/**
 * The rules of the reports (pure, no framework or database import): the export's rows and
 * headers, Excel sheet names, the category x qualification matrix, the score deciles, the
 * per-aspect average shares (exact fractions) and the year-over-year change.
 */
import { stringify } from 'csv-stringify/sync';
import Decimal from 'decimal.js';
import { NOT_PARTICIPATING } from '../scoring/bands';
import { Dec, format2, signedChange } from '../scoring/decimal';
import { FRACTION_ZERO, Fraction, fracAdd, fracCompare, fracDiv, fractionOf, roundFraction } from '../scoring/fraction';

/** One ranking_results row as the exports read it; scores are the DB's two-decimal strings. */
export interface ReportRow {
  position: number;
  publicBodyId: string;
  bodyName: string;
  categoryCode: string;
  categoryName: string;
  status: string;
  finalist: boolean;
  saqScore: string | null;
  visitationScore: string | null;
  presentationScore: string | null;
  finalScore: string | null;
  qualification: string;
  qualificationLabel: string;
  rankInCategory: number | null;
  rankOverall: number | null;
}

/** The export's columns, in order; `kind` says how a cell is written (scores: number with 0.00 in XLSX). */
export const RANKING_COLUMNS: { header: string; kind: 'rank' | 'text' | 'score'; key: keyof ReportRow; width: number }[] = [
  { header: 'Peringkat Kategori', kind: 'rank', key: 'rankInCategory', width: 12 },
  { header: 'Peringkat Umum', kind: 'rank', key: 'rankOverall', width: 12 },
  { header: 'Badan Publik', kind: 'text', key: 'bodyName', width: 50 },
  { header: 'Kode Kategori', kind: 'text', key: 'categoryCode', width: 14 },
  { header: 'Kategori', kind: 'text', key: 'categoryName', width: 30 },
  { header: 'Nilai SAQ', kind: 'score', key: 'saqScore', width: 11 },
  { header: 'Nilai Visitasi', kind: 'score', key: 'visitationScore', width: 11 },
  { header: 'Nilai Presentasi', kind: 'score', key: 'presentationScore', width: 11 },
  { header: 'Nilai Akhir', kind: 'score', key: 'finalScore', width: 11 },
  { header: 'Kualifikasi', kind: 'text', key: 'qualificationLabel', width: 24 },
];

export const RANKING_HEADERS = RANKING_COLUMNS.map((c) => c.header);

/**
 * A text cell that a spreadsheet would read as a formula (=, +, -, @, tab, CR first) gets a
 * leading apostrophe (CSV injection); ordinary names are untouched.
 */
export function csvSafeText(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** One CSV record: ranks as integers, scores as the DB's two-decimal strings, '' for null. */
export function csvRecord(r: ReportRow): string[] {
  return RANKING_COLUMNS.map((c) => {
    const v = r[c.key];
    if (v === null || v === undefined) return '';
    return c.kind === 'text' ? csvSafeText(String(v)) : String(v);
  });
}

export const UTF8_BOM = '\uFEFF';

/** The ranking as CSV: UTF-8 with a BOM (so Excel reads it as UTF-8), a header row, CRLF lines. */
export function rankingCsv(rows: ReportRow[]): string {
  return UTF8_BOM + stringify([RANKING_HEADERS, ...rows.map(csvRecord)], { record_delimiter: 'windows' });
}

export const SUMMARY_SHEET = 'Ringkasan';
const SHEET_MAX = 31;

/** Excel's rules for a sheet name: no []:*?/\ or control characters, not starting or ending with ', at most 31 characters. */
export function cleanSheetName(s: string): string {
  let out = s
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[[\]:*?/\\\u0000-\u001f\u007f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const strip = (x: string) => x.replace(/^'+|'+$/g, '').trim();
  out = strip(out);
  if (out.length > SHEET_MAX) out = strip(truncate(out, SHEET_MAX));
  return out;
}

/** At most `max` UTF-16 units, never splitting a surrogate pair. */
function truncate(s: string, max: number): string {
  let out = '';
  for (const ch of s) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/**
 * A sheet name per category: its code (cleaned), else its name truncated to 31 characters, else
 * "Kategori"; unique case-insensitively (Excel's rule) among themselves and the reserved names,
 * by a " (2)" suffix.
 */
export function sheetNames(categories: { code: string; name: string }[], reserved: string[] = [SUMMARY_SHEET]): Map<string, string> {
  const taken = new Set(['history', ...reserved.map((r) => r.toLowerCase())]);
  const out = new Map<string, string>();
  for (const c of categories) {
    const base = cleanSheetName(c.code) || cleanSheetName(c.name) || 'Kategori';
    let name = base;
    for (let k = 2; taken.has(name.toLowerCase()); k++) {
      const suffix = ` (${k})`;
      name = truncate(base, SHEET_MAX - suffix.length).trimEnd() + suffix;
    }
    taken.add(name.toLowerCase());
    out.set(c.code, name);
  }
  return out;
}

export interface QualificationColumn {
  code: string;
  label: string;
}

export interface QualificationMatrix {
  columns: QualificationColumn[];
  rows: { categoryCode: string; categoryName: string; counts: Record<string, number>; total: number }[];
  totals: { counts: Record<string, number>; total: number };
}

/**
 * Counts per category x qualification from grouped counts: one column per band of the period (in
 * its order, zeros included), any other code the run carries, then NOT_PARTICIPATING; categories
 * by code; totals per column and overall.
 */
export function qualificationMatrix(
  groups: { categoryCode: string; categoryName: string; qualification: string; qualificationLabel?: string; count: number }[],
  bands: { code: string; label: string }[],
): QualificationMatrix {
  const columns: QualificationColumn[] = bands.map((b) => ({ code: b.code, label: b.label }));
  const known = new Set(columns.map((c) => c.code));
  for (const g of groups) {
    if (!known.has(g.qualification) && g.qualification !== NOT_PARTICIPATING.code) {
      columns.push({ code: g.qualification, label: g.qualificationLabel ?? g.qualification });
      known.add(g.qualification);
    }
  }
  columns.push({ code: NOT_PARTICIPATING.code, label: NOT_PARTICIPATING.label });
  const zero = () => Object.fromEntries(columns.map((c) => [c.code, 0])) as Record<string, number>;
  const byCategory = new Map<string, { categoryCode: string; categoryName: string; counts: Record<string, number>; total: number }>();
  const totals = { counts: zero(), total: 0 };
  for (const g of groups) {
    let row = byCategory.get(g.categoryCode);
    if (!row) byCategory.set(g.categoryCode, (row = { categoryCode: g.categoryCode, categoryName: g.categoryName, counts: zero(), total: 0 }));
    row.counts[g.qualification] += g.count;
    row.total += g.count;
    totals.counts[g.qualification] += g.count;
    totals.total += g.count;
  }
  const rows = [...byCategory.values()].sort((a, b) => compareCodes(a.categoryCode, b.categoryCode));
  return { columns, rows, totals };
}

/** Grouped counts of export rows (what the XLSX summary needs). */
export function groupQualifications(rows: ReportRow[]) {
  const groups = new Map<string, { categoryCode: string; categoryName: string; qualification: string; qualificationLabel: string; count: number }>();
  for (const r of rows) {
    const key = `${r.categoryCode}\u0000${r.qualification}`;
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { categoryCode: r.categoryCode, categoryName: r.categoryName, qualification: r.qualification, qualificationLabel: r.qualificationLabel, count: 1 });
  }
  return [...groups.values()];
}

export const compareCodes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface DecileBucket {
  /** inclusive lower bound */
  from: string;
  /** exclusive upper bound, except the last bucket (90-100) which includes 100 */
  to: string;
  count: number;
}

/** Bucket of a final score: floor(score / 10), with 100 in the last bucket (9). */
export function decileOf(score: Decimal.Value): number {
  const d = new Dec(score);
  if (d.lt(0) || d.gt(100)) throw new Error(`score out of range: ${d.toString()}`);
  return Math.min(9, d.div(10).floor().toNumber());
}

/** The ten buckets [0,10) ... [90,100], zeros filled in, from counts per bucket index. */
export function deciles(counts: { bucket: number; count: number }[]): DecileBucket[] {
  const out: DecileBucket[] = Array.from({ length: 10 }, (_, i) => ({ from: `${i * 10}.00`, to: `${(i + 1) * 10}.00`, count: 0 }));
  for (const c of counts) {
    if (!Number.isInteger(c.bucket) || c.bucket < 0 || c.bucket > 9) throw new Error(`bucket out of range: ${c.bucket}`);
    out[c.bucket].count += c.count;
  }
  return out;
}

export interface AspectInput {
  id: string;
  code: string;
  title: string;
}

/** One category's participating bodies: how many, the aspect maxima that apply to it, their summed points per aspect. */
export interface CategoryAspectTotals {
  categoryCode: string;
  bodies: number;
  /** aspect id -> max points for this category (0 or absent: the aspect does not apply) */
  maxPoints: Map<string, Decimal.Value>;
  /** aspect id -> sum over the category's bodies of their points (absent: 0) */
  points: Map<string, Decimal.Value>;
}

export interface AspectAverage {
  code: string;
  title: string;
  /** mean of points/max over the bodies the aspect applies to, half-up to 4 decimals; null when none */
  averageShare: string | null;
  /** the same mean as an exact decimal (50 significant digits) */
  averageShareExact: string | null;
  bodies: number;
  byCategory: { categoryCode: string; bodies: number; maxPoints: string; averageShare: string }[];
}

/**
 * The mean share of each aspect over the bodies it applies to: a body's share is points/max of
 * its category, so the mean is (sum over categories of pointsSum/max) / bodies, built as an exact
 * fraction and rounded once. Weakest first (ascending, exact comparison), ties and aspects without
 * bodies in instrument order, the latter last.
 */
export function aspectAverages(aspects: AspectInput[], categories: CategoryAspectTotals[]): AspectAverage[] {
  const rows = aspects.map((a, index) => {
    let sum = FRACTION_ZERO;
    let bodies = 0;
    const byCategory: AspectAverage['byCategory'] = [];
    for (const c of [...categories].sort((x, y) => compareCodes(x.categoryCode, y.categoryCode))) {
      const max = new Dec(c.maxPoints.get(a.id) ?? 0);
      if (c.bodies <= 0 || max.lte(0)) continue;
      const share = fracDiv(fractionOf(c.points.get(a.id) ?? 0), fractionOf(max));
      sum = fracAdd(sum, share);
      bodies += c.bodies;
      byCategory.push({ categoryCode: c.categoryCode, bodies: c.bodies, maxPoints: format2(max)!, averageShare: roundFraction(fracDiv(share, fractionOf(c.bodies)), 4) });
    }
    const mean = bodies ? fracDiv(sum, fractionOf(bodies)) : null;
    return {
      index,
      mean,
      out: { code: a.code, title: a.title, averageShare: mean ? roundFraction(mean, 4) : null, averageShareExact: mean ? exactString(mean) : null, bodies, byCategory },
    };
  });
  rows.sort((x, y) => {
    if (x.mean === null || y.mean === null) return x.mean === y.mean ? x.index - y.index : x.mean === null ? 1 : -1;
    return fracCompare(x.mean, y.mean) || x.index - y.index;
  });
  return rows.map((r) => r.out);
}

function exactString(f: Fraction): string {
  const v = new Dec(f.n.toString()).div(new Dec(f.d.toString()));
  return v.toFixed();
}

export { signedChange } from '../scoring/decimal';

export interface CategoryScoreSum {
  categoryCode: string;
  categoryName: string;
  ranked: number;
  total: string;
}

/** Per category (union of both years, by code): ranked bodies, the mean final score half-up to two decimals, and its signed change. */
export function categoryComparison(current: CategoryScoreSum[], previous: CategoryScoreSum[]) {
  const mean = (c: CategoryScoreSum | undefined) => (c && c.ranked > 0 ? format2(new Dec(c.total).div(c.ranked)) : null);
  const prevOf = new Map(previous.map((c) => [c.categoryCode, c]));
  const curOf = new Map(current.map((c) => [c.categoryCode, c]));
  const codes = [...new Set([...curOf.keys(), ...prevOf.keys()])].sort(compareCodes);
  return codes.map((code) => {
    const cur = curOf.get(code);
    const prev = prevOf.get(code);
    const average = mean(cur);
    const previousAverage = mean(prev);
    return {
      categoryCode: code,
      categoryName: (cur ?? prev)!.categoryName,
      previousRanked: prev?.ranked ?? 0,
      ranked: cur?.ranked ?? 0,
      previousAverage,
      average,
      change: average !== null && previousAverage !== null ? signedChange(average, previousAverage) : null,
    };
  });
}
