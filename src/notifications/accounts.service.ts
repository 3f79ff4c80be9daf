import { createHash, randomBytes } from 'crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RefreshTokensService } from '../auth/refresh-tokens';
import { AuthUser } from '../common/auth-user';
import { Clock, CLOCK } from '../common/clock';
import { badRequest, notFound, unprocessable } from '../common/errors';
import { FieldErrorCode } from '../common/field-error';
import { ENV, EnvironmentVariables } from '../config/config.module';
import { inTransaction } from '../database/transaction';
import { OrganizersService } from '../organizers/organizers.service';
import { RegistryNames } from '../public-bodies/registry-names';
import { User } from '../users/entities/user.entity';
import { hashPassword } from '../users/password';
import { TokenStateService } from '../users/token-state';
import { Invitee, UserCredentials } from '../users/user-credentials';
import { UserErrorCode } from '../users/users.errors';
import { InvitationDto, InviteDto, LinkInfoDto, LinkPurpose, PasswordSetDto } from './dto/notification.dto';
import { NotificationErrorCode } from './notifications.errors';
import { OutboxService } from './outbox.service';
import { renderNotice } from './templates';

/** Invitation and reset mails carry no period: their times read in the zone of Indonesia's capital. */
export const ACCOUNT_MAIL_TIMEZONE = 'Asia/Jakarta';

/** 256 random bits, URL-safe; only its SHA-256 is stored. */
const newToken = () => randomBytes(32).toString('base64url');
const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest();

const PAGE_OF_PURPOSE: Record<LinkPurpose, string> = { ACTIVATION: 'aktivasi', RESET: 'atur-ulang-sandi' };

/**
 * Accounts by e-mail: invitations (a new or existing account gets a one-time activation link) and
 * password resets (a one-time reset link). A link is random, stored hashed, expires, works once, and a
 * new link of the same purpose replaces the old one. Setting a password through a link ends every
 * session of the account (refresh tokens revoked, token version bumped).
 */
