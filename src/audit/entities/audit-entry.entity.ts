import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only: a row per change of points, status, deadline or setup, written in the change's transaction. */
@Entity('audit_log')
export class AuditEntry {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ type: 'bigint', unsigned: true })
  organizerId: string;

  @Column({ type: 'bigint', unsigned: true, nullable: true })
  actorId: string | null;

  @Column({ length: 64 })
  action: string;

  @Column({ length: 40 })
  entityType: string;

  @Column({ length: 40 })
  entityId: string;

  @Column({ type: 'json', nullable: true })
  beforeState: unknown;

  @Column({ type: 'json', nullable: true })
  afterState: unknown;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  reason: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId: string | null;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;
}
