import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '../common/auth-user';
import { Clock, CLOCK } from '../common/clock';
import { badRequest } from '../common/errors';
import { FieldErrorCode } from '../common/field-error';
import { skipTake } from '../common/pagination';
import { appliesTo } from '../instruments/instrument-rules';
import { InstrumentsService } from '../instruments/instruments.service';
import { PeriodsService } from '../periods/periods.service';
import { PublicBodyErrorCode } from '../public-bodies/public-bodies.errors';
import { PublicBodiesService } from '../public-bodies/public-bodies.service';
import { RegistryNames } from '../public-bodies/registry-names';
import { dec, format2 } from '../scoring/decimal';
import { MonitoringDto, MonitoringQuery } from './dto/monitoring.dto';
import { ParticipationStatus } from './entities/participation.entity';
import { countStates, matches, monitoringStateOf, MonitoringRow, sortRows } from './monitoring-rules';
import { effectiveDeadline } from './saq-rules';

interface AggregateRow {
  id: string;
  public_body_id: string;
  category_id: string;
  status: ParticipationStatus;
  deadline_override: Date | null;
  started_at: Date | null;
  submitted_at: Date | null;
  answered: string | number;
  last_answer: Date | null;
  last_upload: Date | null;
}

const latest = (...at: (Date | null)[]): Date | null => at.reduce<Date | null>((m, d) => (d && (!m || d > m) ? d : m), null);

/**
 * The secretariat's view of a period's SAQ: every participation with its progress, last activity and
 * effective deadline in one aggregate statement, then the counts, filters, sort and page in memory;
 * the body names are read for the page only.
 */
@Injectable()
export class MonitoringService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly periods: PeriodsService,
    private readonly instruments: InstrumentsService,
    private readonly registry: PublicBodiesService,
    private readonly names: RegistryNames,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async monitoring(actor: AuthUser, periodId: string, q: MonitoringQuery): Promise<MonitoringDto> {
    const period = await this.periods.find(actor.organizerId, periodId);
    const [ins, categories] = await Promise.all([this.instruments.load(period), this.registry.categoriesByCode(actor.organizerId)]);
    const categoryById = new Map([...categories.values()].map((c) => [String(c.id), c]));
    const filterCategory = q.categoryCode ? categories.get(q.categoryCode) : undefined;
    if (q.categoryCode && !filterCategory)
      throw badRequest(PublicBodyErrorCode.UNKNOWN_CATEGORY, `Unknown category ${q.categoryCode}`, [
        { field: 'categoryCode', message: `unknown category ${q.categoryCode}`, code: FieldErrorCode.UNKNOWN_REFERENCE },
      ]);

    // An answer counts when its question applies to the body's category (as in GET /participations/:id).
    const applicable = [...categoryById.entries()].map(([id, c]) => ({ id, questionIds: ins.questions.filter((qq) => appliesTo(qq.categoryCodes, c.code)).map((qq) => qq.id) }));
    const counted = applicable.filter((c) => c.questionIds.length);
    const answeredExpr = counted.length ? `SUM(CASE p.category_id ${counted.map(() => 'WHEN ? THEN a.question_id IN (?)').join(' ')} ELSE 0 END)` : '0';
    const rows: AggregateRow[] = await this.ds.query(
      `SELECT p.id, p.public_body_id, p.category_id, p.status, p.deadline_override, p.started_at, p.submitted_at,
              COALESCE(${answeredExpr}, 0) AS answered, MAX(a.updated_at) AS last_answer,
              (SELECT MAX(e.created_at) FROM evidence e WHERE e.participation_id = p.id) AS last_upload
         FROM participations p LEFT JOIN answers a ON a.participation_id = p.id
        WHERE p.period_id = ?
        GROUP BY p.id`,
      [...counted.flatMap((c) => [c.id, c.questionIds]), period.id],
    );
    const totalOf = new Map(applicable.map((c) => [c.id, c.questionIds.length]));
    const all: MonitoringRow[] = rows.map((r) => ({
      participationId: String(r.id),
      publicBodyId: String(r.public_body_id),
      categoryId: String(r.category_id),
      status: r.status,
      answered: Number(r.answered),
      total: totalOf.get(String(r.category_id)) ?? 0,
      lastActivityAt: latest(r.last_answer, r.last_upload, r.started_at, r.submitted_at),
      deadline: effectiveDeadline(period.schedule.SAQ?.closesAt, r.deadline_override),
      deadlineExtended: r.deadline_override !== null,
      submittedAt: r.submitted_at,
    }));

    const now = this.clock.now();
    const filtered = sortRows(
      all.filter((r) => matches(r, { state: q.state, categoryId: filterCategory ? String(filterCategory.id) : undefined, deadlineWithinDays: q.deadlineWithinDays }, now)),
      q.sort ?? 'progress',
      q.order ?? 'asc',
    );
    const { skip, take } = skipTake(q);
    const page = filtered.slice(skip, skip + take);
    const bodyNames = await this.names.bodyNames(
      this.ds.manager,
      page.map((r) => r.publicBodyId),
    );
    const byCategory = new Map<string, MonitoringRow[]>();
    for (const r of all) {
      const list = byCategory.get(r.categoryId);
      if (list) list.push(r);
      else byCategory.set(r.categoryId, [r]);
    }
    const window = period.schedule.SAQ;
    return {
      periodId: period.id,
      stage: period.stage,
      timezone: period.timezone,
      saqWindow: window ? { opensAt: new Date(window.opensAt).toISOString(), closesAt: new Date(window.closesAt).toISOString() } : null,
      generatedAt: now.toISOString(),
      overall: countStates(all),
      categories: [...byCategory.entries()]
        .map(([id, list]) => ({ categoryCode: categoryById.get(id)?.code ?? id, categoryName: categoryById.get(id)?.name ?? id, ...countStates(list) }))
        .sort((a, b) => a.categoryCode.localeCompare(b.categoryCode)),
      items: page.map((r) => ({
        participationId: r.participationId,
        publicBody: { id: r.publicBodyId, name: bodyNames.get(r.publicBodyId) ?? '' },
        categoryCode: categoryById.get(r.categoryId)?.code ?? r.categoryId,
        status: r.status,
        state: monitoringStateOf(r.status),
        progress: { answered: r.answered, total: r.total, percent: format2(r.total ? dec(r.answered).times(100).div(r.total) : 100)! },
        lastActivityAt: r.lastActivityAt?.toISOString() ?? null,
        deadline: r.deadline?.toISOString() ?? null,
        deadlineExtended: r.deadlineExtended,
        submittedAt: r.submittedAt?.toISOString() ?? null,
      })),
      total: filtered.length,
      page: q.page ?? 1,
      pageSize: take,
    };
  }
}
