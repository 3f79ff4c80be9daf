import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Browser sessions: a rotating refresh token per session (the portal's httpOnly cookie), stored as the
 * SHA-256 of the cookie value. A family is one sign-in and every rotation after it; `replaced_by`
 * points at the successor, so presenting a replaced token (a stolen copy) revokes the whole family.
 */
export class RefreshTokens1765000500000 implements MigrationInterface {
  name = 'RefreshTokens1765000500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE refresh_tokens (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      token_hash BINARY(32) NOT NULL,
      family_id CHAR(36) NOT NULL,
      user_id BIGINT UNSIGNED NOT NULL,
      token_version INT UNSIGNED NOT NULL,
      created_at DATETIME(3) NOT NULL,
      last_used_at DATETIME(3) NOT NULL,
      expires_at DATETIME(3) NOT NULL,
      replaced_by BIGINT UNSIGNED NULL,
      revoked_at DATETIME(3) NULL,
      UNIQUE KEY uq_refresh_tokens_hash (token_hash),
      KEY ix_refresh_tokens_family (family_id),
      KEY ix_refresh_tokens_user (user_id, revoked_at),
      CONSTRAINT fk_refresh_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE refresh_tokens');
  }
}
