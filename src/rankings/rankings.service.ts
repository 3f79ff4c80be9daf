import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth-user';
import { Clock, CLOCK } from '../common/clock';
import { notFound, unprocessable } from '../common/errors';
import { Page, PageQuery, pageOf, skipTake } from '../common/pagination';
import { precompute, PrecomputedBody } from '../common/precomputed-body';
import { inTransaction } from '../database/transaction';
import { InvalidationBus, InvalidationTopic } from '../jobs/invalidation-bus';
import { jobToken } from '../jobs/job-reconciler';
import { JobsService } from '../jobs/jobs.service';
import { JobName } from '../jobs/jobs.types';
import { OrganizersService } from '../organizers/organizers.service';
import { PeriodDto } from '../periods/dto/period.dto';
import { PeriodsService } from '../periods/periods.service';
import { ParticipationRecords } from '../saq/participation-records';
import { signedChange } from '../scoring/decimal';
import {
  PublicRankingRowDto,
  PublishedPeriodsDto,
  RankingComparisonDto,
  RankingPlaceDto,
  RankingResultDto,
  RankingRunDto,
  RankingRunQueuedDto,
  RankingRunsDto,
  ResultStatus,
} from './dto/ranking-response.dto';
import { RankingInputs } from './ranking-inputs';
import { RankingErrorCode } from './rankings.errors';
import { tieBreaks, TieRow } from './tie-breaks';

export interface ResultRow {
  participation_id: string;
  public_body_id: string;
  body_name: string;
  category_code: string;
  category_name: string;
  status: ResultStatus;
  finalist: number;
  saq_score: string | null;
  visitation_score: string | null;
  presentation_score: string | null;
  final_score: string | null;
  qualification: string;
  qualification_label: string;
  rank_in_category: number | null;
  rank_overall: number | null;
}

/**
 * One job id per queued run: a second enqueue of the same run is dropped by BullMQ, a new run never
 * is. The random token keeps a recreated database (run ids from 1 again) off the ids Redis still holds.
 */
const rankingJobId = (periodId: string, runId: string) => `ranking-${periodId}-${runId}-${jobToken()}`;

/** Listeners run inside the publish transaction (certificates revoke the replaced run's codes). */
export type PublishListener = (em: EntityManager, e: { periodId: string; runId: string; previousRunId: string | null; at: Date }) => Promise<void>;

/**
 * How long a process serves a public ranking by its URL alone, without asking the database which run
 * is published; a publication anywhere ends it at once through the InvalidationBus (this only bounds
 * what a missed message could leave, as the answer's own `max-age=60` does for clients).
 */
const PUBLIC_URL_CACHE_MS = 10_000;
/** Clients and caches may keep a public answer this long. */
const PUBLIC_CACHE_CONTROL = 'public, max-age=60';

