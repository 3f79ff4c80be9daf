import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth-user';
import { notFound, unauthenticated, unprocessable } from '../common/errors';
import { FieldErrorCode } from '../common/field-error';
import { inTransaction } from '../database/transaction';
import { UserDto } from '../users/dto/user.dto';
import { User } from '../users/entities/user.entity';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../users/password';
import { TokenStateService } from '../users/token-state';
import { UserCredentials } from '../users/user-credentials';
import { UserErrorCode } from '../users/users.errors';
import { AuthErrorCode } from './auth.errors';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginResponseDto } from './dto/login-response.dto';
import { LoginDto } from './dto/login.dto';
import { IssuedRefreshToken, RefreshTokensService } from './refresh-tokens';

export const BAD_CREDENTIALS = 'Invalid e-mail or password';
export const SESSION_ENDED = 'The session has ended; sign in again';

interface TokenClaims {
  sub: string;
  org: string;
  role: AuthUser['role'];
  pb: string | null;
  pa: boolean;
  /** The user's token version when the token was issued. */
  tv: number;
  exp?: number;
}

@Injectable()
export class AuthService {
  /** Tokens whose signature checked, by the whole token (a few hundred bytes each). */
  private readonly verifiedTokens = new LRUCache<string, TokenClaims & { exp: number }>({ max: 20_000 });

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly jwt: JwtService,
    private readonly tokenState: TokenStateService,
    private readonly credentials: UserCredentials,
    private readonly audit: AuditService,
    private readonly refreshTokens: RefreshTokensService,
  ) {}

  async login(dto: LoginDto): Promise<LoginResponseDto> {
    const mark = this.tokenState.mark();
    const user = await this.credentials.withPasswordHash({ email: dto.email });
    // Same message and the same argon2 work whether the e-mail is unknown or the password wrong.
    const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, dto.password);
    if (!user || !ok || !user.active) throw unauthenticated(AuthErrorCode.BAD_CREDENTIALS, BAD_CREDENTIALS);
    this.tokenState.remember(user.id, { active: user.active, tokenVersion: user.tokenVersion }, mark);
    return this.session(user);
  }

  /** A browser session for a signed-in user: a new refresh-token family, audited. */
  async startBrowserSession(user: { id: string; organizerId: string }): Promise<IssuedRefreshToken> {
    return inTransaction(this.ds, async (em) => {
      const account = await this.credentials.byId(user.id, em);
      if (!account) throw notFound(UserErrorCode.NOT_FOUND, 'User', user.id);
      const { tokenVersion } = account;
      const issued = await this.refreshTokens.issue(em, user.id, tokenVersion);
      await this.audit.record(em, {
        organizerId: user.organizerId,
        actorId: user.id,
        action: 'session.login',
        entityType: 'user',
        entityId: user.id,
        after: { familyId: issued.familyId },
      });
      return issued;
    });
  }

  /**
   * Rotates the refresh cookie's token and answers a new access token. A replayed (already rotated)
   * token revokes its family and is audited; every refusal is the same 401.
   */
  async refresh(value: string | null) {
    if (!value) throw unauthenticated(AuthErrorCode.SESSION_ENDED, SESSION_ENDED);
    const rotation = await this.refreshTokens.rotate(value, (userId, tv) => this.tokenState.accepts(userId, tv));
    if (rotation.outcome === 'reused') {
      const user = await this.credentials.byId(rotation.userId);
      if (user) {
        await this.audit.record(this.ds.manager, {
          organizerId: user.organizerId,
          actorId: null,
          action: 'session.reuse_detected',
          entityType: 'user',
          entityId: user.id,
          after: { familyId: rotation.familyId },
        });
      }
    }
    if (rotation.outcome !== 'rotated') throw unauthenticated(AuthErrorCode.SESSION_ENDED, SESSION_ENDED);
    const user = await this.credentials.byId(rotation.userId);
    if (!user || !user.active || user.tokenVersion !== rotation.tokenVersion) throw unauthenticated(AuthErrorCode.SESSION_ENDED, SESSION_ENDED);
    return { ...(await this.session(user)), refreshToken: rotation.next };
  }

  /** Ends the refresh cookie's session (its whole family); nothing to do without one. */
  async logout(value: string | null): Promise<void> {
    if (!value) return;
    const ended = await this.refreshTokens.revokeFamilyOf(value);
    if (!ended?.wasLive) return;
    const user = await this.credentials.byId(ended.userId);
    if (user) {
      await this.audit.record(this.ds.manager, {
        organizerId: user.organizerId,
        actorId: user.id,
        action: 'session.logout',
        entityType: 'user',
        entityId: user.id,
        after: { familyId: ended.familyId },
      });
    }
  }

  /**
   * Verifies a bearer token; throws on anything but a valid token that carries an expiry and whose
   * user still exists, is active and has the token's version (deactivation and password changes bump it).
   */
  async verify(token: string): Promise<AuthUser> {
    const c = await this.verifiedClaims(token);
    if (typeof c.tv !== 'number' || !(await this.tokenState.accepts(c.sub, c.tv))) throw new Error('the token was revoked');
    return { id: c.sub, organizerId: c.org, role: c.role, publicBodyId: c.pb, platformAdmin: c.pa };
  }

  /**
   * The claims of a token whose signature checked, while it has not expired. A PPID sends the same
   * token with each of its saves: its signature is checked once (the whole token is the key, so any
   * other bytes are checked afresh); expiry, as jsonwebtoken counts it, and the token state are
   * checked on every request.
   */
  private async verifiedClaims(token: string): Promise<TokenClaims & { exp: number }> {
    const known = this.verifiedTokens.get(token);
    if (known && Math.floor(Date.now() / 1000) < known.exp) return known;
    const c = await this.jwt.verifyAsync<TokenClaims>(token);
    if (typeof c.exp !== 'number') throw new Error('the token has no expiry');
    const claims = c as TokenClaims & { exp: number };
    this.verifiedTokens.set(token, claims);
    return claims;
  }

  /** The caller's own password: the current one must match; every token issued before is refused and a new one returned. */
  async changePassword(actor: AuthUser, dto: ChangePasswordDto): Promise<LoginResponseDto> {
    const user = await this.credentials.withPasswordHash({ id: actor.id });
    if (!user) throw notFound(UserErrorCode.NOT_FOUND, 'User', actor.id);
    if (!(await verifyPassword(user.passwordHash, dto.currentPassword))) {
      throw unprocessable(AuthErrorCode.CURRENT_PASSWORD_WRONG, 'currentPassword is not the password of this account', [
        { field: 'currentPassword', message: 'currentPassword is wrong', code: FieldErrorCode.INVALID },
      ]);
    }
    const passwordHash = await hashPassword(dto.newPassword);
    const updated = await inTransaction(this.ds, async (em) => {
      const after = await this.credentials.setPassword(em, user.id, passwordHash);
      await this.refreshTokens.revokeAllOf(em, user.id);
      await this.audit.record(em, {
        organizerId: after.organizerId,
        actorId: actor.id,
        action: 'user.password',
        entityType: 'user',
        entityId: user.id,
        before: { tokenVersion: user.tokenVersion },
        after: { tokenVersion: after.tokenVersion },
      });
      return after;
    });
    this.tokenState.forget(user.id);
    return this.session(updated);
  }

  async me(user: AuthUser): Promise<UserDto> {
    const u = await this.credentials.byId(user.id);
    if (!u) throw notFound(UserErrorCode.NOT_FOUND, 'User', user.id);
    return UserDto.of(u);
  }

  /** The login answer: a token carrying the user's organizer, role and token version, and the user. */
  private async session(user: User): Promise<LoginResponseDto> {
    const claims: TokenClaims = { sub: user.id, org: user.organizerId, role: user.role, pb: user.publicBodyId, pa: user.platformAdmin, tv: user.tokenVersion };
    const accessToken = await this.jwt.signAsync(claims);
    return {
      accessToken,
      tokenType: 'Bearer',
      user: { id: user.id, email: user.email, name: user.name, role: user.role, publicBodyId: user.publicBodyId, organizerId: user.organizerId },
    };
  }
}
