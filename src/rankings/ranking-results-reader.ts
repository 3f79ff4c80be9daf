import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface RankedResult {
  participationId: string;
  bodyName: string;
  categoryName: string;
  categoryCode: string;
  qualification: string;
  qualificationLabel: string;
  finalScore: string;
  rankInCategory: number | null;
}

/** Enough ids for one IN list; larger sets are read in slices. */
const SLICE = 5000;

/** The rankings module's read interface over a run's results (certificates), as set reads keyed by participation. */
@Injectable()
export class RankingResultsReader {
  async rankedParticipationIds(em: EntityManager, runId: string): Promise<string[]> {
    const rows: { participation_id: string }[] = await em.query(`SELECT participation_id FROM ranking_results WHERE run_id = ? AND status = 'RANKED'`, [runId]);
    return rows.map((r) => String(r.participation_id));
  }

  async ofParticipations(em: EntityManager, runId: string, participationIds: Iterable<string>): Promise<Map<string, RankedResult>> {
    const ids = [...new Set(participationIds)];
    const out = new Map<string, RankedResult>();
    for (let i = 0; i < ids.length; i += SLICE) {
      const rows: {
        participation_id: string;
        body_name: string;
        category_name: string;
        category_code: string;
        qualification: string;
        qualification_label: string;
        final_score: string;
        rank_in_category: number | null;
      }[] = await em.query(
        `SELECT participation_id, body_name, category_name, category_code, qualification, qualification_label, final_score, rank_in_category
           FROM ranking_results WHERE run_id = ? AND participation_id IN (?)`,
        [runId, ids.slice(i, i + SLICE)],
      );
      for (const r of rows) {
        out.set(String(r.participation_id), {
          participationId: String(r.participation_id),
          bodyName: r.body_name,
          categoryName: r.category_name,
          categoryCode: r.category_code,
          qualification: r.qualification,
          qualificationLabel: r.qualification_label,
          finalScore: r.final_score,
          rankInCategory: r.rank_in_category === null ? null : Number(r.rank_in_category),
        });
      }
    }
    return out;
  }
}