@Injectable()
export class RankingsService implements OnModuleInit {
  private readonly publishListeners: PublishListener[] = [];
  /** Published rankings (per run and query: immutable) and published years, serialized and compressed once; cleared on every publication. */
  private readonly publicCache = new LRUCache<string, PrecomputedBody>({ max: 1000 });
  /** The same bodies by request URL, for the early handler (public-ranking-route.ts); trusted only while the bus is live. */
  private readonly publicByUrl = new LRUCache<string, PrecomputedBody>({ max: 1000, ttl: PUBLIC_URL_CACHE_MS });
  /** Bumped by every publication: a body read before one is not filed by URL (it may show the replaced run). */
  private publicGeneration = 0;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly periods: PeriodsService,
    private readonly organizers: OrganizersService,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
    private readonly inputs: RankingInputs,
    private readonly participations: ParticipationRecords,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly bus: InvalidationBus,
  ) {}

  onModuleInit(): void {
    const drop = () => this.dropPublic();
    this.bus.listen(InvalidationTopic.RankingPublished, { onMessage: drop, onResync: drop });
  }

  private dropPublic(): void {
    this.publicGeneration++;
    this.publicCache.clear();
    this.publicByUrl.clear();
  }

  onPublish(listener: PublishListener): void {
    this.publishListeners.push(listener);
  }

  /**
   * Creates a run keyed by the hash of its inputs (a unique key in MySQL) and queues it under a job
   * id derived from the run; the same inputs give back the existing run, a failed one is queued again.
   */
  async create(actor: AuthUser, periodId: string): Promise<RankingRunQueuedDto> {
    const { run, enqueue } = await inTransaction(this.ds, async (em) => {
      const period = await this.periods.find(actor.organizerId, periodId, em, true);
      if (period.stage !== 'FINALIZATION' && period.stage !== 'PUBLISHED') {
        throw unprocessable(RankingErrorCode.COMPUTE_WRONG_STAGE, `Rankings are computed in FINALIZATION (or PUBLISHED, for a correction); the period is in ${period.stage}`, {
          stage: period.stage,
        });
      }
      const hash = await this.inputs.hash(em, period);
      const [existing] = await em.query('SELECT id, status, job_id, attempts FROM ranking_runs WHERE period_id = ? AND inputs_hash = ? FOR UPDATE', [period.id, hash]);
      if (existing && existing.status !== 'FAILED') return { run: { id: String(existing.id), jobId: existing.job_id, status: existing.status, reused: true }, enqueue: false };
      const now = this.clock.now();
      await this.periods.lockScoring(em, period, now);
      if (existing) {
        const jobId = rankingJobId(period.id, String(existing.id));
        await em.query(`UPDATE ranking_runs SET status = 'QUEUED', job_id = ?, error = NULL, progress = 0, reconciles = 0, progress_at = ? WHERE id = ?`, [
          jobId,
          now,
          existing.id,
        ]);
        await this.audit.record(em, {
          organizerId: actor.organizerId,
          actorId: actor.id,
          action: 'ranking.retry',
          entityType: 'ranking_run',
          entityId: String(existing.id),
          before: { status: 'FAILED' },
          after: { status: 'QUEUED', jobId },
        });
        return { run: { id: String(existing.id), jobId, status: 'QUEUED', reused: true }, enqueue: true };
      }
      const r = await em.query(
        'INSERT INTO ranking_runs (organizer_id, period_id, inputs_hash, status, job_id, created_by, created_at, progress_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [actor.organizerId, period.id, hash, 'QUEUED', '', actor.id, now, now],
      );
      const runId = String(r.insertId);
      const jobId = rankingJobId(period.id, runId);
      await em.query('UPDATE ranking_runs SET job_id = ? WHERE id = ?', [jobId, runId]);
      await this.audit.record(em, {
        organizerId: actor.organizerId,
        actorId: actor.id,
        action: 'ranking.create',
        entityType: 'ranking_run',
        entityId: runId,
        after: { periodId: period.id, inputsHash: hash, jobId },
      });
      return { run: { id: runId, jobId, status: 'QUEUED', reused: false }, enqueue: true };
    });
    if (enqueue) {
      try {
        await this.jobs.enqueue(JobName.ComputeRanking, { organizerId: actor.organizerId, periodId, runId: run.id }, { jobId: run.jobId });
      } catch (e) {
        // Not queued (Redis down): a run left QUEUED would be handed back by the next request and never
        // run; FAILED makes the next request queue it again.
        await this.ds
          .query(`UPDATE ranking_runs SET status = 'FAILED', error = ? WHERE id = ? AND status = 'QUEUED'`, ['the job queue was not reachable', run.id])
          .catch(() => undefined);
        throw e;
      }
    }
    return { runId: run.id, jobId: run.jobId, status: run.status, reused: run.reused };
  }

  private async findRun(organizerId: string, runId: string, em: EntityManager = this.ds.manager) {
    const [run] = await em.query('SELECT * FROM ranking_runs WHERE id = ? AND organizer_id = ?', [runId, organizerId]);
    if (!run) throw notFound(RankingErrorCode.RUN_NOT_FOUND, 'Ranking run', runId);
    return run;
  }

  async get(actor: AuthUser, runId: string): Promise<RankingRunDto> {
    return runDto(await this.findRun(actor.organizerId, runId));
  }

  /** A period's runs, newest first, and which one is published. */
  async runs(actor: AuthUser, periodId: string): Promise<RankingRunsDto> {
    const period = await this.periods.find(actor.organizerId, periodId);
    const rows = await this.ds.query('SELECT * FROM ranking_runs WHERE period_id = ? ORDER BY id DESC', [period.id]);
    return { publishedRunId: period.publishedRunId ? String(period.publishedRunId) : null, items: rows.map(runDto) };
  }

  /** The bodies whose place differs between two runs of one period (a correction), in this run's order. */
  async compare(actor: AuthUser, runId: string, againstRunId: string): Promise<RankingComparisonDto> {
    const [run, against] = await Promise.all([this.findRun(actor.organizerId, runId), this.findRun(actor.organizerId, againstRunId)]);
    if (String(run.period_id) !== String(against.period_id))
      throw unprocessable(RankingErrorCode.COMPARE_OTHER_PERIOD, 'Only two runs of the same period can be compared', { runId, againstRunId });
    for (const r of [run, against])
      if (r.status !== 'DONE')
        throw unprocessable(RankingErrorCode.RUN_NOT_DONE, `Only finished runs can be compared (run ${r.id} is ${r.status})`, { runId: String(r.id), status: r.status });
    const read = (id: string): Promise<ResultRow[]> => this.ds.query('SELECT * FROM ranking_results WHERE run_id = ? ORDER BY position', [id]);
    const [now, before] = await Promise.all([read(String(run.id)), read(String(against.id))]);
    const beforeOf = new Map(before.map((r) => [String(r.participation_id), r]));
    const nowOf = new Map(now.map((r) => [String(r.participation_id), r]));
    const place = (r: ResultRow | undefined): RankingPlaceDto | null =>
      r
        ? {
            status: r.status,
            finalScore: r.final_score,
            qualification: r.qualification,
            qualificationLabel: r.qualification_label,
            rankInCategory: r.rank_in_category === null ? null : Number(r.rank_in_category),
          }
        : null;
    const same = (a: RankingPlaceDto | null, b: RankingPlaceDto | null) => JSON.stringify(a) === JSON.stringify(b);
    const items = [];
    const seen = new Set<string>();
    for (const r of [...now, ...before]) {
      const id = String(r.participation_id);
      if (seen.has(id)) continue;
      seen.add(id);
      const b = place(beforeOf.get(id));
      const a = place(nowOf.get(id));
      if (same(a, b)) continue;
      items.push({
        participationId: id,
        publicBody: r.body_name,
        categoryCode: r.category_code,
        before: b,
        after: a,
        change: a?.finalScore != null && b?.finalScore != null ? signedChange(a.finalScore, b.finalScore) : null,
      });
    }
    return { runId: String(run.id), againstRunId: String(against.id), compared: seen.size, items };
  }

  async results(actor: AuthUser, runId: string, q: PageQuery & { categoryCode?: string }): Promise<Page<RankingResultDto>> {
    const run = await this.findRun(actor.organizerId, runId);
    const page = await this.page(String(run.id), q, (r) => r);
    const ties = await this.tieBreaksOf(String(run.id), page.items);
    return { ...page, items: page.items.map((r) => ({ participationId: String(r.participation_id), ...publicRow(r), tieBreak: ties.get(String(r.participation_id)) ?? null })) };
  }

  /** The tie-breaks of a page's ranked rows: one statement reads every row of the run sharing a (category, final score) with them. */
  private async tieBreaksOf(runId: string, rows: ResultRow[]) {
    const keys = [
      ...new Map(
        rows.filter((r) => r.status === 'RANKED' && r.final_score !== null).map((r) => [`${r.category_code}|${r.final_score}`, [r.category_code, r.final_score]]),
      ).values(),
    ];
    if (!keys.length) return new Map();
    const peers: TieRow[] = await this.ds.query(
      `SELECT participation_id, category_code, final_score, saq_exact, presentation_exact, submitted_at, position FROM ranking_results
        WHERE run_id = ? AND status = 'RANKED' AND (category_code, final_score) IN (?)`,
      [runId, keys],
    );
    return tieBreaks(peers);
  }

  private async page<T>(runId: string, q: PageQuery & { categoryCode?: string }, map: (r: ResultRow) => T) {
    const where = q.categoryCode ? 'run_id = ? AND category_code = ?' : 'run_id = ?';
    const params = q.categoryCode ? [runId, q.categoryCode] : [runId];
    const { skip, take } = skipTake(q);
    const [[{ total }], rows] = await Promise.all([
      this.ds.query(`SELECT COUNT(*) AS total FROM ranking_results WHERE ${where}`, params),
      this.ds.query(`SELECT * FROM ranking_results WHERE ${where} ORDER BY position LIMIT ? OFFSET ?`, [...params, take, skip]),
    ]);
    return pageOf((rows as ResultRow[]).map(map), Number(total), q);
  }

  /** From FINALIZATION: freezes the run and moves to PUBLISHED. From PUBLISHED: replaces the published run (a correction). */
  async publish(actor: AuthUser, periodId: string, runId: string): Promise<PeriodDto> {
    const result = await inTransaction(this.ds, async (em) => {
      let run: { id: string } | undefined;
      const checkRun = async (period: { id: string }) => {
        const found = await this.findRun(actor.organizerId, runId, em);
        if (String(found.period_id) !== period.id) throw notFound(RankingErrorCode.RUN_NOT_FOUND, 'Ranking run', runId);
        if (found.status !== 'DONE') throw unprocessable(RankingErrorCode.RUN_NOT_DONE, `Only a finished run can be published (run is ${found.status})`, { status: found.status });
        run = { id: String(found.id) };
      };
      return this.periods.publish(em, actor, periodId, runId, checkRun, async ({ period, previousRunId, at }) => {
        const ranked: { participation_id: string }[] = await em.query(`SELECT participation_id FROM ranking_results WHERE run_id = ? AND status = 'RANKED'`, [run!.id]);
        await this.participations.markRanked(
          em,
          ranked.map((r) => String(r.participation_id)),
        );
        for (const l of this.publishListeners) await l(em, { periodId: period.id, runId: run!.id, previousRunId, at });
      });
    });
    // Committed: every process (this one at once) drops its public bodies.
    this.dropPublic();
    void this.bus.publish(InvalidationTopic.RankingPublished, String(periodId));
    return PeriodDto.of(result);
  }

  /**
   * The published ranking of a year, for anyone (a PublicRankingDto), serialized and compressed once
   * per published run and query. `url`, the request's URL once it has passed validation, files the
   * body for `cachedPublicRanking`.
   */
  async publicRanking(year: number, q: PageQuery & { categoryCode?: string; organizer?: string }, url?: string): Promise<PrecomputedBody> {
    const generation = this.publicGeneration;
    const organizer = await this.organizers.bySlugOrDefault(q.organizer);
    const period = await this.periods.findPublished(String(organizer.id), year);
    if (!period) throw notFound(RankingErrorCode.NOT_PUBLISHED, `Published ranking for ${year}`);
    const key = JSON.stringify([organizer.id, year, String(period.publishedRunId), q.categoryCode ?? null, q.page ?? 1, q.pageSize ?? 50]);
    let entry = this.publicCache.get(key);
    if (!entry) {
      const page = await this.page(String(period.publishedRunId), q, publicRow);
      entry = await precompute(
        { year, periodName: period.name, organizer: { slug: organizer.slug, name: organizer.name }, publishedAt: new Date(period.publishedAt!).toISOString(), ...page },
        PUBLIC_CACHE_CONTROL,
      );
      if (generation === this.publicGeneration) this.publicCache.set(key, entry);
    }
    if (url && this.bus.live && generation === this.publicGeneration) this.publicByUrl.set(url, entry);
    return entry;
  }

  /**
   * The body a request URL was last answered with, while it cannot have changed: no publication since
   * (in any process: the bus is live) and at most PUBLIC_URL_CACHE_MS ago. Undefined otherwise.
   */
  cachedPublicRanking(url: string): PrecomputedBody | undefined {
    return this.bus.live ? this.publicByUrl.get(url) : undefined;
  }

  /** An organizer's published years, newest first, for the portal's front page (a PublishedPeriodsDto); cached until the next publication. */
  async publishedPeriods(slug: string): Promise<PrecomputedBody> {
    const generation = this.publicGeneration;
    const organizer = await this.organizers.bySlugOrDefault(slug);
    const key = JSON.stringify(['periods', organizer.id]);
    const cached = this.publicCache.get(key);
    if (cached) return cached;
    const rows = await this.periods.listPublished(String(organizer.id));
    const body: PublishedPeriods = {
      organizer: { slug: organizer.slug, name: organizer.name },
      items: rows.map((r) => ({ year: Number(r.year), name: r.name, timezone: r.timezone, publishedAt: new Date(r.publishedAt!).toISOString() })),
    };
    const entry = await precompute(body, PUBLIC_CACHE_CONTROL);
    if (generation === this.publicGeneration) this.publicCache.set(key, entry);
    return entry;
  }

  /** The published run of a year (the public ranking's files read it); 404 as the public ranking does. */
  async publishedRun(year: number, organizerSlug?: string): Promise<{ runId: string; year: number; organizerSlug: string }> {
    const organizer = await this.organizers.bySlugOrDefault(organizerSlug);
    const period = await this.periods.findPublished(String(organizer.id), year);
    if (!period) throw notFound(RankingErrorCode.NOT_PUBLISHED, `Published ranking for ${year}`);
    return { runId: String(period.publishedRunId), year, organizerSlug: organizer.slug };
  }
}

