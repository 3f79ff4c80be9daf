import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth-user';
import { badRequest, conflict, forbidden, notFound, unprocessable } from '../common/errors';
import { FieldErrorCode } from '../common/field-error';
import { pageOf, skipTake } from '../common/pagination';
import { inTransaction } from '../database/transaction';
import { OrganizerErrorCode } from '../organizers/organizers.errors';
import { OrganizersService } from '../organizers/organizers.service';
import { PublicBodyErrorCode } from '../public-bodies/public-bodies.errors';
import { RegistryNames } from '../public-bodies/registry-names';
import { CreateUserDto, UpdateUserDto, UserDto, UserQuery } from './dto/user.dto';
import { User } from './entities/user.entity';
import { hashPassword } from './password';
import { SessionRevocation } from './session-revocation';
import { TokenStateService } from './token-state';
import { UserErrorCode } from './users.errors';

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly tokenState: TokenStateService,
    private readonly organizers: OrganizersService,
    private readonly registry: RegistryNames,
    private readonly sessions: SessionRevocation,
  ) {}

  async create(actor: AuthUser | null, dto: CreateUserDto): Promise<UserDto> {
    const organizerId = dto.organizerId ?? actor?.organizerId;
    if (!organizerId)
      throw badRequest(UserErrorCode.ORGANIZER_REQUIRED, 'organizerId is required', [{ field: 'organizerId', message: 'organizerId is required', code: FieldErrorCode.REQUIRED }]);
    if (actor && organizerId !== actor.organizerId && !actor.platformAdmin) {
      throw forbidden(UserErrorCode.OTHER_ORGANIZER_FORBIDDEN, 'Only a platform admin may create users in another organizer');
    }
    if (dto.role === 'public_body' && !dto.publicBodyId) {
      throw badRequest(UserErrorCode.PUBLIC_BODY_REQUIRED, 'publicBodyId is required for a public_body user', [
        { field: 'publicBodyId', message: 'publicBodyId is required for role public_body', code: FieldErrorCode.REQUIRED },
      ]);
    }
    if (dto.role !== 'public_body' && dto.publicBodyId) {
      throw badRequest(UserErrorCode.PUBLIC_BODY_NOT_ALLOWED, 'publicBodyId is only for public_body users', [
        { field: 'publicBodyId', message: `publicBodyId is not allowed for role ${dto.role}`, code: FieldErrorCode.NOT_ALLOWED },
      ]);
    }
    const passwordHash = await hashPassword(dto.password);
    return inTransaction(this.ds, async (em) => {
      if (!(await this.organizers.exists(em, organizerId))) throw notFound(OrganizerErrorCode.NOT_FOUND, 'Organizer', organizerId);
      if (dto.publicBodyId) await assertPublicBody(this.registry, em, organizerId, dto.publicBodyId);
      const repo = em.getRepository(User);
      if (await repo.exists({ where: { email: dto.email } })) throw conflict(UserErrorCode.EMAIL_TAKEN, `A user with e-mail ${dto.email} already exists`);
      const saved = await repo.save(
        repo.create({
          organizerId,
          email: dto.email,
          name: dto.name,
          role: dto.role,
          passwordHash,
          publicBodyId: dto.publicBodyId ?? null,
          affiliation: dto.affiliation ?? null,
          platformAdmin: false,
        }),
      );
      const out = UserDto.of(await repo.findOneByOrFail({ id: saved.id }));
      await this.audit.record(em, { organizerId, actorId: actor?.id ?? null, action: 'user.create', entityType: 'user', entityId: saved.id, after: out });
      return out;
    });
  }

  /**
   * Creates the deployment's first admin (a platform admin of the default organizer) if that e-mail
   * has no account yet; never changes an existing account. Used by `npm run seed:admin` and setup.
   */
  async ensurePlatformAdmin(organizerId: string, email: string, password: string, name = 'Administrator'): Promise<{ created: boolean; user: UserDto }> {
    const repo = this.ds.getRepository(User);
    const normalized = email.trim().toLowerCase();
    const existing = await repo.findOne({ where: { email: normalized } });
    if (existing) return { created: false, user: UserDto.of(existing) };
    if (password.length < 10) throw new Error('ADMIN_PASSWORD must be at least 10 characters');
    const passwordHash = await hashPassword(password);
    return inTransaction(this.ds, async (em) => {
      const saved = await em.getRepository(User).save(em.getRepository(User).create({ organizerId, email: normalized, name, role: 'admin', passwordHash, platformAdmin: true }));
      const user = UserDto.of(await em.getRepository(User).findOneByOrFail({ id: saved.id }));
      await this.audit.record(em, { organizerId, actorId: null, action: 'user.create', entityType: 'user', entityId: saved.id, after: user, reason: 'first platform admin' });
      return { created: true, user };
    });
  }

  async list(actor: AuthUser, q: UserQuery) {
    const where: FindOptionsWhere<User> = { organizerId: actor.organizerId };
    if (q.role) where.role = q.role;
    const [rows, total] = await this.ds.getRepository(User).findAndCount({ where, order: { id: 'ASC' }, ...skipTake(q) });
    return pageOf(rows.map(UserDto.of), total, q);
  }

  /**
   * Activates or deactivates a user of the admin's organizer. Deactivating bumps the token version,
   * so every token the user holds is refused; reactivating does not bring those tokens back.
   */
  async update(actor: AuthUser, id: string, dto: UpdateUserDto): Promise<UserDto> {
    if (!dto.active && id === actor.id) throw unprocessable(UserErrorCode.CANNOT_DEACTIVATE_SELF, 'An admin cannot deactivate its own account', { userId: id });
    const out = await inTransaction(this.ds, async (em) => {
      const repo = em.getRepository(User);
      const user = await repo.findOne({ where: { id, organizerId: actor.organizerId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound(UserErrorCode.NOT_FOUND, 'User', id);
      if (user.platformAdmin && !actor.platformAdmin) throw forbidden(UserErrorCode.PLATFORM_ADMIN_ONLY, 'Only a platform admin may change a platform admin');
      const before = UserDto.of(user);
      if (user.active === dto.active) return before;
      await em.query(`UPDATE users SET active = ?${dto.active ? '' : ', token_version = token_version + 1'} WHERE id = ?`, [dto.active, id]);
      if (!dto.active) await this.sessions.revokeAll(em, id);
      const after = UserDto.of(await repo.findOneByOrFail({ id }));
      await this.audit.record(em, {
        organizerId: actor.organizerId,
        actorId: actor.id,
        action: dto.active ? 'user.activate' : 'user.deactivate',
        entityType: 'user',
        entityId: id,
        before,
        after,
      });
      return after;
    });
    this.tokenState.forget(id);
    return out;
  }

  async get(actor: AuthUser, id: string): Promise<UserDto> {
    const u = await this.ds.getRepository(User).findOne({ where: { id, organizerId: actor.organizerId } });
    if (!u) throw notFound(UserErrorCode.NOT_FOUND, 'User', id);
    return UserDto.of(u);
  }
}

export interface StaffMember {
  id: string;
  name: string;
  affiliation: string | null;
}

/**
 * The users module's read interface for the staff that verification and panel assign: the
 * organizer's users of a role, as one set read.
 */
@Injectable()
export class StaffDirectory {
  async ofRole(em: EntityManager, organizerId: string, role: 'assessor' | 'panelist', opts: { activeOnly?: boolean; orderBy: 'id' | 'name' }): Promise<StaffMember[]> {
    const rows: { id: string; name: string; affiliation: string | null }[] = await em.query(
      `SELECT id, name, affiliation FROM users WHERE organizer_id = ? AND role = ?${opts.activeOnly ? ' AND active = 1' : ''} ORDER BY ${opts.orderBy === 'name' ? 'name' : 'id'}`,
      [organizerId, role],
    );
    return rows.map((r) => ({ id: String(r.id), name: r.name, affiliation: r.affiliation }));
  }

  async namesOf(em: EntityManager, ids: Iterable<string>): Promise<Map<string, string>> {
    const list = [...new Set(ids)];
    if (!list.length) return new Map();
    const rows: { id: string; name: string }[] = await em.query('SELECT id, name FROM users WHERE id IN (?)', [list]);
    return new Map(rows.map((r) => [String(r.id), r.name]));
  }

  async member(em: EntityManager, organizerId: string, role: 'assessor' | 'panelist', id: string): Promise<StaffMember | undefined> {
    const [r] = await em.query('SELECT id, name, affiliation FROM users WHERE id = ? AND organizer_id = ? AND role = ?', [id, organizerId, role]);
    return r ? { id: String(r.id), name: r.name, affiliation: r.affiliation } : undefined;
  }
}

/** 404 unless the public body exists in the organizer (a user's body, a declared conflict's body). */
export async function assertPublicBody(registry: RegistryNames, em: EntityManager, organizerId: string, publicBodyId: string): Promise<void> {
  if (!(await registry.hasBody(em, organizerId, publicBodyId))) throw notFound(PublicBodyErrorCode.NOT_FOUND, 'Public body', publicBodyId);
}
