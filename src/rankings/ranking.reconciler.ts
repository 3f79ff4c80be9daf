import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { gaveUpReason, Reconcilable, reconcileAction, ReconcilePolicy } from '../jobs/job-reconciler';
import { JobsService } from '../jobs/jobs.service';
import { JobName } from '../jobs/jobs.types';

/** Ranking runs QUEUED or RUNNING in MySQL whose job Redis lost are queued again; FAILED after the bound. */
@Injectable()
export class RankingReconciler implements Reconcilable {
  readonly what = 'ranking runs';
  private readonly logger = new Logger('RankingReconciler');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly jobs: JobsService,
  ) {}

  async reconcile(now: Date, policy: ReconcilePolicy): Promise<void> {
    const runs: { id: string; organizer_id: string; period_id: string; job_id: string; reconciles: number; progress_at: Date | null; created_at: Date }[] = await this.ds.query(
      `SELECT id, organizer_id, period_id, job_id, reconciles, progress_at, created_at FROM ranking_runs WHERE status IN ('QUEUED', 'RUNNING')`,
    );
    for (const run of runs) {
      // The job's state first: a job that completed had already committed its run as DONE, which the
      // guarded updates below then see.
      const jobLost = (await this.jobs.liveness(JobName.ComputeRanking, run.job_id)) !== 'live';
      const action = reconcileAction({ jobLost, progressAt: run.progress_at ?? run.created_at, reconciles: Number(run.reconciles) }, now, policy);
      if (action === 'keep') continue;
      const guard = `id = ? AND reconciles = ? AND status IN ('QUEUED', 'RUNNING')`;
      if (action === 'fail') {
        const reason = gaveUpReason(Number(run.reconciles), jobLost);
        const r = await this.ds.query(`UPDATE ranking_runs SET status = 'FAILED', error = ? WHERE ${guard}`, [reason, run.id, run.reconciles]);
        if (r.affectedRows) this.logger.warn({ runId: String(run.id), reason }, 'ranking run failed');
        continue;
      }
      const r = await this.ds.query(`UPDATE ranking_runs SET reconciles = reconciles + 1, progress_at = ? WHERE ${guard}`, [now, run.id, run.reconciles]);
      if (!r.affectedRows || !jobLost) continue;
      await this.jobs.reEnqueue(JobName.ComputeRanking, { organizerId: String(run.organizer_id), periodId: String(run.period_id), runId: String(run.id) }, run.job_id);
      this.logger.warn({ runId: String(run.id), jobId: run.job_id }, 'ranking job lost from the queue: queued again');
    }
  }
}