export type PublishedPeriods = PublishedPeriodsDto;

interface RunRow {
  id: string;
  period_id: string;
  status: RankingRunDto['status'];
  progress: number;
  job_id: string;
  attempts: number;
  inputs_hash: string;
  ranked_count: number | null;
  not_participating_count: number | null;
  started_at: Date | null;
  finished_at: Date | null;
  error: string | null;
}

function runDto(r: RunRow): RankingRunDto {
  return {
    id: String(r.id),
    periodId: String(r.period_id),
    status: r.status,
    progress: Number(r.progress),
    jobId: r.job_id,
    attempts: Number(r.attempts),
    inputsHash: r.inputs_hash,
    rankedCount: r.ranked_count === null ? null : Number(r.ranked_count),
    notParticipatingCount: r.not_participating_count === null ? null : Number(r.not_participating_count),
    startedAt: r.started_at?.toISOString() ?? null,
    finishedAt: r.finished_at?.toISOString() ?? null,
    ...(r.error ? { error: r.error } : {}),
  };
}

function publicRow(r: ResultRow): PublicRankingRowDto {
  return {
    publicBody: r.body_name,
    publicBodyId: String(r.public_body_id),
    categoryCode: r.category_code,
    categoryName: r.category_name,
    status: r.status,
    finalist: !!r.finalist,
    saqScore: r.saq_score,
    visitationScore: r.visitation_score,
    presentationScore: r.presentation_score,
    finalScore: r.final_score,
    qualification: r.qualification,
    qualificationLabel: r.qualification_label,
    rankInCategory: r.rank_in_category === null ? null : Number(r.rank_in_category),
    rankOverall: r.rank_overall === null ? null : Number(r.rank_overall),
  };
}
