import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail: one-time account links (activation after an invitation, password reset), stored as the
 * SHA-256 of the token, one live link per user and purpose (a new one replaces the old); the outbox,
 * one row per notice whose unique key (organizer, occasion key, recipient) makes each notice go out at
 * most once whatever the queue does; and invitation batches with their progress.
 */
export class Notifications1765400000000 implements MigrationInterface {
  name = 'Notifications1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE account_links (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      organizer_id BIGINT UNSIGNED NOT NULL,
      user_id BIGINT UNSIGNED NOT NULL,
      purpose ENUM('ACTIVATION','RESET') NOT NULL,
      token_hash BINARY(32) NOT NULL,
      generation INT UNSIGNED NOT NULL DEFAULT 1,
      created_at DATETIME(3) NOT NULL,
      expires_at DATETIME(3) NOT NULL,
      used_at DATETIME(3) NULL,
      UNIQUE KEY uq_account_links_user (user_id, purpose),
      UNIQUE KEY uq_account_links_hash (token_hash),
      CONSTRAINT fk_account_links_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE notifications (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      organizer_id BIGINT UNSIGNED NOT NULL,
      period_id BIGINT UNSIGNED NULL,
      user_id BIGINT UNSIGNED NULL,
      recipient_email VARCHAR(254) NOT NULL,
      recipient_name VARCHAR(300) NOT NULL,
      occasion ENUM('INVITATION','PASSWORD_RESET','SAQ_REMINDER','VERIFICATION_READY','OBJECTION_DECIDED','RANKING_PUBLISHED') NOT NULL,
      occasion_key VARCHAR(190) NOT NULL,
      subject VARCHAR(300) NOT NULL,
      body_text MEDIUMTEXT NOT NULL,
      body_html MEDIUMTEXT NOT NULL,
      link_in_job TINYINT(1) NOT NULL DEFAULT 0,
      status ENUM('PENDING','SENDING','SENT','FAILED') NOT NULL DEFAULT 'PENDING',
      attempts INT UNSIGNED NOT NULL DEFAULT 0,
      last_error VARCHAR(2000) NULL,
      created_at DATETIME(3) NOT NULL,
      sent_at DATETIME(3) NULL,
      UNIQUE KEY uq_notifications_occasion (organizer_id, occasion_key, recipient_email),
      KEY ix_notifications_status (status, link_in_job),
      KEY ix_notifications_period (organizer_id, period_id, id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE invitation_batches (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      organizer_id BIGINT UNSIGNED NOT NULL,
      period_id BIGINT UNSIGNED NOT NULL,
      status ENUM('RUNNING','DONE','FAILED') NOT NULL DEFAULT 'RUNNING',
      total INT UNSIGNED NOT NULL DEFAULT 0,
      done INT UNSIGNED NOT NULL DEFAULT 0,
      failed INT UNSIGNED NOT NULL DEFAULT 0,
      skipped INT UNSIGNED NOT NULL DEFAULT 0,
      cursor_id BIGINT UNSIGNED NOT NULL DEFAULT 0,
      failures JSON NULL,
      error VARCHAR(2000) NULL,
      job_id VARCHAR(100) NULL,
      created_by BIGINT UNSIGNED NULL,
      created_at DATETIME(3) NOT NULL,
      finished_at DATETIME(3) NULL,
      KEY ix_invitation_batches_period (organizer_id, period_id, id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE invitation_batches');
    await q.query('DROP TABLE notifications');
    await q.query('DROP TABLE account_links');
  }
}
