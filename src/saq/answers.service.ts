import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ParticipationAccess, ParticipationContext } from '../access/participation-access';
import { AuthUser } from '../common/auth-user';
import { Clock, CLOCK } from '../common/clock';
import { CommonErrorCode } from '../common/error-codes';
import { badRequest, busy, conflict, unprocessable } from '../common/errors';
import { FieldErrorCode } from '../common/field-error';
import { currentRequestId } from '../common/request-context';
import { driverErrorCode, isDatabaseUnreachable, isLockContention } from '../database/db-errors';
import { poolQuery, withPoolConnection, WriteResult } from '../database/pool-query';
import { StatementBatch } from '../database/statement-batch';
import { Question } from '../instruments/entities/question.entity';
import { applicableQuestion, InstrumentsService } from '../instruments/instruments.service';
import { format2 } from '../scoring/decimal';
import { checkAnswerValue, selfPoints } from '../scoring/question-points';
import { SaveAnswerInput } from './answer-input';
import { AnswerDto } from './dto/participation.dto';
import { evidenceProblem, isHttpUrl, saqWriteRefusal } from './saq-rules';
import { SaqErrorCode } from './saq.errors';

/** An answer as the API shows it. */
export type AnswerView = AnswerDto;

@Injectable()
export class AnswersService {
  private readonly logger = new Logger('Answers');
  /** Whether the connected server takes INSERT ... RETURNING (read once). */
  private returnsRows: boolean | undefined;
  /** The saves without an expected version on MariaDB: those arriving together are one statement. */
  readonly upserts = new StatementBatch<UpsertRow, number>({
    key: (r) => r.key,
    one: async (r) => (await this.upsertMany([r]))[0],
    many: (rows) => this.upsertMany(rows),
    // A refusal by the server (a row's guard, a deadlock) undid the whole statement: each save alone
    // finds its own outcome. Anything else (the database unreachable, a reply lost) fails them all.
    retryAlone: (e) => driverErrorCode(e) !== undefined && !isDatabaseUnreachable(e),
  });

  /** One upsert statement of `rows` (MariaDB: RETURNING), answering each row's new version in the rows' order. */
  private async upsertMany(rows: UpsertRow[]): Promise<number[]> {
    // In key order, so concurrent statements lock the answers rows in one order.
    const sorted = [...rows].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const written = await poolQuery<{ participation_id: number | string; question_id: number | string; version: number }[]>(
      this.ds,
      upsertReturningSql(sorted.length),
      sorted.flatMap((r) => r.params),
    );
    const versions = new Map(written.map((w) => [`${w.participation_id}:${w.question_id}`, Number(w.version)]));
    return rows.map((r) => {
      const v = versions.get(r.key);
      if (v === undefined) throw new Error(`the batched upsert answered no row for answer ${r.key}`);
      return v;
    });
  }

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: ParticipationAccess,
    private readonly instruments: InstrumentsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Saves one answer: the hottest write of the service, so in the common case it is one statement
   * (its audit row is written by a trigger in the same statement, see migration AnswerAudit).
   *
   * The rules (stage, status, deadline) are checked here on the participation's context, which may
   * come from a process-local cache; the statement then writes only if the participation and period
   * rows still have the versions that context was read at (checked by the answers table's audit
   * triggers, migration AnswerSaveGuard), holding a share lock on them, so a submit,
   * a stage move or a deadline change that committed meanwhile makes it write nothing. Then the
   * context is read afresh and the rules are checked again. With a `version`, the write is also a
   * compare-and-set on the answer: a stale one is 409 with nothing changed.
   */
  async save(user: AuthUser, participationId: string, questionCode: string, dto: SaveAnswerInput): Promise<AnswerView> {
    let p = await this.access.loadForOwnerWrite(user, participationId, false);
    let fresh = false;
    const ins = await this.instruments.load({ id: p.periodId, stage: p.stage });
    const q = applicableQuestion(ins, p.categoryCode, questionCode);
    const answer = await this.checkedAnswer(p, q, dto);
    for (let attempt = 1; ; attempt++) {
      const now = this.clock.now();
      const refusal = saqWriteRefusal(p, now);
      if (refusal && !fresh) {
        p = await this.access.loadForOwnerWrite(user, participationId, true);
        fresh = true;
        continue;
      }
      if (refusal) throw unprocessable(refusal.code, refusal.message, refusal.details);

      const written = await this.write(user, p, q.id, answer, dto.version, now);
      if (typeof written === 'number') {
        if (p.status === 'INVITED') await this.markStarted(p, now);
        return {
          questionCode: q.code,
          value: dto.value,
          evidenceIds: answer.evidenceIds,
          url: answer.url,
          note: answer.note,
          selfPoints: answer.points,
          version: written,
          updatedAt: now.toISOString(),
        };
      }
      const current = await this.access.loadForOwnerWrite(user, participationId, true);
      const contextMoved = current.version !== p.version || current.periodVersion !== p.periodVersion;
      if (written === 'not-written' && !contextMoved && dto.version !== undefined) {
        const [row] = await this.ds.query('SELECT version FROM answers WHERE participation_id = ? AND question_id = ?', [p.id, q.id]);
        const currentVersion = row ? Number(row.version) : 0;
        throw conflict(CommonErrorCode.STALE_VERSION, `Answer ${q.code} was changed meanwhile (version ${currentVersion}, yours ${dto.version}); reload and retry`, {
          currentVersion,
        });
      }
      if (attempt >= MAX_SAVE_ATTEMPTS) {
        if (written === 'retry')
          throw busy(CommonErrorCode.BUSY, `Answer ${q.code} was not saved: too many concurrent writes; try again in a moment`, { questionCode: q.code, retryAfterSeconds: 1 });
        throw conflict(SaqErrorCode.CHANGED_DURING_SAVE, `The SAQ changed while answer ${q.code} was being saved; reload and try again`, { questionCode: q.code });
      }
      p = current;
      fresh = true;
    }
  }

