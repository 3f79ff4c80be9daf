import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Band } from '../../scoring/bands';
import { FINALIST_RULE_TYPES, FinalistRuleType } from '../../scoring/finalists';
import { RubricCriterion } from '../../scoring/panel-scores';
import { Schedule } from '../period-rules';
import { Stage, STAGES } from '../stage-machine';

/** One monev of one organizer in one year: settings, schedule and the stage it is in. */
@Entity('periods')
export class Period {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ type: 'bigint', unsigned: true })
  organizerId: string;

  @Column({ type: 'smallint', unsigned: true })
  year: number;

  @Column({ length: 200 })
  name: string;

  @Column({ length: 64 })
  timezone: string;

  @Column({ type: 'enum', enum: STAGES })
  stage: Stage;

  @Column({ type: 'decimal', precision: 5, scale: 2 })
  weightSaq: string;

  @Column({ type: 'decimal', precision: 5, scale: 2 })
  weightVisitation: string;

  @Column({ type: 'decimal', precision: 5, scale: 2 })
  weightPresentation: string;

  @Column({ type: 'enum', enum: FINALIST_RULE_TYPES })
  finalistRuleType: FinalistRuleType;

  @Column({ type: 'decimal', precision: 7, scale: 2 })
  finalistRuleValue: string;

  @Column({ type: 'simple-json' })
  bands: Band[];

  @Column({ type: 'simple-json' })
  presentationRubric: RubricCriterion[];

  @Column({ type: 'simple-json' })
  schedule: Schedule;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  scoringLockedAt: Date | null;

  @Column({ type: 'bigint', unsigned: true, nullable: true })
  publishedRunId: string | null;

  /** Signatory and place printed on this period's certificates (else the environment's defaults). */
  @Column({ type: 'simple-json', nullable: true })
  certificateSettings: { signatoryName?: string; signatoryTitle?: string; place?: string } | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'int', unsigned: true })
  version: number;

  @CreateDateColumn({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', precision: 3 })
  updatedAt: Date;
}
