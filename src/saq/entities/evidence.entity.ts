import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An uploaded PDF (data dukung); immutable once stored. */
@Entity('evidence')
export class Evidence {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ type: 'bigint', unsigned: true })
  participationId: string;

  @Column({ length: 200 })
  storageKey: string;

  /** The client's name for it: display text only, never a path. */
  @Column({ length: 255 })
  fileName: string;

  @Column({ type: 'int', unsigned: true })
  size: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'bigint', unsigned: true })
  uploadedBy: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
