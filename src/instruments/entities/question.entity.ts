import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { QUESTION_TYPES, QuestionType } from '../../scoring/question-points';
import { EVIDENCE_KINDS, EvidenceKind } from '../instrument-rules';

export type { EvidenceKind };

@Entity('questions')
export class Question {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ type: 'bigint', unsigned: true })
  periodId: string;

  @Column({ type: 'bigint', unsigned: true })
  aspectId: string;

  @Column({ length: 20 })
  code: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'enum', enum: QUESTION_TYPES })
  type: QuestionType;

  @Column({ type: 'decimal', precision: 7, scale: 2 })
  maxPoints: string;

  @Column({ type: 'simple-json', nullable: true })
  options: { value: string; label: string; points: string }[] | null;

  @Column({ type: 'simple-json', nullable: true })
  thresholds: { min: string; points: string }[] | null;

  @Column({ type: 'enum', enum: EVIDENCE_KINDS })
  evidence: EvidenceKind;

  @Column({ type: 'boolean' })
  required: boolean;

  /** Empty or null: the question applies to every category. */
  @Column({ type: 'simple-json', nullable: true })
  categoryCodes: string[] | null;

  @Column({ type: 'smallint', unsigned: true })
  position: number;
}
