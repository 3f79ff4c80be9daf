import { HttpException, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth-user';
import { Clock, CLOCK } from '../common/clock';
import { notFound } from '../common/errors';
import { Items } from '../common/pagination';
import { inTransaction } from '../database/transaction';
import { jobToken } from '../jobs/job-reconciler';
import { JobsService } from '../jobs/jobs.service';
import { JobName, JobPayloads } from '../jobs/jobs.types';
import { PeriodsService } from '../periods/periods.service';
import { RegistryNames } from '../public-bodies/registry-names';
import { ParticipationRecords } from '../saq/participation-records';
import { UserCredentials } from '../users/user-credentials';
import { AccountsService } from './accounts.service';
import { BodyInvitationDto, InvitationBatchDto, InvitationBatchQueuedDto, InvitationFailureDto } from './dto/notification.dto';
import { NotificationErrorCode } from './notifications.errors';
import { OutboxService } from './outbox.service';

/** Bodies per transaction of an invitation batch: progress moves in steps of this size. */
const BODIES_PER_STEP = 50;
/** Every status but NOT_PARTICIPATING: a body that left the monev is not invited. */
const INVITED_STATUSES = ['INVITED', 'IN_PROGRESS', 'SUBMITTED', 'VERIFIED', 'FINALIST', 'RANKED'] as const;
const KEPT_FAILURES = 200;

/**
 * Inviting every enrolled body of a period: a queued job walking the participations in id order, a
 * step of bodies per transaction with the batch's cursor and counts in the same commit, so a retried
 * or re-run job resumes after the last committed step and invites no body twice.
 */
@Injectable()
export class InvitationBatchesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly periods: PeriodsService,
    private readonly participations: ParticipationRecords,
    private readonly registry: RegistryNames,
    private readonly credentials: UserCredentials,
    private readonly accounts: AccountsService,
    private readonly outbox: OutboxService,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async start(actor: AuthUser, periodId: string): Promise<InvitationBatchQueuedDto> {
    const { batchId, jobId, total } = await inTransaction(this.ds, async (em) => {
      const period = await this.periods.find(actor.organizerId, periodId, em);
      const total = (await this.participations.ofPeriod(em, period.id, INVITED_STATUSES)).length;
      const now = this.clock.now();
      const res = await em.query('INSERT INTO invitation_batches (organizer_id, period_id, total, created_by, created_at) VALUES (?, ?, ?, ?, ?)', [
        actor.organizerId,
        period.id,
        total,
        actor.id,
        now,
      ]);
      const batchId = String(res.insertId);
      const jobId = `invitations-${batchId}-${jobToken()}`;
      await em.query('UPDATE invitation_batches SET job_id = ? WHERE id = ?', [jobId, batchId]);
      await this.audit.record(em, {
        organizerId: actor.organizerId,
        actorId: actor.id,
        action: 'period.invite_participants',
        entityType: 'period',
        entityId: period.id,
        after: { batchId, total },
      });
      return { batchId, jobId, total };
    });
    await this.jobs.enqueue(JobName.InviteParticipants, { organizerId: actor.organizerId, batchId, requestedBy: actor.id }, { jobId, attempts: 5 });
    return { batchId, total };
  }

  /** The InviteParticipants job. */
  async run(job: Job<JobPayloads[JobName.InviteParticipants]>): Promise<{ invited: number }> {
    const [batch] = await this.ds.query('SELECT id, organizer_id, period_id, status, total FROM invitation_batches WHERE id = ?', [job.data.batchId]);
    if (!batch || batch.status !== 'RUNNING') return { invited: 0 };
    const organizerId = String(batch.organizer_id);
    const organizerName = await this.accounts.organizerName(organizerId);
    let invited = 0;
    for (;;) {
      const step = await inTransaction(this.ds, async (em) => {
        const [b] = await em.query('SELECT cursor_id, failures FROM invitation_batches WHERE id = ? FOR UPDATE', [batch.id]);
        const records = await this.participations.page(em, String(batch.period_id), INVITED_STATUSES, String(b.cursor_id), BODIES_PER_STEP);
        if (!records.length) return null;
        const bodyIds = records.map((r) => r.publicBodyId);
        const contacts = await this.registry.contacts(em, bodyIds);
        const accounts = await this.credentials.ofBodies(em, organizerId, bodyIds);
        const counts = { invited: 0, skipped: 0, failed: 0 };
        const failures: InvitationFailureDto[] = [];
        const fail = (publicBodyId: string, publicBodyName: string, reason: string) => {
          counts.failed++;
          failures.push({ publicBodyId, publicBodyName, reason });
        };
        for (const r of records) {
          const contact = contacts.get(r.publicBodyId);
          const bodyName = contact?.name ?? `Badan publik ${r.publicBodyId}`;
          const own = accounts.filter((a) => a.publicBodyId === r.publicBodyId && a.active);
          if (own.some((a) => a.activated)) {
            counts.skipped++;
            continue;
          }
          const email = own[0]?.email ?? contact?.email;
          if (!email) {
            fail(r.publicBodyId, bodyName, 'Registri tidak mencatat e-mail resmi PPID badan publik ini.');
            continue;
          }
          try {
            await this.accounts.inviteIn(
              em,
              organizerId,
              job.data.requestedBy,
              { email, name: own[0]?.name ?? `PPID ${bodyName}`, role: 'public_body', publicBodyId: r.publicBodyId, bodyName },
              organizerName,
              String(batch.period_id),
            );
            counts.invited++;
          } catch (e) {
            // ensureInvitee refuses before it writes anything: the step goes on with the next body.
            if (!(e instanceof HttpException)) throw e;
            fail(r.publicBodyId, bodyName, `E-mail ${email} sudah dipakai akun lain; undang secara terpisah.`);
          }
        }
        const kept = [...(typeof b.failures === 'string' ? JSON.parse(b.failures) : (b.failures ?? [])), ...failures].slice(0, KEPT_FAILURES);
        await em.query('UPDATE invitation_batches SET cursor_id = ?, done = done + ?, skipped = skipped + ?, failed = failed + ?, failures = ? WHERE id = ?', [
          records[records.length - 1].id,
          counts.invited,
          counts.skipped,
          counts.failed,
          JSON.stringify(kept),
          batch.id,
        ]);
        return counts;
      });
      if (!step) break;
      invited += step.invited;
      const [p] = await this.ds.query('SELECT done + skipped + failed AS processed, total FROM invitation_batches WHERE id = ?', [batch.id]);
      await job.updateProgress(Number(p.total) ? Math.round((100 * Number(p.processed)) / Number(p.total)) : 100);
    }
    await this.ds.query(`UPDATE invitation_batches SET status = 'DONE', finished_at = ? WHERE id = ? AND status = 'RUNNING'`, [this.clock.now(), batch.id]);
    return { invited };
  }

  async get(actor: AuthUser, batchId: string): Promise<InvitationBatchDto> {
    const [b] = await this.ds.query('SELECT * FROM invitation_batches WHERE id = ? AND organizer_id = ?', [batchId, actor.organizerId]);
    if (!b) throw notFound(NotificationErrorCode.BATCH_NOT_FOUND, 'Invitation batch', batchId);
    const invited = Number(b.done);
    const skipped = Number(b.skipped);
    const failed = Number(b.failed);
    return {
      id: String(b.id),
      periodId: String(b.period_id),
      status: b.status,
      total: Number(b.total),
      processed: invited + skipped + failed,
      invited,
      skipped,
      failed,
      failures: typeof b.failures === 'string' ? JSON.parse(b.failures) : (b.failures ?? []),
      error: b.error ?? null,
      createdAt: new Date(b.created_at).toISOString(),
      finishedAt: b.finished_at ? new Date(b.finished_at).toISOString() : null,
    };
  }

  /** The latest batch of a period, if any (the page shows its progress after a reload). */
  async latest(actor: AuthUser, periodId: string): Promise<InvitationBatchDto | null> {
    const [b] = await this.ds.query('SELECT id FROM invitation_batches WHERE organizer_id = ? AND period_id = ? ORDER BY id DESC LIMIT 1', [actor.organizerId, periodId]);
    return b ? this.get(actor, String(b.id)) : null;
  }

  /** Every enrolled body of the period and where its PPID's invitation stands. */
  async ofPeriod(actor: AuthUser, periodId: string): Promise<Items<BodyInvitationDto>> {
    const em = this.ds.manager;
    const period = await this.periods.find(actor.organizerId, periodId, em);
    const records = await this.participations.ofPeriod(em, period.id, INVITED_STATUSES);
    const bodyIds = records.map((r) => r.publicBodyId);
    const contacts = await this.registry.contacts(em, bodyIds);
    const accounts = (await this.credentials.ofBodies(em, actor.organizerId, bodyIds)).filter((a) => a.active);
    const links = await this.accounts.activationsOf(
      em,
      accounts.map((a) => a.id),
    );
    const mails = await this.outbox.latestPerUser(
      em,
      actor.organizerId,
      'INVITATION',
      accounts.map((a) => a.id),
    );
    const items = records.map((r): BodyInvitationDto => {
      const account = accounts.find((a) => a.publicBodyId === r.publicBodyId && a.activated) ?? accounts.find((a) => a.publicBodyId === r.publicBodyId);
      const link = account ? links.get(account.id) : undefined;
      const mail = account ? mails.get(account.id) : undefined;
      return {
        participationId: r.id,
        publicBodyId: r.publicBodyId,
        publicBodyName: contacts.get(r.publicBodyId)?.name ?? '',
        officialEmail: contacts.get(r.publicBodyId)?.email ?? null,
        userId: account?.id ?? null,
        accountEmail: account?.email ?? null,
        activated: account?.activated ?? false,
        invitedAt: link ? new Date(link.createdAt).toISOString() : null,
        linkExpiresAt: link && !link.usedAt ? new Date(link.expiresAt).toISOString() : null,
        mailStatus: mail?.status ?? null,
      };
    });
    return { items };
  }
}
