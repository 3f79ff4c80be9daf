import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Role, ROLES } from '../../common/auth-user';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ type: 'bigint', unsigned: true })
  organizerId: string;

  @Column({ length: 254 })
  email: string;

  @Column({ length: 200 })
  name: string;

  @Column({ type: 'enum', enum: ROLES })
  role: Role;

  @Column({ length: 255, select: false })
  passwordHash: string;

  @Column({ type: 'bigint', unsigned: true, nullable: true })
  publicBodyId: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  affiliation: string | null;

  @Column({ type: 'boolean', default: false })
  platformAdmin: boolean;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Carried in access tokens; bumped on deactivation and password change so older tokens are refused. */
  @Column({ type: 'int', unsigned: true, default: 0 })
  tokenVersion: number;

  @CreateDateColumn({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', precision: 3 })
  updatedAt: Date;
}