  /** The value checked against the question, its evidence and its points. */
  private async checkedAnswer(p: ParticipationContext, q: Question, dto: SaveAnswerInput): Promise<CheckedAnswer> {
    const problem = checkAnswerValue(ruleOf(q), dto.value);
    if (problem) throw badRequest(SaqErrorCode.VALUE_INVALID, `value: ${problem}`, [{ field: 'value', message: problem, code: FieldErrorCode.INVALID }]);
    const evidenceIds = [...new Set(dto.evidenceIds ?? [])];
    const url = dto.url?.trim() || null;
    if (url && !isHttpUrl(url))
      throw badRequest(SaqErrorCode.URL_NOT_HTTP, 'url must be an http(s) link', [{ field: 'url', message: 'url must be an http(s) link', code: FieldErrorCode.NOT_HTTP_URL }]);
    const kindProblem = evidenceProblem(q.evidence, { files: evidenceIds.length, url: !!url });
    if (kindProblem)
      throw badRequest(SaqErrorCode.EVIDENCE_KIND_MISMATCH, `question ${q.code}: ${kindProblem}`, [
        { field: url && q.evidence !== 'NONE' ? 'url' : 'evidenceIds', message: kindProblem, code: FieldErrorCode.INVALID },
      ]);
    if (evidenceIds.length) {
      const found: { id: string }[] = await this.ds.query('SELECT id FROM evidence WHERE participation_id = ? AND id IN (?)', [p.id, evidenceIds]);
      const unknown = evidenceIds.filter((id) => !found.some((f) => String(f.id) === id));
      if (unknown.length)
        throw badRequest(SaqErrorCode.UNKNOWN_EVIDENCE, `Unknown evidence ${unknown.join(', ')} for this SAQ`, [
          { field: 'evidenceIds', message: `unknown evidence ${unknown.join(', ')}`, code: FieldErrorCode.UNKNOWN_REFERENCE },
        ]);
    }
    return { value: dto.value, evidenceIds, url, note: dto.note ?? null, points: format2(selfPoints(ruleOf(q), dto.value))! };
  }

