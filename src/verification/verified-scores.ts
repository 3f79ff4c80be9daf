import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { EntityManager } from 'typeorm';
import { foldOf, foldRows } from '../database/fold-rows';
import { tallyTemplate } from '../instruments/instrument-rules';
import { LoadedInstrument } from '../instruments/instruments.service';
import { CategoryName, RegistryNames } from '../public-bodies/registry-names';
import { ParticipationRecords } from '../saq/participation-records';
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

/** The verification module's read interface over verified points (`aspect_subtotals`), for a whole period. */
@Injectable()
export class VerifiedScoresReader {
  constructor(
    private readonly participations: ParticipationRecords,
    private readonly names: RegistryNames,
  ) {}

  /**
   * Streams the verified SAQ scores of a period's participations in primary-key order, a batch at a
   * time (memory stays bounded at any size): points per aspect come from aspect_subtotals, maxima
   * from the frozen instrument, the score from the one scoring rule.
   */
  async *stream(em: EntityManager, periodId: string, ins: LoadedInstrument, statuses: readonly string[], batchSize = 5000): AsyncGenerator<VerifiedScore[]> {
    const scorers = new Map<string, { aspectIds: string[]; score: ReturnType<typeof compileSaqScorer> }>();
    const categories = new Map<string, CategoryName>();
    let after = '0';
    for (;;) {
      const rows = await this.participations.page(em, periodId, statuses, after, batchSize);
      if (!rows.length) return;
      const missing = rows.map((r) => r.categoryId).filter((id) => !categories.has(id));
      const [bodyNames, subtotals] = await Promise.all([
        this.names.bodyNames(
          em,
          rows.map((r) => r.publicBodyId),
        ),
        // The batch's subtotals as rows, one primary-key range read (never a GROUP_CONCAT, which
        // group_concat_max_len would cut short without an error); rows of other periods in the range are ignored.
        em.query('SELECT participation_id, aspect_id, points FROM aspect_subtotals WHERE participation_id BETWEEN ? AND ?', [rows[0].id, rows[rows.length - 1].id]) as Promise<
          { participation_id: string; aspect_id: string; points: string }[]
        >,
        missing.length ? this.names.categories(em, missing).then((m) => m.forEach((v, k) => categories.set(k, v))) : undefined,
      ]);
      const byParticipation = new Map<string, { aspect_id: string; points: string }[]>();
      for (const st of subtotals) {
        const key = String(st.participation_id);
        const list = byParticipation.get(key);
        if (list) list.push(st);
        else byParticipation.set(key, [st]);
      }
      yield rows.map((r) => {
        const category = categories.get(r.categoryId)!;
        let scorer = scorers.get(category.code);
        if (!scorer) {
          const shape = tallyTemplate(ins.aspects, ins.questions, category.code).shape;
          scorers.set(category.code, (scorer = { aspectIds: shape.map((a) => a.id), score: compileSaqScorer(shape) }));
        }
        const points: string[] = new Array(scorer.aspectIds.length).fill('0.00');
        for (const st of byParticipation.get(r.id) ?? []) {
          const i = scorer.aspectIds.indexOf(String(st.aspect_id));
          if (i >= 0) points[i] = st.points;
        }
        return {
          participationId: r.id,
          publicBodyId: r.publicBodyId,
          bodyName: bodyNames.get(r.publicBodyId)!,
          categoryCode: category.code,
          categoryName: category.name,
          status: r.status,
          submittedAt: r.submittedAt,
          saq: scorer.score(points),
        };
      });
      after = rows[rows.length - 1].id;
      if (rows.length < batchSize) return;
    }
  }

  /** The verified points of these participations, folded (see foldRows). */
  async fingerprint(em: EntityManager, participationIds: string[]): Promise<string> {
    if (!participationIds.length) return '0:0.0';
    return foldOf(
      await em.query(foldRows(`SELECT CONCAT_WS('|', participation_id, aspect_id, points) AS r FROM aspect_subtotals WHERE participation_id IN (?)`), [participationIds]),
    );
  }

  /**
   * Per category: how many of the period's participations in `statuses` there are, and their summed
   * aspect subtotals (one aggregate per category over the participation ids ParticipationRecords gives).
   */
  async aspectSumsByCategory(em: EntityManager, periodId: string, statuses: readonly string[]): Promise<{ categoryId: string; bodies: number; points: Map<string, string> }[]> {
    const idsOf = new Map<string, string[]>();
    for (const p of await this.participations.ofPeriod(em, periodId, statuses)) idsOf.set(p.categoryId, [...(idsOf.get(p.categoryId) ?? []), p.id]);
    const out = [];
    for (const [categoryId, ids] of idsOf) {
      const points = new Map<string, string>();
      for (let i = 0; i < ids.length; i += 5000) {
        const rows: { aspect_id: string; points: string }[] = await em.query(
          'SELECT aspect_id, SUM(points) AS points FROM aspect_subtotals WHERE participation_id IN (?) GROUP BY aspect_id',
          [ids.slice(i, i + 5000)],
        );
        for (const r of rows) points.set(String(r.aspect_id), points.has(String(r.aspect_id)) ? new Decimal(points.get(String(r.aspect_id))!).plus(r.points).toString() : r.points);
      }
      out.push({ categoryId, bodies: ids.length, points });
    }
    return out;
  }
}
