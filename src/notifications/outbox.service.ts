import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth-user';
import { Clock, CLOCK } from '../common/clock';
import { notFound, unprocessable } from '../common/errors';
import { Page, pageOf, skipTake } from '../common/pagination';
import { ENV, EnvironmentVariables } from '../config/config.module';
import { isLastAttempt } from '../jobs/job-handler';
import { JobsService } from '../jobs/jobs.service';
import { JobName, JobPayloads } from '../jobs/jobs.types';
import { NotificationDto, NotificationQuery, NotificationStatus } from './dto/notification.dto';
import { isPermanentFailure, Mailer } from './mailer';
import { NotificationErrorCode } from './notifications.errors';
import { LINK_PLACEHOLDER, Occasion, OCCASION_LABELS, RenderedMail } from './templates';

/** A notice to put in the outbox: unique per organizer, occasion key and recipient. */
export interface NoticeRow {
  organizerId: string;
  periodId: string | null;
  userId: string | null;
  recipient: { email: string; name: string };
  occasion: Occasion;
  occasionKey: string;
  mail: RenderedMail;
  /** The message carries a one-time link that only its job holds (never redelivered from MySQL alone). */
  linkInJob?: boolean;
}

/** How long a delivery waits for the row of a transaction that queued it before committing. */
const COMMIT_WAIT_MS = 3000;

/** Why a message whose sending was cut off is not sent again on its own. */
export const IN_DOUBT = 'Pengiriman terputus (worker berhenti saat mengirim); pesan mungkin sudah terkirim, jadi tidak dikirim ulang otomatis. Kirim ulang bila perlu.';

export const deliveryJobId = (notificationId: string) => `notice-${notificationId}`;

