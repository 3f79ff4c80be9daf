import { MigrationInterface, QueryRunner } from 'typeorm';

const TAIL = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

export class Verification1764000300000 implements MigrationInterface {
  name = 'Verification1764000300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE user_conflicts (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      user_id BIGINT UNSIGNED NOT NULL,
      public_body_id BIGINT UNSIGNED NOT NULL,
      reason VARCHAR(1000) NULL,
      created_by BIGINT UNSIGNED NOT NULL,
      created_at DATETIME(3) NOT NULL,
      UNIQUE KEY uq_user_conflicts (user_id, public_body_id),
      CONSTRAINT fk_user_conflicts_user FOREIGN KEY (user_id) REFERENCES users (id),
      CONSTRAINT fk_user_conflicts_body FOREIGN KEY (public_body_id) REFERENCES public_bodies (id)
    ) ${TAIL}`);
    await q.query(`CREATE TABLE verifications (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      participation_id BIGINT UNSIGNED NOT NULL,
      question_id BIGINT UNSIGNED NOT NULL,
      aspect_id BIGINT UNSIGNED NOT NULL,
      points DECIMAL(7,2) NOT NULL,
      objection_points DECIMAL(7,2) NULL,
      status ENUM('ACCEPTED','ADJUSTED','EVIDENCE_INACCESSIBLE') NOT NULL,
      note TEXT NULL,
      version INT UNSIGNED NOT NULL DEFAULT 1,
      verified_by BIGINT UNSIGNED NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      UNIQUE KEY uq_verifications_question (participation_id, question_id),
      CONSTRAINT fk_verifications_participation FOREIGN KEY (participation_id) REFERENCES participations (id),
      CONSTRAINT fk_verifications_question FOREIGN KEY (question_id) REFERENCES questions (id)
    ) ${TAIL}`);
    // Verified points per participation and aspect (objections applied), kept in the same
    // transaction as every verification and objection write, so a ranking reads bodies x aspects.
    await q.query(`CREATE TABLE aspect_subtotals (
      participation_id BIGINT UNSIGNED NOT NULL,
      aspect_id BIGINT UNSIGNED NOT NULL,
      points DECIMAL(11,2) NOT NULL,
      PRIMARY KEY (participation_id, aspect_id),
      CONSTRAINT fk_aspect_subtotals_participation FOREIGN KEY (participation_id) REFERENCES participations (id)
    ) ${TAIL}`);
    await q.query(`CREATE TABLE objections (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      participation_id BIGINT UNSIGNED NOT NULL,
      question_id BIGINT UNSIGNED NOT NULL,
      status ENUM('OPEN','ACCEPTED','REJECTED') NOT NULL DEFAULT 'OPEN',
      reason TEXT NOT NULL,
      evidence_ids LONGTEXT NULL,
      url VARCHAR(2000) NULL,
      points_before DECIMAL(7,2) NOT NULL,
      points_after DECIMAL(7,2) NULL,
      decision_note TEXT NULL,
      decided_by BIGINT UNSIGNED NULL,
      decided_at DATETIME(3) NULL,
      created_by BIGINT UNSIGNED NOT NULL,
      created_at DATETIME(3) NOT NULL,
      open_question_id BIGINT UNSIGNED GENERATED ALWAYS AS (CASE WHEN status = 'OPEN' THEN question_id END) STORED,
      UNIQUE KEY uq_objections_open (participation_id, open_question_id),
      KEY ix_objections_participation (participation_id, question_id),
      CONSTRAINT fk_objections_participation FOREIGN KEY (participation_id) REFERENCES participations (id),
      CONSTRAINT fk_objections_question FOREIGN KEY (question_id) REFERENCES questions (id)
    ) ${TAIL}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE objections');
    await q.query('DROP TABLE aspect_subtotals');
    await q.query('DROP TABLE verifications');
    await q.query('DROP TABLE user_conflicts');
  }
}
