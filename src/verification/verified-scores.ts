import Decimal from 'decimal.js';
import { EntityManager } from 'typeorm';
import { LoadedInstrument } from '../instruments/instruments.service';
import { tallyTemplate } from '../instruments/instrument-rules';
import { compileSaqScorer } from '../scoring/saq-score';

export interface VerifiedScore {
  participationId: string;
  publicBodyId: string;
  bodyName: string;
  categoryCode: string;
  categoryName: string;
  status: string;
  submittedAt: Date | null;
  /** exact verified SAQ score, objections applied */
  saq: Decimal;
}

/**
 * Streams the verified SAQ scores of a period's participations in primary-key order, a batch at a
 * time (memory stays bounded at any size): points per aspect come from aspect_subtotals, maxima
 * from the frozen instrument, the score from the one scoring rule.
 */
export async function* verifiedScores(em: EntityManager, periodId: string, ins: LoadedInstrument, statuses: string[], batchSize = 5000): AsyncGenerator<VerifiedScore[]> {
  const scorers = new Map<string, { aspectIds: string[]; score: ReturnType<typeof compileSaqScorer> }>();
  let after = '0';
  for (;;) {
    const rows: { id: string; public_body_id: string; body_name: string; status: string; submitted_at: Date | null; category_code: string; category_name: string; subtotals: string | null }[] = await em.query(
      `SELECT p.id, p.public_body_id, b.name AS body_name, p.status, p.submitted_at, c.code AS category_code, c.name AS category_name,
              (SELECT GROUP_CONCAT(s.aspect_id, ':', s.points SEPARATOR ',') FROM aspect_subtotals s WHERE s.participation_id = p.id) AS subtotals
         FROM participations p JOIN categories c ON c.id = p.category_id JOIN public_bodies b ON b.id = p.public_body_id
        WHERE p.period_id = ? AND p.id > ? AND p.status IN (?)
        ORDER BY p.id LIMIT ?`,
      [periodId, after, statuses, batchSize],
    );
    if (!rows.length) return;
    yield rows.map((r) => {
      let scorer = scorers.get(r.category_code);
      if (!scorer) {
        const shape = tallyTemplate(ins.aspects, ins.questions, r.category_code).shape;
        scorers.set(r.category_code, (scorer = { aspectIds: shape.map((a) => a.id), score: compileSaqScorer(shape) }));
      }
      const points: string[] = new Array(scorer.aspectIds.length).fill('0.00');
      for (const pair of r.subtotals ? r.subtotals.split(',') : []) {
        const colon = pair.indexOf(':');
        const i = scorer.aspectIds.indexOf(pair.slice(0, colon));
        if (i >= 0) points[i] = pair.slice(colon + 1);
      }
      return {
        participationId: String(r.id),
        publicBodyId: String(r.public_body_id),
        bodyName: r.body_name,
        categoryCode: r.category_code,
        categoryName: r.category_name,
        status: r.status,
        submittedAt: r.submitted_at,
        saq: scorer.score(points),
      };
    });
    after = String(rows[rows.length - 1].id);
    if (rows.length < batchSize) return;
  }
}
