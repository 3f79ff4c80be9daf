import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { hostname } from 'os';
import { JobName, JobPayloads, QueueName } from './jobs.types';

/** Answers the diagnostic ping: proves a worker is consuming and says which one. */
@Processor(QueueName.System)
export class SystemProcessor extends WorkerHost {
  async process(job: Job<JobPayloads[JobName.Ping]>) {
    if (job.name !== JobName.Ping) throw new Error(`No handler for job ${job.name} on queue ${QueueName.System}`);
    await job.updateProgress(100);
    return { pong: true, worker: `${hostname()}:${process.pid}`, requestedAt: job.data.requestedAt };
  }
}
