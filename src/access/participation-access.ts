import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth-user';
import { notFound } from '../common/errors';
import { isId } from '../common/id';
import type { Schedule } from '../periods/period-rules';
import type { Stage } from '../periods/stage-machine';
import type { ParticipationStatus } from '../saq/entities/participation.entity';

/** A participation with what its rules need: the period's stage and schedule, the body and category. */
export interface ParticipationContext {
  id: string;
  organizerId: string;
  periodId: string;
  publicBodyId: string;
  bodyName: string;
  categoryId: string;
  categoryCode: string;
  status: ParticipationStatus;
  deadlineOverride: Date | null;
  startedAt: Date | null;
  submittedAt: Date | null;
  version: number;
  stage: Stage;
  /** The period row's version: any change of stage, schedule or settings moves it. */
  periodVersion: number;
  schedule: Schedule;
  periodYear: number;
  timezone: string;
}

/** Enough for every body of a national monev in one process (a context is a few hundred bytes). */
const WRITE_CONTEXT_LIMIT = 50_000;

const isOwner = (user: AuthUser, publicBodyId: string) => user.role === 'public_body' && user.publicBodyId === publicBodyId;

export type AccessMode =
  /** the owner, an admin of the organizer, or an assessor assigned to it */
  | 'read'
  /** only the owning public body */
  | 'owner'
  /** only an admin of the organizer */
  | 'admin'
  /** only a panelist assigned to it (a finalist) */
  | 'panelist';

/**
 * The one place that decides who reaches a participation. Anything the caller may not see answers
 * 404, so an id of another body gives no hint that it exists.
 */
@Injectable()
export class ParticipationAccess {
  /** Owner contexts for the answer-save path, by participation id; see `loadForOwnerWrite`. */
  private readonly writeContexts = new Map<string, ParticipationContext>();

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * The owner's context for a write, from a process-local cache when `fresh` is false. Only the
   * identity part of a cached context (ids, body, category) is trusted as is: it never changes. The
   * part that does (status, deadline, stage, schedule) is only as current as `version` and
   * `periodVersion`, so a write made on a cached context must be guarded by both (see
   * AnswersService.save) and come back with `fresh` when the guard refuses it.
   */
  async loadForOwnerWrite(user: AuthUser, id: string, fresh: boolean): Promise<ParticipationContext> {
    const cached = fresh ? undefined : this.writeContexts.get(id);
    if (cached) {
      if (cached.organizerId !== user.organizerId || !isOwner(user, cached.publicBodyId)) throw notFound('Participation', id);
      return cached;
    }
    const p = await this.load(user, id, 'owner');
    this.rememberForWrite(p);
    return p;
  }

  rememberForWrite(p: ParticipationContext): void {
    this.writeContexts.delete(p.id);
    if (this.writeContexts.size >= WRITE_CONTEXT_LIMIT) this.writeContexts.delete(this.writeContexts.keys().next().value!);
    this.writeContexts.set(p.id, p);
  }

  async load(user: AuthUser, id: string, mode: AccessMode, em: EntityManager = this.ds.manager, lock?: 'share' | 'update'): Promise<ParticipationContext> {
    if (!isId(id)) throw notFound('Participation', id);
    if (lock === 'update') {
      // Only the participation row: locking the joined period row too would hold every save of the
      // period (they share-lock it) behind one body's submit or deadline change.
      const [mine] = await em.query('SELECT id FROM participations WHERE id = ? AND organizer_id = ? FOR UPDATE', [id, user.organizerId]);
      if (!mine) throw notFound('Participation', id);
    }
    const rows = await em.query(
      `SELECT p.id, p.organizer_id, p.period_id, p.public_body_id, b.name AS body_name, p.category_id, c.code AS category_code,
              p.status, p.deadline_override, p.started_at, p.submitted_at, p.version,
              per.stage, per.schedule, per.year, per.timezone, per.version AS period_version
         FROM participations p
         JOIN periods per ON per.id = p.period_id
         JOIN categories c ON c.id = p.category_id
         JOIN public_bodies b ON b.id = p.public_body_id
        WHERE p.id = ? AND p.organizer_id = ?${lock === 'share' ? ' LOCK IN SHARE MODE' : ''}`,
      [id, user.organizerId],
    );
    const r = rows[0];
    if (!r || !(await this.allowed(user, r, mode, em))) throw notFound('Participation', id);
    return {
      id: String(r.id),
      organizerId: String(r.organizer_id),
      periodId: String(r.period_id),
      publicBodyId: String(r.public_body_id),
      bodyName: r.body_name,
      categoryId: String(r.category_id),
      categoryCode: r.category_code,
      status: r.status,
      deadlineOverride: r.deadline_override,
      startedAt: r.started_at,
      submittedAt: r.submitted_at,
      version: Number(r.version),
      stage: r.stage,
      periodVersion: Number(r.period_version),
      schedule: typeof r.schedule === 'string' ? JSON.parse(r.schedule) : r.schedule,
      periodYear: Number(r.year),
      timezone: r.timezone,
    };
  }

  private async allowed(user: AuthUser, r: { id: string; public_body_id: string }, mode: AccessMode, em: EntityManager): Promise<boolean> {
    const owner = isOwner(user, String(r.public_body_id));
    if (mode === 'owner') return owner;
    if (mode === 'admin') return user.role === 'admin';
    if (mode === 'panelist') return user.role === 'panelist' && (await em.query('SELECT 1 FROM panel_assignments WHERE participation_id = ? AND panelist_id = ? LIMIT 1', [r.id, user.id])).length > 0;
    if (owner || user.role === 'admin') return true;
    if (user.role === 'assessor') return this.isAssignedAssessor(user.id, String(r.id), em);
    return false;
  }

  async isAssignedAssessor(userId: string, participationId: string, em: EntityManager = this.ds.manager): Promise<boolean> {
    const rows = await em.query('SELECT 1 FROM assignments WHERE participation_id = ? AND assessor_id = ? LIMIT 1', [participationId, userId]);
    return rows.length > 0;
  }
}