/**
 * The outbox: one row per notice, whose unique key decides that a notice goes out at most once
 * (a scheduler running twice, a retried job or a second worker only find the row already there), and
 * the delivery of a row through the Mailer with retries and backoff. A failing server leaves the row
 * PENDING with its attempts and last error, then FAILED; it never crashes a worker.
 */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger('Outbox');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly jobs: JobsService,
    private readonly mailer: Mailer,
    @Inject(ENV) private readonly env: EnvironmentVariables,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Adds the notices that are not in the outbox yet (inside the caller's transaction); returns the ids of the new ones. */
  async add(em: EntityManager, rows: NoticeRow[]): Promise<string[]> {
    const ids: string[] = [];
    const now = this.clock.now();
    for (const r of rows) {
      const res = await em.query(
        `INSERT IGNORE INTO notifications (organizer_id, period_id, user_id, recipient_email, recipient_name, occasion, occasion_key, subject, body_text, body_html, link_in_job, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          r.organizerId,
          r.periodId,
          r.userId,
          r.recipient.email.toLowerCase(),
          r.recipient.name.slice(0, 300),
          r.occasion,
          r.occasionKey,
          r.mail.subject.slice(0, 300),
          r.mail.text,
          r.mail.html,
          r.linkInJob ? 1 : 0,
          now,
        ],
      );
      if (res.affectedRows) ids.push(String(res.insertId));
    }
    return ids;
  }

  /** The options of every delivery job: MAIL_ATTEMPTS attempts, exponential backoff from MAIL_RETRY_DELAY_MS. */
  private get deliveryOptions() {
    return { attempts: this.env.MAIL_ATTEMPTS, backoff: { type: 'exponential' as const, delay: this.env.MAIL_RETRY_DELAY_MS } };
  }

  /**
   * Queues the delivery of a notice. May be called before the transaction that added the row commits
   * (a link lives only in the job, so it must be queued before the link is handed out): the delivery
   * then waits a moment for the row.
   */
  async queue(organizerId: string, notificationId: string, link?: string): Promise<void> {
    await this.jobs.enqueue(
      JobName.DeliverNotification,
      { organizerId, notificationId, ...(link ? { link } : {}) },
      { jobId: deliveryJobId(notificationId), ...this.deliveryOptions },
    );
  }

  /** Queues every PENDING notice (not one whose link only a job holds) that has no live delivery job: new notices of events, lost jobs. */
  async dispatchPending(): Promise<number> {
    const rows: { id: string; organizer_id: string }[] = await this.ds.query(
      `SELECT id, organizer_id FROM notifications WHERE status IN ('PENDING', 'SENDING') AND link_in_job = 0 ORDER BY id LIMIT 5000`,
    );
    let queued = 0;
    for (const r of rows) {
      const id = String(r.id);
      const live = await this.jobs.liveness(JobName.DeliverNotification, deliveryJobId(id));
      if (live === 'live') continue;
      await this.jobs.reEnqueue(JobName.DeliverNotification, { organizerId: String(r.organizer_id), notificationId: id }, deliveryJobId(id), this.deliveryOptions);
      queued++;
    }
    return queued;
  }

  /** One delivery attempt (the DeliverNotification job). */
  async deliver(job: Job<JobPayloads[JobName.DeliverNotification]>): Promise<{ outcome: 'sent' | 'skipped' | 'failed' | 'gone' }> {
    const id = job.data.notificationId;
    let n:
      | { id: string; recipient_email: string; recipient_name: string; subject: string; body_text: string; body_html: string; status: NotificationStatus; link_in_job: number }
      | undefined;
    for (const until = Date.now() + COMMIT_WAIT_MS; ;) {
      [n] = await this.ds.query('SELECT id, recipient_email, recipient_name, subject, body_text, body_html, status, link_in_job FROM notifications WHERE id = ?', [id]);
      if (n || Date.now() > until) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    if (!n) return { outcome: 'gone' };
    if (n.status === 'SENT' || n.status === 'FAILED') return { outcome: 'skipped' };
    if (n.link_in_job && !job.data.link) {
      await this.ds.query(`UPDATE notifications SET status = 'FAILED', last_error = ? WHERE id = ? AND status IN ('PENDING', 'SENDING')`, [
        'The one-time link of this message is lost; send the invitation or reset again',
        id,
      ]);
      return { outcome: 'failed' };
    }
    if (n.status === 'SENDING') {
      // An attempt claimed it and never reported back: its worker died while talking to the server,
      // perhaps after the server took the message. Sending again could deliver it twice, so it is
      // left to the admin (the outbox shows why; POST /notifications/:id/retry sends it again).
      await this.ds.query(`UPDATE notifications SET status = 'FAILED', last_error = ? WHERE id = ? AND status = 'SENDING'`, [IN_DOUBT, id]);
      return { outcome: 'failed' };
    }
    const claimed = await this.ds.query(`UPDATE notifications SET status = 'SENDING', attempts = attempts + 1 WHERE id = ? AND status = 'PENDING'`, [id]);
    if (!claimed.affectedRows) return { outcome: 'skipped' };
    const withLink = (s: string) => (job.data.link ? s.split(LINK_PLACEHOLDER).join(job.data.link) : s);
    try {
      await this.mailer.send({
        messageId: `<notice-${id}@${new URL(this.env.PUBLIC_BASE_URL).hostname}>`,
        to: { name: n.recipient_name, address: n.recipient_email },
        subject: n.subject,
        text: withLink(n.body_text),
        html: withLink(n.body_html),
      });
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      const last = isLastAttempt(job) || isPermanentFailure(err);
      await this.ds.query('UPDATE notifications SET status = ?, last_error = ? WHERE id = ?', [last ? 'FAILED' : 'PENDING', err.message.slice(0, 2000), id]);
      this.logger.warn({ notificationId: id, attempt: job.attemptsMade + 1, err: err.message }, last ? 'notice failed' : 'notice not sent; retrying');
      if (last) return { outcome: 'failed' };
      throw err;
    }
    await this.ds.query(`UPDATE notifications SET status = 'SENT', sent_at = ?, last_error = NULL WHERE id = ?`, [this.clock.now(), id]);
    return { outcome: 'sent' };
  }

  async list(actor: AuthUser, q: NotificationQuery): Promise<Page<NotificationDto>> {
    const where = ['organizer_id = ?'];
    const params: unknown[] = [actor.organizerId];
    for (const [column, value] of [
      ['period_id', q.periodId],
      ['status', q.status],
      ['occasion', q.occasion],
    ] as const) {
      if (value === undefined) continue;
      where.push(`${column} = ?`);
      params.push(value);
    }
    const { skip, take } = skipTake(q);
    const [{ total }] = await this.ds.query(`SELECT COUNT(*) AS total FROM notifications WHERE ${where.join(' AND ')}`, params);
    const rows = await this.ds.query(
      `SELECT id, period_id, user_id, recipient_email, recipient_name, occasion, subject, status, attempts, last_error, created_at, sent_at
         FROM notifications WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT ? OFFSET ?`,
      [...params, take, skip],
    );
    return pageOf(rows.map(toDto), Number(total), q);
  }

  /** A FAILED notice goes out again (not one carrying a one-time link: that is sent again by inviting or resetting again). */
  async retry(actor: AuthUser, id: string): Promise<NotificationDto> {
    const [n] = await this.ds.query('SELECT id, status, link_in_job FROM notifications WHERE id = ? AND organizer_id = ?', [id, actor.organizerId]);
    if (!n) throw notFound(NotificationErrorCode.NOT_FOUND, 'Notification', id);
    if (n.status !== 'FAILED' || n.link_in_job)
      throw unprocessable(NotificationErrorCode.NOT_RETRYABLE, 'Only a failed notice without a one-time link can be sent again', { status: n.status, linkInJob: !!n.link_in_job });
    await this.ds.query(`UPDATE notifications SET status = 'PENDING', attempts = 0 WHERE id = ? AND status = 'FAILED'`, [id]);
    await this.jobs.reEnqueue(JobName.DeliverNotification, { organizerId: actor.organizerId, notificationId: String(id) }, deliveryJobId(String(id)), this.deliveryOptions);
    const [row] = await this.ds.query(
      'SELECT id, period_id, user_id, recipient_email, recipient_name, occasion, subject, status, attempts, last_error, created_at, sent_at FROM notifications WHERE id = ?',
      [id],
    );
    return toDto(row);
  }

  /** The latest notice of `occasion` per user, for the invitation list. */
  async latestPerUser(em: EntityManager, organizerId: string, occasion: Occasion, userIds: string[]): Promise<Map<string, { status: NotificationStatus; createdAt: Date }>> {
    if (!userIds.length) return new Map();
    const rows: { user_id: string; status: NotificationStatus; created_at: Date }[] = await em.query(
      `SELECT n.user_id, n.status, n.created_at FROM notifications n
         JOIN (SELECT user_id, MAX(id) AS id FROM notifications WHERE organizer_id = ? AND occasion = ? AND user_id IN (?) GROUP BY user_id) m ON m.id = n.id`,
      [organizerId, occasion, userIds],
    );
    return new Map(rows.map((r) => [String(r.user_id), { status: r.status, createdAt: r.created_at }]));
  }

  /** The occasion keys of a period's notices of one occasion already in the outbox. */
  async keysOf(em: EntityManager, organizerId: string, periodId: string, occasion: Occasion): Promise<Set<string>> {
    const rows: { occasion_key: string }[] = await em.query('SELECT DISTINCT occasion_key FROM notifications WHERE organizer_id = ? AND period_id = ? AND occasion = ?', [
      organizerId,
      periodId,
      occasion,
    ]);
    return new Set(rows.map((r) => r.occasion_key));
  }
}

function toDto(r: Record<string, unknown>): NotificationDto {
  return {
    id: String(r.id),
    periodId: r.period_id === null ? null : String(r.period_id),
    userId: r.user_id === null ? null : String(r.user_id),
    recipientEmail: r.recipient_email as string,
    recipientName: r.recipient_name as string,
    occasion: r.occasion as Occasion,
    occasionLabel: OCCASION_LABELS[r.occasion as Occasion],
    subject: r.subject as string,
    status: r.status as NotificationStatus,
    attempts: Number(r.attempts),
    lastError: (r.last_error as string | null) ?? null,
    createdAt: new Date(r.created_at as Date).toISOString(),
    sentAt: r.sent_at ? new Date(r.sent_at as Date).toISOString() : null,
  };
}
