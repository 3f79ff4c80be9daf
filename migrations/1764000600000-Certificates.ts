import { MigrationInterface, QueryRunner } from 'typeorm';

const TAIL = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

export class Certificates1764000600000 implements MigrationInterface {
  name = 'Certificates1764000600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE certificate_batches (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      organizer_id BIGINT UNSIGNED NOT NULL,
      period_id BIGINT UNSIGNED NOT NULL,
      run_id BIGINT UNSIGNED NOT NULL,
      total INT UNSIGNED NOT NULL,
      created_by BIGINT UNSIGNED NOT NULL,
      created_at DATETIME(3) NOT NULL,
      KEY ix_certificate_batches_period (period_id),
      CONSTRAINT fk_certificate_batches_run FOREIGN KEY (run_id) REFERENCES ranking_runs (id)
    ) ${TAIL}`);
    // One certificate per ranked body of a run, whatever the number of batches that scheduled it.
    await q.query(`CREATE TABLE certificates (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      organizer_id BIGINT UNSIGNED NOT NULL,
      period_id BIGINT UNSIGNED NOT NULL,
      run_id BIGINT UNSIGNED NOT NULL,
      participation_id BIGINT UNSIGNED NOT NULL,
      batch_id BIGINT UNSIGNED NOT NULL,
      code VARCHAR(43) NOT NULL,
      status ENUM('PENDING','ISSUED','FAILED') NOT NULL DEFAULT 'PENDING',
      storage_key VARCHAR(200) NULL,
      sha256 CHAR(64) NULL,
      size INT UNSIGNED NULL,
      error VARCHAR(2000) NULL,
      attempts INT UNSIGNED NOT NULL DEFAULT 0,
      issued_at DATETIME(3) NULL,
      revoked_at DATETIME(3) NULL,
      UNIQUE KEY uq_certificates_participation (run_id, participation_id),
      UNIQUE KEY uq_certificates_code (code),
      KEY ix_certificates_batch (batch_id, status),
      KEY ix_certificates_participation (participation_id),
      CONSTRAINT fk_certificates_run FOREIGN KEY (run_id) REFERENCES ranking_runs (id),
      CONSTRAINT fk_certificates_participation FOREIGN KEY (participation_id) REFERENCES participations (id)
    ) ${TAIL}`);
    await q.query(`ALTER TABLE periods ADD COLUMN certificate_settings LONGTEXT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE periods DROP COLUMN certificate_settings');
    await q.query('DROP TABLE certificates');
    await q.query('DROP TABLE certificate_batches');
  }
}
