import { MigrationInterface, QueryRunner } from 'typeorm';

const TAIL = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

export class Saq1764000200000 implements MigrationInterface {
  name = 'Saq1764000200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE evidence (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      participation_id BIGINT UNSIGNED NOT NULL,
      storage_key VARCHAR(200) NOT NULL,
      file_name VARCHAR(255) NOT NULL,
      size INT UNSIGNED NOT NULL,
      sha256 CHAR(64) NOT NULL,
      uploaded_by BIGINT UNSIGNED NOT NULL,
      created_at DATETIME(3) NOT NULL,
      UNIQUE KEY uq_evidence_key (storage_key),
      KEY ix_evidence_participation (participation_id),
      CONSTRAINT fk_evidence_participation FOREIGN KEY (participation_id) REFERENCES participations (id)
    ) ${TAIL}`);
    await q.query(`CREATE TABLE answers (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      participation_id BIGINT UNSIGNED NOT NULL,
      question_id BIGINT UNSIGNED NOT NULL,
      value LONGTEXT NOT NULL,
      evidence_ids LONGTEXT NULL,
      url VARCHAR(2000) NULL,
      note TEXT NULL,
      self_points DECIMAL(7,2) NOT NULL,
      version INT UNSIGNED NOT NULL DEFAULT 1,
      updated_by BIGINT UNSIGNED NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      UNIQUE KEY uq_answers_question (participation_id, question_id),
      CONSTRAINT fk_answers_participation FOREIGN KEY (participation_id) REFERENCES participations (id),
      CONSTRAINT fk_answers_question FOREIGN KEY (question_id) REFERENCES questions (id)
    ) ${TAIL}`);
    // Which assessor verifies which participation (read access to an SAQ is granted through it).
    await q.query(`CREATE TABLE assignments (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      period_id BIGINT UNSIGNED NOT NULL,
      participation_id BIGINT UNSIGNED NOT NULL,
      assessor_id BIGINT UNSIGNED NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_assignments (participation_id, assessor_id),
      KEY ix_assignments_assessor (assessor_id, period_id),
      KEY ix_assignments_period (period_id),
      CONSTRAINT fk_assignments_participation FOREIGN KEY (participation_id) REFERENCES participations (id),
      CONSTRAINT fk_assignments_assessor FOREIGN KEY (assessor_id) REFERENCES users (id)
    ) ${TAIL}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE assignments');
    await q.query('DROP TABLE answers');
    await q.query('DROP TABLE evidence');
  }
}