@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly credentials: UserCredentials,
    private readonly tokenState: TokenStateService,
    private readonly refreshTokens: RefreshTokensService,
    private readonly registry: RegistryNames,
    private readonly organizers: OrganizersService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    @Inject(ENV) private readonly env: EnvironmentVariables,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A new link for the account (replacing any earlier one of that purpose), inside the caller's transaction. */
  private async issueLink(em: EntityManager, user: User, purpose: LinkPurpose): Promise<{ token: string; url: string; expiresAt: Date; generation: number }> {
    const token = newToken();
    const now = this.clock.now();
    const ttlMs = purpose === 'ACTIVATION' ? this.env.ACTIVATION_LINK_TTL_HOURS * 3600000 : this.env.RESET_LINK_TTL_MINUTES * 60000;
    const expiresAt = new Date(now.getTime() + ttlMs);
    await em.query(
      `INSERT INTO account_links (organizer_id, user_id, purpose, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE token_hash = VALUES(token_hash), generation = generation + 1, created_at = VALUES(created_at), expires_at = VALUES(expires_at), used_at = NULL`,
      [user.organizerId, user.id, purpose, hashOf(token), now, expiresAt],
    );
    const [{ generation }] = await em.query('SELECT generation FROM account_links WHERE user_id = ? AND purpose = ?', [user.id, purpose]);
    return { token, url: `${this.env.PUBLIC_BASE_URL.replace(/\/$/, '')}/${PAGE_OF_PURPOSE[purpose]}/${token}`, expiresAt, generation: Number(generation) };
  }

  /**
   * Invites one account (created without a password when new) inside the caller's transaction: a new
   * activation link, its message in the outbox, its delivery queued (the link travels in the job only).
   */
  async inviteIn(
    em: EntityManager,
    organizerId: string,
    actorId: string | null,
    who: Invitee & { bodyName?: string | null },
    organizerName: string,
    periodId: string | null = null,
  ) {
    const { user, created } = await this.credentials.ensureInvitee(em, organizerId, actorId, who);
    if (!user.active) throw unprocessable(NotificationErrorCode.ACCOUNT_INACTIVE, `The account ${user.email} is deactivated`, { userId: user.id });
    const link = await this.issueLink(em, user, 'ACTIVATION');
    const mail = renderNotice({
      occasion: 'INVITATION',
      organizerName,
      recipientName: user.name,
      timezone: ACCOUNT_MAIL_TIMEZONE,
      role: user.role,
      bodyName: who.bodyName ?? null,
      expiresAt: link.expiresAt,
    });
    const [notificationId] = await this.outbox.add(em, [
      {
        organizerId,
        periodId,
        userId: user.id,
        recipient: { email: user.email, name: user.name },
        occasion: 'INVITATION',
        occasionKey: `invitation:${user.id}:${link.generation}`,
        mail,
        linkInJob: true,
      },
    ]);
    await this.audit.record(em, {
      organizerId,
      actorId,
      action: 'user.invite',
      entityType: 'user',
      entityId: user.id,
      after: { email: user.email, expiresAt: link.expiresAt.toISOString(), generation: link.generation, notificationId },
    });
    // Queued before the commit (the link exists nowhere else); the delivery waits for the row.
    await this.outbox.queue(organizerId, notificationId, link.url);
    return { user, created, notificationId, expiresAt: link.expiresAt };
  }

  /** POST /invitations: a body's PPID at the registry's official e-mail, or a staff member. */
  async invite(actor: AuthUser, dto: InviteDto): Promise<InvitationDto> {
    const organizerName = await this.organizerName(actor.organizerId);
    const out = await inTransaction(this.ds, async (em) => {
      if (dto.publicBodyId) {
        if (dto.email || dto.role)
          throw badRequest(NotificationErrorCode.PUBLIC_BODY_ROLE_VIA_BODY, "A body's PPID is invited at the registry's official e-mail: give publicBodyId alone", [
            { field: dto.email ? 'email' : 'role', message: 'not allowed together with publicBodyId', code: FieldErrorCode.NOT_ALLOWED },
          ]);
        if (!(await this.registry.hasBody(em, actor.organizerId, dto.publicBodyId))) throw notFound(UserErrorCode.NOT_FOUND, 'Public body', dto.publicBodyId);
        const contact = (await this.registry.contacts(em, [dto.publicBodyId])).get(dto.publicBodyId)!;
        if (!contact.email) throw unprocessable(NotificationErrorCode.NO_OFFICIAL_EMAIL, 'The registry has no official e-mail for this body', { publicBodyId: dto.publicBodyId });
        return this.inviteIn(
          em,
          actor.organizerId,
          actor.id,
          { email: contact.email, name: `PPID ${contact.name}`, role: 'public_body', publicBodyId: dto.publicBodyId, bodyName: contact.name },
          organizerName,
        );
      }
      const missing = (['email', 'name', 'role'] as const).filter((f) => !dto[f]);
      if (missing.length)
        throw badRequest(
          NotificationErrorCode.INVITEE_REQUIRED,
          'Give publicBodyId, or email, name and role',
          missing.map((f) => ({ field: f, message: `${f} is required without publicBodyId`, code: FieldErrorCode.REQUIRED })),
        );
      return this.inviteIn(em, actor.organizerId, actor.id, { email: dto.email!, name: dto.name!, role: dto.role!, affiliation: dto.affiliation ?? null }, organizerName);
    });
    return { userId: out.user.id, email: out.user.email, notificationId: out.notificationId, expiresAt: out.expiresAt.toISOString(), created: out.created };
  }

  /** POST /users/:id/invitation: a new activation link for an account of the organizer (the old link stops working). */
  async reinvite(actor: AuthUser, userId: string): Promise<InvitationDto> {
    const organizerName = await this.organizerName(actor.organizerId);
    const out = await inTransaction(this.ds, async (em) => {
      const user = await this.credentials.byId(userId, em);
      if (!user || user.organizerId !== actor.organizerId) throw notFound(UserErrorCode.NOT_FOUND, 'User', userId);
      const bodyName = user.publicBodyId ? ((await this.registry.contacts(em, [user.publicBodyId])).get(user.publicBodyId)?.name ?? null) : null;
      return this.inviteIn(em, actor.organizerId, actor.id, { email: user.email, name: user.name, role: user.role, publicBodyId: user.publicBodyId, bodyName }, organizerName);
    });
    return { userId: out.user.id, email: out.user.email, notificationId: out.notificationId, expiresAt: out.expiresAt.toISOString(), created: false };
  }

  /** The RequestPasswordReset job: a reset link for an active account of that e-mail; nothing for an unknown one. */
  async sendReset(email: string): Promise<boolean> {
    const user = await this.credentials.withPasswordHash({ email });
    if (!user || !user.active) return false;
    const organizerName = await this.organizerName(user.organizerId);
    await inTransaction(this.ds, async (em) => {
      const link = await this.issueLink(em, user, 'RESET');
      const mail = renderNotice({ occasion: 'PASSWORD_RESET', organizerName, recipientName: user.name, timezone: ACCOUNT_MAIL_TIMEZONE, expiresAt: link.expiresAt });
      const [notificationId] = await this.outbox.add(em, [
        {
          organizerId: user.organizerId,
          periodId: null,
          userId: user.id,
          recipient: { email: user.email, name: user.name },
          occasion: 'PASSWORD_RESET',
          occasionKey: `password-reset:${user.id}:${link.generation}`,
          mail,
          linkInJob: true,
        },
      ]);
      await this.outbox.queue(user.organizerId, notificationId, link.url);
    });
    return true;
  }

  /** What a link's page shows before the password is set; 404 unknown, 422 used or expired. */
  async inspect(token: string, purpose: LinkPurpose): Promise<LinkInfoDto> {
    const link = await this.usableLink(this.ds.manager, token, purpose, false);
    const user = await this.credentials.byId(String(link.user_id));
    return { purpose, email: user!.email, name: user!.name, expiresAt: new Date(link.expires_at).toISOString() };
  }

  /** Sets the account's password through a link, once; every session of the account ends. */
  async setPassword(token: string, purpose: LinkPurpose, password: string): Promise<PasswordSetDto> {
    const passwordHash = await hashPassword(password);
    const user = await inTransaction(this.ds, async (em) => {
      const link = await this.usableLink(em, token, purpose, true);
      const before = await this.credentials.byId(String(link.user_id), em);
      if (!before || !before.active) throw unprocessable(NotificationErrorCode.ACCOUNT_INACTIVE, 'This account is deactivated', { purpose });
      const after = await this.credentials.setPassword(em, before.id, passwordHash);
      await this.refreshTokens.revokeAllOf(em, before.id);
      await em.query('UPDATE account_links SET used_at = ? WHERE id = ?', [this.clock.now(), link.id]);
      await this.audit.record(em, {
        organizerId: after.organizerId,
        actorId: after.id,
        action: purpose === 'ACTIVATION' ? 'user.activate_account' : 'user.password_reset',
        entityType: 'user',
        entityId: after.id,
        before: { tokenVersion: before.tokenVersion },
        after: { tokenVersion: after.tokenVersion },
      });
      return after;
    });
    this.tokenState.forget(user.id);
    return { email: user.email };
  }

  private async usableLink(em: EntityManager, token: string, purpose: LinkPurpose, lock: boolean) {
    const [link] = /^[A-Za-z0-9_-]{20,200}$/.test(token)
      ? await em.query(`SELECT id, user_id, purpose, expires_at, used_at FROM account_links WHERE token_hash = ?${lock ? ' FOR UPDATE' : ''}`, [hashOf(token)])
      : [];
    if (!link || link.purpose !== purpose) throw notFound(NotificationErrorCode.LINK_NOT_FOUND, 'Link');
    if (link.used_at) throw unprocessable(NotificationErrorCode.LINK_USED, 'This link was already used', { purpose });
    if (new Date(link.expires_at).getTime() <= this.clock.now().getTime())
      throw unprocessable(NotificationErrorCode.LINK_EXPIRED, 'This link has expired', { purpose, expiresAt: new Date(link.expires_at).toISOString() });
    return link as { id: string; user_id: string; expires_at: Date };
  }

  async organizerName(organizerId: string): Promise<string> {
    return (await this.organizers.namesOf([organizerId])).get(organizerId) ?? 'Komisi Informasi';
  }

  /** When each account's activation link was issued, until when it works, and whether it was used. */
  async activationsOf(em: EntityManager, userIds: string[]): Promise<Map<string, { createdAt: Date; expiresAt: Date; usedAt: Date | null }>> {
    if (!userIds.length) return new Map();
    const rows: { user_id: string; created_at: Date; expires_at: Date; used_at: Date | null }[] = await em.query(
      `SELECT user_id, created_at, expires_at, used_at FROM account_links WHERE purpose = 'ACTIVATION' AND user_id IN (?)`,
      [userIds],
    );
    return new Map(rows.map((r) => [String(r.user_id), { createdAt: r.created_at, expiresAt: r.expires_at, usedAt: r.used_at }]));
  }
}
