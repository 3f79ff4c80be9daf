import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import { ENV, EnvironmentVariables } from '../config/config.module';
import { runAsJob } from '../database/connection-guard';
import { JOB_HANDLERS, JobHandler } from './job-handler';
import { JOB_QUEUE, JobName, QueueName, redisConnection } from './jobs.types';

/**
 * Starts one BullMQ worker per queue and routes each job to its handler. At boot it checks that
 * every job name has exactly one handler, so a job can never sit in a queue nobody consumes.
 */
@Injectable()
export class WorkerRegistry implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Workers');
  private readonly workers: Worker[] = [];
  private readonly handlers = new Map<JobName, JobHandler>();

  constructor(
    @Inject(JOB_HANDLERS) handlers: JobHandler[],
    @Inject(ENV) private readonly env: EnvironmentVariables,
  ) {
    for (const h of handlers) {
      if (this.handlers.has(h.jobName)) throw new Error(`Two handlers for job ${h.jobName}`);
      this.handlers.set(h.jobName, h);
    }
    const missing = Object.values(JobName).filter((n) => !this.handlers.has(n));
    if (missing.length) throw new Error(`No handler for job(s) ${missing.join(', ')}`);
  }

  onApplicationBootstrap(): void {
    for (const h of this.handlers.values()) h.onWorkerStart?.();
    for (const queue of Object.values(QueueName)) {
      const worker = new Worker(queue, (job: Job) => this.dispatch(queue, job), {
        connection: redisConnection(this.env),
        prefix: this.env.QUEUE_PREFIX,
        concurrency: Math.max(this.env.WORKER_CONCURRENCY, ...[...this.handlers.values()].filter((h) => JOB_QUEUE[h.jobName] === queue).map((h) => h.concurrency ?? 0)),
        lockDuration: this.env.WORKER_LOCK_MS,
        stalledInterval: this.env.WORKER_STALLED_INTERVAL_MS,
      });
      worker.on('failed', (job, err) => this.logger.warn({ queue, jobId: job?.id, attempts: job?.attemptsMade, err: err.message }, 'job failed'));
      worker.on('error', (err) => this.logger.error({ queue, err: err.message }, 'worker error'));
      this.workers.push(worker);
    }
  }

  private async dispatch(queue: QueueName, job: Job): Promise<unknown> {
    const handler = this.handlers.get(job.name as JobName);
    if (!handler || JOB_QUEUE[handler.jobName] !== queue) throw new Error(`No handler for job ${job.name} on queue ${queue}`);
    return runAsJob(() => handler.handle(job as never));
  }

  /** Closes workers before the queues and connections (Nest destroys this module first). */
  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}
