import { Job } from 'bullmq';
import { JobName, JobPayloads } from './jobs.types';

/** One class per job: the worker registry routes each job to the one handler of its name. */
export interface JobHandler<J extends JobName = JobName> {
  readonly jobName: J;
  handle(job: Job<JobPayloads[J]>): Promise<unknown>;
  /** Jobs of this kind to run at once in one process (default WORKER_CONCURRENCY). */
  readonly concurrency?: number;
  /** Called once when this process starts consuming (warm caches, start thread pools). */
  onWorkerStart?(): void;
}

/** Whether a failing run of `job` is its last: no retry follows, so its failure is final. */
export const isLastAttempt = (job: Job): boolean => job.attemptsMade + 1 >= (job.opts.attempts ?? 1);

/** DI token for the list of every job handler of the process. */
export const JOB_HANDLERS = Symbol('JOB_HANDLERS');
