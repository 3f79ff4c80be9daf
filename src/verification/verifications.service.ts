import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ParticipationAccess, ParticipationContext } from '../access/participation-access';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth-user';
import { Clock, CLOCK } from '../common/clock';
import { CommonErrorCode } from '../common/error-codes';
import { badRequest, conflict, forbidden, unprocessable } from '../common/errors';
import { FieldErrorCode } from '../common/field-error';
import { inTransaction } from '../database/transaction';
import { appliesTo } from '../instruments/instrument-rules';
import { applicableQuestion, InstrumentsService } from '../instruments/instruments.service';
import { isBefore, isWindowOpen } from '../periods/stage-machine';
import { AnswersService } from '../saq/answers.service';
import { SUBMITTED_STATUSES } from '../saq/entities/participation.entity';
import { ParticipationRecords } from '../saq/participation-records';
import { dec, format2 } from '../scoring/decimal';
import { saqScore, tallyAspects } from '../scoring/saq-score';
import { ObjectionStatus } from './dto/verification-response.dto';
import { VerifyDto } from './dto/verification.dto';
import { checkVerification, effectivePoints, VerificationStatus } from './verification-rules';
import { VerificationErrorCode } from './verification.errors';

const VERIFIABLE = ['SUBMITTED', 'VERIFIED'];

interface VerificationRow {
  question_id: string;
  code: string;
  points: string | null;
  objection_points: string | null;
  status: VerificationStatus | null;
  note: string | null;
  version: number | null;
  self_points: string | null;
}

