import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ParticipationAccess } from '../access/participation-access';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth-user';
import { Clock, CLOCK } from '../common/clock';
import { badRequest, conflict, notFound, unprocessable } from '../common/errors';
import { FieldErrorCode } from '../common/field-error';
import { inTransaction } from '../database/transaction';
import { applicableQuestion, InstrumentsService } from '../instruments/instruments.service';
import { isWindowOpen } from '../periods/stage-machine';
import { EvidenceService } from '../saq/evidence.service';
import { isHttpUrl } from '../saq/saq-rules';
import { dec, format2 } from '../scoring/decimal';
import { DecideObjectionDto, FileObjectionDto } from './dto/verification.dto';
import { effectivePoints } from './verification-rules';
import { ObjectionErrorCode } from './verification.errors';
import { VerificationsService } from './verifications.service';

/** A decided objection, as the modules above verification (notices) learn of it. */
export interface ObjectionDecided {
  objectionId: string;
  organizerId: string;
  periodId: string;
  participationId: string;
  publicBodyId: string;
  questionCode: string;
  decision: 'ACCEPTED' | 'REJECTED';
  pointsBefore: string;
  pointsAfter: string | null;
  note: string;
  at: Date;
}

export type ObjectionDecidedListener = (em: EntityManager, e: ObjectionDecided) => Promise<void>;

/** Objections (sanggah): a body contests a question's verified points; its assessor or an admin decides. */
@Injectable()
export class ObjectionsService {
  private readonly decidedListeners: ObjectionDecidedListener[] = [];

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: ParticipationAccess,
    private readonly instruments: InstrumentsService,
    private readonly verifications: VerificationsService,
    private readonly evidence: EvidenceService,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async file(user: AuthUser, participationId: string, dto: FileObjectionDto) {
    return inTransaction(this.ds, async (em) => {
      const p = await this.access.load(user, participationId, 'owner', em, 'share');
      const now = this.clock.now();
      if (!isWindowOpen(p.stage, 'OBJECTION', new Date(p.schedule.OBJECTION!.closesAt), now)) {
        throw unprocessable(
          p.stage === 'OBJECTION' ? ObjectionErrorCode.WINDOW_CLOSED : ObjectionErrorCode.NOT_OPEN,
          p.stage === 'OBJECTION' ? 'The objection window has closed' : `Objections are not open: the period is in ${p.stage}`,
          { stage: p.stage },
        );
      }
      if (p.status !== 'VERIFIED') throw unprocessable(ObjectionErrorCode.SAQ_NOT_VERIFIED, `Only a verified SAQ can be contested (status ${p.status})`, { status: p.status });
      const ins = await this.instruments.load({ id: p.periodId, stage: p.stage }, em);
      const q = applicableQuestion(ins, p.categoryCode, dto.questionCode);
      const [v] = await em.query('SELECT points, objection_points FROM verifications WHERE participation_id = ? AND question_id = ?', [p.id, q.id]);
      if (!v) throw unprocessable(ObjectionErrorCode.NO_VERIFIED_POINTS, `Question ${q.code} has no verified points to contest`, { questionCode: q.code });
      const url = dto.url?.trim() || null;
      if (url && !isHttpUrl(url))
        throw badRequest(ObjectionErrorCode.URL_NOT_HTTP, 'url must be an http(s) link', [
          { field: 'url', message: 'url must be an http(s) link', code: FieldErrorCode.NOT_HTTP_URL },
        ]);
      const evidenceIds = [...new Set(dto.evidenceIds ?? [])];
      if (evidenceIds.length) {
        const found = await this.evidence.idsOf(em, p.id, evidenceIds);
        const unknown = evidenceIds.filter((id) => !found.has(id));
        if (unknown.length)
          throw badRequest(ObjectionErrorCode.UNKNOWN_EVIDENCE, `Unknown evidence ${unknown.join(', ')}`, [
            { field: 'evidenceIds', message: `unknown evidence ${unknown.join(', ')}`, code: FieldErrorCode.UNKNOWN_REFERENCE },
          ]);
      }
      const [open] = await em.query(`SELECT id FROM objections WHERE participation_id = ? AND question_id = ? AND status = 'OPEN' FOR UPDATE`, [p.id, q.id]);
      if (open) throw conflict(ObjectionErrorCode.ALREADY_OPEN, `An objection on ${q.code} is already open`, { objectionId: String(open.id) });
      const pointsBefore = v.objection_points ?? v.points;
      const r = await em.query(
        'INSERT INTO objections (participation_id, question_id, reason, evidence_ids, url, points_before, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [p.id, q.id, dto.reason, evidenceIds.length ? JSON.stringify(evidenceIds) : null, url, pointsBefore, user.id, now],
      );
      const view = {
        id: String(r.insertId),
        participationId: p.id,
        questionCode: q.code,
        status: 'OPEN' as const,
        reason: dto.reason,
        evidenceIds,
        url,
        pointsBefore: format2(pointsBefore)!,
        createdAt: now.toISOString(),
      };
      await this.audit.record(em, { organizerId: p.organizerId, actorId: user.id, action: 'objection.file', entityType: 'objection', entityId: view.id, after: view });
      return view;
    });
  }

