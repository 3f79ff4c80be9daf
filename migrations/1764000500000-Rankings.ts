import { MigrationInterface, QueryRunner } from 'typeorm';

const TAIL = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

export class Rankings1764000500000 implements MigrationInterface {
  name = 'Rankings1764000500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE ranking_runs (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      organizer_id BIGINT UNSIGNED NOT NULL,
      period_id BIGINT UNSIGNED NOT NULL,
      inputs_hash CHAR(64) NOT NULL,
      status ENUM('QUEUED','RUNNING','DONE','FAILED') NOT NULL DEFAULT 'QUEUED',
      progress TINYINT UNSIGNED NOT NULL DEFAULT 0,
      job_id VARCHAR(120) NOT NULL,
      attempts INT UNSIGNED NOT NULL DEFAULT 0,
      error TEXT NULL,
      ranked_count INT UNSIGNED NULL,
      not_participating_count INT UNSIGNED NULL,
      created_by BIGINT UNSIGNED NOT NULL,
      created_at DATETIME(3) NOT NULL,
      started_at DATETIME(3) NULL,
      finished_at DATETIME(3) NULL,
      UNIQUE KEY uq_ranking_runs_inputs (period_id, inputs_hash),
      CONSTRAINT fk_ranking_runs_period FOREIGN KEY (period_id) REFERENCES periods (id)
    ) ${TAIL}`);
    // Written in the same transaction that marks the run DONE: a reader sees all rows of a run or none.
    await q.query(`CREATE TABLE ranking_results (
      run_id BIGINT UNSIGNED NOT NULL,
      participation_id BIGINT UNSIGNED NOT NULL,
      public_body_id BIGINT UNSIGNED NOT NULL,
      body_name VARCHAR(300) NOT NULL,
      category_code VARCHAR(40) NOT NULL,
      category_name VARCHAR(200) NOT NULL,
      status ENUM('RANKED','NOT_PARTICIPATING') NOT NULL,
      finalist TINYINT(1) NOT NULL DEFAULT 0,
      saq_score DECIMAL(5,2) NULL,
      saq_exact VARCHAR(80) NULL,
      visitation_score DECIMAL(5,2) NULL,
      visitation_exact VARCHAR(80) NULL,
      presentation_score DECIMAL(5,2) NULL,
      presentation_exact VARCHAR(80) NULL,
      final_score DECIMAL(5,2) NULL,
      final_exact VARCHAR(80) NULL,
      qualification VARCHAR(40) NOT NULL,
      qualification_label VARCHAR(100) NOT NULL,
      rank_in_category INT UNSIGNED NULL,
      rank_overall INT UNSIGNED NULL,
      submitted_at DATETIME(3) NULL,
      position INT UNSIGNED NOT NULL,
      PRIMARY KEY (run_id, participation_id),
      KEY ix_ranking_results_order (run_id, position),
      KEY ix_ranking_results_category (run_id, category_code, position)
    ) ${TAIL}`);
    await q.query(`ALTER TABLE periods ADD COLUMN published_run_id BIGINT UNSIGNED NULL, ADD COLUMN published_at DATETIME(3) NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE periods DROP COLUMN published_run_id, DROP COLUMN published_at');
    await q.query('DROP TABLE ranking_results');
    await q.query('DROP TABLE ranking_runs');
  }
}
