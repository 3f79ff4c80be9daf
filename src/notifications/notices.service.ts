import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, CLOCK } from '../common/clock';
import { ENV, EnvironmentVariables } from '../config/config.module';
import { inTransaction } from '../database/transaction';
import { OrganizersService } from '../organizers/organizers.service';
import { Period } from '../periods/entities/period.entity';
import { PeriodsService } from '../periods/periods.service';
import { Stage } from '../periods/stage-machine';
import { RegistryNames } from '../public-bodies/registry-names';
import { RankingResultsReader } from '../rankings/ranking-results-reader';
import { RankingsService } from '../rankings/rankings.service';
import { ParticipationRecords } from '../saq/participation-records';
import { ParticipationsService } from '../saq/participations.service';
import { UserCredentials } from '../users/user-credentials';
import { ObjectionDecided, ObjectionsService } from '../verification/objections.service';
import { NoticeRow, OutboxService } from './outbox.service';
import { dueReminder, reminderKey, ReminderDays } from './reminder-rules';
import { NoticeFacts, Occasion, renderNotice } from './templates';

interface Recipient {
  userId: string | null;
  email: string;
  name: string;
}

type Facts<O extends Occasion> = Omit<Extract<NoticeFacts, { occasion: O }>, 'recipientName' | 'organizerName' | 'timezone' | 'occasion'>;

/**
 * The notices a period's bodies get: SAQ reminders before each body's own deadline (the repeatable
 * tick), the verification result when OBJECTION opens, a decided objection, a published ranking. The
 * owners of those moments call in through their hooks, inside their own transactions, so a notice is
 * in the outbox exactly when its moment committed; the tick then queues its delivery.
 */
