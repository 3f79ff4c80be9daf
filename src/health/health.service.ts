import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { ENV, EnvironmentVariables } from '../config/config.module';
import { HealthDto, HealthState } from './dto/health.dto';

type State = HealthState;
const TIMEOUT_MS = 1500;

const withTimeout = <T>(p: Promise<T>): Promise<T> => Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS).unref())]);

/**
 * Pings MySQL and Redis. Hand-written rather than @nestjs/terminus because the contract's response
 * shape is `{status, db, redis}` and each check is a single round trip.
 */
@Injectable()
export class HealthService implements OnModuleDestroy {
  private readonly redis: Redis;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(ENV) env: EnvironmentVariables,
  ) {
    this.redis = new Redis({
      host: env.REDIS_HOST,
      port: env.REDIS_PORT,
      password: env.REDIS_PASSWORD || undefined,
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: TIMEOUT_MS,
      retryStrategy: (times) => Math.min(times * 200, 2000),
    });
    this.redis.on('error', () => undefined); // reported through check(), not as unhandled events
  }

  async check(): Promise<HealthDto> {
    const [db, redis] = await Promise.all([this.pingDb(), this.pingRedis()]);
    return { status: db === 'ok' && redis === 'ok' ? 'ok' : 'down', db, redis };
  }

  private async pingDb(): Promise<State> {
    try {
      await withTimeout(this.ds.query('SELECT 1'));
      return 'ok';
    } catch {
      return 'down';
    }
  }

  private async pingRedis(): Promise<State> {
    try {
      if (this.redis.status === 'wait' || this.redis.status === 'end') await withTimeout(this.redis.connect());
      return (await withTimeout(this.redis.ping())) === 'PONG' ? 'ok' : 'down';
    } catch {
      return 'down';
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.redis.disconnect();
  }
}
