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
    const rows: { id: string; public_body_id: string; body_name: string; status: string; submitted_at: Date | null; category_code: string; category_name: string }[] = await em.query(
      `SELECT p.id, p.public_body_id, b.name AS body_name, p.status, p.submitted_at, c.code AS category_code, c.name AS category_name
         FROM participations p JOIN categories c ON c.id = p.category_id JOIN public_bodies b ON b.id = p.public_body_id
        WHERE p.period_id = ? AND p.id > ? AND p.status IN (?)
        ORDER BY p.id LIMIT ?`,
      [periodId, after, statuses, batchSize],
    );
    if (!rows.length) return;
    // The batch's subtotals as rows, one primary-key range read (never a GROUP_CONCAT, which
    // group_concat_max_len would cut short without an error); rows of other periods in the range are ignored.
    const subtotals: { participation_id: string; aspect_id: string; points: string }[] = await em.query(
      'SELECT participation_id, aspect_id, points FROM aspect_subtotals WHERE participation_id BETWEEN ? AND ?',
      [rows[0].id, rows[rows.length - 1].id],
    );
    const byParticipation = new Map<string, { aspect_id: string; points: string }[]>();
    for (const st of subtotals) {
      const key = String(st.participation_id);
      const list = byParticipation.get(key);
      if (list) list.push(st);
      else byParticipation.set(key, [st]);
    }
    yield rows.map((r) => {
      let scorer = scorers.get(r.category_code);
      if (!scorer) {
        const shape = tallyTemplate(ins.aspects, ins.questions, r.category_code).shape;
        scorers.set(r.category_code, (scorer = { aspectIds: shape.map((a) => a.id), score: compileSaqScorer(shape) }));
      }
      const points: string[] = new Array(scorer.aspectIds.length).fill('0.00');
      for (const st of byParticipation.get(String(r.id)) ?? []) {
        const i = scorer.aspectIds.indexOf(String(st.aspect_id));
        if (i >= 0) points[i] = st.points;
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
