import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth-user';
import { Clock, CLOCK } from '../common/clock';
import { CommonErrorCode } from '../common/error-codes';
import { badRequest, conflict, notFound, unprocessable } from '../common/errors';
import { FieldErrorCode } from '../common/field-error';
import { inTransaction } from '../database/transaction';
import { DEFAULT_BANDS } from '../scoring/bands';
import { format2 } from '../scoring/decimal';
import { DEFAULT_RUBRIC } from '../scoring/panel-scores';
import { AdvanceDto, CreatePeriodDto, PeriodDto, UpdatePeriodDto } from './dto/period.dto';
import { Period } from './entities/period.entity';
import { checkPeriodSettings, finalistRuleOf, isValidTimeZone, PeriodSettings, Schedule, scheduleInUtc, usesVisitation } from './period-rules';
import { PeriodErrorCode } from './periods.errors';
import { checkMove, checkPublish, Stage, StageFacts, unmetPreconditions } from './stage-machine';

/**
 * A module that owns part of a period's data and answers for it when the period moves: its facts for
 * the precondition table, and what it does when the period leaves a stage (inside the move's
 * transaction; what it returns goes into the audit row).
 */
export interface StageParticipant {
  facts?(em: EntityManager, period: Period, now: Date): Promise<Partial<StageFacts>>;
  onLeave?(em: EntityManager, period: Period, from: Stage, to: Stage): Promise<Record<string, unknown>>;
}

/** Every fact the precondition table reads; a move refuses to run on a fact no participant gave. */
const REQUIRED_FACTS = ['questionCount', 'participantCount', 'runningExtensions', 'unverifiedSubmissions', 'openObjections', 'finalistCount', 'finalistsMissingSheets'] as const;

const SCORING_FIELDS = ['weights', 'bands', 'finalistRule', 'presentationRubric'] as const;

export interface PeriodStage {
  stage: Stage;
  schedule: Schedule;
  year: number;
  timezone: string;
  /** any change of stage, schedule or settings moves it */
  version: number;
}

@Injectable()
export class PeriodsService {
  private readonly participants: StageParticipant[] = [];

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Called by the owners of a period's data (saq, instruments, verification, panel) as they start. */
  joinStageMoves(participant: StageParticipant): void {
    this.participants.push(participant);
  }

  async create(actor: AuthUser, dto: CreatePeriodDto): Promise<PeriodDto> {
    const settings: PeriodSettings = {
      weights: dto.weights,
      finalistRule: dto.finalistRule,
      bands: dto.bands ?? DEFAULT_BANDS,
      presentationRubric: dto.presentationRubric ?? DEFAULT_RUBRIC,
      schedule: stripEmpty(dto.schedule as Schedule),
    };
    const errors = [
      ...(isValidTimeZone(dto.timezone) ? [] : [{ field: 'timezone', message: `timezone must be an IANA time zone such as Asia/Jakarta`, code: FieldErrorCode.INVALID }]),
      ...checkPeriodSettings(settings),
    ];
    if (errors.length) throw badRequest(PeriodErrorCode.INVALID, `Invalid period: ${errors.map((e) => e.field).join(', ')}`, errors);
    return inTransaction(this.ds, async (em) => {
      const repo = em.getRepository(Period);
      if (await repo.exists({ where: { organizerId: actor.organizerId, year: dto.year } })) throw conflict(PeriodErrorCode.YEAR_TAKEN, `A period for ${dto.year} already exists`);
      const saved = await repo.save(
        repo.create({
          organizerId: actor.organizerId,
          year: dto.year,
          name: dto.name,
          timezone: dto.timezone,
          stage: 'PREPARATION',
          ...toColumns(settings),
          version: 1,
          scoringLockedAt: null,
        }),
      );
      const out = PeriodDto.of(saved);
      await this.audit.record(em, { organizerId: actor.organizerId, actorId: actor.id, action: 'period.create', entityType: 'period', entityId: saved.id, after: out });
      return out;
    });
  }

  async list(actor: AuthUser) {
    const rows = await this.ds.getRepository(Period).find({ where: { organizerId: actor.organizerId }, order: { year: 'DESC' } });
    return { items: rows.map(PeriodDto.of), total: rows.length, page: 1, pageSize: rows.length };
  }

  async get(actor: AuthUser, id: string): Promise<PeriodDto> {
    return PeriodDto.of(await this.find(actor.organizerId, id));
  }

