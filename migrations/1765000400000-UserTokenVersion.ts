import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A per-user token version carried in every access token (claim `tv`): bumping it on deactivation
 * or a password change refuses every token issued before.
 */
export class UserTokenVersion1765000400000 implements MigrationInterface {
  name = 'UserTokenVersion1765000400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE users ADD COLUMN token_version INT UNSIGNED NOT NULL DEFAULT 0 AFTER active');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE users DROP COLUMN token_version');
  }
}
