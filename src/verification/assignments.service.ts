import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth-user';
import { notFound, unprocessable } from '../common/errors';
import { InstrumentsService } from '../instruments/instruments.service';
import { appliesTo } from '../instruments/instrument-rules';
import { PeriodsService } from '../periods/periods.service';
import { isBefore } from '../periods/stage-machine';
import { ConflictsService } from '../users/conflicts.service';
import { AssignDto } from './dto/verification.dto';
import { planAssignments } from './verification-rules';
import { inTransaction } from '../database/transaction';
import { ParticipationStatus, SUBMITTED_STATUSES } from '../saq/entities/participation.entity';


@Injectable()
export class AssignmentsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly periods: PeriodsService,
    private readonly instruments: InstrumentsService,
    private readonly conflicts: ConflictsService,
    private readonly audit: AuditService,
  ) {}

  /** Every submitted SAQ gets `perParticipation` assessors, balanced, never one with a conflict. */
  async auto(actor: AuthUser, periodId: string, perParticipation = 1) {
    return inTransaction(this.ds, async (em) => {
      const period = await this.periods.find(actor.organizerId, periodId, em, true);
      this.assertAssignable(period.stage);
      const parts: { id: string; body_id: string; body_name: string }[] = await em.query(
        `SELECT p.id, b.id AS body_id, b.name AS body_name
           FROM participations p JOIN public_bodies b ON b.id = p.public_body_id
          WHERE p.period_id = ? AND p.status IN (?) ORDER BY p.id`,
        [period.id, SUBMITTED_STATUSES],
      );
      // Current assessors as rows, not a GROUP_CONCAT that group_concat_max_len would cut short.
      const current: { participation_id: string; assessor_id: string }[] = await em.query('SELECT participation_id, assessor_id FROM assignments WHERE period_id = ?', [period.id]);
      const assessorsOf = new Map<string, string[]>();
      for (const a of current) {
        const list = assessorsOf.get(String(a.participation_id));
        if (list) list.push(String(a.assessor_id));
        else assessorsOf.set(String(a.participation_id), [String(a.assessor_id)]);
      }
      const assessors: { id: string; affiliation: string | null; assigned_count: string }[] = await em.query(
        `SELECT u.id, u.affiliation, (SELECT COUNT(*) FROM assignments a WHERE a.assessor_id = u.id AND a.period_id = ?) AS assigned_count
           FROM users u WHERE u.organizer_id = ? AND u.role = 'assessor' AND u.active = 1 ORDER BY u.id`,
        [period.id, actor.organizerId],
      );
      const declared = await this.conflicts.declared(em, assessors.map((a) => String(a.id)));
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
      await this.audit.record(em, { organizerId: actor.organizerId, actorId: actor.id, action: 'assignments.auto', entityType: 'period', entityId: period.id, after: { ...result, perParticipation, planned: plan.planned } });
      return result;
    });
  }

  async assign(actor: AuthUser, periodId: string, dto: AssignDto) {
    return inTransaction(this.ds, async (em) => {
      const period = await this.periods.find(actor.organizerId, periodId, em, true);
      this.assertAssignable(period.stage);
      const [assessor] = await em.query(`SELECT id, affiliation FROM users WHERE id = ? AND organizer_id = ? AND role = 'assessor'`, [dto.assessorId, actor.organizerId]);
      if (!assessor) throw notFound('Assessor', dto.assessorId);
      const [part] = await em.query(
        `SELECT p.id, p.status, b.id AS body_id, b.name AS body_name FROM participations p JOIN public_bodies b ON b.id = p.public_body_id WHERE p.id = ? AND p.period_id = ?`,
        [dto.participationId, period.id],
      );
      if (!part) throw notFound('Participation', dto.participationId);
      if (!SUBMITTED_STATUSES.includes(part.status)) throw unprocessable('Only a submitted SAQ can be assigned for verification', { status: part.status });
      await this.conflicts.assertNone(em, { id: String(assessor.id), affiliation: assessor.affiliation }, [{ id: String(part.body_id), name: part.body_name }], 'assessor');
      await em.query('INSERT IGNORE INTO assignments (period_id, participation_id, assessor_id) VALUES (?, ?, ?)', [period.id, part.id, assessor.id]);
      const after = { assessorId: dto.assessorId, participationId: dto.participationId };
      await this.audit.record(em, { organizerId: actor.organizerId, actorId: actor.id, action: 'assignments.assign', entityType: 'participation', entityId: dto.participationId, after });
      return after;
    });
  }

  private assertAssignable(stage: string) {
    if (isBefore(stage as never, 'SAQ') || !isBefore(stage as never, 'VISITATION')) {
      throw unprocessable(`Assessors are assigned from the SAQ stage until objections close (period is in ${stage})`, { stage });
    }
  }

  /** The assessor's participations with verification progress. */
  async mine(user: AuthUser) {
    const rows: { id: string; period_id: string; stage: string; body_id: string; body_name: string; category_code: string; status: ParticipationStatus; verified: string }[] =
      await this.ds.query(
        `SELECT p.id, p.period_id, per.stage, b.id AS body_id, b.name AS body_name, c.code AS category_code, p.status,
                (SELECT COUNT(*) FROM verifications v WHERE v.participation_id = p.id) AS verified
           FROM assignments a
           JOIN participations p ON p.id = a.participation_id
           JOIN periods per ON per.id = p.period_id
           JOIN public_bodies b ON b.id = p.public_body_id
           JOIN categories c ON c.id = p.category_id
          WHERE a.assessor_id = ? ORDER BY per.year DESC, b.name`,
        [user.id],
      );
    const items = [];
    for (const r of rows) {
      const ins = await this.instruments.load({ id: String(r.period_id), stage: r.stage as never });
      const total = ins.questions.filter((q) => appliesTo(q.categoryCodes, r.category_code)).length;
      items.push({
        participationId: String(r.id),
        periodId: String(r.period_id),
        publicBody: { id: String(r.body_id), name: r.body_name },
        categoryCode: r.category_code,
        status: r.status,
        progress: { verified: Number(r.verified), total },
      });
    }
    return { items, total: items.length, page: 1, pageSize: items.length };
  }

  /** Admin view: progress per assessor of a period. */
  async progress(actor: AuthUser, periodId: string) {
    const period = await this.periods.find(actor.organizerId, periodId);
    const rows = await this.ds.query(
      `SELECT u.id, u.name, u.affiliation, COUNT(a.id) AS assigned,
              SUM(p.status <> 'SUBMITTED') AS completed,
              COALESCE(SUM((SELECT COUNT(*) FROM verifications v WHERE v.participation_id = p.id)), 0) AS verified_questions
         FROM users u
         LEFT JOIN assignments a ON a.assessor_id = u.id AND a.period_id = ?
         LEFT JOIN participations p ON p.id = a.participation_id
        WHERE u.organizer_id = ? AND u.role = 'assessor'
        GROUP BY u.id, u.name, u.affiliation ORDER BY u.name`,
      [period.id, actor.organizerId],
    );
    return {
      items: rows.map((r: Record<string, string>) => ({
        assessor: { id: String(r.id), name: r.name, affiliation: r.affiliation },
        assigned: Number(r.assigned),
        completed: Number(r.completed ?? 0),
        verifiedQuestions: Number(r.verified_questions),
      })),
    };
  }
}
