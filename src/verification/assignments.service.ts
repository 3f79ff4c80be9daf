import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ParticipationErrorCode } from '../access/access.errors';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth-user';
import { notFound, unprocessable } from '../common/errors';
import { inTransaction } from '../database/transaction';
import { appliesTo } from '../instruments/instrument-rules';
import { InstrumentsService } from '../instruments/instruments.service';
import { PeriodsService, PeriodStage } from '../periods/periods.service';
import { isBefore } from '../periods/stage-machine';
import { RegistryNames } from '../public-bodies/registry-names';
import { SUBMITTED_STATUSES } from '../saq/entities/participation.entity';
import { ParticipationRecords } from '../saq/participation-records';
import { ConflictsService } from '../users/conflicts.service';
import { StaffDirectory } from '../users/users.service';
import { AssignDto } from './dto/verification.dto';
import { planAssignments } from './verification-rules';
import { VerificationErrorCode } from './verification.errors';

/** Body names in the order the database's utf8mb4 collation gives them (case- and accent-insensitive). */
const BY_NAME = new Intl.Collator('und', { sensitivity: 'base' });

@Injectable()
export class AssignmentsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly periods: PeriodsService,
    private readonly instruments: InstrumentsService,
    private readonly conflicts: ConflictsService,
    private readonly participations: ParticipationRecords,
    private readonly names: RegistryNames,
    private readonly staff: StaffDirectory,
    private readonly audit: AuditService,
  ) {}

  /** Every submitted SAQ gets `perParticipation` assessors, balanced, never one with a conflict. */
  async auto(actor: AuthUser, periodId: string, perParticipation = 1) {
    return inTransaction(this.ds, async (em) => {
      const period = await this.periods.find(actor.organizerId, periodId, em, true);
      this.assertAssignable(period.stage);
      const submitted = await this.participations.ofPeriod(em, period.id, SUBMITTED_STATUSES);
      const bodyNames = await this.names.bodyNames(
        em,
        submitted.map((p) => p.publicBodyId),
      );
      const parts = submitted.map((p) => ({ id: p.id, body_id: p.publicBodyId, body_name: bodyNames.get(p.publicBodyId)! }));
      // Current assessors as rows, not a GROUP_CONCAT that group_concat_max_len would cut short.
      const current: { participation_id: string; assessor_id: string }[] = await em.query('SELECT participation_id, assessor_id FROM assignments WHERE period_id = ?', [period.id]);
      const assessorsOf = new Map<string, string[]>();
      for (const a of current) {
        const list = assessorsOf.get(String(a.participation_id));
        if (list) list.push(String(a.assessor_id));
        else assessorsOf.set(String(a.participation_id), [String(a.assessor_id)]);
      }
      const loadOf = new Map<string, number>();
      for (const a of current) loadOf.set(String(a.assessor_id), (loadOf.get(String(a.assessor_id)) ?? 0) + 1);
      const assessors = (await this.staff.ofRole(em, actor.organizerId, 'assessor', { activeOnly: true, orderBy: 'id' })).map((a) => ({
        ...a,
        assigned_count: loadOf.get(a.id) ?? 0,
      }));
      const declared = await this.conflicts.declared(
        em,
        assessors.map((a) => String(a.id)),
      );
      const plan = planAssignments(
        parts.map((p) => ({ id: String(p.id), body: { id: String(p.body_id), name: p.body_name }, assessorIds: assessorsOf.get(String(p.id)) ?? [] })),
        assessors.map((a) => ({ id: String(a.id), affiliation: a.affiliation, load: Number(a.assigned_count) })),
        perParticipation,
        declared,
      );
      if (plan.planned.length) {
        await em.query('INSERT INTO assignments (period_id, participation_id, assessor_id) VALUES ?', [plan.planned.map((x) => [period.id, x.participationId, x.assessorId])]);
      }
      const result = { assigned: plan.planned.length, skippedForConflict: plan.skippedForConflict, unassigned: plan.unassigned, conflicts: plan.conflicts };
      await this.audit.record(em, {
        organizerId: actor.organizerId,
        actorId: actor.id,
        action: 'assignments.auto',
        entityType: 'period',
        entityId: period.id,
        after: { ...result, perParticipation, planned: plan.planned },
      });
      return result;
    });
  }

  async assign(actor: AuthUser, periodId: string, dto: AssignDto) {
    return inTransaction(this.ds, async (em) => {
      const period = await this.periods.find(actor.organizerId, periodId, em, true);
      this.assertAssignable(period.stage);
      const assessor = await this.staff.member(em, actor.organizerId, 'assessor', dto.assessorId);
      if (!assessor) throw notFound(VerificationErrorCode.ASSESSOR_NOT_FOUND, 'Assessor', dto.assessorId);
      const part = await this.participations.inPeriod(em, period.id, dto.participationId);
      if (!part) throw notFound(ParticipationErrorCode.NOT_FOUND, 'Participation', dto.participationId);
      if (!SUBMITTED_STATUSES.includes(part.status))
        throw unprocessable(VerificationErrorCode.SAQ_NOT_SUBMITTED, 'Only a submitted SAQ can be assigned for verification', { status: part.status });
      const bodyName = (await this.names.bodyNames(em, [part.publicBodyId])).get(part.publicBodyId)!;
      await this.conflicts.assertNone(em, { id: assessor.id, affiliation: assessor.affiliation }, [{ id: part.publicBodyId, name: bodyName }], 'assessor');
      await em.query('INSERT IGNORE INTO assignments (period_id, participation_id, assessor_id) VALUES (?, ?, ?)', [period.id, part.id, assessor.id]);
      const after = { assessorId: dto.assessorId, participationId: dto.participationId };
      await this.audit.record(em, {
        organizerId: actor.organizerId,
        actorId: actor.id,
        action: 'assignments.assign',
        entityType: 'participation',
        entityId: dto.participationId,
        after,
      });
      return after;
    });
  }

  private assertAssignable(stage: string) {
    if (isBefore(stage as never, 'SAQ') || !isBefore(stage as never, 'VISITATION')) {
      throw unprocessable(VerificationErrorCode.ASSIGNMENT_CLOSED, `Assessors are assigned from the SAQ stage until objections close (period is in ${stage})`, { stage });
    }
  }

  /** The assessor's participations with verification progress. */
  async mine(user: AuthUser) {
    const em = this.ds.manager;
    const assigned: { participation_id: string; verified: string; open_objections: string; objections: string }[] = await em.query(
      `SELECT a.participation_id, (SELECT COUNT(*) FROM verifications v WHERE v.participation_id = a.participation_id) AS verified,
              (SELECT COUNT(*) FROM objections o WHERE o.participation_id = a.participation_id AND o.status = 'OPEN') AS open_objections,
              (SELECT COUNT(*) FROM objections o WHERE o.participation_id = a.participation_id) AS objections
         FROM assignments a WHERE a.assessor_id = ?`,
      [user.id],
    );
    const verifiedOf = new Map(assigned.map((a) => [String(a.participation_id), Number(a.verified)]));
    const objectionsOf = new Map(assigned.map((a) => [String(a.participation_id), { open: Number(a.open_objections), total: Number(a.objections) }]));
    const parts = await this.participations.byIds(em, [...verifiedOf.keys()]);
    const [periods, bodyNames, categories] = await Promise.all([
      this.periods.yearsOf(
        user.organizerId,
        parts.map((p) => p.periodId),
      ),
      this.names.bodyNames(
        em,
        parts.map((p) => p.publicBodyId),
      ),
      this.names.categories(
        em,
        parts.map((p) => p.categoryId),
      ),
    ]);
    const rows = parts
      .filter((p) => periods.has(p.periodId))
      .map((p) => ({ p, period: periods.get(p.periodId)!, bodyName: bodyNames.get(p.publicBodyId)!, categoryCode: categories.get(p.categoryId)!.code }))
      .sort((a, b) => b.period.year - a.period.year || BY_NAME.compare(a.bodyName, b.bodyName));
    const schedules = new Map<string, PeriodStage>();
    for (const periodId of new Set(rows.map((r) => r.p.periodId))) {
      const s = await this.periods.stageOf(em, user.organizerId, periodId);
      if (s) schedules.set(periodId, s);
    }
    const items = [];
    for (const r of rows) {
      const ins = await this.instruments.load({ id: r.p.periodId, stage: r.period.stage });
      const sched = schedules.get(r.p.periodId)!;
      const total = ins.questions.filter((q) => appliesTo(q.categoryCodes, r.categoryCode)).length;
      items.push({
        participationId: r.p.id,
        periodId: r.p.periodId,
        publicBody: { id: r.p.publicBodyId, name: r.bodyName },
        categoryCode: r.categoryCode,
        status: r.p.status,
        progress: { verified: verifiedOf.get(r.p.id) ?? 0, total },
        stage: sched.stage,
        timezone: sched.timezone,
        verificationClosesAt: new Date(sched.schedule.VERIFICATION!.closesAt).toISOString(),
        objectionClosesAt: new Date(sched.schedule.OBJECTION!.closesAt).toISOString(),
        objections: objectionsOf.get(r.p.id) ?? { open: 0, total: 0 },
      });
    }
    return { items, total: items.length, page: 1, pageSize: items.length };
  }

  /** Admin view: progress per assessor of a period. */
  async progress(actor: AuthUser, periodId: string) {
    const period = await this.periods.find(actor.organizerId, periodId);
    const em = this.ds.manager;
    const assessors = await this.staff.ofRole(em, actor.organizerId, 'assessor', { orderBy: 'name' });
    const assigned: { participation_id: string; assessor_id: string; verified: string }[] = await em.query(
      `SELECT a.participation_id, a.assessor_id, (SELECT COUNT(*) FROM verifications v WHERE v.participation_id = a.participation_id) AS verified
         FROM assignments a WHERE a.period_id = ?`,
      [period.id],
    );
    const statusOf = new Map(
      (
        await this.participations.byIds(
          em,
          assigned.map((a) => String(a.participation_id)),
        )
      ).map((p) => [p.id, p.status]),
    );
    const tally = new Map<string, { assigned: number; completed: number; verified: number }>();
    for (const a of assigned) {
      const t = tally.get(String(a.assessor_id)) ?? { assigned: 0, completed: 0, verified: 0 };
      t.assigned += 1;
      if (statusOf.get(String(a.participation_id)) !== 'SUBMITTED') t.completed += 1;
      t.verified += Number(a.verified);
      tally.set(String(a.assessor_id), t);
    }
    const rows = assessors.map((u) => {
      const t = tally.get(u.id);
      return { id: u.id, name: u.name, affiliation: u.affiliation, assigned: t?.assigned ?? 0, completed: t?.completed ?? 0, verified_questions: t?.verified ?? 0 };
    });
    return {
      items: rows.map((r) => ({
        assessor: { id: String(r.id), name: r.name, affiliation: r.affiliation },
        assigned: Number(r.assigned),
        completed: Number(r.completed ?? 0),
        verifiedQuestions: Number(r.verified_questions),
      })),
    };
  }
}
