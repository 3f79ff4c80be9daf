import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Role } from '../common/auth-user';
import { conflict } from '../common/errors';
import { UserDto } from './dto/user.dto';
import { User } from './entities/user.entity';
import { TokenStateService } from './token-state';
import { UserErrorCode } from './users.errors';

/** The password hash of an invited account before it sets its own: no password verifies against it. */
export const NO_PASSWORD = '!invited';

export interface Invitee {
  email: string;
  name: string;
  role: Role;
  publicBodyId?: string | null;
  affiliation?: string | null;
}

export interface Account {
  id: string;
  email: string;
  name: string;
  publicBodyId: string | null;
  active: boolean;
  /** Has set a password of its own (an invited account has none until it activates). */
  activated: boolean;
}

/**
 * The users module's narrow interface for auth: an account with its password hash (login, password
 * change), an account by id, and the one write auth makes (a new password, which revokes every
 * token issued before).
 */
@Injectable()
export class UserCredentials {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly tokenState: TokenStateService,
  ) {}

  /**
   * The account an invitation goes to: the existing one of that e-mail when it is the same person
   * (same organizer, role and body), else a new one without a password (audited); 409 when the
   * e-mail belongs to another account.
   */
  async ensureInvitee(em: EntityManager, organizerId: string, actorId: string | null, who: Invitee): Promise<{ user: User; created: boolean }> {
    const repo = em.getRepository(User);
    const email = who.email.trim().toLowerCase();
    const existing = await repo.findOne({ where: { email } });
    if (existing) {
      if (existing.organizerId !== organizerId || existing.role !== who.role || (existing.publicBodyId ?? null) !== (who.publicBodyId ?? null))
        throw conflict(UserErrorCode.EMAIL_TAKEN, `The e-mail ${email} belongs to another account`, { email });
      return { user: existing, created: false };
    }
    const saved = await repo.save(
      repo.create({
        organizerId,
        email,
        name: who.name.slice(0, 200),
        role: who.role,
        passwordHash: NO_PASSWORD,
        publicBodyId: who.publicBodyId ?? null,
        affiliation: who.affiliation ?? null,
      }),
    );
    const user = await repo.findOneByOrFail({ id: saved.id });
    await this.audit.record(em, { organizerId, actorId, action: 'user.create', entityType: 'user', entityId: user.id, after: UserDto.of(user), reason: 'invitation' });
    return { user, created: true };
  }

  /** The accounts (any state) of the given bodies' PPIDs in the organizer. */
  async ofBodies(em: EntityManager, organizerId: string, bodyIds: string[]): Promise<Account[]> {
    if (!bodyIds.length) return [];
    const rows: { id: string; email: string; name: string; public_body_id: string; active: number; activated: number }[] = await em.query(
      `SELECT id, email, name, public_body_id, active, password_hash <> ? AS activated FROM users WHERE organizer_id = ? AND role = 'public_body' AND public_body_id IN (?) ORDER BY id`,
      [NO_PASSWORD, organizerId, bodyIds],
    );
    return rows.map((r) => ({ id: String(r.id), email: r.email, name: r.name, publicBodyId: String(r.public_body_id), active: !!r.active, activated: !!Number(r.activated) }));
  }

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
    // Every caller (password change, reset, activation) ends the old tokens in every process once this commits.
    this.tokenState.forgetOnCommit(em, userId);
    return em.getRepository(User).findOneByOrFail({ id: userId });
  }
}
