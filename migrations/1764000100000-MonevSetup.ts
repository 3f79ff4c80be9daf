import { MigrationInterface, QueryRunner } from 'typeorm';

const TAIL = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

export class MonevSetup1764000100000 implements MigrationInterface {
  name = 'MonevSetup1764000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE categories (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      organizer_id BIGINT UNSIGNED NOT NULL,
      code VARCHAR(40) NOT NULL,
      name VARCHAR(200) NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_categories_code (organizer_id, code),
      CONSTRAINT fk_categories_organizer FOREIGN KEY (organizer_id) REFERENCES organizers (id)
    ) ${TAIL}`);
    await q.query(`CREATE TABLE public_bodies (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      organizer_id BIGINT UNSIGNED NOT NULL,
      category_id BIGINT UNSIGNED NOT NULL,
      name VARCHAR(300) NOT NULL,
      region VARCHAR(120) NULL,
      website VARCHAR(500) NULL,
      email VARCHAR(254) NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_public_bodies_name (organizer_id, category_id, name),
      KEY ix_public_bodies_name (organizer_id, name),
      CONSTRAINT fk_public_bodies_organizer FOREIGN KEY (organizer_id) REFERENCES organizers (id),
      CONSTRAINT fk_public_bodies_category FOREIGN KEY (category_id) REFERENCES categories (id)
    ) ${TAIL}`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT fk_users_public_body FOREIGN KEY (public_body_id) REFERENCES public_bodies (id)`);
    await q.query(`CREATE TABLE periods (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      organizer_id BIGINT UNSIGNED NOT NULL,
      year SMALLINT UNSIGNED NOT NULL,
      name VARCHAR(200) NOT NULL,
      timezone VARCHAR(64) NOT NULL,
      stage ENUM('PREPARATION','REGISTRATION','SAQ','VERIFICATION','OBJECTION','VISITATION','PRESENTATION','FINALIZATION','PUBLISHED','ARCHIVED') NOT NULL DEFAULT 'PREPARATION',
      weight_saq DECIMAL(5,2) NOT NULL,
      weight_visitation DECIMAL(5,2) NOT NULL DEFAULT 0,
      weight_presentation DECIMAL(5,2) NOT NULL,
      finalist_rule_type ENUM('THRESHOLD','TOP_N') NOT NULL,
      finalist_rule_value DECIMAL(7,2) NOT NULL,
      bands LONGTEXT NOT NULL,
      presentation_rubric LONGTEXT NOT NULL,
      schedule LONGTEXT NOT NULL,
      scoring_locked_at DATETIME(3) NULL,
      version INT UNSIGNED NOT NULL DEFAULT 1,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_periods_year (organizer_id, year),
      CONSTRAINT fk_periods_organizer FOREIGN KEY (organizer_id) REFERENCES organizers (id)
    ) ${TAIL}`);
    await q.query(`CREATE TABLE aspects (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      period_id BIGINT UNSIGNED NOT NULL,
      code VARCHAR(20) NOT NULL,
      title VARCHAR(300) NOT NULL,
      weight DECIMAL(5,2) NOT NULL,
      position SMALLINT UNSIGNED NOT NULL,
      UNIQUE KEY uq_aspects_code (period_id, code),
      CONSTRAINT fk_aspects_period FOREIGN KEY (period_id) REFERENCES periods (id) ON DELETE CASCADE
    ) ${TAIL}`);
    await q.query(`CREATE TABLE questions (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      period_id BIGINT UNSIGNED NOT NULL,
      aspect_id BIGINT UNSIGNED NOT NULL,
      code VARCHAR(20) NOT NULL,
      text TEXT NOT NULL,
      type ENUM('YES_NO','CHOICE','MULTI_CHOICE','NUMBER','TEXT') NOT NULL,
      max_points DECIMAL(7,2) NOT NULL,
      options LONGTEXT NULL,
      thresholds LONGTEXT NULL,
      evidence ENUM('NONE','FILE','URL','FILE_OR_URL') NOT NULL,
      required TINYINT(1) NOT NULL DEFAULT 1,
      category_codes LONGTEXT NULL,
      position SMALLINT UNSIGNED NOT NULL,
      UNIQUE KEY uq_questions_code (period_id, code),
      KEY ix_questions_aspect (aspect_id),
      CONSTRAINT fk_questions_period FOREIGN KEY (period_id) REFERENCES periods (id) ON DELETE CASCADE,
      CONSTRAINT fk_questions_aspect FOREIGN KEY (aspect_id) REFERENCES aspects (id) ON DELETE CASCADE
    ) ${TAIL}`);
    await q.query(`CREATE TABLE participations (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      organizer_id BIGINT UNSIGNED NOT NULL,
      period_id BIGINT UNSIGNED NOT NULL,
      public_body_id BIGINT UNSIGNED NOT NULL,
      category_id BIGINT UNSIGNED NOT NULL,
      status ENUM('INVITED','IN_PROGRESS','SUBMITTED','VERIFIED','FINALIST','RANKED','NOT_PARTICIPATING') NOT NULL DEFAULT 'INVITED',
      deadline_override DATETIME(3) NULL,
      started_at DATETIME(3) NULL,
      submitted_at DATETIME(3) NULL,
      version INT UNSIGNED NOT NULL DEFAULT 1,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_participations_body (period_id, public_body_id),
      KEY ix_participations_status (period_id, status),
      KEY ix_participations_body (public_body_id),
      CONSTRAINT fk_participations_period FOREIGN KEY (period_id) REFERENCES periods (id),
      CONSTRAINT fk_participations_body FOREIGN KEY (public_body_id) REFERENCES public_bodies (id),
      CONSTRAINT fk_participations_category FOREIGN KEY (category_id) REFERENCES categories (id)
    ) ${TAIL}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE participations');
    await q.query('DROP TABLE questions');
    await q.query('DROP TABLE aspects');
    await q.query('DROP TABLE periods');
    await q.query('ALTER TABLE users DROP FOREIGN KEY fk_users_public_body');
    await q.query('DROP TABLE public_bodies');
    await q.query('DROP TABLE categories');
  }
}
