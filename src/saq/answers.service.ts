import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth-user';
import { Clock, CLOCK } from '../common/clock';
import { badRequest, conflict, notFound, unprocessable } from '../common/errors';
import { Question } from '../instruments/entities/question.entity';
import { InstrumentsService, LoadedInstrument } from '../instruments/instruments.service';
import { appliesTo } from '../instruments/instrument-rules';
import { format2 } from '../scoring/decimal';
import { checkAnswerValue, selfPoints } from '../scoring/question-points';
import { SaveAnswerDto } from './dto/saq.dto';
import { ParticipationAccess, ParticipationContext } from './participation-access';
import { effectiveDeadline, evidenceProblem, isHttpUrl } from './saq-rules';
import { inTransaction } from '../database/transaction';

export interface AnswerView {
  questionCode: string;
  value: unknown;
  evidenceIds: string[];
  url: string | null;
  note: string | null;
  selfPoints: string;
  version: number;
  updatedAt: string;
}

@Injectable()
export class AnswersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: ParticipationAccess,
    private readonly instruments: InstrumentsService,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Why the body may not write its SAQ now, or null when it may. */
  writeRefusal(p: ParticipationContext, now: Date): { message: string; details: Record<string, unknown> } | null {
    if (p.stage !== 'SAQ') return { message: `The SAQ is closed: the period is in ${p.stage}`, details: { stage: p.stage } };
    if (p.status === 'SUBMITTED' || p.submittedAt) return { message: 'The SAQ is already submitted and can no longer change', details: { status: p.status } };
    if (p.status === 'NOT_PARTICIPATING') return { message: 'This body no longer takes part in the monev', details: { status: p.status } };
    const deadline = effectiveDeadline(p.schedule.SAQ?.closesAt, p.deadlineOverride);
    if (deadline && now.getTime() >= deadline.getTime()) {
      return { message: `The SAQ deadline passed at ${deadline.toISOString()}`, details: { deadline: deadline.toISOString() } };
    }
    return null;
  }

  /**
   * Saves one answer in one short transaction: the participation row is share-locked (a submit waits
   * for in-flight saves, and no save slips in after a submit), the answer row is locked, and a
   * `version` other than the stored one is 409 with nothing changed.
   */
  async save(user: AuthUser, participationId: string, questionCode: string, dto: SaveAnswerDto): Promise<AnswerView> {
    return inTransaction(this.ds, async (em) => {
      const p = await this.access.load(user, participationId, 'owner', em, 'share');
      const now = this.clock.now();
      const refusal = this.writeRefusal(p, now);
      if (refusal) throw unprocessable(refusal.message, refusal.details);
      const ins = await this.instruments.load({ id: p.periodId, stage: p.stage }, em);
      const q = this.question(ins, p, questionCode);

      const problem = checkAnswerValue(ruleOf(q), dto.value);
      if (problem) throw badRequest(`value: ${problem}`, [{ field: 'value', message: problem }]);
      const evidenceIds = [...new Set(dto.evidenceIds ?? [])];
      const url = dto.url?.trim() || null;
      if (url && !isHttpUrl(url)) throw badRequest('url must be an http(s) link', [{ field: 'url', message: 'url must be an http(s) link' }]);
      const kindProblem = evidenceProblem(q.evidence, { files: evidenceIds.length, url: !!url });
      if (kindProblem) throw badRequest(`question ${q.code}: ${kindProblem}`, [{ field: url && q.evidence !== 'NONE' ? 'url' : 'evidenceIds', message: kindProblem }]);
      if (evidenceIds.length) {
        const found: { id: string }[] = await em.query('SELECT id FROM evidence WHERE participation_id = ? AND id IN (?)', [p.id, evidenceIds]);
        const unknown = evidenceIds.filter((id) => !found.some((f) => String(f.id) === id));
        if (unknown.length) throw badRequest(`Unknown evidence ${unknown.join(', ')} for this SAQ`, [{ field: 'evidenceIds', message: `unknown evidence ${unknown.join(', ')}` }]);
      }
      const points = format2(selfPoints(ruleOf(q), dto.value))!;

      const [current] = await em.query('SELECT id, version, self_points FROM answers WHERE participation_id = ? AND question_id = ? FOR UPDATE', [p.id, q.id]);
      if (dto.version !== undefined && dto.version !== (current ? Number(current.version) : 0)) {
        throw conflict(`Answer ${q.code} was changed meanwhile (version ${current ? current.version : 0}, yours ${dto.version}); reload and retry`, {
          currentVersion: current ? Number(current.version) : 0,
        });
      }
      const row = [JSON.stringify(dto.value), evidenceIds.length ? JSON.stringify(evidenceIds) : null, url, dto.note ?? null, points, user.id, now];
      let version: number;
      if (current) {
        version = Number(current.version) + 1;
        await em.query(
          'UPDATE answers SET value = ?, evidence_ids = ?, url = ?, note = ?, self_points = ?, updated_by = ?, updated_at = ?, version = ? WHERE id = ?',
          [...row, version, current.id],
        );
      } else {
        version = 1;
        await em.query(
          'INSERT INTO answers (value, evidence_ids, url, note, self_points, updated_by, updated_at, version, participation_id, question_id) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)',
          [...row, p.id, q.id],
        );
      }
      if (p.status === 'INVITED') {
        await em.query(`UPDATE participations SET status = 'IN_PROGRESS', started_at = ?, version = version + 1 WHERE id = ? AND status = 'INVITED'`, [now, p.id]);
      }
      await this.audit.record(em, {
        organizerId: p.organizerId,
        actorId: user.id,
        action: 'answer.save',
        entityType: 'answer',
        entityId: `${p.id}:${q.code}`,
        before: current ? { version: Number(current.version), selfPoints: current.self_points } : null,
        after: { version, selfPoints: points },
      });
      return { questionCode: q.code, value: dto.value, evidenceIds, url, note: dto.note ?? null, selfPoints: points, version, updatedAt: now.toISOString() };
    });
  }

  private question(ins: LoadedInstrument, p: ParticipationContext, code: string): Question {
    const q = ins.byCode.get(code);
    if (!q) throw notFound('Question', code);
    if (!appliesTo(q.categoryCodes, p.categoryCode)) {
      throw unprocessable(`Question ${code} does not apply to category ${p.categoryCode}`, { questionCode: code, categoryCode: p.categoryCode });
    }
    return q;
  }

  async list(user: AuthUser, participationId: string): Promise<{ items: AnswerView[] }> {
    const p = await this.access.load(user, participationId, 'read');
    const rows: { code: string; value: string; evidence_ids: string | null; url: string | null; note: string | null; self_points: string; version: number; updated_at: Date }[] =
      await this.ds.query(
        `SELECT q.code, a.value, a.evidence_ids, a.url, a.note, a.self_points, a.version, a.updated_at
           FROM answers a JOIN questions q ON q.id = a.question_id
          WHERE a.participation_id = ? ORDER BY q.position`,
        [p.id],
      );
    return {
      items: rows.map((r) => ({
        questionCode: r.code,
        value: JSON.parse(r.value),
        evidenceIds: r.evidence_ids ? JSON.parse(r.evidence_ids) : [],
        url: r.url,
        note: r.note,
        selfPoints: format2(r.self_points)!,
        version: Number(r.version),
        updatedAt: new Date(r.updated_at).toISOString(),
      })),
    };
  }
}

export const ruleOf = (q: Question) => ({ type: q.type, maxPoints: q.maxPoints, options: q.options ?? undefined, thresholds: q.thresholds ?? undefined });
