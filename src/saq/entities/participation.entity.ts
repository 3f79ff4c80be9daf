import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Category } from '../../public-bodies/entities/category.entity';
import { PublicBody } from '../../public-bodies/entities/public-body.entity';

export const PARTICIPATION_STATUSES = ['INVITED', 'IN_PROGRESS', 'SUBMITTED', 'VERIFIED', 'FINALIST', 'RANKED', 'NOT_PARTICIPATING'] as const;
export type ParticipationStatus = (typeof PARTICIPATION_STATUSES)[number];
/** Bodies that never submitted their SAQ: listed as "Tidak Mengikuti Monev", never ranked. */
export const NOT_SUBMITTED_STATUSES: ParticipationStatus[] = ['INVITED', 'IN_PROGRESS', 'NOT_PARTICIPATING'];
/** Bodies that submitted: the ranking scores them. */
export const SUBMITTED_STATUSES: ParticipationStatus[] = ['SUBMITTED', 'VERIFIED', 'FINALIST', 'RANKED'];

/** A public body enrolled in a period; carries its SAQ status and its own deadline, if extended. */
@Entity('participations')
export class Participation {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ type: 'bigint', unsigned: true })
  organizerId: string;

  @Column({ type: 'bigint', unsigned: true })
  periodId: string;

  @Column({ type: 'bigint', unsigned: true })
  publicBodyId: string;

  @ManyToOne(() => PublicBody)
  @JoinColumn({ name: 'public_body_id' })
  publicBody?: PublicBody;

  /** The body's category when it was enrolled (what its instrument and ranking use). */
  @Column({ type: 'bigint', unsigned: true })
  categoryId: string;

  @ManyToOne(() => Category)
  @JoinColumn({ name: 'category_id' })
  category?: Category;

  @Column({ type: 'enum', enum: PARTICIPATION_STATUSES })
  status: ParticipationStatus;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  deadlineOverride: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  startedAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'int', unsigned: true })
  version: number;

  @CreateDateColumn({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
