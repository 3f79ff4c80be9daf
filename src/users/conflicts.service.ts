import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth-user';
import { Clock, CLOCK } from '../common/clock';
import { conflict, notFound, unprocessable } from '../common/errors';
import { inTransaction } from '../database/transaction';
import { RegistryNames } from '../public-bodies/registry-names';
import { conflictKey, hasConflict, Person } from './conflict-of-interest';
import { DeclareConflictDto } from './dto/user.dto';
import { UserErrorCode } from './users.errors';
import { assertPublicBody } from './users.service';

/** Conflicts of interest of assessors and panelists: declared ones, and affiliations naming a body. */
@Injectable()
export class ConflictsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly registry: RegistryNames,
  ) {}

  async declare(actor: AuthUser, userId: string, dto: DeclareConflictDto) {
    return inTransaction(this.ds, async (em) => {
      const [user] = await em.query('SELECT id, role FROM users WHERE id = ? AND organizer_id = ?', [userId, actor.organizerId]);
      if (!user) throw notFound(UserErrorCode.NOT_FOUND, 'User', userId);
      if (user.role !== 'assessor' && user.role !== 'panelist')
        throw unprocessable(UserErrorCode.CONFLICT_ROLE_INVALID, 'Conflicts of interest are declared for assessors and panelists', { role: user.role });
      await assertPublicBody(this.registry, em, actor.organizerId, dto.publicBodyId);
      const r = await em.query('INSERT IGNORE INTO user_conflicts (user_id, public_body_id, reason, created_by, created_at) VALUES (?, ?, ?, ?, ?)', [
        userId,
        dto.publicBodyId,
        dto.reason ?? null,
        actor.id,
        this.clock.now(),
      ]);
      if (!r.affectedRows) throw conflict(UserErrorCode.CONFLICT_ALREADY_DECLARED, 'This conflict of interest is already declared');
      const after = { userId, publicBodyId: dto.publicBodyId, reason: dto.reason ?? null };
      await this.audit.record(em, {
        organizerId: actor.organizerId,
        actorId: actor.id,
        action: 'user.conflict',
        entityType: 'user',
        entityId: userId,
        after,
        reason: dto.reason ?? null,
      });
      return after;
    });
  }

  /** Declared conflicts among these users, as conflictKey(user, body). */
  async declared(em: EntityManager, userIds: string[]): Promise<Set<string>> {
    if (!userIds.length) return new Set();
    const rows: { user_id: string; public_body_id: string }[] = await em.query('SELECT user_id, public_body_id FROM user_conflicts WHERE user_id IN (?)', [userIds]);
    return new Set(rows.map((r) => conflictKey(String(r.user_id), String(r.public_body_id))));
  }

  /** 409 naming the first of these bodies the person may not judge (one read of the declared conflicts). */
  async assertNone(em: EntityManager, person: Person, bodies: { id: string; name: string }[], role: string): Promise<void> {
    const declared = await this.declared(em, [person.id]);
    const body = bodies.find((b) => hasConflict(person, b, declared));
    if (body) throw conflict(UserErrorCode.CONFLICT_OF_INTEREST, `Conflict of interest: this ${role} may not judge ${body.name}`, { userId: person.id, publicBodyId: body.id });
  }
}
