import { Inject, Injectable, Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { ENV, EnvironmentVariables } from '../config/config.module';
import { JobHandler } from '../jobs/job-handler';
import { JobsService } from '../jobs/jobs.service';
import { JobName, JobPayloads, QueueName } from '../jobs/jobs.types';
import { AccountsService } from './accounts.service';
import { InvitationBatchesService } from './invitation-batches.service';
import { NoticesService } from './notices.service';
import { OutboxService } from './outbox.service';

/** Messages one worker process has with the mail server at once. */
export const DELIVERY_CONCURRENCY = 4;

/** Sends one message of the outbox (retried with backoff; a failure ends in the outbox, never in the worker). */
@Injectable()
export class DeliverNotificationHandler implements JobHandler<JobName.DeliverNotification> {
  readonly jobName = JobName.DeliverNotification;
  readonly concurrency = DELIVERY_CONCURRENCY;
  constructor(private readonly outbox: OutboxService) {}

  handle(job: Job<JobPayloads[JobName.DeliverNotification]>) {
    return this.outbox.deliver(job);
  }
}

@Injectable()
export class InviteParticipantsHandler implements JobHandler<JobName.InviteParticipants> {
  readonly jobName = JobName.InviteParticipants;
  constructor(private readonly batches: InvitationBatchesService) {}

  handle(job: Job<JobPayloads[JobName.InviteParticipants]>) {
    return this.batches.run(job);
  }
}

/** A reset request becomes a link and a message here, off the request, so every request answers alike and as fast. */
@Injectable()
export class RequestPasswordResetHandler implements JobHandler<JobName.RequestPasswordReset> {
  readonly jobName = JobName.RequestPasswordReset;
  constructor(private readonly accounts: AccountsService) {}

  async handle(job: Job<JobPayloads[JobName.RequestPasswordReset]>) {
    return { sent: await this.accounts.sendReset(job.data.email) };
  }
}

export const NOTICE_TICK_SCHEDULER = 'notice-tick';

/**
 * The notices' clock: a repeatable BullMQ job (a job scheduler, kept in Redis, so it survives worker
 * restarts, and upserted by every worker at start, so it comes back after Redis lost it) that adds the
 * reminders due by the injected clock and queues every notice still waiting for delivery.
 */
@Injectable()
export class NoticeTickHandler implements JobHandler<JobName.NoticeTick> {
  readonly jobName = JobName.NoticeTick;
  private readonly logger = new Logger('NoticeTick');

  constructor(
    private readonly notices: NoticesService,
    private readonly outbox: OutboxService,
    private readonly jobs: JobsService,
    @Inject(ENV) private readonly env: EnvironmentVariables,
  ) {}

  onWorkerStart(): void {
    this.jobs
      .queue(QueueName.Notifications)
      .upsertJobScheduler(
        NOTICE_TICK_SCHEDULER,
        { every: this.env.NOTICE_TICK_MS },
        { name: JobName.NoticeTick, data: { organizerId: '' }, opts: { attempts: 1, removeOnComplete: { count: 10 }, removeOnFail: { count: 50 } } },
      )
      .catch((e: Error) => this.logger.warn({ err: e.message }, 'the notice tick could not be scheduled; the next worker start tries again'));
  }

  async handle() {
    const reminders = await this.notices.scanReminders();
    const queued = await this.outbox.dispatchPending();
    return { reminders, queued };
  }
}