  /**
   * The organizer's period, or 404 (also for another organizer's id). `lock`: true locks the row for a
   * change of the period; 'share' only keeps it from changing meanwhile, and lets the answer saves
   * (which share-lock it) go on.
   */
  async find(organizerId: string, id: string, em: EntityManager = this.ds.manager, lock: boolean | 'share' = false): Promise<Period> {
    // TypeORM words a shared lock FOR SHARE, which MariaDB does not know.
    if (lock === 'share') await em.query('SELECT id FROM periods WHERE id = ? AND organizer_id = ? LOCK IN SHARE MODE', [id, organizerId]);
    const p = await em.getRepository(Period).findOne({ where: { id, organizerId }, ...(lock === true ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!p) throw notFound(PeriodErrorCode.NOT_FOUND, 'Period', id);
    return p;
  }

  /** The organizer's period of `year`, if it has a published run. */
  async publishedOfYear(organizerId: string, year: number): Promise<{ id: string; year: number; publishedRunId: string } | undefined> {
    const [r] = await this.ds.query('SELECT id, year, published_run_id FROM periods WHERE organizer_id = ? AND year = ? AND published_run_id IS NOT NULL', [organizerId, year]);
    return r ? { id: String(r.id), year: Number(r.year), publishedRunId: String(r.published_run_id) } : undefined;
  }

  /** What a certificate prints and checks of its periods, by id. */
  async certificateFactsOf(
    ids: Iterable<string>,
  ): Promise<Map<string, { year: number; timezone: string; certificateSettings: Period['certificateSettings']; publishedRunId: string | null }>> {
    const list = [...new Set(ids)];
    if (!list.length) return new Map();
    const rows: { id: string; year: number; timezone: string; certificate_settings: string | Period['certificateSettings']; published_run_id: string | null }[] =
      await this.ds.query('SELECT id, year, timezone, certificate_settings, published_run_id FROM periods WHERE id IN (?)', [list]);
    return new Map(
      rows.map((r) => [
        String(r.id),
        {
          year: Number(r.year),
          timezone: r.timezone,
          certificateSettings: r.certificate_settings ? (typeof r.certificate_settings === 'string' ? JSON.parse(r.certificate_settings) : r.certificate_settings) : null,
          publishedRunId: r.published_run_id === null ? null : String(r.published_run_id),
        },
      ]),
    );
  }

  /** The year and stage of each of the organizer's periods among `ids`. */
  async yearsOf(organizerId: string, ids: string[]): Promise<Map<string, { year: number; stage: Stage }>> {
    if (!ids.length) return new Map();
    const rows: { id: string; year: number; stage: Stage }[] = await this.ds.query('SELECT id, year, stage FROM periods WHERE organizer_id = ? AND id IN (?)', [
      organizerId,
      [...new Set(ids)],
    ]);
    return new Map(rows.map((r) => [String(r.id), { year: Number(r.year), stage: r.stage }]));
  }

  /** A period by id whatever its organizer, for work that already holds the id from a trusted source (an event, a job). */
  async byId(em: EntityManager, id: string): Promise<Period | null> {
    return em.getRepository(Period).findOne({ where: { id } });
  }

  /** Every organizer's periods in `stage` (the notices' scheduler reads the SAQ ones). */
  async inStage(em: EntityManager, stage: Stage): Promise<Period[]> {
    return em.getRepository(Period).find({ where: { stage }, order: { id: 'ASC' } });
  }

  /** What a participation's rules read of its period, in one statement; `share` share-locks the row. */
  async stageOf(em: EntityManager, organizerId: string, id: string, share = false): Promise<PeriodStage | undefined> {
    const [r] = await em.query(`SELECT stage, schedule, year, timezone, version FROM periods WHERE id = ? AND organizer_id = ?${share ? ' LOCK IN SHARE MODE' : ''}`, [
      id,
      organizerId,
    ]);
    if (!r) return undefined;
    return {
      stage: r.stage,
      schedule: typeof r.schedule === 'string' ? JSON.parse(r.schedule) : r.schedule,
      year: Number(r.year),
      timezone: r.timezone,
      version: Number(r.version),
    };
  }

  async update(actor: AuthUser, id: string, dto: UpdatePeriodDto): Promise<PeriodDto> {
    return inTransaction(this.ds, async (em) => {
      const p = await this.find(actor.organizerId, id, em, true);
      if (dto.version !== undefined && dto.version !== p.version)
        throw conflict(CommonErrorCode.STALE_VERSION, `The period changed meanwhile (version ${p.version}, yours ${dto.version}); reload and retry`);
      if (p.stage === 'ARCHIVED') throw unprocessable(PeriodErrorCode.ARCHIVED, 'An archived period cannot change', { stage: p.stage });
      const touchesScoring = SCORING_FIELDS.filter((f) => dto[f] !== undefined);
      if (touchesScoring.length && p.scoringLockedAt) {
        throw unprocessable(PeriodErrorCode.SCORING_LOCKED, `The scoring settings are locked since the first ranking run: ${touchesScoring.join(', ')}`, {
          locked: touchesScoring,
        });
      }
      const before = PeriodDto.of(p);
      const current = fromColumns(p);
      const next: PeriodSettings = {
        weights: dto.weights ?? current.weights,
        finalistRule: dto.finalistRule ?? current.finalistRule,
        bands: dto.bands ?? current.bands,
        presentationRubric: dto.presentationRubric ?? current.presentationRubric,
        schedule: dto.schedule ? { ...current.schedule, ...stripEmpty(dto.schedule as Schedule) } : current.schedule,
      };
      const errors = checkPeriodSettings(next);
      if (errors.length) throw badRequest(PeriodErrorCode.INVALID, `Invalid period: ${errors.map((e) => e.field).join(', ')}`, errors);
      Object.assign(p, toColumns(next), { name: dto.name ?? p.name, version: p.version + 1 });
      if (dto.certificate) p.certificateSettings = { ...(p.certificateSettings ?? {}), ...dto.certificate };
      const saved = await em.getRepository(Period).save(p);
      const after = PeriodDto.of(saved);
      await this.audit.record(em, { organizerId: actor.organizerId, actorId: actor.id, action: 'period.update', entityType: 'period', entityId: p.id, before, after });
      return after;
    });
  }

  /**
   * Moves the period one stage forward. The row is locked while it moves; backward and skipping
   * moves are 409; unmet preconditions are 422 unless forced with a reason (audited).
   */
  async advance(actor: AuthUser, id: string, dto: AdvanceDto): Promise<PeriodDto> {
    if (dto.force && !dto.reason)
      throw badRequest(PeriodErrorCode.FORCE_REASON_REQUIRED, 'A forced move needs a reason', [
        { field: 'reason', message: 'reason is required when force is true', code: FieldErrorCode.REQUIRED },
      ]);
    return inTransaction(this.ds, async (em) => {
      const p = await this.find(actor.organizerId, id, em, true);
      const move = checkMove(p.stage, dto.to, usesVisitation(p.weightVisitation));
      if (!move.ok) throw conflict(PeriodErrorCode.STAGE_MOVE_INVALID, move.reason, { from: p.stage, to: dto.to });
      const unmet = unmetPreconditions(p.stage, await this.gatherFacts(em, p), dto.to);
      if (unmet.length && !dto.force) {
        throw unprocessable(PeriodErrorCode.PRECONDITIONS_UNMET, `Cannot move from ${p.stage} to ${dto.to}: ${unmet.map((u) => u.message).join('; ')}`, { unmet });
      }
      const from = p.stage;
      p.stage = dto.to;
      p.version += 1;
      await em.getRepository(Period).save(p);
      const effects: Record<string, unknown> = {};
      for (const participant of this.participants) if (participant.onLeave) Object.assign(effects, await participant.onLeave(em, p, from, dto.to));
      await this.audit.record(em, {
        organizerId: actor.organizerId,
        actorId: actor.id,
        action: dto.force && unmet.length ? 'period.advance.forced' : 'period.advance',
        entityType: 'period',
        entityId: p.id,
        before: { stage: from },
        after: { stage: dto.to, overridden: dto.force ? unmet : [], notParticipating: 0, ...effects },
        reason: dto.reason ?? null,
      });
      return PeriodDto.of(p);
    });
  }

  /**
   * Publishes a ranking run: the period moves to PUBLISHED through the stage machine (or, already
   * PUBLISHED, has its run replaced), its row locked and the change audited. `sideEffects` runs inside
   * the same transaction, after the move and before the audit row (the owners of the ranked rows mark
   * them there). Runs in the caller's transaction: `em` must be one.
   */
  async publish(
    em: EntityManager,
    actor: AuthUser,
    id: string,
    runId: string,
    check: (p: Period) => Promise<void>,
    sideEffects: (e: { period: Period; previousRunId: string | null; at: Date }) => Promise<void>,
  ): Promise<Period> {
    const p = await this.find(actor.organizerId, id, em, true);
    const move = checkPublish(p.stage, usesVisitation(p.weightVisitation));
    if (!move.ok) throw unprocessable(PeriodErrorCode.PUBLISH_WRONG_STAGE, move.reason, { stage: p.stage });
    await check(p);
    if (p.publishedRunId === runId) throw unprocessable(PeriodErrorCode.RUN_ALREADY_PUBLISHED, 'This run is already the published one', { runId });
    const at = this.clock.now();
    const before = { stage: p.stage, publishedRunId: p.publishedRunId };
    await em.query(`UPDATE periods SET stage = 'PUBLISHED', published_run_id = ?, published_at = ?, version = version + 1 WHERE id = ?`, [runId, at, p.id]);
    await sideEffects({ period: p, previousRunId: before.publishedRunId, at });
    await this.audit.record(em, {
      organizerId: actor.organizerId,
      actorId: actor.id,
      action: before.publishedRunId ? 'ranking.republish' : 'ranking.publish',
      entityType: 'period',
      entityId: p.id,
      before,
      after: { stage: 'PUBLISHED', publishedRunId: runId },
    });
    return em.getRepository(Period).findOneByOrFail({ id: p.id });
  }

  /** The first ranking run freezes the scoring settings. */
  async lockScoring(em: EntityManager, p: Period, at: Date): Promise<void> {
    if (!p.scoringLockedAt) await em.query('UPDATE periods SET scoring_locked_at = ? WHERE id = ?', [at, p.id]);
  }

  /** The organizer's periods with a published ranking, newest first. */
  async listPublished(organizerId: string): Promise<Period[]> {
    return this.ds.getRepository(Period).find({ where: { organizerId, publishedRunId: Not(IsNull()) }, order: { year: 'DESC' } });
  }

  /** The organizer's period of a year, if a ranking of it is published. */
  async findPublished(organizerId: string, year: number): Promise<Period | null> {
    const p = await this.ds.getRepository(Period).findOne({ where: { organizerId, year } });
    return p && p.publishedRunId !== null ? p : null;
  }

  /** Facts for the precondition table, each from the module that owns its rows. */
  private async gatherFacts(em: EntityManager, p: Period): Promise<StageFacts> {
    const now = this.clock.now();
    const facts: Partial<StageFacts> = {};
    for (const participant of this.participants) if (participant.facts) Object.assign(facts, await participant.facts(em, p, now));
    const missing = REQUIRED_FACTS.filter((f) => facts[f] === undefined);
    if (missing.length) throw new Error(`No module gave the stage facts ${missing.join(', ')}`);
    return { ...(facts as StageFacts), publishedRun: p.publishedRunId !== null };
  }
}

function stripEmpty(s: Schedule): Schedule {
  return Object.fromEntries(Object.entries(s ?? {}).filter(([, w]) => w)) as Schedule;
}

function toColumns(s: PeriodSettings): Partial<Period> {
  return {
    weightSaq: format2(s.weights.saq)!,
    weightVisitation: format2(s.weights.visitation ?? 0)!,
    weightPresentation: format2(s.weights.presentation)!,
    finalistRuleType: s.finalistRule.type,
    finalistRuleValue: format2(s.finalistRule.value)!,
    bands: s.bands.map((b) => ({ code: b.code, label: b.label, min: format2(b.min)! })),
    presentationRubric: s.presentationRubric.map((c) => ({ code: c.code, title: c.title ?? c.code, weight: format2(c.weight)! })),
    schedule: scheduleInUtc(s.schedule),
  };
}

function fromColumns(p: Period): PeriodSettings {
  return {
    weights: { saq: p.weightSaq, visitation: p.weightVisitation, presentation: p.weightPresentation },
    finalistRule: finalistRuleOf(p.finalistRuleType, p.finalistRuleValue),
    bands: p.bands,
    presentationRubric: p.presentationRubric,
    schedule: p.schedule,
  };
}