  /**
   * One statement, guarded by the context's versions (see `save`: migration AnswerSaveGuard's audit triggers
   * compare them). Without an expected version it inserts or overwrites; with 0 it only inserts; with
   * n it only updates version n. Answers the new version, 'not-written' when the guard or the
   * compare-and-set refused, or 'retry' on a deadlock.
   */
  private async write(
    user: AuthUser,
    p: ParticipationContext,
    questionId: string,
    a: CheckedAnswer,
    expected: number | undefined,
    now: Date,
  ): Promise<number | 'not-written' | 'retry'> {
    const columns = [
      JSON.stringify(a.value),
      a.evidenceIds.length ? JSON.stringify(a.evidenceIds) : null,
      a.url,
      a.note,
      a.points,
      user.id,
      now,
      currentRequestId() ?? null,
      p.version,
      p.periodVersion,
    ];
    try {
      if (expected !== undefined && expected > 0) {
        const r = await poolQuery<WriteResult>(this.ds, UPDATE_VERSION_SQL, [...columns, p.id, questionId, expected]);
        return r.affectedRows === 1 ? expected + 1 : 'not-written';
      }
      const params = [p.id, questionId, ...columns];
      if (expected === 0) return (await poolQuery<WriteResult>(this.ds, INSERT_SQL, params)).affectedRows === 1 ? 1 : 'not-written';
      if ((this.returnsRows ??= returnsRows(this.ds))) {
        // One statement, shared with the saves that arrive with it: MariaDB hands each row's version back.
        return await this.upserts.write({ key: `${p.id}:${questionId}`, params });
      }
      params.push(...columns);
      return await withPoolConnection(this.ds, async (query) => {
        // 1 for an insert (version 1), 2 for an update, whose new version the session's LAST_INSERT_ID
        // holds (the audit trigger's own insert hides it from the statement's reply).
        const r = await query<WriteResult>(UPSERT_SQL, params);
        if (r.affectedRows !== 2) return 1;
        const [row] = await query<{ version: string }[]>('SELECT LAST_INSERT_ID() AS version', []);
        return Number(row.version);
      });
    } catch (e) {
      const code = driverErrorCode(e);
      if (code === GUARD_REFUSED) return 'not-written';
      if (code === 'ER_DUP_ENTRY' && expected === 0) return 'not-written';
      if (isLockContention(e)) return 'retry';
      throw e;
    }
  }

  /**
   * INVITED -> IN_PROGRESS at the first saved answer; its own statement, after the answer is in, and
   * best effort: the answer is saved whatever happens here (nothing reads INVITED and IN_PROGRESS
   * differently but the display, and the next save tries again).
   */
  private async markStarted(p: ParticipationContext, now: Date): Promise<void> {
    try {
      const r = await poolQuery<WriteResult>(
        this.ds,
        `UPDATE participations SET status = 'IN_PROGRESS', started_at = ?, version = version + 1 WHERE id = ? AND status = 'INVITED'`,
        [now, p.id],
      );
      if (r.affectedRows === 1) this.access.rememberForWrite({ ...p, status: 'IN_PROGRESS', startedAt: now, version: p.version + 1 });
    } catch (e) {
      this.logger.warn(`Answer saved, but participation ${p.id} stays INVITED for now: ${(e as Error).message}`);
    }
  }

  /** The participation's self-assessed points by question id (verification reads them beside its own). */
  async selfPoints(em: EntityManager, participationId: string, questionId?: string): Promise<Map<string, string>> {
    const rows: { question_id: string; self_points: string }[] = questionId
      ? await em.query('SELECT question_id, self_points FROM answers WHERE participation_id = ? AND question_id = ?', [participationId, questionId])
      : await em.query('SELECT question_id, self_points FROM answers WHERE participation_id = ?', [participationId]);
    return new Map(rows.map((r) => [String(r.question_id), r.self_points]));
  }

