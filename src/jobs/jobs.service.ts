import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import { AuthUser } from '../common/auth-user';
import { CommonErrorCode } from '../common/error-codes';
import { busy, notFound } from '../common/errors';
import { JobErrorCode } from './jobs.errors';
import { ALL_QUEUES, JOB_QUEUE, JobName, JobPayloads, QueueName } from './jobs.types';

const ENQUEUE_TIMEOUT_MS = 5000;

export type JobLiveness = 'live' | 'finished' | 'missing';

export interface JobStatus {
  id: string;
  queue: string;
  name: string;
  state: string;
  progress: unknown;
  attemptsMade: number;
  result: unknown;
  failedReason: string | null;
  createdAt: string | null;
  finishedAt: string | null;
}

/** The one producer of jobs, and the reader of their state for the API. */
@Injectable()
export class JobsService {
  private readonly queues: Record<QueueName, Queue>;

  constructor(
    @InjectQueue(QueueName.System) system: Queue,
    @InjectQueue(QueueName.Ranking) ranking: Queue,
    @InjectQueue(QueueName.Certificates) certificates: Queue,
    @InjectQueue(QueueName.Notifications) notifications: Queue,
  ) {
    this.queues = { [QueueName.System]: system, [QueueName.Ranking]: ranking, [QueueName.Certificates]: certificates, [QueueName.Notifications]: notifications };
  }

  queue(name: QueueName): Queue {
    return this.queues[name];
  }

  /** Adds a job; fails with 503 within a few seconds when Redis does not answer, never hangs a request. */
  async enqueue<J extends JobName>(name: J, data: JobPayloads[J], opts: JobsOptions = {}): Promise<string> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(busy(CommonErrorCode.QUEUE_UNAVAILABLE, 'The job queue is not reachable; try again shortly')), ENQUEUE_TIMEOUT_MS);
    });
    try {
      const job = await Promise.race([this.queues[JOB_QUEUE[name]].add(name, data, opts), timeout]);
      return String(job.id);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Whether Redis still holds a job that will run: 'live' (waiting, active, delayed...), 'finished'
   * (completed or failed) or 'missing' (never added, removed, or lost with Redis's data).
   */
  async liveness(name: JobName, jobId: string): Promise<JobLiveness> {
    const state = await this.queues[JOB_QUEUE[name]].getJobState(jobId);
    if (state === 'unknown') return 'missing';
    return state === 'completed' || state === 'failed' ? 'finished' : 'live';
  }

  /**
   * Adds again a job that Redis lost or finished while MySQL still waits for it. A finished job of
   * that id is removed first, since BullMQ silently drops an add whose id exists in any state; a live
   * one is left alone (the add is dropped), so calling this twice queues the job once.
   */
  async reEnqueue<J extends JobName>(name: J, data: JobPayloads[J], jobId: string, opts: JobsOptions = {}): Promise<void> {
    const queue = this.queues[JOB_QUEUE[name]];
    if ((await this.liveness(name, jobId)) === 'finished') await queue.remove(jobId);
    await this.enqueue(name, data, { ...opts, jobId });
  }

  async status(user: AuthUser, queueName: string, id: string): Promise<JobStatus> {
    if (!ALL_QUEUES.includes(queueName as QueueName)) throw notFound(JobErrorCode.QUEUE_NOT_FOUND, 'Queue', queueName);
    const queue = this.queues[queueName as QueueName];
    // State first: a job read before its state could miss a result that lands in between.
    const state = await queue.getJobState(id);
    const job = await queue.getJob(id);
    if (!job || (job.data as { organizerId?: string })?.organizerId !== user.organizerId) throw notFound(JobErrorCode.NOT_FOUND, 'Job', id);
    return {
      id: String(job.id),
      queue: queueName,
      name: job.name,
      state,
      progress: job.progress,
      attemptsMade: job.attemptsMade,
      result: job.returnvalue ?? null,
      failedReason: job.failedReason ?? null,
      createdAt: job.timestamp ? new Date(job.timestamp).toISOString() : null,
      finishedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
    };
  }
}
