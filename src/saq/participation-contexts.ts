import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ParticipationAccess, ParticipationContext, ParticipationContextSource } from '../access/participation-access';
import { PeriodsService } from '../periods/periods.service';
import { RegistryNames } from '../public-bodies/registry-names';

/**
 * The saq module's part of ParticipationAccess: a participation row, its period's stage through
 * PeriodsService and its body and category names through RegistryNames.
 */
@Injectable()
export class ParticipationContexts implements ParticipationContextSource, OnModuleInit {
  constructor(
    private readonly access: ParticipationAccess,
    private readonly periods: PeriodsService,
    private readonly registry: RegistryNames,
  ) {}

  onModuleInit(): void {
    this.access.provideContexts(this);
  }

  async context(em: EntityManager, organizerId: string, id: string, lock?: 'share' | 'update'): Promise<ParticipationContext | undefined> {
    // 'update' locks only the participation row: locking the period row too would hold every save of
    // the period (they share-lock it) behind one body's submit or deadline change.
    const [r] = await em.query(
      `SELECT id, organizer_id, period_id, public_body_id, category_id, status, deadline_override, started_at, submitted_at, version
         FROM participations WHERE id = ? AND organizer_id = ?${lock === 'update' ? ' FOR UPDATE' : lock === 'share' ? ' LOCK IN SHARE MODE' : ''}`,
      [id, organizerId],
    );
    if (!r) return undefined;
    // The period and the names at once: a body's first save waits for two round trips, not three.
    const [period, names] = await Promise.all([
      this.periods.stageOf(em, organizerId, String(r.period_id), lock === 'share'),
      this.registry.bodyAndCategory(em, String(r.public_body_id), String(r.category_id)),
    ]);
    if (!period) return undefined;
    return {
      id: String(r.id),
      organizerId: String(r.organizer_id),
      periodId: String(r.period_id),
      publicBodyId: String(r.public_body_id),
      bodyName: names.bodyName,
      categoryId: String(r.category_id),
      categoryCode: names.categoryCode,
      status: r.status,
      deadlineOverride: r.deadline_override,
      startedAt: r.started_at,
      submittedAt: r.submitted_at,
      version: Number(r.version),
      stage: period.stage,
      periodVersion: period.version,
      schedule: period.schedule,
      periodYear: period.year,
      timezone: period.timezone,
    };
  }
}
