import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Decimal from 'decimal.js';
import { DataSource } from 'typeorm';
import { AuthUser } from '../common/auth-user';
import { Clock, CLOCK } from '../common/clock';
import { notFound, unprocessable } from '../common/errors';
import { tallyTemplate } from '../instruments/instrument-rules';
import { InstrumentsService } from '../instruments/instruments.service';
import { Period } from '../periods/entities/period.entity';
import { PeriodsService } from '../periods/periods.service';
import { NOT_SUBMITTED_STATUSES } from '../saq/entities/participation.entity';
import { ReportStatsDto } from './dto/report-stats.dto';
import { rankingXlsx, XLSX_CONTENT_TYPE } from './ranking-workbook';
import { aspectAverages, CategoryAspectTotals, compareCodes, deciles, qualificationMatrix, rankingCsv, ReportRow, signedChange } from './report-rules';

/** Bodies whose verified points count in the per-aspect averages (verification complete). */
const VERIFIED = ['VERIFIED', 'FINALIST', 'RANKED'];

export interface ReportFile {
  body: Buffer;
  contentType: string;
  fileName: string;
}

interface ChosenRun {
  id: string;
  source: 'requested' | 'published' | 'latest';
}

@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly periods: PeriodsService,
    private readonly instruments: InstrumentsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * The run a report reads: `runId` (404 unless a run of this period, 422 unless DONE), else the
   * published run, else the latest DONE run, else none.
   */
  private async chooseRun(period: Period, runId?: string): Promise<ChosenRun | null> {
    if (runId) {
      const [run] = await this.ds.query('SELECT id, status FROM ranking_runs WHERE id = ? AND period_id = ? AND organizer_id = ?', [runId, period.id, period.organizerId]);
      if (!run) throw notFound('Ranking run', runId);
      if (run.status !== 'DONE') throw unprocessable(`Ranking run ${runId} is ${run.status}; only a finished (DONE) run can be reported`, { runId, status: run.status });
      return { id: String(run.id), source: 'requested' };
    }
    if (period.publishedRunId) return { id: String(period.publishedRunId), source: 'published' };
    const [latest] = await this.ds.query(`SELECT id FROM ranking_runs WHERE period_id = ? AND status = 'DONE' ORDER BY finished_at DESC, id DESC LIMIT 1`, [period.id]);
    return latest ? { id: String(latest.id), source: 'latest' } : null;
  }

  private async requireRun(period: Period, runId?: string): Promise<ChosenRun> {
    const run = await this.chooseRun(period, runId);
    if (!run) throw unprocessable(`No ranking run yet for period ${period.id}: compute one first (POST /periods/${period.id}/rankings)`, { periodId: period.id });
    return run;
  }

  private async rows(runId: string): Promise<ReportRow[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT position, public_body_id, body_name, category_code, category_name, status, finalist, saq_score, visitation_score, presentation_score,
              final_score, qualification, qualification_label, rank_in_category, rank_overall
         FROM ranking_results WHERE run_id = ? ORDER BY position`,
      [runId],
    );
    return rows.map((r) => ({
      position: Number(r.position),
      publicBodyId: String(r.public_body_id),
      bodyName: r.body_name as string,
      categoryCode: r.category_code as string,
      categoryName: r.category_name as string,
      status: r.status as string,
      finalist: !!Number(r.finalist),
      saqScore: (r.saq_score as string | null) ?? null,
      visitationScore: (r.visitation_score as string | null) ?? null,
      presentationScore: (r.presentation_score as string | null) ?? null,
      finalScore: (r.final_score as string | null) ?? null,
      qualification: r.qualification as string,
      qualificationLabel: r.qualification_label as string,
      rankInCategory: r.rank_in_category === null ? null : Number(r.rank_in_category),
      rankOverall: r.rank_overall === null ? null : Number(r.rank_overall),
    }));
  }

  async rankingCsv(actor: AuthUser, periodId: string, runId?: string): Promise<ReportFile> {
    const period = await this.periods.find(actor.organizerId, periodId);
    const run = await this.requireRun(period, runId);
    const csv = rankingCsv(await this.rows(run.id));
    return { body: Buffer.from(csv, 'utf8'), contentType: 'text/csv; charset=utf-8', fileName: `peringkat-${period.year}.csv` };
  }

  /** The published ranking of a year as CSV, for anyone (the run comes from RankingsService.publishedRun). */
  async publishedRankingCsv(run: { runId: string; year: number; organizerSlug: string }): Promise<ReportFile> {
    const csv = rankingCsv(await this.rows(run.runId));
    return { body: Buffer.from(csv, 'utf8'), contentType: 'text/csv; charset=utf-8', fileName: `peringkat-${run.organizerSlug}-${run.year}.csv` };
  }

  async rankingXlsx(actor: AuthUser, periodId: string, runId?: string): Promise<ReportFile> {
    const period = await this.periods.find(actor.organizerId, periodId);
    const run = await this.requireRun(period, runId);
    const body = await rankingXlsx(await this.rows(run.id), { title: `Peringkat ${period.name} ${period.year}`, bands: period.bands, created: this.clock.now() });
    return { body, contentType: XLSX_CONTENT_TYPE, fileName: `peringkat-${period.year}.xlsx` };
  }

  /** Participation, qualifications, score deciles, per-aspect averages and the change against last year: a few aggregates. */
  async stats(actor: AuthUser, periodId: string, runId?: string): Promise<ReportStatsDto> {
    const period = await this.periods.find(actor.organizerId, periodId);
    const run = await this.chooseRun(period, runId);
    const [participation, qualifications, distribution, aspects, yoy] = await Promise.all([
      this.participation(period),
      this.qualifications(period, run),
      this.distribution(run),
      this.aspects(period),
      this.yearOverYear(period, run),
    ]);
    return {
      periodId: period.id,
      year: period.year,
      runId: run?.id ?? null,
      runSource: run?.source ?? null,
      ...participation,
      ...qualifications,
      distribution,
      aspects,
      ...yoy,
    };
  }

  private async participation(period: Period) {
    const rows: Record<string, string>[] = await this.ds.query(
      `SELECT c.code, c.name, COUNT(*) AS enrolled, SUM(p.started_at IS NOT NULL) AS started, SUM(p.submitted_at IS NOT NULL) AS submitted,
              SUM(p.status IN (?)) AS not_participating
         FROM participations p JOIN categories c ON c.id = p.category_id
        WHERE p.period_id = ?
        GROUP BY c.id, c.code, c.name`,
      [NOT_SUBMITTED_STATUSES, period.id],
    );
    const items = rows
      .map((r) => ({ categoryCode: r.code, categoryName: r.name, enrolled: Number(r.enrolled), started: Number(r.started), submitted: Number(r.submitted), notParticipating: Number(r.not_participating) }))
      .sort((a, b) => compareCodes(a.categoryCode, b.categoryCode));
    const totals = { enrolled: 0, started: 0, submitted: 0, notParticipating: 0 };
    for (const i of items) {
      totals.enrolled += i.enrolled;
      totals.started += i.started;
      totals.submitted += i.submitted;
      totals.notParticipating += i.notParticipating;
    }
    return { participation: items, participationTotals: totals };
  }

  private async qualifications(period: Period, run: ChosenRun | null) {
    const groups: Record<string, string>[] = run
      ? await this.ds.query(
          `SELECT category_code, MAX(category_name) AS category_name, qualification, MAX(qualification_label) AS qualification_label, COUNT(*) AS n
             FROM ranking_results WHERE run_id = ? GROUP BY category_code, qualification`,
          [run.id],
        )
      : [];
    const m = qualificationMatrix(
      groups.map((g) => ({ categoryCode: g.category_code, categoryName: g.category_name, qualification: g.qualification, qualificationLabel: g.qualification_label, count: Number(g.n) })),
      period.bands,
    );
    return {
      qualificationBands: m.columns,
      qualifications: m.rows,
      qualificationTotals: m.totals,
    };
  }

  private async distribution(run: ChosenRun | null) {
    const rows: Record<string, string>[] = run
      ? await this.ds.query(
          `SELECT LEAST(FLOOR(final_score / 10), 9) AS bucket, COUNT(*) AS n FROM ranking_results
            WHERE run_id = ? AND status = 'RANKED' AND final_score IS NOT NULL GROUP BY bucket`,
          [run.id],
        )
      : [];
    return deciles(rows.map((r) => ({ bucket: Number(r.bucket), count: Number(r.n) })));
  }

  /**
   * Mean share (points / max) per aspect over the verified bodies it applies to: body counts and
   * summed aspect subtotals per category (two aggregates), maxima per category from the instrument.
   */
  private async aspects(period: Period) {
    const ins = await this.instruments.load(period);
    const [counts, sums]: [Record<string, string>[], Record<string, string>[]] = await Promise.all([
      this.ds.query(
        `SELECT c.code, COUNT(*) AS n FROM participations p JOIN categories c ON c.id = p.category_id
          WHERE p.period_id = ? AND p.status IN (?) GROUP BY c.id, c.code`,
        [period.id, VERIFIED],
      ),
      this.ds.query(
        `SELECT c.code, s.aspect_id, SUM(s.points) AS points
           FROM aspect_subtotals s JOIN participations p ON p.id = s.participation_id JOIN categories c ON c.id = p.category_id
          WHERE p.period_id = ? AND p.status IN (?) GROUP BY c.id, c.code, s.aspect_id`,
        [period.id, VERIFIED],
      ),
    ]);
    const categories: CategoryAspectTotals[] = counts.map((r) => {
      const shape = tallyTemplate(ins.aspects, ins.questions, r.code).shape;
      return {
        categoryCode: r.code,
        bodies: Number(r.n),
        maxPoints: new Map<string, Decimal.Value>(shape.map((a) => [String(a.id), a.maxPoints])),
        points: new Map<string, Decimal.Value>(),
      };
    });
    const byCode = new Map(categories.map((c) => [c.categoryCode, c]));
    for (const s of sums) byCode.get(s.code)?.points.set(String(s.aspect_id), s.points);
    return aspectAverages(
      ins.aspects.map((a) => ({ id: String(a.id), code: a.code, title: a.title })),
      categories,
    );
  }

  /** Bodies ranked in this run and in the published run of the same organizer's previous year. */
  private async yearOverYear(period: Period, run: ChosenRun | null) {
    const [previous] = await this.ds.query('SELECT id, year, published_run_id FROM periods WHERE organizer_id = ? AND year = ? AND published_run_id IS NOT NULL', [
      period.organizerId,
      period.year - 1,
    ]);
    const previousPeriod = previous ? { periodId: String(previous.id), year: Number(previous.year), runId: String(previous.published_run_id) } : null;
    if (!previousPeriod || !run) return { previousPeriod, yearOverYear: [] };
    const rows: Record<string, string>[] = await this.ds.query(
      `SELECT cur.public_body_id, cur.body_name, cur.category_code, prev.final_score AS previous_final_score, cur.final_score,
              prev.qualification AS previous_qualification, prev.qualification_label AS previous_qualification_label,
              cur.qualification, cur.qualification_label
         FROM ranking_results cur
         JOIN ranking_results prev ON prev.run_id = ? AND prev.public_body_id = cur.public_body_id AND prev.status = 'RANKED'
        WHERE cur.run_id = ? AND cur.status = 'RANKED'
        ORDER BY cur.position`,
      [previousPeriod.runId, run.id],
    );
    return {
      previousPeriod,
      yearOverYear: rows.map((r) => ({
        publicBodyId: String(r.public_body_id),
        publicBody: r.body_name,
        categoryCode: r.category_code,
        previousFinalScore: r.previous_final_score,
        finalScore: r.final_score,
        change: signedChange(r.final_score, r.previous_final_score),
        previousQualification: r.previous_qualification,
        previousQualificationLabel: r.previous_qualification_label,
        qualification: r.qualification,
        qualificationLabel: r.qualification_label,
      })),
    };
  }
}
