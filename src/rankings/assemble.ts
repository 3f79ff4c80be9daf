/**
 * Turns each participation's exact sub-scores into its ranking row (pure): final score by the
 * stage weights (finalists) or the SAQ score (others), one half-up rounding, the band on the
 * rounded value, ranks by the tie chain. Non-participants are listed after the ranked, unranked.
 */
import Decimal from 'decimal.js';
import { Band, bandFor, NOT_PARTICIPATING } from '../scoring/bands';
import { finalScore, StageWeights } from '../scoring/final-score';
import { rankEntries } from '../scoring/ranking';

export interface RankingInput {
  participationId: string;
  publicBodyId: string;
  bodyName: string;
  categoryCode: string;
  categoryName: string;
  participating: boolean;
  finalist: boolean;
  saq: Decimal | null;
  visitation: Decimal | null;
  presentation: Decimal | null;
  submittedAt: Date | null;
}

export interface RankingRow extends RankingInput {
  status: 'RANKED' | 'NOT_PARTICIPATING';
  finalExact: Decimal | null;
  finalRounded: Decimal | null;
  qualification: string;
  qualificationLabel: string;
  rankInCategory: number | null;
  rankOverall: number | null;
  position: number;
}

export function assembleRanking(inputs: RankingInput[], weights: StageWeights, bands: Band[]): RankingRow[] {
  const ranked = [];
  const others: RankingInput[] = [];
  for (const i of inputs) {
    if (!i.participating || i.saq === null) {
      others.push(i);
      continue;
    }
    const f = finalScore({ saq: i.saq, visitation: i.visitation, presentation: i.presentation, finalist: i.finalist }, weights);
    const band = bandFor(f.rounded, bands);
    ranked.push({ ...i, key: i.participationId, finalRounded: f.rounded, finalExact: f.exact, saq: i.saq, band });
  }
  const rows: RankingRow[] = rankEntries(ranked).map((r, idx) => ({
    participationId: r.participationId,
    publicBodyId: r.publicBodyId,
    bodyName: r.bodyName,
    categoryCode: r.categoryCode,
    categoryName: r.categoryName,
    participating: true,
    finalist: r.finalist,
    saq: r.saq,
    visitation: r.finalist ? r.visitation : null,
    presentation: r.finalist ? r.presentation : null,
    submittedAt: r.submittedAt,
    status: 'RANKED',
    finalExact: r.finalExact,
    finalRounded: r.finalRounded,
    qualification: r.band.code,
    qualificationLabel: r.band.label,
    rankInCategory: r.rankInCategory,
    rankOverall: r.rankOverall,
    position: idx + 1,
  }));
  others.sort((a, b) => a.categoryCode.localeCompare(b.categoryCode) || a.bodyName.localeCompare(b.bodyName) || a.participationId.localeCompare(b.participationId));
  for (const o of others) {
    rows.push({
      ...o,
      saq: null,
      visitation: null,
      presentation: null,
      status: 'NOT_PARTICIPATING',
      finalExact: null,
      finalRounded: null,
      qualification: NOT_PARTICIPATING.code,
      qualificationLabel: NOT_PARTICIPATING.label,
      rankInCategory: null,
      rankOverall: null,
      position: rows.length + 1,
    });
  }
  return rows;
}
