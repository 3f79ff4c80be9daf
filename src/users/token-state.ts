import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';
import { ENV, EnvironmentVariables } from '../config/config.module';
import { poolQuery } from '../database/pool-query';

interface UserTokenState {
  active: boolean;
  tokenVersion: number;
}

/**
 * Whether a verified token's user still accepts it: the user exists, is active and still has the
 * token's version. Read per request, held for AUTH_USER_CACHE_MS at most, so the hot routes pay one
 * query per user and window rather than one per request; a change made in this process is seen at once
 * (`forget`), one made in another process within the window.
 */
@Injectable()
export class TokenStateService {
  private readonly cache: LRUCache<string, UserTokenState> | null;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(ENV) env: EnvironmentVariables,
  ) {
    // lru-cache takes ttl 0 as "never expires": a window of 0 means no cache at all.
    this.cache = env.AUTH_USER_CACHE_MS > 0 ? new LRUCache<string, UserTokenState>({ max: 50000, ttl: env.AUTH_USER_CACHE_MS, fetchMethod: (id) => this.read(id) }) : null;
  }

  async accepts(userId: string, tokenVersion: number): Promise<boolean> {
    const state = this.cache ? await this.cache.fetch(userId) : await this.read(userId);
    return !!state && state.active && state.tokenVersion === tokenVersion;
  }

  /** Drops what this process holds of the user, after a change of its active flag or token version. */
  forget(userId: string): void {
    this.cache?.delete(userId);
  }

  private async read(userId: string): Promise<UserTokenState | undefined> {
    const rows = await poolQuery<{ active: number; token_version: number }[]>(this.ds, 'SELECT active, token_version FROM users WHERE id = ?', [userId]);
    return rows.length ? { active: !!rows[0].active, tokenVersion: Number(rows[0].token_version) } : undefined;
  }
}
