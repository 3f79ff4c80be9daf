import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { Inject, Injectable, Logger, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import Redis from 'ioredis';
import { LRUCache } from 'lru-cache';
import { ENV, EnvironmentVariables } from '../config/config.module';
import { redisConnection } from '../jobs/jobs.types';

/** A Redis command of the limiter that has not answered by then is given up on (the login must not hang). */
const REDIS_COMMAND_TIMEOUT_MS = 500;
const BOOT_CONNECT_WAIT_MS = 1000;

/** INCR with the window's expiry set by the first hit: [count, ms left in the window]. */
const RESERVE_SCRIPT = `local n = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) ttl = tonumber(ARGV[1]) end
return {n, ttl}`;
const RELEASE_SCRIPT = `if (tonumber(redis.call('GET', KEYS[1]) or '0') > 0) then return redis.call('DECR', KEYS[1]) end
return 0`;

/**
 * The throttler storage's own script (@nest-lab/throttler-storage-redis) with INCRBY: `n` hits at once
 * on the same keys, so batched counts and the guards' single hits land in one window.
 */
const INCREMENT_BY_SCRIPT = `local totalHits = redis.call('INCRBY', KEYS[1], ARGV[5])
local timeToExpire = redis.call('PTTL', KEYS[1])
if timeToExpire <= 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) timeToExpire = tonumber(ARGV[2]) end
local isBlocked = redis.call('GET', KEYS[2])
local timeToBlockExpire = 0
if isBlocked then timeToBlockExpire = redis.call('PTTL', KEYS[2])
elseif totalHits > tonumber(ARGV[3]) then redis.call('SET', KEYS[2], 1, 'PX', ARGV[4]) isBlocked = '1' timeToBlockExpire = tonumber(ARGV[4]) end
if isBlocked and timeToBlockExpire <= 0 then
  redis.call('DEL', KEYS[2]) redis.call('SET', KEYS[1], ARGV[5], 'PX', ARGV[2]) totalHits = tonumber(ARGV[5]) timeToExpire = tonumber(ARGV[2]) isBlocked = false
end
return { totalHits, timeToExpire, isBlocked and 1 or 0, timeToBlockExpire }`;

export interface WindowCount {
  count: number;
  /** Milliseconds until the window ends. */
  msLeft: number;
}

/**
 * Every rate limit of the API, kept in Redis (keys under `<QUEUE_PREFIX>:rate-limit:`) so all API
 * processes and hosts count together: the @nestjs/throttler limits (as their storage) and the
 * per-address failed-login counter.
 *
 * Redis down or slow: each command fails within REDIS_COMMAND_TIMEOUT_MS (no offline queue) and the
 * limiter FAILS OPEN to per-process memory counters, i.e. the limits that held before they were
 * shared. Failing closed would lock every PPID out on a deadline day for a Redis blip, while the
 * memory fallback still bounds guessing to the limit times the number of processes.
 */
@Injectable()
export class RateLimitStore implements ThrottlerStorage, OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RateLimitStore.name);
  private readonly redis: Redis;
  private readonly shared: ThrottlerStorageRedisService;
  private readonly local = new ThrottlerStorageService();
  private readonly localCounts = new LRUCache<string, { count: number }>({ max: 100000, ttl: 60000 });
  private degraded = false;

  constructor(@Inject(ENV) env: EnvironmentVariables) {
    this.redis = new Redis({
      ...redisConnection(env),
      keyPrefix: `${env.QUEUE_PREFIX}:rate-limit:`,
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
      connectTimeout: 2000,
    });
    this.redis.on('error', () => undefined); // reported once per outage by `fallBack`
    this.shared = new ThrottlerStorageRedisService(this.redis);
  }

  async onModuleInit(): Promise<void> {
    // Connected before the first request, so the first logins count in Redis; a boot with Redis down or
    // silent goes on after BOOT_CONNECT_WAIT_MS (fail open) while ioredis keeps reconnecting.
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, BOOT_CONNECT_WAIT_MS)));
    // The throttler storage may already have started the connection: wait for it rather than connect twice.
    const ready =
      this.redis.status === 'wait'
        ? this.redis.connect()
        : new Promise<void>((resolve, reject) =>
            this.redis.status === 'ready' ? resolve() : this.redis.once('ready', () => resolve()).once('end', () => reject(new Error('Redis connection ended'))),
          );
    await Promise.race([ready.catch((err) => this.fallBack(err)), waited]);
    clearTimeout(timer);
  }

  async onApplicationShutdown(): Promise<void> {
    this.local.onApplicationShutdown();
    this.redis.disconnect();
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string) {
    try {
      return this.recovered(await this.shared.increment(key, ttl, limit, blockDuration, throttlerName));
    } catch (err) {
      this.fallBack(err);
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }

  /** `increment` of `hits` at once (a batch counted in memory first): the same keys, window and block. */
  async incrementBy(key: string, hits: number, ttl: number, limit: number, blockDuration: number, throttlerName: string) {
    try {
      const [totalHits, msToExpire, blocked, msToBlockExpire] = (await this.redis.eval(
        INCREMENT_BY_SCRIPT,
        2,
        `{${key}:${throttlerName}}:hits`,
        `{${key}:${throttlerName}}:blocked`,
        throttlerName,
        ttl,
        limit,
        blockDuration,
        hits,
      )) as [number, number, number, number];
      return this.recovered({ totalHits, timeToExpire: Math.ceil(msToExpire / 1000), isBlocked: blocked === 1, timeToBlockExpire: Math.ceil(msToBlockExpire / 1000) });
    } catch (err) {
      this.fallBack(err);
      let last = await this.local.increment(key, ttl, limit, blockDuration, throttlerName);
      for (let i = 1; i < hits; i++) last = await this.local.increment(key, ttl, limit, blockDuration, throttlerName);
      return last;
    }
  }

  /** Counts one more in `key`'s fixed window of `windowMs` (the window starts at its first count). */
  async reserve(key: string, windowMs: number): Promise<WindowCount> {
    try {
      const [count, msLeft] = (await this.redis.eval(RESERVE_SCRIPT, 1, key, windowMs)) as [number, number];
      return this.recovered({ count, msLeft });
    } catch (err) {
      this.fallBack(err);
      const entry = this.localCounts.get(key);
      if (entry) return { count: ++entry.count, msLeft: this.localCounts.getRemainingTTL(key) };
      this.localCounts.set(key, { count: 1 }, { ttl: windowMs });
      return { count: 1, msLeft: windowMs };
    }
  }

  /** Takes back one count of `reserve` (an attempt that turned out not to count). */
  async release(key: string): Promise<void> {
    try {
      await this.redis.eval(RELEASE_SCRIPT, 1, key);
    } catch (err) {
      this.fallBack(err);
      const entry = this.localCounts.get(key);
      if (entry && entry.count > 0) entry.count--;
    }
  }

  private recovered<T>(value: T): T {
    if (this.degraded) {
      this.degraded = false;
      this.logger.warn('Redis answers again: rate limits are shared again');
    }
    return value;
  }

  private fallBack(err: unknown): void {
    if (this.degraded) return;
    this.degraded = true;
    this.logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'Redis unavailable: rate limits fall back to this process (fail open)');
  }
}

/** Its own module so ThrottlerModule's async factory and AuthModule share the one store. */
@Module({ providers: [RateLimitStore], exports: [RateLimitStore] })
export class RateLimitStoreModule {}
