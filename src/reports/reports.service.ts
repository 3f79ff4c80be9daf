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
import { RegistryNames } from '../public-bodies/registry-names';
import { RankingReportReader } from '../rankings/ranking-report-reader';
import { RankingErrorCode } from '../rankings/rankings.errors';
import { ParticipationRecords } from '../saq/participation-records';
import { VerifiedScoresReader } from '../verification/verified-scores';
import { PreviousYearComparisonDto, ReportStatsDto } from './dto/report-stats.dto';
import { rankingXlsx, XLSX_CONTENT_TYPE } from './ranking-workbook';
import {
  aspectAverages,
  CategoryAspectTotals,
  categoryComparison,
  CategoryScoreSum,
  compareCodes,
  deciles,
  qualificationMatrix,
  rankingCsv,
  ReportRow,
  signedChange,
} from './report-rules';
import { ReportErrorCode } from './reports.errors';

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
    private readonly runs: RankingReportReader,
    private readonly participations: ParticipationRecords,
    private readonly verified: VerifiedScoresReader,
    private readonly names: RegistryNames,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * The run a report reads: `runId` (404 unless a run of this period, 422 unless DONE), else the
   * published run, else the latest DONE run, else none.
   */
  private async chooseRun(period: Period, runId?: string): Promise<ChosenRun | null> {
    if (runId) {
      const run = await this.runs.run(period.organizerId, period.id, runId);
      if (!run) throw notFound(RankingErrorCode.RUN_NOT_FOUND, 'Ranking run', runId);
      if (run.status !== 'DONE')
        throw unprocessable(ReportErrorCode.RUN_NOT_DONE, `Ranking run ${runId} is ${run.status}; only a finished (DONE) run can be reported`, { runId, status: run.status });
      return { id: String(run.id), source: 'requested' };
    }
    if (period.publishedRunId) return { id: String(period.publishedRunId), source: 'published' };
    const latest = await this.runs.latestDoneRunId(period.id);
    return latest ? { id: latest, source: 'latest' } : null;
  }

  private async requireRun(period: Period, runId?: string): Promise<ChosenRun> {
    const run = await this.chooseRun(period, runId);
    if (!run)
      throw unprocessable(ReportErrorCode.NO_RUN, `No ranking run yet for period ${period.id}: compute one first (POST /periods/${period.id}/rankings)`, { periodId: period.id });
    return run;
  }

  private async rows(runId: string): Promise<ReportRow[]> {
    const rows = await this.runs.results(runId);
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
    const [participation, qualifications, distribution, aspects, yoy, verified, runCounts] = await Promise.all([
      this.participation(period),
      this.qualifications(period, run),
      this.distribution(run),
      this.aspects(period),
      this.yearOverYear(period, run),
      this.participations.ofPeriod(this.ds.manager, period.id, VERIFIED),
      run ? this.runs.funnelCounts(run.id) : null,
    ]);
    const t = participation.participationTotals;
    const funnel = {
      invited: t.enrolled,
      started: t.started,
      submitted: t.submitted,
      verified: verified.length,
      finalist: runCounts?.finalist ?? verified.filter((p) => p.status === 'FINALIST').length,
      ranked: runCounts?.ranked ?? 0,
    };
    return {
      periodId: period.id,
      year: period.year,
      runId: run?.id ?? null,
      runSource: run?.source ?? null,
      ...participation,
      funnel,
      ...qualifications,
      distribution,
      aspects,
      ...yoy,
    };
  }

  /**
   * This period's ranking against the organizer's published ranking of the year before: per category
   * (ranked bodies, mean final score, qualification counts) and per body ranked in both.
   */
  async previousYear(actor: AuthUser, periodId: string, runId?: string): Promise<PreviousYearComparisonDto> {
    const period = await this.periods.find(actor.organizerId, periodId);
    const run = await this.chooseRun(period, runId);
    const yoy = await this.yearOverYear(period, run);
    const prevRunId = yoy.previousPeriod?.runId;
    const sums = async (id: string | undefined): Promise<CategoryScoreSum[]> =>
      id ? (await this.runs.categoryScoreSums(id)).map((r) => ({ categoryCode: r.category_code, categoryName: r.category_name, ranked: Number(r.n), total: String(r.total) })) : [];
    const groups = async (id: string | undefined) => (id ? this.qualifications(period, { id, source: 'requested' }) : this.qualifications(period, null));
    const [current, previous, qNow, qPrev] = await Promise.all([sums(run?.id), sums(prevRunId), groups(run?.id), groups(prevRunId)]);
    const countsOf = (q: Awaited<ReturnType<typeof groups>>) => new Map(q.qualifications.map((r) => [r.categoryCode, r.counts]));
    const zero = Object.fromEntries(qNow.qualificationBands.map((b) => [b.code, 0]));
    const nowCounts = countsOf(qNow);
    const prevCounts = countsOf(qPrev);
    return {
      periodId: period.id,
      year: period.year,
      runId: run?.id ?? null,
      runSource: run?.source ?? null,
      previousPeriod: yoy.previousPeriod,
      qualificationBands: qNow.qualificationBands,
      categories: yoy.previousPeriod
        ? categoryComparison(current, previous).map((c) => ({
            ...c,
            previousCounts: { ...zero, ...(prevCounts.get(c.categoryCode) ?? {}) },
            counts: { ...zero, ...(nowCounts.get(c.categoryCode) ?? {}) },
          }))
        : [],
      bodies: yoy.yearOverYear,
    };
  }

  private async participation(period: Period) {
    const rows = await this.participations.progressByCategory(this.ds.manager, period.id);
    const names = await this.names.categories(
      this.ds.manager,
      rows.map((r) => r.categoryId),
    );
    const items = rows
      .map(({ categoryId, ...counts }) => ({ categoryCode: names.get(categoryId)!.code, categoryName: names.get(categoryId)!.name, ...counts }))
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
    const groups: Record<string, string>[] = run ? await this.runs.qualificationGroups(run.id) : [];
    const m = qualificationMatrix(
      groups.map((g) => ({
        categoryCode: g.category_code,
        categoryName: g.category_name,
        qualification: g.qualification,
        qualificationLabel: g.qualification_label,
        count: Number(g.n),
      })),
      period.bands,
    );
    return {
      qualificationBands: m.columns,
      qualifications: m.rows,
      qualificationTotals: m.totals,
    };
  }

  private async distribution(run: ChosenRun | null) {
    const rows: Record<string, string>[] = run ? await this.runs.scoreBuckets(run.id) : [];
    return deciles(rows.map((r) => ({ bucket: Number(r.bucket), count: Number(r.n) })));
  }

  /**
   * Mean share (points / max) per aspect over the verified bodies it applies to: body counts and
   * summed aspect subtotals per category (two aggregates), maxima per category from the instrument.
   */
  private async aspects(period: Period) {
    const ins = await this.instruments.load(period);
    const sums = await this.verified.aspectSumsByCategory(this.ds.manager, period.id, VERIFIED);
    const names = await this.names.categories(
      this.ds.manager,
      sums.map((c) => c.categoryId),
    );
    const categories: CategoryAspectTotals[] = sums.map((c) => {
      const code = names.get(c.categoryId)!.code;
      const shape = tallyTemplate(ins.aspects, ins.questions, code).shape;
      return {
        categoryCode: code,
        bodies: c.bodies,
        maxPoints: new Map<string, Decimal.Value>(shape.map((a) => [String(a.id), a.maxPoints])),
        points: new Map<string, Decimal.Value>(c.points),
      };
    });
    return aspectAverages(
      ins.aspects.map((a) => ({ id: String(a.id), code: a.code, title: a.title })),
      categories,
    );
  }

  /** Bodies ranked in this run and in the published run of the same organizer's previous year. */
  private async yearOverYear(period: Period, run: ChosenRun | null) {
    const previous = await this.periods.publishedOfYear(period.organizerId, period.year - 1);
    const previousPeriod = previous ? { periodId: previous.id, year: previous.year, runId: previous.publishedRunId } : null;
    if (!previousPeriod || !run) return { previousPeriod, yearOverYear: [] };
    const rows = await this.runs.rankedInBoth(run.id, previousPeriod.runId);
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
