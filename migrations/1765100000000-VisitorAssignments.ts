import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Visits by assessors: in many KIs the assessors who verified a body also visit it. A visitor
 * assignment lets an assessor score a finalist's visitation (its score sits in visitation_scores
 * beside the panelists', keyed by the user, and counts in the same mean) without joining the panel
 * that scores the presentation.
 */
export class VisitorAssignments1765100000000 implements MigrationInterface {
  name = 'VisitorAssignments1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE visitor_assignments (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      period_id BIGINT UNSIGNED NOT NULL,
      participation_id BIGINT UNSIGNED NOT NULL,
      assessor_id BIGINT UNSIGNED NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_visitor_assignments (participation_id, assessor_id),
      KEY ix_visitor_assignments_assessor (assessor_id, period_id),
      CONSTRAINT fk_visitor_assignments_participation FOREIGN KEY (participation_id) REFERENCES participations (id),
      CONSTRAINT fk_visitor_assignments_assessor FOREIGN KEY (assessor_id) REFERENCES users (id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE visitor_assignments');
  }
}
