import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ParticipationAccess, ParticipationContext } from '../access/participation-access';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth-user';
import { Clock, CLOCK } from '../common/clock';
import { badRequest, unprocessable } from '../common/errors';
import { FieldErrorCode } from '../common/field-error';
import { Page } from '../common/pagination';
import { ENV, EnvironmentVariables } from '../config/config.module';
import { inTransaction } from '../database/transaction';
import { appliesTo } from '../instruments/instrument-rules';
import { InstrumentsService } from '../instruments/instruments.service';
import { PeriodsService } from '../periods/periods.service';
import { isBefore, Stage as PeriodStageName } from '../periods/stage-machine';
import { RegistryNames } from '../public-bodies/registry-names';
import { ParticipationDto } from './dto/participation.dto';
import { DeadlineDto } from './dto/saq.dto';
import { AnswerForSubmit, effectiveDeadline, MissingItem, missingForSubmit, progressByAspect, progressOf, QuestionForSubmit, saqWriteRefusal } from './saq-rules';
import { SaqErrorCode } from './saq.errors';

/** A body that has not submitted its SAQ yet, as a reminder tells it: its own deadline, progress and what is missing. */
export interface UnsubmittedSaq {
  participationId: string;
  publicBodyId: string;
  deadline: Date | null;
  progress: { answered: number; total: number; missingEvidence: number };
  missing: MissingItem[];
}

