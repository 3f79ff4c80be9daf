import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A body's answer to one question; `version` is the compare-and-set token of every write. */
@Entity('answers')
export class Answer {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ type: 'bigint', unsigned: true })
  participationId: string;

  @Column({ type: 'bigint', unsigned: true })
  questionId: string;

  @Column({ type: 'simple-json' })
  value: unknown;

  @Column({ type: 'simple-json', nullable: true })
  evidenceIds: string[] | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  url: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'decimal', precision: 7, scale: 2 })
  selfPoints: string;

  @Column({ type: 'int', unsigned: true })
  version: number;

  @Column({ type: 'bigint', unsigned: true })
  updatedBy: string;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;

  /** The request that last wrote the answer; the audit trigger copies it into audit_log. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId: string | null;
}