  /** Called inside the decision's transaction, so what a listener writes commits with the decision. */
  onDecided(listener: ObjectionDecidedListener): void {
    this.decidedListeners.push(listener);
  }

  /** ACCEPTED replaces the question's verified points with `points`; REJECTED keeps them. Until the period leaves OBJECTION. */
  async decide(user: AuthUser, objectionId: string, dto: DecideObjectionDto) {
    return inTransaction(this.ds, async (em) => {
      const [o] = await em.query('SELECT id, participation_id, question_id, status, points_before FROM objections WHERE id = ? FOR UPDATE', [objectionId]);
      if (!o) throw notFound(ObjectionErrorCode.NOT_FOUND, 'Objection', objectionId);
      const p = await this.verifications.loadForJudge(user, String(o.participation_id), em, 'share').catch(() => {
        throw notFound(ObjectionErrorCode.NOT_FOUND, 'Objection', objectionId);
      });
      if (p.stage !== 'OBJECTION')
        throw unprocessable(ObjectionErrorCode.DECISION_CLOSED, `Objections can be decided until the period leaves OBJECTION (it is in ${p.stage})`, { stage: p.stage });
      if (o.status !== 'OPEN') throw conflict(ObjectionErrorCode.ALREADY_DECIDED, `This objection was already ${String(o.status).toLowerCase()}`, { status: o.status });
      const ins = await this.instruments.load({ id: p.periodId, stage: p.stage }, em);
      const q = ins.questions.find((x) => x.id === String(o.question_id))!;
      let pointsAfter: string | null = null;
      if (dto.decision === 'ACCEPTED') {
        if (dto.points === undefined)
          throw badRequest(ObjectionErrorCode.POINTS_REQUIRED, 'An accepted objection needs the new points', [
            { field: 'points', message: 'points is required when the decision is ACCEPTED', code: FieldErrorCode.REQUIRED },
          ]);
        if (dec(dto.points).gt(q.maxPoints))
          throw badRequest(ObjectionErrorCode.POINTS_OUT_OF_RANGE, 'points above the maximum', [
            { field: 'points', message: `points must be between 0 and ${format2(q.maxPoints)}`, code: FieldErrorCode.OUT_OF_RANGE },
          ]);
        pointsAfter = format2(dto.points)!;
        const [v] = await em.query('SELECT points, objection_points FROM verifications WHERE participation_id = ? AND question_id = ? FOR UPDATE', [p.id, q.id]);
        await em.query('UPDATE verifications SET objection_points = ?, version = version + 1 WHERE participation_id = ? AND question_id = ?', [pointsAfter, p.id, q.id]);
        await this.verifications.moveSubtotal(em, p.id, q.aspectId, effectivePoints(v), effectivePoints({ points: v.points, objection_points: pointsAfter }));
      }
      const now = this.clock.now();
      await em.query('UPDATE objections SET status = ?, points_after = ?, decision_note = ?, decided_by = ?, decided_at = ? WHERE id = ?', [
        dto.decision,
        pointsAfter,
        dto.note,
        user.id,
        now,
        o.id,
      ]);
      const after = { status: dto.decision, pointsAfter, decisionNote: dto.note, decidedAt: now.toISOString() };
      await this.audit.record(em, {
        organizerId: p.organizerId,
        actorId: user.id,
        action: 'objection.decide',
        entityType: 'objection',
        entityId: String(o.id),
        before: { status: 'OPEN', points: format2(o.points_before) },
        after,
      });
      const decided: ObjectionDecided = {
        objectionId: String(o.id),
        organizerId: p.organizerId,
        periodId: p.periodId,
        participationId: p.id,
        publicBodyId: p.publicBodyId,
        questionCode: q.code,
        decision: dto.decision,
        pointsBefore: format2(o.points_before)!,
        pointsAfter,
        note: dto.note,
        at: now,
      };
      for (const l of this.decidedListeners) await l(em, decided);
      return { id: String(o.id), participationId: p.id, questionCode: q.code, pointsBefore: format2(o.points_before)!, ...after };
    });
  }
}
