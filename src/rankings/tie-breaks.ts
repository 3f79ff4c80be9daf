/**
 * Which tie-break set each body apart from the bodies of its category that share its rounded final
 * score (pure: rows of ranking_results in, a label per participation out; the order itself is the
 * scoring rule's, src/scoring/ranking.ts).
 */
import { dec, format2 } from '../scoring/decimal';
import { decidingKey, RankInput } from '../scoring/ranking';
import { TieBreak } from './dto/ranking-response.dto';

export interface TieRow {
  participation_id: string;
  category_code: string;
  final_score: string;
  saq_exact: string;
  presentation_exact: string | null;
  submitted_at: Date | string | null;
  position: number;
}

const inputOf = (r: TieRow): RankInput => ({
  key: String(r.participation_id),
  categoryCode: r.category_code,
  finalRounded: dec(r.final_score),
  saq: dec(r.saq_exact),
  presentation: r.presentation_exact === null ? null : dec(r.presentation_exact),
  submittedAt: r.submitted_at === null ? null : new Date(r.submitted_at),
});

/**
 * For rows that share (category, final score) with at least one other: the key that ordered each
 * against the one before it in that group (the first of a group: against the one after), or SHARED
 * when every key is equal. Rows alone with their score are not in the map.
 */
export function tieBreaks(rows: TieRow[]): Map<string, TieBreak> {
  const groups = new Map<string, TieRow[]>();
  for (const r of [...rows].sort((a, b) => Number(a.position) - Number(b.position))) {
    const key = `${r.category_code}\u0000${format2(r.final_score)}`;
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  const out = new Map<string, TieBreak>();
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    const inputs = g.map(inputOf);
    for (let i = 0; i < g.length; i++) {
      const k = i === 0 ? decidingKey(inputs[0], inputs[1]) : decidingKey(inputs[i - 1], inputs[i]);
      out.set(String(g[i].participation_id), k === null || k === 'FINAL_SCORE' ? 'SHARED' : k);
    }
  }
  return out;
}
