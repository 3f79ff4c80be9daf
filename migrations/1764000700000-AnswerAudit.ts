import { MigrationInterface, QueryRunner } from 'typeorm';

const AUDIT_COLUMNS = 'organizer_id, actor_id, action, entity_type, entity_id, before_state, after_state, reason, request_id, at';
const answerState = (row: 'OLD' | 'NEW') => `JSON_OBJECT('version', ${row}.version, 'selfPoints', CAST(${row}.self_points AS CHAR))`;

/**
 * Answer saves are audited by the database: a save is then one statement (the hottest write of the
 * service; see AnswersService.save), and no path can change an answer without its audit row, which
 * commits or rolls back with the change. `answers.request_id` carries the request into the row.
 */
export class AnswerAudit1764000700000 implements MigrationInterface {
  name = 'AnswerAudit1764000700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE answers ADD COLUMN request_id VARCHAR(64) NULL AFTER updated_at');
    await q.query(`CREATE TRIGGER answers_audit_insert AFTER INSERT ON answers FOR EACH ROW
      INSERT INTO audit_log (${AUDIT_COLUMNS})
      SELECT p.organizer_id, NEW.updated_by, 'answer.save', 'answer', CONCAT(NEW.participation_id, ':', qu.code),
             NULL, ${answerState('NEW')}, NULL, NEW.request_id, NEW.updated_at
        FROM participations p JOIN questions qu ON qu.id = NEW.question_id
       WHERE p.id = NEW.participation_id`);
    await q.query(`CREATE TRIGGER answers_audit_update AFTER UPDATE ON answers FOR EACH ROW
      INSERT INTO audit_log (${AUDIT_COLUMNS})
      SELECT p.organizer_id, NEW.updated_by, 'answer.save', 'answer', CONCAT(NEW.participation_id, ':', qu.code),
             ${answerState('OLD')}, ${answerState('NEW')}, NULL, NEW.request_id, NEW.updated_at
        FROM participations p JOIN questions qu ON qu.id = NEW.question_id
       WHERE p.id = NEW.participation_id AND NEW.version <> OLD.version`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER answers_audit_update');
    await q.query('DROP TRIGGER answers_audit_insert');
    await q.query('ALTER TABLE answers DROP COLUMN request_id');
  }
}
