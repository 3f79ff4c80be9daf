import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ORGANIZER_LEVELS = ['PUSAT', 'PROVINSI', 'KABUPATEN_KOTA'] as const;
export type OrganizerLevel = (typeof ORGANIZER_LEVELS)[number];

/** A Komisi Informasi running its own monev; every other record is scoped by it. */
@Entity('organizers')
export class Organizer {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ length: 64 })
  slug: string;

  @Column({ length: 200 })
  name: string;

  @Column({ type: 'enum', enum: ORGANIZER_LEVELS })
  level: OrganizerLevel;

  @Column({ type: 'varchar', length: 120, nullable: true })
  region: string | null;

  @Column({ type: 'boolean', default: false })
  isDefault: boolean;

  @CreateDateColumn({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
