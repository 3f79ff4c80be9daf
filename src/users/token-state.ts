import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { ENV, EnvironmentVariables } from '../config/config.module';
import { poolQuery } from '../database/pool-query';
import { InvalidationBus, InvalidationTopic } from '../jobs/invalidation-bus';

interface UserTokenState {
  active: boolean;
  tokenVersion: number;
}

/**
 * Whether a verified token's user still accepts it: the user exists, is active and still has the
 * token's version. Held in memory per user: for AUTH_USER_CACHE_MS while this process hears the other
 * processes' changes (`forget` publishes them over the InvalidationBus, so a deactivation or password
 * change is refused everywhere at once), for AUTH_USER_CACHE_UNSHARED_MS while Redis is unreachable.
 * A save, the hottest authenticated call, thus costs no `users` lookup.
 */
@Injectable()
export class TokenStateService implements OnModuleInit {
  private readonly cache = new LRUCache<string, UserTokenState>({ max: 100000, ttlAutopurge: false, allowStale: false });
  private readonly reads = new Map<string, Promise<UserTokenState | undefined>>();
  /** Bumped by every invalidation: a read that started before one is not cached (it may predate the change). */
  private generation = 0;
  /** Users to drop once their transaction commits (`forgetOnCommit`). */
  private readonly onCommit = new WeakMap<QueryRunner, Set<string>>();
  private readonly liveMs: number;
  private readonly unsharedMs: number;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly bus: InvalidationBus,
    @Inject(ENV) env: EnvironmentVariables,
  ) {
    this.liveMs = env.AUTH_USER_CACHE_MS;
    this.unsharedMs = Math.min(env.AUTH_USER_CACHE_MS, env.AUTH_USER_CACHE_UNSHARED_MS);
  }

  onModuleInit(): void {
    this.bus.listen(InvalidationTopic.TokenState, { onMessage: (userId) => this.drop(userId), onResync: () => this.dropAll() });
    this.ds.subscribers.push({
      afterTransactionCommit: ({ queryRunner }) => {
        for (const userId of this.onCommit.get(queryRunner) ?? []) this.forget(userId);
        this.onCommit.delete(queryRunner);
      },
      afterTransactionRollback: ({ queryRunner }) => void this.onCommit.delete(queryRunner),
    });
  }

  /** `forget` once `em`'s transaction has committed (at once when `em` is in none): for changes made deep inside one. */
  forgetOnCommit(em: EntityManager, userId: string): void {
    const runner = em.queryRunner;
    if (!runner?.isTransactionActive) return this.forget(userId);
    const users = this.onCommit.get(runner) ?? new Set<string>();
    users.add(userId);
    this.onCommit.set(runner, users);
  }

  async accepts(userId: string, tokenVersion: number): Promise<boolean> {
    const state = this.cache.get(userId) ?? (await this.read(userId));
    return !!state && state.active && state.tokenVersion === tokenVersion;
  }

  /** A mark to pass to `remember` for a user row read after it. */
  mark(): number {
    return this.generation;
  }

  /**
   * What a login has just read of its user (so its first requests need no lookup), unless an
   * invalidation arrived since `mark` (the row may predate it).
   */
  remember(userId: string, state: UserTokenState, mark: number): void {
    const ttl = this.bus.live ? this.liveMs : this.unsharedMs;
    if (ttl > 0 && mark === this.generation) this.cache.set(userId, state, { ttl });
  }

  /** After a change of the user's active flag or token version has committed: every process drops what it holds. */
  forget(userId: string): void {
    this.drop(userId);
    void this.bus.publish(InvalidationTopic.TokenState, userId);
  }

  private read(userId: string): Promise<UserTokenState | undefined> {
    let pending = this.reads.get(userId);
    if (pending) return pending;
    const generation = this.generation;
    pending = this.select(userId)
      .then((state) => {
        const ttl = this.bus.live ? this.liveMs : this.unsharedMs;
        if (state && ttl > 0 && generation === this.generation) this.cache.set(userId, state, { ttl });
        return state;
      })
      .finally(() => {
        if (this.reads.get(userId) === pending) this.reads.delete(userId);
      });
    this.reads.set(userId, pending);
    return pending;
  }

  private drop(userId: string): void {
    this.generation++;
    this.cache.delete(userId);
    this.reads.delete(userId);
  }

  private dropAll(): void {
    this.generation++;
    this.cache.clear();
    this.reads.clear();
  }

  private async select(userId: string): Promise<UserTokenState | undefined> {
    const rows = await poolQuery<{ active: number; token_version: number }[]>(this.ds, 'SELECT active, token_version FROM users WHERE id = ?', [userId]);
    return rows.length ? { active: !!rows[0].active, tokenVersion: Number(rows[0].token_version) } : undefined;
  }
}
