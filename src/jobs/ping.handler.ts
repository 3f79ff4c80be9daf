import { hostname } from 'os';
import { Injectable } from '@nestjs/common';
import { Job } from 'bullmq';
import { JobHandler } from './job-handler';
import { JobName, JobPayloads } from './jobs.types';

/** Answers the diagnostic ping: proves a worker is consuming and says which one. */
@Injectable()
export class PingHandler implements JobHandler<JobName.Ping> {
  readonly jobName = JobName.Ping;

  async handle(job: Job<JobPayloads[JobName.Ping]>) {
    await job.updateProgress(100);
    return { pong: true, worker: `${hostname()}:${process.pid}`, requestedAt: job.data.requestedAt };
  }
}
