import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('categories')
export class Category {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ type: 'bigint', unsigned: true })
  organizerId: string;

  @Column({ length: 40 })
  code: string;

  @Column({ length: 200 })
  name: string;

  @CreateDateColumn({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
