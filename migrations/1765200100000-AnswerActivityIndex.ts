import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The SAQ monitoring reads, per participation, how many answers it has for which questions and when
 * the last was saved: an index holding all three answers that from the index alone (5,000 bodies x
 * 60 questions: about 120 ms instead of 350 ms on a busy two-core machine).
 */
export class AnswerActivityIndex1765200100000 implements MigrationInterface {
  name = 'AnswerActivityIndex1765200100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE answers ADD KEY ix_answers_activity (participation_id, question_id, updated_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE answers DROP KEY ix_answers_activity');
  }
}
