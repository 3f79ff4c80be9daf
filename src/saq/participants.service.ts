import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth-user';
import { badRequest, notFound, unprocessable } from '../common/errors';
import { FieldErrorCode } from '../common/field-error';
import { Page, pageOf, skipTake } from '../common/pagination';
import { inTransaction } from '../database/transaction';
import { PeriodsService } from '../periods/periods.service';
import { isBefore } from '../periods/stage-machine';
import { PublicBodyErrorCode } from '../public-bodies/public-bodies.errors';
import { PublicBodiesService } from '../public-bodies/public-bodies.service';
import { RegistryNames } from '../public-bodies/registry-names';
import { EnrollDto, ParticipantsQuery } from './dto/participants.dto';
import { EnrollResultDto, ParticipantDto } from './dto/participation.dto';
import { Participation } from './entities/participation.entity';
import { SaqErrorCode } from './saq.errors';

/** Enrollment of public bodies in a period (admin). */
/** Rows per INSERT of an enrollment. */
const ENROLL_SLICE = 1000;

@Injectable()
export class ParticipantsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly periods: PeriodsService,
    private readonly registry: PublicBodiesService,
    private readonly names: RegistryNames,
    private readonly audit: AuditService,
  ) {}

  /** Enrolls bodies by id and by whole categories; idempotent (already enrolled bodies are skipped). */
  async enroll(actor: AuthUser, periodId: string, dto: EnrollDto): Promise<EnrollResultDto> {
    const ids = [...new Set(dto.publicBodyIds ?? [])];
    const codes = [...new Set(dto.categoryCodes ?? [])];
    if (!ids.length && !codes.length)
      throw badRequest(SaqErrorCode.ENROL_TARGET_REQUIRED, 'Name publicBodyIds or categoryCodes', [
        { field: 'publicBodyIds', message: 'publicBodyIds or categoryCodes is required', code: FieldErrorCode.REQUIRED },
      ]);
    const categories = await this.registry.categoriesByCode(actor.organizerId);
    const unknownCodes = codes.filter((c) => !categories.has(c));
    if (unknownCodes.length)
      throw badRequest(PublicBodyErrorCode.UNKNOWN_CATEGORY, `Unknown categories ${unknownCodes.join(', ')}`, [
        { field: 'categoryCodes', message: `unknown categories ${unknownCodes.join(', ')}`, code: FieldErrorCode.UNKNOWN_REFERENCE },
      ]);
    return inTransaction(this.ds, async (em) => {
      const period = await this.periods.find(actor.organizerId, periodId, em, 'share');
      if (!isBefore(period.stage, 'VERIFICATION'))
        throw unprocessable(SaqErrorCode.ENROLMENT_CLOSED, `Bodies can be enrolled until the SAQ stage ends (period is in ${period.stage})`, { stage: period.stage });
      const bodies = await this.names.bodiesOf(
        em,
        actor.organizerId,
        ids,
        codes.map((c) => categories.get(c)!.id),
      );
      const found = new Set(bodies.map((b) => b.id));
      const missing = ids.filter((id) => !found.has(id));
      if (missing.length) throw notFound(PublicBodyErrorCode.NOT_FOUND, 'Public bodies', missing.join(', '));
      const [{ n: before }] = await em.query(`SELECT COUNT(*) AS n FROM participations WHERE period_id = ?`, [period.id]);
      let enrolled = 0;
      for (let i = 0; i < bodies.length; i += ENROLL_SLICE) {
        const rows = bodies.slice(i, i + ENROLL_SLICE).map((b) => [period.organizerId, period.id, b.id, b.categoryId, 'INVITED', 1]);
        const result = await em.query('INSERT IGNORE INTO participations (organizer_id, period_id, public_body_id, category_id, status, version) VALUES ?', [rows]);
        enrolled += Number(result.affectedRows ?? 0);
      }
      await this.audit.record(em, {
        organizerId: actor.organizerId,
        actorId: actor.id,
        action: 'participants.enroll',
        entityType: 'period',
        entityId: period.id,
        before: { participants: Number(before) },
        after: { participants: Number(before) + enrolled, enrolled, publicBodyIds: ids, categoryCodes: codes },
      });
      return { enrolled, alreadyEnrolled: bodies.length - enrolled };
    });
  }

  async list(actor: AuthUser, periodId: string, q: ParticipantsQuery): Promise<Page<ParticipantDto>> {
    const period = await this.periods.find(actor.organizerId, periodId);
    const qb = this.ds
      .getRepository(Participation)
      .createQueryBuilder('p')
      .innerJoinAndSelect('p.publicBody', 'b')
      .innerJoinAndSelect('p.category', 'c')
      .where('p.periodId = :pid', { pid: period.id });
    if (q.categoryCode) qb.andWhere('c.code = :code', { code: q.categoryCode });
    if (q.status) qb.andWhere('p.status = :status', { status: q.status });
    const { skip, take } = skipTake(q);
    const [rows, total] = await qb.orderBy('c.code').addOrderBy('b.name').skip(skip).take(take).getManyAndCount();
    return pageOf(
      rows.map((p) => ({
        id: p.id,
        periodId: p.periodId,
        publicBody: { id: p.publicBody!.id, name: p.publicBody!.name },
        categoryCode: p.category!.code,
        status: p.status,
        deadline: p.deadlineOverride?.toISOString() ?? period.schedule.SAQ?.closesAt ?? null,
        submittedAt: p.submittedAt?.toISOString() ?? null,
      })),
      total,
      q,
    );
  }
}
