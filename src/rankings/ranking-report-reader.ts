import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * The rankings module's read interface for reports: a period's runs and a run's results as rows and
 * aggregates (a few set-based statements, no row per body).
 */
@Injectable()
export class RankingReportReader {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async run(organizerId: string, periodId: string, runId: string): Promise<{ id: string; status: string } | undefined> {
    const [run] = await this.ds.query('SELECT id, status FROM ranking_runs WHERE id = ? AND period_id = ? AND organizer_id = ?', [runId, periodId, organizerId]);
    return run ? { id: String(run.id), status: run.status } : undefined;
  }

  async latestDoneRunId(periodId: string): Promise<string | undefined> {
    const [latest] = await this.ds.query(`SELECT id FROM ranking_runs WHERE period_id = ? AND status = 'DONE' ORDER BY finished_at DESC, id DESC LIMIT 1`, [periodId]);
    return latest ? String(latest.id) : undefined;
  }

  /** A run's results in position order, as the database gives them (a report maps them). */
  results(runId: string): Promise<Record<string, unknown>[]> {
    return this.ds.query(
      `SELECT position, public_body_id, body_name, category_code, category_name, status, finalist, saq_score, visitation_score, presentation_score,
              final_score, qualification, qualification_label, rank_in_category, rank_overall
         FROM ranking_results WHERE run_id = ? ORDER BY position`,
      [runId],
    );
  }

  qualificationGroups(runId: string): Promise<Record<string, string>[]> {
    return this.ds.query(
      `SELECT category_code, MAX(category_name) AS category_name, qualification, MAX(qualification_label) AS qualification_label, COUNT(*) AS n
         FROM ranking_results WHERE run_id = ? GROUP BY category_code, qualification`,
      [runId],
    );
  }

  /** Ranked final scores counted per tenth (0..9). */
  scoreBuckets(runId: string): Promise<Record<string, string>[]> {
    return this.ds.query(
      `SELECT LEAST(FLOOR(final_score / 10), 9) AS bucket, COUNT(*) AS n FROM ranking_results
        WHERE run_id = ? AND status = 'RANKED' AND final_score IS NOT NULL GROUP BY bucket`,
      [runId],
    );
  }

  /** Finalists and ranked bodies of a run. */
  async funnelCounts(runId: string): Promise<{ finalist: number; ranked: number }> {
    const [r] = await this.ds.query(`SELECT COALESCE(SUM(finalist), 0) AS finalist, COALESCE(SUM(status = 'RANKED'), 0) AS ranked FROM ranking_results WHERE run_id = ?`, [runId]);
    return { finalist: Number(r.finalist), ranked: Number(r.ranked) };
  }

  /** Ranked bodies and the sum of their final scores, per category of a run. */
  categoryScoreSums(runId: string): Promise<{ category_code: string; category_name: string; n: string; total: string }[]> {
    return this.ds.query(
      `SELECT category_code, MAX(category_name) AS category_name, COUNT(*) AS n, SUM(final_score) AS total FROM ranking_results
        WHERE run_id = ? AND status = 'RANKED' AND final_score IS NOT NULL GROUP BY category_code`,
      [runId],
    );
  }

  /** Bodies ranked in both runs, in the current run's order, with both scores and qualifications. */
  rankedInBoth(runId: string, previousRunId: string): Promise<Record<string, string>[]> {
    return this.ds.query(
      `SELECT cur.public_body_id, cur.body_name, cur.category_code, prev.final_score AS previous_final_score, cur.final_score,
              prev.qualification AS previous_qualification, prev.qualification_label AS previous_qualification_label,
              cur.qualification, cur.qualification_label
         FROM ranking_results cur
         JOIN ranking_results prev ON prev.run_id = ? AND prev.public_body_id = cur.public_body_id AND prev.status = 'RANKED'
        WHERE cur.run_id = ? AND cur.status = 'RANKED'
        ORDER BY cur.position`,
      [previousRunId, runId],
    );
  }
}
