import { Job } from 'bullmq';
import { JobName, JobPayloads } from './jobs.types';

/** One class per job: the worker registry routes each job to the one handler of its name. */
export interface JobHandler<J extends JobName = JobName> {
  readonly jobName: J;
  handle(job: Job<JobPayloads[J]>): Promise<unknown>;
}

/** DI token for the list of every job handler of the process. */
export const JOB_HANDLERS = Symbol('JOB_HANDLERS');
