import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { ENV, EnvironmentVariables } from '../config/config.module';
import { redisConnection } from './jobs.types';

/** What a process holds in memory and must drop when another process (or host) changes it. */
export enum InvalidationTopic {
  /** A user's active flag or token version changed; the message is the user id. */
  TokenState = 'token-state',
  /** A ranking was published (or replaced); the message is the period id. */
  RankingPublished = 'ranking-published',
}

export interface InvalidationListener {
  /** One invalidation published by any process (this one included). */
  onMessage(message: string): void;
  /**
   * The channel was lost or has just been (re)established: messages may have been missed, so
   * everything held on the strength of the channel must be dropped.
   */
  onResync(): void;
}

const PUBLISH_TIMEOUT_MS = 500;
/** Invalidations that could not be published are kept (deduplicated) and sent when Redis answers again. */
const MAX_PENDING = 10000;

/**
 * Cross-process cache invalidation over Redis pub/sub (channels `<QUEUE_PREFIX>:invalidate:<topic>`).
 * A cache may hold what it read for long only while `live` is true (this process is subscribed);
 * while it is not, it must fall back to short windows or the database, because it cannot hear other
 * processes' changes. Losing and regaining the subscription tells every listener to resync.
 *
 * Publishing never blocks the caller: a publish that fails (Redis down) is retried when the
 * publisher connects again, so the change still reaches the other processes once Redis is back.
 */
@Injectable()
export class InvalidationBus implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(InvalidationBus.name);
  private readonly prefix: string;
  private readonly subscriber: Redis;
  private readonly publisher: Redis;
  private readonly listeners = new Map<string, InvalidationListener[]>();
  private readonly pending = new Set<string>();
  private subscribed = false;
  private closed = false;

  constructor(@Inject(ENV) env: EnvironmentVariables) {
    this.prefix = `${env.QUEUE_PREFIX}:invalidate:`;
    const connection = { ...redisConnection(env), lazyConnect: true, connectTimeout: 2000 };
    this.subscriber = new Redis({ ...connection, autoResubscribe: false, maxRetriesPerRequest: 1 });
    this.publisher = new Redis({ ...connection, enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: PUBLISH_TIMEOUT_MS });
    for (const conn of [this.subscriber, this.publisher]) conn.on('error', () => undefined); // an outage shows as `live` false
    this.subscriber.on('ready', () => void this.subscribeAll());
    this.subscriber.on('close', () => this.lost());
    this.subscriber.on('message', (channel: string, message: string) => {
      for (const l of this.listeners.get(channel) ?? []) l.onMessage(message);
    });
    this.publisher.on('ready', () => void this.flush());
  }

  /** Whether this process hears every invalidation published from now on. */
  get live(): boolean {
    return this.subscribed;
  }

  listen(topic: InvalidationTopic, listener: InvalidationListener): void {
    const channel = this.prefix + topic;
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener]);
    if (this.subscribed) void this.subscriber.subscribe(channel).catch(() => this.lost());
  }

  /** Tells every process (this one too) to drop what it holds under `message`; after the change has committed. */
  async publish(topic: InvalidationTopic, message: string): Promise<void> {
    const channel = this.prefix + topic;
    try {
      await this.publisher.publish(channel, message);
    } catch {
      if (this.pending.size < MAX_PENDING) this.pending.add(JSON.stringify([channel, message]));
      // Not even this process heard it through Redis.
      for (const l of this.listeners.get(channel) ?? []) l.onMessage(message);
    }
  }

  async onModuleInit(): Promise<void> {
    // Not awaited beyond a short wait: a boot with Redis down goes on (caches then use their short windows).
    const connect = (c: Redis) => c.connect().catch(() => undefined);
    await Promise.race([Promise.all([connect(this.subscriber), connect(this.publisher)]), new Promise((r) => setTimeout(r, 1000).unref())]);
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    this.subscriber.disconnect();
    this.publisher.disconnect();
  }

  private async subscribeAll(): Promise<void> {
    try {
      const channels = [...this.listeners.keys()];
      if (channels.length) await this.subscriber.subscribe(...channels);
      this.subscribed = true;
      this.resync();
    } catch (err) {
      this.logger.warn(`invalidation channel not subscribed: ${(err as Error).message}`);
    }
  }

  private lost(): void {
    if (!this.subscribed) return;
    this.subscribed = false;
    if (!this.closed) this.logger.warn('Redis unreachable: in-memory caches fall back to short windows until it answers again');
    this.resync();
  }

  private resync(): void {
    for (const ls of this.listeners.values()) for (const l of ls) l.onResync();
  }

  private async flush(): Promise<void> {
    for (const entry of [...this.pending]) {
      const [channel, message] = JSON.parse(entry) as [string, string];
      try {
        await this.publisher.publish(channel, message);
        this.pending.delete(entry);
      } catch {
        return;
      }
    }
  }
}
