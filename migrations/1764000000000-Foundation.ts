import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE organizers (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      slug VARCHAR(64) NOT NULL,
      name VARCHAR(200) NOT NULL,
      level ENUM('PUSAT','PROVINSI','KABUPATEN_KOTA') NOT NULL,
      region VARCHAR(120) NULL,
      is_default TINYINT(1) NOT NULL DEFAULT 0,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_organizers_slug (slug)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE users (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      organizer_id BIGINT UNSIGNED NOT NULL,
      email VARCHAR(254) NOT NULL,
      name VARCHAR(200) NOT NULL,
      role ENUM('admin','public_body','assessor','panelist') NOT NULL,
      password_hash VARCHAR(255) NOT NULL,
      public_body_id BIGINT UNSIGNED NULL,
      affiliation VARCHAR(300) NULL,
      platform_admin TINYINT(1) NOT NULL DEFAULT 0,
      active TINYINT(1) NOT NULL DEFAULT 1,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_users_email (email),
      KEY ix_users_organizer_role (organizer_id, role),
      CONSTRAINT fk_users_organizer FOREIGN KEY (organizer_id) REFERENCES organizers (id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE audit_log (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      organizer_id BIGINT UNSIGNED NOT NULL,
      actor_id BIGINT UNSIGNED NULL,
      action VARCHAR(64) NOT NULL,
      entity_type VARCHAR(40) NOT NULL,
      entity_id VARCHAR(40) NOT NULL,
      before_state LONGTEXT NULL,
      after_state LONGTEXT NULL,
      reason VARCHAR(1000) NULL,
      request_id VARCHAR(64) NULL,
      at DATETIME(3) NOT NULL,
      KEY ix_audit_entity (organizer_id, entity_type, entity_id, id),
      KEY ix_audit_organizer (organizer_id, id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE audit_log');
    await q.query('DROP TABLE users');
    await q.query('DROP TABLE organizers');
  }
}
