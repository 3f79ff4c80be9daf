import Decimal from 'decimal.js';

export interface RankInput {
  key: string;
  categoryCode: string;
  /** final score rounded half-up to 2 decimals */
  finalRounded: Decimal;
  /** exact SAQ score */
  saq: Decimal;
  /** exact presentation score, null when none */
  presentation: Decimal | null;
  submittedAt: Date | null;
}

function time(d: Date | null): number | null {
  if (d === null || d === undefined) return null;
  const t = d.getTime();
  return Number.isNaN(t) ? null : t;
}

/** The keys of the rank order, in the order they are compared (each breaks a tie of the ones before). */
export const RANK_KEYS = ['FINAL_SCORE', 'SAQ_SCORE', 'PRESENTATION_SCORE', 'SUBMITTED_AT'] as const;
export type RankKey = (typeof RANK_KEYS)[number];

/**
 * Negative when `a` ranks before `b`: rounded final desc, then exact SAQ desc, then exact
 * presentation desc (null below any value), then submittedAt asc (null last). 0 = a full tie.
 * The magnitude is the 1-based position in RANK_KEYS of the key that decided (see decidingKey).
 * Creates no Decimals.
 */
export function compareForRank(a: RankInput, b: RankInput): number {
  let c = b.finalRounded.cmp(a.finalRounded);
  if (c !== 0) return c;
  c = b.saq.cmp(a.saq);
  if (c !== 0) return 2 * c;
  if (a.presentation !== b.presentation) {
    if (a.presentation === null) return 3;
    if (b.presentation === null) return -3;
    c = b.presentation.cmp(a.presentation);
    if (c !== 0) return 3 * c;
  }
  const ta = time(a.submittedAt);
  const tb = time(b.submittedAt);
  if (ta === tb) return 0;
  if (ta === null) return 4;
  if (tb === null) return -4;
  return ta < tb ? -4 : 4;
}

/** The key that orders `a` and `b` (the tie-break that decided, when their final scores are equal); null for a full tie (a shared rank). */
export function decidingKey(a: RankInput, b: RankInput): RankKey | null {
  const c = Math.abs(compareForRank(a, b));
  return c === 0 ? null : RANK_KEYS[c - 1];
}

export type Ranked<T> = T & { rankInCategory: number; rankOverall: number };

/**
 * Sorts by the overall order (full ties by key, for a stable, input-order-free listing) and gives
 * competition ranks ("1, 2, 2, 4") overall and within each category. One sort, one pass.
 */
export function rankEntries<T extends RankInput>(entries: T[]): Ranked<T>[] {
  const sorted = entries.slice().sort((a, b) => compareForRank(a, b) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const perCategory = new Map<string, { seen: number; last: T; rank: number }>();
  const out: Ranked<T>[] = new Array(sorted.length);
  let overall = 0;
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i];
    if (i === 0 || compareForRank(sorted[i - 1], e) !== 0) overall = i + 1;
    const cat = perCategory.get(e.categoryCode);
    let inCategory: number;
    if (!cat) {
      inCategory = 1;
      perCategory.set(e.categoryCode, { seen: 1, last: e, rank: 1 });
    } else {
      cat.seen += 1;
      if (compareForRank(cat.last, e) !== 0) cat.rank = cat.seen;
      cat.last = e;
      inCategory = cat.rank;
    }
    out[i] = { ...e, rankInCategory: inCategory, rankOverall: overall };
  }
  return out;
}
