import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth-user';
import { badRequest, notFound, unprocessable } from '../common/errors';
import { FieldErrorCode } from '../common/field-error';
import { inTransaction } from '../database/transaction';
import { Period } from '../periods/entities/period.entity';
import { PeriodsService } from '../periods/periods.service';
import { isBefore } from '../periods/stage-machine';
import { PublicBodyErrorCode } from '../public-bodies/public-bodies.errors';
import { PublicBodiesService } from '../public-bodies/public-bodies.service';
import { dec, format2 } from '../scoring/decimal';
import { InstrumentTreeDto } from './dto/instrument-tree.dto';
import { InstrumentDto } from './dto/instrument.dto';
import { Aspect } from './entities/aspect.entity';
import { Question } from './entities/question.entity';
import { appliesTo, checkInstrument } from './instrument-rules';
import { InstrumentErrorCode } from './instruments.errors';

/** A frozen instrument as the other modules read it. */
export interface LoadedInstrument {
  aspects: Aspect[];
  questions: Question[];
  byCode: Map<string, Question>;
  aspectById: Map<string, Aspect>;
}

/** The question `code` of the instrument for a body of `categoryCode`: 404 when there is none, 422 when it does not apply to the category. */
export function applicableQuestion(ins: LoadedInstrument, categoryCode: string, code: string): Question {
  const q = ins.byCode.get(code);
  if (!q) throw notFound(InstrumentErrorCode.QUESTION_NOT_FOUND, 'Question', code);
  if (!appliesTo(q.categoryCodes, categoryCode))
    throw unprocessable(InstrumentErrorCode.QUESTION_NOT_APPLICABLE, `Question ${code} does not apply to category ${categoryCode}`, { questionCode: code, categoryCode });
  return q;
}

@Injectable()
export class InstrumentsService {
  /** Instruments are frozen from SAQ on, so a loaded one can be kept (the periods in use, bounded). */
  private readonly frozen = new LRUCache<string, LoadedInstrument>({ max: 200 });

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly periods: PeriodsService,
    private readonly registry: PublicBodiesService,
    private readonly audit: AuditService,
  ) {}

  /** Replaces the whole tree while the period is before SAQ; 422 once it is frozen. */
  async replace(actor: AuthUser, periodId: string, dto: InstrumentDto): Promise<InstrumentTreeDto> {
    const categories = await this.registry.categoriesByCode(actor.organizerId);
    const errors = checkInstrument(dto, new Set(categories.keys()));
    if (errors.length) throw badRequest(InstrumentErrorCode.INVALID, `Invalid instrument: ${errors.map((e) => e.field).join(', ')}`, errors);
    await inTransaction(this.ds, async (em) => {
      const period = await this.periods.find(actor.organizerId, periodId, em, true);
      if (!isBefore(period.stage, 'SAQ'))
        throw unprocessable(InstrumentErrorCode.FROZEN, `The instrument is frozen since the SAQ stage opened (period is in ${period.stage})`, { stage: period.stage });
      const before = await this.summary(em, period.id);
      await em.delete(Question, { periodId: period.id });
      await em.delete(Aspect, { periodId: period.id });
      let qpos = 0;
      for (const [i, a] of dto.aspects.entries()) {
        const aspect = await em.getRepository(Aspect).save({ periodId: period.id, code: a.code, title: a.title, weight: format2(a.weight)!, position: i + 1 });
        await em.getRepository(Question).insert(
          a.questions.map((q) => ({
            periodId: period.id,
            aspectId: aspect.id,
            code: q.code,
            text: q.text,
            type: q.type,
            maxPoints: format2(q.maxPoints)!,
            options: q.options?.map((o) => ({ value: o.value, label: o.label, points: format2(o.points)! })) ?? null,
            thresholds: q.thresholds?.map((t) => ({ min: dec(t.min).toString(), points: format2(t.points)! })) ?? null,
            evidence: q.evidence,
            required: q.required ?? true,
            categoryCodes: q.categoryCodes?.length ? [...new Set(q.categoryCodes)] : null,
            position: ++qpos,
          })),
        );
      }
      await this.audit.record(em, {
        organizerId: actor.organizerId,
        actorId: actor.id,
        action: 'instrument.replace',
        entityType: 'instrument',
        entityId: period.id,
        before,
        after: await this.summary(em, period.id),
      });
    });
    return this.tree(actor, periodId);
  }

  private async summary(em: EntityManager, periodId: string) {
    const aspects = await em.getRepository(Aspect).find({ where: { periodId }, order: { position: 'ASC' } });
    const questions = await em.getRepository(Question).find({ where: { periodId }, select: { code: true, aspectId: true } });
    return { aspects: aspects.map((a) => ({ code: a.code, weight: a.weight, questions: questions.filter((q) => q.aspectId === a.id).map((q) => q.code) })) };
  }

  /** The tree, optionally as one category sees it, with the maximum points per aspect. */
  async tree(actor: AuthUser, periodId: string, categoryCode?: string): Promise<InstrumentTreeDto> {
    const period = await this.periods.find(actor.organizerId, periodId);
    if (categoryCode && !(await this.registry.categoriesByCode(actor.organizerId)).has(categoryCode)) {
      throw badRequest(PublicBodyErrorCode.UNKNOWN_CATEGORY, `Unknown category ${categoryCode}`, [
        { field: 'categoryCode', message: `unknown category ${categoryCode}`, code: FieldErrorCode.UNKNOWN_REFERENCE },
      ]);
    }
    const ins = await this.load(period);
    const aspects = ins.aspects.map((a) => {
      const questions = ins.questions.filter((q) => q.aspectId === a.id && (!categoryCode || appliesTo(q.categoryCodes, categoryCode)));
      const max = questions.reduce((s, q) => s.plus(q.maxPoints), dec(0));
      return {
        code: a.code,
        title: a.title,
        weight: format2(a.weight)!,
        maxPoints: format2(max)!,
        questions: questions.map((q) => ({
          code: q.code,
          text: q.text,
          type: q.type,
          maxPoints: format2(q.maxPoints)!,
          options: q.options?.map((o) => ({ value: o.value, label: o.label, points: format2(o.points)! })),
          thresholds: q.thresholds?.map((t) => ({ min: t.min, points: format2(t.points)! })),
          evidence: q.evidence,
          required: q.required,
          categoryCodes: q.categoryCodes ?? [],
        })),
      };
    });
    return {
      periodId: period.id,
      categoryCode: categoryCode ?? null,
      frozen: !isBefore(period.stage, 'SAQ'),
      questionCount: aspects.reduce((n, a) => n + a.questions.length, 0),
      aspects: categoryCode ? aspects.filter((a) => a.questions.length) : aspects,
    };
  }

  /** The period's aspects and questions; cached once frozen. */
  async load(period: Pick<Period, 'id' | 'stage'>, em: EntityManager = this.ds.manager): Promise<LoadedInstrument> {
    const cached = this.frozen.get(period.id);
    if (cached) return cached;
    const aspects = await em.getRepository(Aspect).find({ where: { periodId: period.id }, order: { position: 'ASC' } });
    const questions = await em.getRepository(Question).find({ where: { periodId: period.id }, order: { position: 'ASC' } });
    const loaded: LoadedInstrument = {
      aspects,
      questions,
      byCode: new Map(questions.map((q) => [q.code, q])),
      aspectById: new Map(aspects.map((a) => [a.id, a])),
    };
    if (!isBefore(period.stage, 'SAQ')) this.frozen.set(period.id, loaded);
    return loaded;
  }
}
