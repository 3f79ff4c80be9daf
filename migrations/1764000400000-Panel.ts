import { MigrationInterface, QueryRunner } from 'typeorm';

const TAIL = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

export class Panel1764000400000 implements MigrationInterface {
  name = 'Panel1764000400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE finalist_selections (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      period_id BIGINT UNSIGNED NOT NULL,
      rule_type ENUM('THRESHOLD','TOP_N') NOT NULL,
      rule_value DECIMAL(7,2) NOT NULL,
      participation_ids LONGTEXT NOT NULL,
      finalist_count INT UNSIGNED NOT NULL,
      selected_by BIGINT UNSIGNED NOT NULL,
      selected_at DATETIME(3) NOT NULL,
      KEY ix_finalist_selections_period (period_id, id),
      CONSTRAINT fk_finalist_selections_period FOREIGN KEY (period_id) REFERENCES periods (id)
    ) ${TAIL}`);
    await q.query(`CREATE TABLE panel_assignments (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      period_id BIGINT UNSIGNED NOT NULL,
      participation_id BIGINT UNSIGNED NOT NULL,
      panelist_id BIGINT UNSIGNED NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_panel_assignments (participation_id, panelist_id),
      KEY ix_panel_assignments_panelist (panelist_id, period_id),
      CONSTRAINT fk_panel_assignments_participation FOREIGN KEY (participation_id) REFERENCES participations (id),
      CONSTRAINT fk_panel_assignments_panelist FOREIGN KEY (panelist_id) REFERENCES users (id)
    ) ${TAIL}`);
    await q.query(`CREATE TABLE visitation_scores (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      participation_id BIGINT UNSIGNED NOT NULL,
      panelist_id BIGINT UNSIGNED NOT NULL,
      score DECIMAL(5,2) NOT NULL,
      findings TEXT NULL,
      version INT UNSIGNED NOT NULL DEFAULT 1,
      updated_at DATETIME(3) NOT NULL,
      UNIQUE KEY uq_visitation_scores (participation_id, panelist_id),
      CONSTRAINT fk_visitation_scores_participation FOREIGN KEY (participation_id) REFERENCES participations (id)
    ) ${TAIL}`);
    // A panelist's total is sum(score * weight) / 100 with two-decimal scores and weights: six decimals, exact.
    await q.query(`CREATE TABLE presentation_sheets (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      participation_id BIGINT UNSIGNED NOT NULL,
      panelist_id BIGINT UNSIGNED NOT NULL,
      criteria LONGTEXT NOT NULL,
      total DECIMAL(12,6) NOT NULL,
      note TEXT NULL,
      version INT UNSIGNED NOT NULL DEFAULT 1,
      updated_at DATETIME(3) NOT NULL,
      UNIQUE KEY uq_presentation_sheets (participation_id, panelist_id),
      CONSTRAINT fk_presentation_sheets_participation FOREIGN KEY (participation_id) REFERENCES participations (id)
    ) ${TAIL}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE presentation_sheets');
    await q.query('DROP TABLE visitation_scores');
    await q.query('DROP TABLE panel_assignments');
    await q.query('DROP TABLE finalist_selections');
  }
}
