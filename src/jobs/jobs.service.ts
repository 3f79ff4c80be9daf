import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import { AuthUser } from '../common/auth-user';
import { busy, notFound } from '../common/errors';
import { ALL_QUEUES, JOB_QUEUE, JobName, JobPayloads, QueueName } from './jobs.types';
import { JobErrorCode } from './jobs.errors';
import { CommonErrorCode } from '../common/error-codes';

const ENQUEUE_TIMEOUT_MS = 5000;

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
  ) {
    this.queues = { [QueueName.System]: system, [QueueName.Ranking]: ranking, [QueueName.Certificates]: certificates };
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
