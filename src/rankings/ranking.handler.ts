import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { Clock, CLOCK } from '../common/clock';
import { isLastAttempt, JobHandler } from '../jobs/job-handler';
import { JobName, JobPayloads } from '../jobs/jobs.types';
import { RankingComputer } from './ranking.compute';

/** The compute-ranking job: progress into the run row and the job; FAILED with the reason after the last attempt. */
@Injectable()
export class RankingJobHandler implements JobHandler<JobName.ComputeRanking> {
  readonly jobName = JobName.ComputeRanking;

  constructor(
    private readonly computer: RankingComputer,
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(job: Job<JobPayloads[JobName.ComputeRanking]>) {
    const { runId } = job.data;
    try {
      return await this.computer.compute(runId, async (progress) => {
        await this.ds.query('UPDATE ranking_runs SET progress = ?, progress_at = ? WHERE id = ?', [progress, this.clock.now(), runId]);
        await job.updateProgress(progress);
      });
    } catch (e) {
      await this.ds.query(`UPDATE ranking_runs SET status = ?, error = ? WHERE id = ?`, [isLastAttempt(job) ? 'FAILED' : 'QUEUED', (e as Error).message.slice(0, 2000), runId]);
      throw e instanceof Error ? e : new Error(String(e));
    }
  }
}