  async list(user: AuthUser, participationId: string): Promise<{ items: AnswerView[] }> {
    const p = await this.access.load(user, participationId, 'read');
    const ins = await this.instruments.load({ id: p.periodId, stage: p.stage });
    const questionOrder = new Map(ins.questions.map((q, i) => [String(q.id), i]));
    const answered: {
      question_id: string;
      value: string;
      evidence_ids: string | null;
      url: string | null;
      note: string | null;
      self_points: string;
      version: number;
      updated_at: Date;
    }[] = await this.ds.query('SELECT question_id, value, evidence_ids, url, note, self_points, version, updated_at FROM answers WHERE participation_id = ?', [p.id]);
    const rows = answered
      .filter((r) => questionOrder.has(String(r.question_id)))
      .sort((a, b) => questionOrder.get(String(a.question_id))! - questionOrder.get(String(b.question_id))!)
      .map((r) => ({ ...r, code: ins.questions[questionOrder.get(String(r.question_id))!].code }));
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

/** One save's upsert: its row's key (participation:question) and the statement's values for it. */
interface UpsertRow {
  key: string;
  params: unknown[];
}

interface CheckedAnswer {
  value: unknown;
  evidenceIds: string[];
  url: string | null;
  note: string | null;
  points: string;
}

const MAX_SAVE_ATTEMPTS = 3;
/** The last two are the participation's and period's versions the save was checked on, which the audit triggers check (migration AnswerSaveGuard). */
const ANSWER_COLUMNS = 'value, evidence_ids, url, note, self_points, updated_by, updated_at, request_id, checked_participation_version, checked_period_version';
const setColumns = (table: string) =>
  ANSWER_COLUMNS.split(', ')
    .map((c) => `${table}.${c} = ?`)
    .join(', ');
/** One answer's values: participation, question, ANSWER_COLUMNS, version 1. */
const ANSWER_ROW = `(${Array(2 + ANSWER_COLUMNS.split(', ').length)
  .fill('?')
  .join(', ')}, 1)`;
/** The audit triggers' refusal of a save checked on versions since changed: SIGNAL SQLSTATE '45000' (migration AnswerSaveGuard); nothing was written. */
const GUARD_REFUSED = 'ER_SIGNAL_EXCEPTION';
const INSERT_SQL = `INSERT INTO answers (participation_id, question_id, ${ANSWER_COLUMNS}, version) VALUES ${ANSWER_ROW}`;

// The values are bound twice rather than read back with VALUES(), which MySQL 8 deprecates.
const UPSERT_SQL = `${INSERT_SQL} ON DUPLICATE KEY UPDATE ${setColumns('answers')}, answers.version = LAST_INSERT_ID(answers.version + 1)`;
const upsertSqls = new Map<number, string>();
/**
 * The same upsert of `rows` answers at once, answering each row's version: MariaDB 10.5+ only (MySQL 8
 * has no INSERT ... RETURNING), so it reads the values back with VALUES(), not deprecated in MariaDB.
 */
const upsertReturningSql = (rows: number): string => {
  let sql = upsertSqls.get(rows);
  if (!sql) {
    sql =
      `INSERT INTO answers (participation_id, question_id, ${ANSWER_COLUMNS}, version) VALUES ${Array(rows).fill(ANSWER_ROW).join(', ')} ` +
      `ON DUPLICATE KEY UPDATE ${ANSWER_COLUMNS.split(', ')
        .map((c) => `answers.${c} = VALUES(${c})`)
        .join(', ')}, answers.version = answers.version + 1 RETURNING participation_id, question_id, version`;
    upsertSqls.set(rows, sql);
  }
  return sql;
};
const UPDATE_VERSION_SQL = `UPDATE answers SET ${setColumns('answers')}, answers.version = answers.version + 1 WHERE participation_id = ? AND question_id = ? AND version = ?`;

/**
 * Whether the server takes INSERT ... RETURNING: MariaDB 10.5+. TypeORM keeps only the number of the
 * connected server's version, and MySQL's numbers are below 10 (5.7, 8.x, 9.x), MariaDB's from 10 up.
 */
const returnsRows = (ds: DataSource) => {
  const [major, minor] = ((ds.driver as { version?: string }).version ?? '').split('.').map(Number);
  return major > 10 || (major === 10 && minor >= 5);
};

const ruleOf = (q: Question) => ({ type: q.type, maxPoints: q.maxPoints, options: q.options ?? undefined, thresholds: q.thresholds ?? undefined });
