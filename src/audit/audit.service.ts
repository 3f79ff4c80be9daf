import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, EntityManager, FindOperator, LessThan, MoreThanOrEqual } from 'typeorm';
import { AuthUser } from '../common/auth-user';
import { Clock, CLOCK } from '../common/clock';
import { PageQuery, pageOf, skipTake } from '../common/pagination';
import { currentRequestId } from '../common/request-context';
import { AuditEntry } from './entities/audit-entry.entity';

export interface AuditRecord {
  organizerId: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
}

@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Writes one audit row with the manager of the transaction that makes the change. */
  async record(em: EntityManager, r: AuditRecord): Promise<void> {
    await this.recordMany(em, [r]);
  }

  async recordMany(em: EntityManager, rows: AuditRecord[]): Promise<void> {
    if (!rows.length) return;
    const at = this.clock.now();
    const requestId = currentRequestId() ?? null;
    await em.getRepository(AuditEntry).insert(
      rows.map((r) => ({
        organizerId: r.organizerId,
        actorId: r.actorId,
        action: r.action,
        entityType: r.entityType,
        entityId: String(r.entityId),
        beforeState: (r.before ?? null) as never,
        afterState: (r.after ?? null) as never,
        reason: r.reason ?? null,
        requestId,
        at,
      })),
    );
  }

  /** The organizer's rows, newest first, filtered by entity, actor, action and time (`from` inclusive, `to` exclusive). */
  async list(user: AuthUser, q: PageQuery & AuditFilter) {
    const where: Record<string, string | FindOperator<Date>> = { organizerId: user.organizerId };
    if (q.entityType) where.entityType = q.entityType;
    if (q.entityId) where.entityId = q.entityId;
    if (q.actorId) where.actorId = q.actorId;
    if (q.action) where.action = q.action;
    const from = q.from ? new Date(q.from) : undefined;
    const to = q.to ? new Date(q.to) : undefined;
    if (from && to) where.at = Between(from, new Date(to.getTime() - 1));
    else if (from) where.at = MoreThanOrEqual(from);
    else if (to) where.at = LessThan(to);
    const [rows, total] = await this.ds.getRepository(AuditEntry).findAndCount({ where, order: { id: 'DESC' }, ...skipTake(q) });
    return pageOf(
      rows.map((r) => ({
        id: r.id,
        actorId: r.actorId,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        before: r.beforeState,
        after: r.afterState,
        reason: r.reason,
        requestId: r.requestId,
        at: r.at.toISOString(),
      })),
      total,
      q,
    );
  }
}