@Injectable()
export class NoticesService implements OnModuleInit {
  private readonly logger = new Logger('Notices');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly periods: PeriodsService,
    private readonly participations: ParticipationRecords,
    private readonly saq: ParticipationsService,
    private readonly objections: ObjectionsService,
    private readonly rankings: RankingsService,
    private readonly results: RankingResultsReader,
    private readonly registry: RegistryNames,
    private readonly credentials: UserCredentials,
    private readonly organizers: OrganizersService,
    private readonly outbox: OutboxService,
    @Inject(ENV) private readonly env: EnvironmentVariables,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.periods.joinStageMoves({ onLeave: (em, p, from, to) => this.onStageMove(em, p, from, to) });
    this.objections.onDecided((em, e) => this.onObjectionDecided(em, e));
    this.rankings.onPublish((em, e) => this.onPublish(em, e.periodId));
  }

  private get portalUrl() {
    return `${this.env.PUBLIC_BASE_URL.replace(/\/$/, '')}/beranda`;
  }

  /** Each body's PPID accounts (active ones); a body without one is written to at the registry's official e-mail. */
  private async recipientsOf(em: EntityManager, organizerId: string, bodyIds: string[]): Promise<Map<string, { bodyName: string; to: Recipient[] }>> {
    const accounts = (await this.credentials.ofBodies(em, organizerId, bodyIds)).filter((a) => a.active);
    const contacts = await this.registry.contacts(em, bodyIds);
    const out = new Map<string, { bodyName: string; to: Recipient[] }>();
    for (const id of bodyIds) {
      const contact = contacts.get(id);
      if (!contact) continue;
      const own = accounts.filter((a) => a.publicBodyId === id).map((a) => ({ userId: a.id, email: a.email, name: a.name }));
      const to = own.length ? own : contact.email ? [{ userId: null, email: contact.email, name: `PPID ${contact.name}` }] : [];
      out.set(id, { bodyName: contact.name, to });
    }
    return out;
  }

  /** The rows of one occasion for the given bodies, every recipient of each. */
  private async noticesFor<O extends Occasion>(
    em: EntityManager,
    period: Period,
    occasion: O,
    bodies: { publicBodyId: string; key: string; facts: (bodyName: string) => Facts<O> }[],
  ): Promise<NoticeRow[]> {
    const recipients = await this.recipientsOf(
      em,
      period.organizerId,
      bodies.map((b) => b.publicBodyId),
    );
    const organizerName = (await this.organizers.namesOf([period.organizerId])).get(period.organizerId) ?? 'Komisi Informasi';
    const rows: NoticeRow[] = [];
    for (const b of bodies) {
      const r = recipients.get(b.publicBodyId);
      if (!r) continue;
      for (const to of r.to) {
        const facts = { ...b.facts(r.bodyName), occasion, organizerName, recipientName: to.name, timezone: period.timezone } as unknown as NoticeFacts;
        rows.push({ organizerId: period.organizerId, periodId: period.id, userId: to.userId, recipient: to, occasion, occasionKey: b.key, mail: renderNotice(facts) });
      }
    }
    return rows;
  }

  /** OBJECTION opens: every verified body learns that its result is ready, with the sanggah window. */
  private async onStageMove(em: EntityManager, period: Period, _from: Stage, to: Stage): Promise<Record<string, unknown>> {
    if (to !== 'OBJECTION') return {};
    const verified = await this.participations.ofPeriod(em, period.id, ['SUBMITTED', 'VERIFIED']);
    const window = period.schedule.OBJECTION;
    const rows = await this.noticesFor(
      em,
      period,
      'VERIFICATION_READY',
      verified.map((p) => ({
        publicBodyId: p.publicBodyId,
        key: `verification-ready:${p.id}`,
        facts: (bodyName) => ({
          bodyName,
          periodName: period.name,
          year: period.year,
          opensAt: window ? new Date(window.opensAt) : null,
          closesAt: window ? new Date(window.closesAt) : null,
          portalUrl: this.portalUrl,
        }),
      })),
    );
    await this.outbox.add(em, rows);
    return {};
  }

  private async onObjectionDecided(em: EntityManager, e: ObjectionDecided): Promise<void> {
    const period = await this.periods.byId(em, e.periodId);
    if (!period) return;
    const rows = await this.noticesFor(em, period, 'OBJECTION_DECIDED', [
      {
        publicBodyId: e.publicBodyId,
        key: `objection-decided:${e.objectionId}`,
        facts: (bodyName) => ({
          bodyName,
          periodName: period.name,
          year: period.year,
          questionCode: e.questionCode,
          decision: e.decision,
          pointsBefore: e.pointsBefore,
          pointsAfter: e.pointsAfter,
          note: e.note,
          portalUrl: this.portalUrl,
        }),
      },
    ]);
    await this.outbox.add(em, rows);
  }

  /** The first publication of a period's ranking: each ranked body (a republication sends nothing again). */
  private async onPublish(em: EntityManager, periodId: string): Promise<void> {
    const period = await this.periods.byId(em, periodId);
    if (!period?.publishedRunId) return;
    const ranked = await this.participations.byIds(em, await this.results.rankedParticipationIds(em, period.publishedRunId));
    const slug = (await this.organizers.identitiesOf([period.organizerId])).get(period.organizerId)?.slug ?? '';
    const rankingUrl = `${this.env.PUBLIC_BASE_URL.replace(/\/$/, '')}/peringkat/${slug}/${period.year}`;
    const rows = await this.noticesFor(
      em,
      period,
      'RANKING_PUBLISHED',
      ranked.map((p) => ({
        publicBodyId: p.publicBodyId,
        key: `ranking-published:${p.id}`,
        facts: (bodyName) => ({ bodyName, periodName: period.name, year: period.year, rankingUrl, portalUrl: this.portalUrl }),
      })),
    );
    await this.outbox.add(em, rows);
  }

  /**
   * The reminders due now (the injected clock) in every period in SAQ: for each body that has not
   * submitted, the one of 7, 3 and 1 days before its own effective deadline whose moment has come,
   * unless it is in the outbox already. Returns how many notices were added.
   */
  async scanReminders(): Promise<number> {
    const now = this.clock.now();
    let added = 0;
    for (const period of await this.periods.inStage(this.ds.manager, 'SAQ')) {
      try {
        added += await inTransaction(this.ds, async (em) => {
          const already = await this.outbox.keysOf(em, period.organizerId, period.id, 'SAQ_REMINDER');
          const due = new Map<string, { days: ReminderDays; deadline: Date }>();
          const pending = await this.saq.unsubmitted(em, period, (participationId, deadline) => {
            const days = dueReminder(deadline, now);
            if (!days || already.has(reminderKey(participationId, deadline!, days))) return false;
            due.set(participationId, { days, deadline: deadline! });
            return true;
          });
          if (!pending.length) return 0;
          const rows = await this.noticesFor(
            em,
            period,
            'SAQ_REMINDER',
            pending.map((p) => {
              const { days, deadline } = due.get(p.participationId)!;
              return {
                publicBodyId: p.publicBodyId,
                key: reminderKey(p.participationId, deadline, days),
                facts: (bodyName) => ({
                  bodyName,
                  periodName: period.name,
                  year: period.year,
                  days,
                  deadline,
                  progress: p.progress,
                  missing: p.missing.map((m) => ({ questionCode: m.questionCode, missing: m.missing })),
                  portalUrl: this.portalUrl,
                }),
              };
            }),
          );
          return (await this.outbox.add(em, rows)).length;
        });
      } catch (e) {
        this.logger.warn({ periodId: period.id, err: (e as Error).message }, 'reminder scan of a period failed');
      }
    }
    return added;
  }
}
