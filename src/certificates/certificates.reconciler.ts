import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { inTransaction } from '../database/transaction';
import { gaveUpReason, Reconcilable, reconcileAction, ReconcilePolicy } from '../jobs/job-reconciler';
import { JobsService } from '../jobs/jobs.service';
import { JobName } from '../jobs/jobs.types';
import { CHUNK_ATTEMPTS, chunkJobId } from './certificates.service';

/**
 * Certificate batches RUNNING in MySQL: every chunk that still has PENDING certificates must have its
 * job in Redis; the missing ones are queued again (same id, same certificates), and a batch that stops
 * moving after the bound is FAILED with its pending certificates. A batch with nothing pending is DONE.
 */
@Injectable()
export class CertificatesReconciler implements Reconcilable {
  readonly what = 'certificate batches';
  private readonly logger = new Logger('CertificatesReconciler');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly jobs: JobsService,
  ) {}

  async reconcile(now: Date, policy: ReconcilePolicy): Promise<void> {
    const batches: { id: string; organizer_id: string; job_id_prefix: string; reconciles: number; progress_at: Date | null; created_at: Date }[] = await this.ds.query(
      `SELECT id, organizer_id, job_id_prefix, reconciles, progress_at, created_at FROM certificate_batches WHERE status = 'RUNNING'`,
    );
    for (const b of batches) {
      const pending: { id: string; chunk: number }[] = await this.ds.query(`SELECT id, chunk FROM certificates WHERE batch_id = ? AND status = 'PENDING' ORDER BY chunk, id`, [
        b.id,
      ]);
      if (!pending.length) {
        await this.ds.query(`UPDATE certificate_batches SET status = 'DONE' WHERE id = ? AND status = 'RUNNING'`, [b.id]);
        continue;
      }
      const chunks = new Map<number, string[]>();
      for (const p of pending) {
        const ids = chunks.get(Number(p.chunk));
        if (ids) ids.push(String(p.id));
        else chunks.set(Number(p.chunk), [String(p.id)]);
      }
      const lost: [number, string[]][] = [];
      for (const [chunk, ids] of chunks) {
        if ((await this.jobs.liveness(JobName.RenderCertificates, chunkJobId(b.job_id_prefix, chunk))) !== 'live') lost.push([chunk, ids]);
      }
      const action = reconcileAction({ jobLost: lost.length > 0, progressAt: b.progress_at ?? b.created_at, reconciles: Number(b.reconciles) }, now, policy);
      if (action === 'keep') continue;
      const guard = `id = ? AND reconciles = ? AND status = 'RUNNING'`;
      if (action === 'fail') {
        const reason = gaveUpReason(Number(b.reconciles), lost.length > 0);
        const failed = await inTransaction(this.ds, async (em) => {
          const r = await em.query(`UPDATE certificate_batches SET status = 'FAILED', error = ? WHERE ${guard}`, [reason, b.id, b.reconciles]);
          if (r.affectedRows) await em.query(`UPDATE certificates SET status = 'FAILED', error = ? WHERE batch_id = ? AND status = 'PENDING'`, [reason, b.id]);
          return r.affectedRows > 0;
        });
        if (failed) this.logger.warn({ batchId: String(b.id), reason }, 'certificate batch failed');
        continue;
      }
      const r = await this.ds.query(`UPDATE certificate_batches SET reconciles = reconciles + 1, progress_at = ? WHERE ${guard}`, [now, b.id, b.reconciles]);
      if (!r.affectedRows) continue;
      for (const [chunk, ids] of lost) {
        await this.jobs.reEnqueue(
          JobName.RenderCertificates,
          { organizerId: String(b.organizer_id), batchId: String(b.id), certificateIds: ids },
          chunkJobId(b.job_id_prefix, chunk),
          {
            attempts: CHUNK_ATTEMPTS,
          },
        );
      }
      if (lost.length) this.logger.warn({ batchId: String(b.id), chunks: lost.map(([c]) => c) }, 'certificate chunks lost from the queue: queued again');
    }
  }
}