@Injectable()
export class VerificationsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: ParticipationAccess,
    private readonly instruments: InstrumentsService,
    private readonly answers: AnswersService,
    private readonly participations: ParticipationRecords,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** An admin, or an assessor assigned to the participation (others: 404 via the access check, PPIDs: 403). */
  async loadForJudge(user: AuthUser, id: string, em: EntityManager, lock?: 'share' | 'update'): Promise<ParticipationContext> {
    if (user.role !== 'admin' && user.role !== 'assessor') throw forbidden(CommonErrorCode.FORBIDDEN_ROLE, 'Only its assessor or an admin may do this');
    return this.access.load(user, id, 'read', em, lock);
  }

  /**
   * Keeps aspect_subtotals equal to the sum of effective points per aspect, in the caller's
   * transaction: every write of a verification's points or objection points passes the question's
   * effective points (`effectivePoints`) before and after it.
   */
  async moveSubtotal(em: EntityManager, participationId: string, aspectId: string, before: string | null, after: string | null): Promise<void> {
    await em.query('INSERT INTO aspect_subtotals (participation_id, aspect_id, points) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE points = points + VALUES(points)', [
      participationId,
      aspectId,
      format2(dec(after ?? 0).minus(before ?? 0)),
    ]);
  }

  async verify(user: AuthUser, participationId: string, code: string, dto: VerifyDto) {
    return inTransaction(this.ds, async (em) => {
      const p = await this.loadForJudge(user, participationId, em, 'share');
      const now = this.clock.now();
      // After the panel, only an admin may still change verified points: a correction, which the
      // next ranking run (and a re-publication) carries; it must say why.
      const correction = user.role === 'admin' && (p.stage === 'FINALIZATION' || p.stage === 'PUBLISHED');
      if (!correction && !isWindowOpen(p.stage, 'VERIFICATION', new Date(p.schedule.VERIFICATION!.closesAt), now)) {
        throw unprocessable(
          p.stage === 'VERIFICATION' ? VerificationErrorCode.WINDOW_CLOSED : VerificationErrorCode.NOT_OPEN,
          p.stage === 'VERIFICATION' ? 'The verification window has closed' : `Verification is closed: the period is in ${p.stage}`,
          { stage: p.stage },
        );
      }
      if (correction && !dto.note?.trim())
        throw badRequest(VerificationErrorCode.CORRECTION_NOTE_REQUIRED, 'A correction needs a note', [
          { field: 'note', message: 'note is required for a correction after verification', code: FieldErrorCode.REQUIRED },
        ]);
      if (!(correction ? SUBMITTED_STATUSES : VERIFIABLE).includes(p.status))
        throw unprocessable(VerificationErrorCode.SAQ_NOT_SUBMITTED, `Only a submitted SAQ can be verified (status ${p.status})`, { status: p.status });
      const ins = await this.instruments.load({ id: p.periodId, stage: p.stage }, em);
      const q = applicableQuestion(ins, p.categoryCode, code);
      const selfPoints = (await this.answers.selfPoints(em, p.id, q.id)).get(q.id) ?? null;
      const checked = checkVerification({ status: dto.status, points: dto.points, note: dto.note, selfPoints, maxPoints: q.maxPoints });
      if (checked.errors.length) throw badRequest(VerificationErrorCode.INVALID, checked.errors.map((e) => e.message).join('; '), checked.errors);
      const points = format2(checked.points)!;
      const [current] = await em.query('SELECT id, points, objection_points, status, note, version FROM verifications WHERE participation_id = ? AND question_id = ? FOR UPDATE', [
        p.id,
        q.id,
      ]);
      const currentVersion = current ? Number(current.version) : 0;
      if (dto.version !== undefined && dto.version !== currentVersion) {
        throw conflict(CommonErrorCode.STALE_VERSION, `The verification of ${q.code} was changed meanwhile (version ${currentVersion}, yours ${dto.version}); reload and retry`, {
          currentVersion,
        });
      }
      const version = currentVersion + 1;
      if (current) {
        await em.query('UPDATE verifications SET points = ?, status = ?, note = ?, version = ?, verified_by = ?, updated_at = ? WHERE id = ?', [
          points,
          dto.status,
          dto.note ?? null,
          version,
          user.id,
          now,
          current.id,
        ]);
      } else {
        await em.query(
          'INSERT INTO verifications (participation_id, question_id, aspect_id, points, status, note, version, verified_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)',
          [p.id, q.id, q.aspectId, points, dto.status, dto.note ?? null, user.id, now],
        );
      }
      await this.moveSubtotal(em, p.id, q.aspectId, effectivePoints(current), effectivePoints({ points, objection_points: current?.objection_points ?? null }));
      const before = current ? { points: current.points, status: current.status, note: current.note, version: currentVersion } : null;
      const after = { points, status: dto.status, note: dto.note ?? null, version };
      await this.audit.record(em, {
        organizerId: p.organizerId,
        actorId: user.id,
        action: correction ? 'verification.correct' : 'verification.save',
        entityType: 'verification',
        entityId: `${p.id}:${q.code}`,
        before,
        after,
      });
      return { questionCode: q.code, selfPoints: format2(selfPoints), verifiedPoints: points, ...after };
    });
  }

  /** VERIFIED once every applicable question has verified points; otherwise 422 listing the rest. */
  async complete(user: AuthUser, participationId: string) {
    return inTransaction(this.ds, async (em) => {
      const p = await this.loadForJudge(user, participationId, em, 'update');
      if (p.stage !== 'VERIFICATION') throw unprocessable(VerificationErrorCode.NOT_OPEN, `Verification is closed: the period is in ${p.stage}`, { stage: p.stage });
      if (!VERIFIABLE.includes(p.status))
        throw unprocessable(VerificationErrorCode.SAQ_NOT_SUBMITTED, `Only a submitted SAQ can be verified (status ${p.status})`, { status: p.status });
      const ins = await this.instruments.load({ id: p.periodId, stage: p.stage }, em);
      const rows: { question_id: string }[] = await em.query('SELECT question_id FROM verifications WHERE participation_id = ?', [p.id]);
      const done = new Set(rows.map((r) => String(r.question_id)));
      const unverified = ins.questions.filter((q) => appliesTo(q.categoryCodes, p.categoryCode) && !done.has(q.id)).map((q) => q.code);
      if (unverified.length) throw unprocessable(VerificationErrorCode.QUESTIONS_UNVERIFIED, `${unverified.length} question(s) are not verified yet`, { unverified });
      await this.participations.markVerified(em, p.id);
      await this.audit.record(em, {
        organizerId: p.organizerId,
        actorId: user.id,
        action: 'verification.complete',
        entityType: 'participation',
        entityId: p.id,
        before: { status: p.status },
        after: { status: 'VERIFIED' },
      });
      return { id: p.id, status: 'VERIFIED' as const };
    });
  }

  /**
   * Per question: self, verified and effective points, status, note and objection; and the verified
   * SAQ score (objections applied) explained per aspect. The owner sees it from OBJECTION on.
   */
  async explain(user: AuthUser, participationId: string) {
    const p = await this.access.load(user, participationId, 'read');
    if (user.role === 'public_body' && isBefore(p.stage, 'OBJECTION')) {
      throw unprocessable(VerificationErrorCode.RESULTS_NOT_SHOWN_YET, 'The verification results are shown from the OBJECTION stage on', { stage: p.stage });
    }
    const ins = await this.instruments.load({ id: p.periodId, stage: p.stage });
    const verified: Omit<VerificationRow, 'code' | 'self_points'>[] = await this.ds.query(
      'SELECT question_id, points, objection_points, status, note, version FROM verifications WHERE participation_id = ?',
      [p.id],
    );
    const selfPoints = await this.answers.selfPoints(this.ds.manager, p.id);
    const verifiedByQuestion = new Map(verified.map((v) => [String(v.question_id), v]));
    const rows: VerificationRow[] = ins.questions.map((q) => ({
      points: null,
      objection_points: null,
      status: null,
      note: null,
      version: null,
      ...verifiedByQuestion.get(q.id),
      question_id: q.id,
      code: q.code,
      self_points: selfPoints.get(q.id) ?? null,
    }));
    const objections: {
      id: string;
      question_id: string;
      status: ObjectionStatus;
      reason: string;
      points_before: string;
      points_after: string | null;
      decision_note: string | null;
      evidence_ids: string | null;
      url: string | null;
      created_at: Date;
    }[] = await this.ds.query(
      'SELECT id, question_id, status, reason, points_before, points_after, decision_note, evidence_ids, url, created_at FROM objections WHERE participation_id = ? ORDER BY id',
      [p.id],
    );
    const byQuestion = new Map(rows.map((r) => [String(r.question_id), r]));
    const applicable = ins.questions.filter((q) => appliesTo(q.categoryCodes, p.categoryCode));
    const items = applicable.map((q) => {
      const r = byQuestion.get(q.id);
      const effective = effectivePoints(r);
      const objection = objections.filter((o) => String(o.question_id) === q.id).pop();
      return {
        questionCode: q.code,
        aspectCode: ins.aspectById.get(q.aspectId)!.code,
        maxPoints: format2(q.maxPoints)!,
        selfPoints: format2(r?.self_points ?? null),
        verifiedPoints: format2(r?.points ?? null),
        effectivePoints: format2(effective),
        status: r?.status ?? null,
        note: r?.note ?? null,
        version: r?.version ?? 0,
        objection: objection
          ? {
              id: String(objection.id),
              status: objection.status,
              reason: objection.reason,
              pointsBefore: format2(objection.points_before)!,
              pointsAfter: format2(objection.points_after),
              decisionNote: objection.decision_note,
              evidenceIds: objection.evidence_ids ? (JSON.parse(objection.evidence_ids) as unknown[]).map(String) : [],
              url: objection.url,
              createdAt: new Date(objection.created_at).toISOString(),
            }
          : null,
      };
    });
    const tallies = tallyAspects(
      ins.aspects,
      applicable.map((q, i) => ({ aspectCode: ins.aspectById.get(q.aspectId)!.code, points: items[i].effectivePoints, maxPoints: q.maxPoints })),
    );
    const score = saqScore(tallies);
    return {
      participationId: p.id,
      status: p.status,
      saqScore: format2(score.score)!,
      saqScoreExact: score.score.toString(),
      aspects: score.aspects.map((a) => ({
        code: a.code,
        share: a.share.toString(),
        effectiveWeight: a.effectiveWeight.toString(),
        contribution: format2(a.contribution)!,
        dropped: a.dropped,
      })),
      items,
    };
  }
}
