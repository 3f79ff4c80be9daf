import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth-user';
import { notFound } from '../common/errors';
import { isId } from '../common/id';
import type { Schedule } from '../periods/period-rules';
import type { Stage } from '../periods/stage-machine';
import type { ParticipationStatus } from '../saq/entities/participation.entity';
import { ParticipationErrorCode } from './access.errors';

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

/**
 * The owners' part of a context, registered by them at start (access sits below the features and
 * reads no table itself): saq reads a participation with its period and names, through the periods
 * and public-bodies interfaces; `lock` 'update' locks the participation row, 'share' share-locks the
 * participation and period rows.
 */
export interface ParticipationContextSource {
  context(em: EntityManager, organizerId: string, id: string, lock?: 'share' | 'update'): Promise<ParticipationContext | undefined>;
}

/** Whether a user is assigned to a participation: verification answers for assessors, panel for panelists, panel for visitors. */
export type AssignmentCheck = (em: EntityManager, userId: string, participationId: string) => Promise<boolean>;

/** assessor: verifies it; panelist: on its panel; visitor: an assessor assigned to visit it. */
export type AssignmentKind = 'assessor' | 'panelist' | 'visitor';

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
  | 'panelist'
  /** a panelist assigned to it, or an assessor assigned to visit it */
  | 'visitor';

/**
 * The one place that decides who reaches a participation. Anything the caller may not see answers
 * 404, so an id of another body gives no hint that it exists.
 */
@Injectable()
export class ParticipationAccess {
  /** Owner contexts for the answer-save path, by participation id; see `loadForOwnerWrite`. */
  private readonly writeContexts = new LRUCache<string, ParticipationContext>({ max: WRITE_CONTEXT_LIMIT });
  private contexts?: ParticipationContextSource;
  private readonly assignments: Partial<Record<AssignmentKind, AssignmentCheck>> = {};

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
      if (cached.organizerId !== user.organizerId || !isOwner(user, cached.publicBodyId)) throw notFound(ParticipationErrorCode.NOT_FOUND, 'Participation', id);
      return cached;
    }
    const p = await this.load(user, id, 'owner');
    this.rememberForWrite(p);
    return p;
  }

  rememberForWrite(p: ParticipationContext): void {
    this.writeContexts.set(p.id, p);
  }

  async load(user: AuthUser, id: string, mode: AccessMode, em: EntityManager = this.ds.manager, lock?: 'share' | 'update'): Promise<ParticipationContext> {
    if (!isId(id)) throw notFound(ParticipationErrorCode.NOT_FOUND, 'Participation', id);
    const p = await this.required('participations', this.contexts).context(em, user.organizerId, id, lock);
    if (!p || !(await this.allowed(user, p, mode, em))) throw notFound(ParticipationErrorCode.NOT_FOUND, 'Participation', id);
    return p;
  }

  provideContexts(source: ParticipationContextSource): void {
    this.contexts = source;
  }

  provideAssignments(kind: AssignmentKind, check: AssignmentCheck): void {
    this.assignments[kind] = check;
  }

  private async allowed(user: AuthUser, p: ParticipationContext, mode: AccessMode, em: EntityManager): Promise<boolean> {
    const owner = isOwner(user, p.publicBodyId);
    if (mode === 'owner') return owner;
    if (mode === 'admin') return user.role === 'admin';
    if (mode === 'panelist') return user.role === 'panelist' && (await this.required('panel assignments', this.assignments.panelist)(em, user.id, p.id));
    if (mode === 'visitor') {
      if (user.role === 'panelist') return this.required('panel assignments', this.assignments.panelist)(em, user.id, p.id);
      return user.role === 'assessor' && (await this.required('visitor assignments', this.assignments.visitor)(em, user.id, p.id));
    }
    if (owner || user.role === 'admin') return true;
    if (user.role === 'assessor') return this.required('assessor assignments', this.assignments.assessor)(em, user.id, p.id);
    return false;
  }

  private required<T>(what: string, source: T | undefined): T {
    if (!source) throw new Error(`ParticipationAccess: no module provides ${what} (is its module imported?)`);
    return source;
  }
}
