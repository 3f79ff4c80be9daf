import { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit view filters by actor and by time within an organizer: an index for each, newest first. */
export class AuditFilters1765200000000 implements MigrationInterface {
  name = 'AuditFilters1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE audit_log ADD KEY ix_audit_actor (organizer_id, actor_id, id), ADD KEY ix_audit_at (organizer_id, at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE audit_log DROP KEY ix_audit_actor, DROP KEY ix_audit_at');
  }
}