@Injectable()
export class ParticipationsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: ParticipationAccess,
    private readonly instruments: InstrumentsService,
    private readonly periods: PeriodsService,
    private readonly audit: AuditService,
    private readonly registry: RegistryNames,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ENV) private readonly env: EnvironmentVariables,
  ) {}

  async mine(user: AuthUser): Promise<Page<ParticipationDto>> {
    const rows: { id: string; period_id: string }[] = await this.ds.query('SELECT id, period_id FROM participations WHERE public_body_id = ? AND organizer_id = ? ORDER BY id', [
      user.publicBodyId,
      user.organizerId,
    ]);
    const years = await this.periods.yearsOf(
      user.organizerId,
      rows.map((r) => String(r.period_id)),
    );
    rows.sort((a, b) => (years.get(String(b.period_id))?.year ?? 0) - (years.get(String(a.period_id))?.year ?? 0));
    const items: ParticipationDto[] = [];
    for (const r of rows) items.push(await this.get(user, String(r.id)));
    return { items, total: items.length, page: 1, pageSize: items.length };
  }

  async get(user: AuthUser, id: string, em: EntityManager = this.ds.manager): Promise<ParticipationDto> {
    const p = await this.access.load(user, id, 'read', em);
    return this.view(p, em);
  }

  /** `inputs`: the completeness inputs when the caller already read them. */
  private async view(p: ParticipationContext, em: EntityManager, inputs?: Awaited<ReturnType<ParticipationsService['completenessInputs']>>): Promise<ParticipationDto> {
    const { questions, answers, aspects } = inputs ?? (await this.completenessInputs(p, em));
    const deadline = effectiveDeadline(p.schedule.SAQ?.closesAt, p.deadlineOverride);
    return {
      id: p.id,
      periodId: p.periodId,
      periodYear: p.periodYear,
      stage: p.stage,
      publicBody: { id: p.publicBodyId, name: p.bodyName },
      categoryCode: p.categoryCode,
      status: p.status,
      deadline: deadline?.toISOString() ?? null,
      deadlineExtended: p.deadlineOverride !== null,
      startedAt: p.startedAt?.toISOString() ?? null,
      submittedAt: p.submittedAt?.toISOString() ?? null,
      writable: saqWriteRefusal(p, this.clock.now()) === null,
      progress: progressOf(questions, answers),
      progressByAspect: progressByAspect(aspects, questions, answers),
      evidenceMaxBytes: this.env.EVIDENCE_MAX_BYTES,
      version: p.version,
    };
  }

  private async completenessInputs(p: ParticipationContext, em: EntityManager) {
    const ins = await this.instruments.load({ id: p.periodId, stage: p.stage }, em);
    const questions: QuestionForSubmit[] = ins.questions
      .filter((q) => appliesTo(q.categoryCodes, p.categoryCode))
      .map((q) => ({ code: q.code, aspectCode: ins.aspectById.get(q.aspectId)?.code, required: q.required, evidence: q.evidence }));
    const codeOf = new Map(ins.questions.map((q) => [String(q.id), q.code]));
    const rows: { question_id: string; evidence_ids: string | null; url: string | null }[] = await em.query(
      'SELECT question_id, evidence_ids, url FROM answers WHERE participation_id = ?',
      [p.id],
    );
    const answers = new Map<string, AnswerForSubmit>(
      rows
        .filter((r) => codeOf.has(String(r.question_id)))
        .map((r) => [codeOf.get(String(r.question_id))!, { files: r.evidence_ids ? JSON.parse(r.evidence_ids).length : 0, url: !!r.url }]),
    );
    return { questions, answers, aspects: ins.aspects.map((a) => ({ code: a.code, title: a.title })) };
  }

  /**
   * The period's bodies still taking part that have not submitted, each with its effective deadline,
   * progress and missing questions: one read of the instrument, one of the answers of all of them.
   */
  async unsubmitted(
    em: EntityManager,
    period: { id: string; stage: PeriodStageName; schedule: { SAQ?: { closesAt: string } } },
    /** Only these (judged on the deadline alone), so progress is read for the few that need it. */
    wanted: (participationId: string, deadline: Date | null) => boolean = () => true,
  ): Promise<UnsubmittedSaq[]> {
    const all: { id: string; public_body_id: string; category_id: string; deadline_override: Date | null }[] = await em.query(
      `SELECT id, public_body_id, category_id, deadline_override FROM participations WHERE period_id = ? AND submitted_at IS NULL AND status IN ('INVITED', 'IN_PROGRESS') ORDER BY id`,
      [period.id],
    );
    const rows = all.filter((r) => wanted(String(r.id), effectiveDeadline(period.schedule.SAQ?.closesAt, r.deadline_override)));
    if (!rows.length) return [];
    const ins = await this.instruments.load({ id: period.id, stage: period.stage }, em);
    const categories = await this.registry.categories(
      em,
      rows.map((r) => String(r.category_id)),
    );
    const codeOf = new Map(ins.questions.map((q) => [String(q.id), q.code]));
    const answerRows: { participation_id: string; question_id: string; evidence_ids: string | null; url: string | null }[] = await em.query(
      'SELECT participation_id, question_id, evidence_ids, url FROM answers WHERE participation_id IN (?)',
      [rows.map((r) => r.id)],
    );
    const answersOf = new Map<string, Map<string, AnswerForSubmit>>();
    for (const a of answerRows) {
      const code = codeOf.get(String(a.question_id));
      if (!code) continue;
      const key = String(a.participation_id);
      if (!answersOf.has(key)) answersOf.set(key, new Map());
      answersOf.get(key)!.set(code, { files: a.evidence_ids ? JSON.parse(a.evidence_ids).length : 0, url: !!a.url });
    }
    return rows.map((r) => {
      const categoryCode = categories.get(String(r.category_id))?.code;
      const questions: QuestionForSubmit[] = ins.questions
        .filter((q) => appliesTo(q.categoryCodes, categoryCode ?? ''))
        .map((q) => ({ code: q.code, aspectCode: ins.aspectById.get(q.aspectId)?.code, required: q.required, evidence: q.evidence }));
      const answers = answersOf.get(String(r.id)) ?? new Map<string, AnswerForSubmit>();
      return {
        participationId: String(r.id),
        publicBodyId: String(r.public_body_id),
        deadline: effectiveDeadline(period.schedule.SAQ?.closesAt, r.deadline_override),
        progress: progressOf(questions, answers),
        missing: missingForSubmit(questions, answers),
      };
    });
  }

  /** Submits once: 422 listing every question still unanswered or missing evidence; then read-only. */
  async submit(user: AuthUser, id: string): Promise<ParticipationDto> {
    return inTransaction(this.ds, async (em) => {
      const p = await this.access.load(user, id, 'owner', em, 'update');
      const now = this.clock.now();
      const refusal = saqWriteRefusal(p, now);
      if (refusal) throw unprocessable(refusal.code, refusal.message, refusal.details);
      const inputs = await this.completenessInputs(p, em);
      const { questions, answers } = inputs;
      const missing = missingForSubmit(questions, answers);
      if (missing.length) throw unprocessable(SaqErrorCode.INCOMPLETE, `The SAQ is not complete: ${missing.length} question(s) need attention`, { missing });
      await em.query(`UPDATE participations SET status = 'SUBMITTED', submitted_at = ?, version = version + 1 WHERE id = ?`, [now, p.id]);
      await this.audit.record(em, {
        organizerId: p.organizerId,
        actorId: user.id,
        action: 'participation.submit',
        entityType: 'participation',
        entityId: p.id,
        before: { status: p.status },
        after: { status: 'SUBMITTED', submittedAt: now.toISOString(), answered: answers.size },
      });
      return this.view({ ...p, status: 'SUBMITTED', submittedAt: now, version: p.version + 1 }, em, inputs);
    });
  }

  /** The body's own SAQ deadline (usually an extension), audited with its reason. */
  async setDeadline(user: AuthUser, id: string, dto: DeadlineDto): Promise<ParticipationDto> {
    const closesAt = new Date(dto.closesAt);
    return inTransaction(this.ds, async (em) => {
      const p = await this.access.load(user, id, 'admin', em, 'update');
      if (!isBefore(p.stage, 'VERIFICATION'))
        throw unprocessable(SaqErrorCode.DEADLINE_LOCKED, `A body's SAQ deadline can change only until the SAQ stage ends (period is in ${p.stage})`, { stage: p.stage });
      if (p.submittedAt) throw unprocessable(SaqErrorCode.ALREADY_SUBMITTED, 'This body has already submitted its SAQ', { status: p.status });
      const opensAt = p.schedule.SAQ?.opensAt;
      if (opensAt && closesAt.getTime() <= Date.parse(opensAt)) {
        throw badRequest(SaqErrorCode.DEADLINE_BEFORE_OPENING, 'closesAt must be after the SAQ window opens', [
          { field: 'closesAt', message: `closesAt must be after ${opensAt}`, code: FieldErrorCode.OUT_OF_ORDER },
        ]);
      }
      const before = effectiveDeadline(p.schedule.SAQ?.closesAt, p.deadlineOverride);
      await em.query('UPDATE participations SET deadline_override = ?, version = version + 1 WHERE id = ?', [closesAt, p.id]);
      await this.audit.record(em, {
        organizerId: p.organizerId,
        actorId: user.id,
        action: 'participation.deadline',
        entityType: 'participation',
        entityId: p.id,
        before: { deadline: before?.toISOString() ?? null },
        after: { deadline: closesAt.toISOString() },
        reason: dto.reason,
      });
      return this.view({ ...p, deadlineOverride: closesAt, version: p.version + 1 }, em);
    });
  }
}
