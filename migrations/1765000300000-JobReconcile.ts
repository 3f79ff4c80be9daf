import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the job reconciler needs to rebuild lost jobs from MySQL alone: when each run and batch last
 * moved, how often it was re-enqueued, the chunk of every certificate, a batch status that can be
 * FAILED, and job ids that carry a random token so a recreated database never reuses one.
 */
export class JobReconcile1765000300000 implements MigrationInterface {
  name = 'JobReconcile1765000300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ranking_runs
      ADD COLUMN reconciles INT UNSIGNED NOT NULL DEFAULT 0,
      ADD COLUMN progress_at DATETIME(3) NULL,
      ADD KEY ix_ranking_runs_status (status)`);
    await q.query('UPDATE ranking_runs SET progress_at = COALESCE(started_at, created_at)');
    await q.query(`ALTER TABLE certificate_batches
      ADD COLUMN status ENUM('RUNNING','DONE','FAILED') NOT NULL DEFAULT 'RUNNING',
      ADD COLUMN job_id_prefix VARCHAR(120) NOT NULL DEFAULT '',
      ADD COLUMN reconciles INT UNSIGNED NOT NULL DEFAULT 0,
      ADD COLUMN progress_at DATETIME(3) NULL,
      ADD COLUMN error TEXT NULL,
      ADD KEY ix_certificate_batches_status (status)`);
    await q.query(`ALTER TABLE certificates ADD COLUMN chunk INT UNSIGNED NOT NULL DEFAULT 0`);
    // Batches queued before this migration: their chunks were 100 certificates in id order, under job
    // ids certificates-<batch>-<chunk>.
    await q.query(`UPDATE certificates c JOIN (
        SELECT id, FLOOR((ROW_NUMBER() OVER (PARTITION BY batch_id ORDER BY id) - 1) / 100) AS chunk FROM certificates
      ) n ON n.id = c.id SET c.chunk = n.chunk`);
    await q.query(`UPDATE certificate_batches SET job_id_prefix = CONCAT('certificates-', id), progress_at = created_at`);
    await q.query(`UPDATE certificate_batches b SET status = 'DONE' WHERE NOT EXISTS (SELECT 1 FROM certificates c WHERE c.batch_id = b.id AND c.status = 'PENDING')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE certificates DROP COLUMN chunk');
    await q.query(
      'ALTER TABLE certificate_batches DROP KEY ix_certificate_batches_status, DROP COLUMN status, DROP COLUMN job_id_prefix, DROP COLUMN reconciles, DROP COLUMN progress_at, DROP COLUMN error',
    );
    await q.query('ALTER TABLE ranking_runs DROP KEY ix_ranking_runs_status, DROP COLUMN reconciles, DROP COLUMN progress_at');
  }
}
