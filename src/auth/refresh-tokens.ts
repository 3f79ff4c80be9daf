import { createHash, randomBytes, randomUUID } from 'crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, CLOCK } from '../common/clock';
import { ENV, EnvironmentVariables } from '../config/config.module';
import { inTransaction } from '../database/transaction';

/** The refresh token a browser holds: 32 random bytes, base64url; the table keeps only its SHA-256. */
const newTokenValue = () => randomBytes(32).toString('base64url');
const hashOf = (value: string) => createHash('sha256').update(value, 'utf8').digest();

export interface IssuedRefreshToken {
  value: string;
  familyId: string;
  expiresAt: Date;
}

interface TokenRow {
  id: string;
  family_id: string;
  user_id: string;
  token_version: number;
  last_used_at: Date;
  expires_at: Date;
  replaced_by: string | null;
  revoked_at: Date | null;
}

/** What presenting a refresh token came to. */
export type Rotation =
  | { outcome: 'rotated'; userId: string; tokenVersion: number; next: IssuedRefreshToken }
  /** a token already replaced: its family (a stolen copy or the real one) is revoked */
  | { outcome: 'reused'; userId: string; familyId: string }
  | { outcome: 'refused'; userId: string | null };

/**
 * The refresh_tokens table: issue a family at sign-in, rotate on every refresh, revoke a family or all
 * of a user's families. Times come from the Clock; the idle limit counts from the last use of the
 * family (each rotation is a use), the absolute limit from the sign-in (`expires_at` carries over).
 */
@Injectable()
export class RefreshTokensService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ENV) private readonly env: EnvironmentVariables,
  ) {}

  /** A new family for a sign-in. */
  issue(em: EntityManager, userId: string, tokenVersion: number): Promise<IssuedRefreshToken> {
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.env.SESSION_ABSOLUTE_HOURS * 3600_000);
    return this.insert(em, { familyId: randomUUID(), userId, tokenVersion, now, expiresAt });
  }

  /**
   * Rotates a presented token: the current one of a live family is replaced by a new one. A replaced
   * token revokes its family (committed, before the caller answers 401); an unknown, revoked, idle or
   * expired one, or one whose user's token version moved on, is refused (a live family then revoked).
   * `accepts` says whether the user may still sign in at the token's version (active, same version).
   */
  rotate(value: string, accepts: (userId: string, tokenVersion: number) => Promise<boolean>): Promise<Rotation> {
    return inTransaction(this.ds, async (em) => {
      const [row]: TokenRow[] = await em.query(
        'SELECT id, family_id, user_id, token_version, last_used_at, expires_at, replaced_by, revoked_at FROM refresh_tokens WHERE token_hash = ? FOR UPDATE',
        [hashOf(value)],
      );
      if (!row) return { outcome: 'refused', userId: null };
      const userId = String(row.user_id);
      if (row.revoked_at) return { outcome: 'refused', userId };
      if (row.replaced_by) {
        await this.revokeFamily(em, row.family_id);
        return { outcome: 'reused', userId, familyId: row.family_id };
      }
      const now = this.clock.now();
      const idleSince = now.getTime() - new Date(row.last_used_at).getTime();
      const tokenVersion = Number(row.token_version);
      if (idleSince > this.env.SESSION_IDLE_MINUTES * 60_000 || now.getTime() >= new Date(row.expires_at).getTime() || !(await accepts(userId, tokenVersion))) {
        await this.revokeFamily(em, row.family_id);
        return { outcome: 'refused', userId };
      }
      const next = await this.insert(em, { familyId: row.family_id, userId, tokenVersion, now, expiresAt: new Date(row.expires_at) });
      await em.query('UPDATE refresh_tokens SET replaced_by = LAST_INSERT_ID(), last_used_at = ? WHERE id = ?', [now, row.id]);
      return { outcome: 'rotated', userId, tokenVersion, next };
    });
  }

  /** Revokes the family of a presented token, whatever its state; the family's user, or null for an unknown token. */
  async revokeFamilyOf(value: string): Promise<{ userId: string; familyId: string; wasLive: boolean } | null> {
    return inTransaction(this.ds, async (em) => {
      const [row]: { family_id: string; user_id: string }[] = await em.query('SELECT family_id, user_id FROM refresh_tokens WHERE token_hash = ?', [hashOf(value)]);
      if (!row) return null;
      const wasLive = (await this.revokeFamily(em, row.family_id)) > 0;
      return { userId: String(row.user_id), familyId: row.family_id, wasLive };
    });
  }

  /** Ends every browser session of the user (password change, deactivation), in the caller's transaction. */
  async revokeAllOf(em: EntityManager, userId: string): Promise<void> {
    await em.query('UPDATE refresh_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL', [this.clock.now(), userId]);
  }

  private async revokeFamily(em: EntityManager, familyId: string): Promise<number> {
    const res = await em.query('UPDATE refresh_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL', [this.clock.now(), familyId]);
    return Number(res?.affectedRows ?? 0);
  }

  private async insert(em: EntityManager, t: { familyId: string; userId: string; tokenVersion: number; now: Date; expiresAt: Date }): Promise<IssuedRefreshToken> {
    const value = newTokenValue();
    await em.query('INSERT INTO refresh_tokens (token_hash, family_id, user_id, token_version, created_at, last_used_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      hashOf(value),
      t.familyId,
      t.userId,
      t.tokenVersion,
      t.now,
      t.now,
      t.expiresAt,
    ]);
    return { value, familyId: t.familyId, expiresAt: t.expiresAt };
  }
}
