import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { User } from './entities/user.entity';

/**
 * The users module's narrow interface for auth: an account with its password hash (login, password
 * change), an account by id, and the one write auth makes (a new password, which revokes every
 * token issued before).
 */
@Injectable()
export class UserCredentials {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  withPasswordHash(where: { email: string } | { id: string }): Promise<User | null> {
    const [column, value] = 'email' in where ? ['email', where.email] : ['id', where.id];
    return this.ds.getRepository(User).createQueryBuilder('u').addSelect('u.passwordHash').where(`u.${column} = :value`, { value }).getOne();
  }

  byId(id: string, em: EntityManager = this.ds.manager): Promise<User | null> {
    return em.getRepository(User).findOne({ where: { id } });
  }

  /** Sets the password hash and bumps the token version, inside the caller's transaction; returns the account after. */
  async setPassword(em: EntityManager, userId: string, passwordHash: string): Promise<User> {
    await em.query('UPDATE users SET password_hash = ?, token_version = token_version + 1 WHERE id = ?', [passwordHash, userId]);
    return em.getRepository(User).findOneByOrFail({ id: userId });
  }
}
