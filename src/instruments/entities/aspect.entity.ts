import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('aspects')
export class Aspect {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ type: 'bigint', unsigned: true })
  periodId: string;

  @Column({ length: 20 })
  code: string;

  @Column({ length: 300 })
  title: string;

  @Column({ type: 'decimal', precision: 5, scale: 2 })
  weight: string;

  @Column({ type: 'smallint', unsigned: true })
  position: number;
}
