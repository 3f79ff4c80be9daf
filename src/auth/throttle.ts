import { CallHandler, ExecutionContext, HttpException, HttpStatus, Inject, Injectable, NestInterceptor, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerRequest } from '@nestjs/throttler';
import { normalizeIp } from '@nestjs/throttler/dist/ip';
import { LRUCache } from 'lru-cache';
import { Observable, catchError, concatMap, from } from 'rxjs';
import { tooManyRequests } from '../common/errors';
import { ENV, EnvironmentVariables } from '../config/config.module';
import { AuthErrorCode } from './auth.errors';
import { RateLimitStore } from './rate-limit-store';

export const LOGIN_THROTTLER = 'login';
export const PUBLIC_THROTTLER = 'public';
export const REFRESH_THROTTLER = 'refresh';

const setRetryAfter = (res: { header?: (name: string, value: string) => void }, seconds: number) => res.header?.('Retry-After', String(Math.max(1, Math.ceil(seconds))));

/** A guard applying one of the named throttlers; its 429 carries a plain `Retry-After` header (seconds). */
abstract class NamedThrottleGuard extends ThrottlerGuard {
  protected abstract readonly throttlerName: string;

  protected async handleRequest(props: ThrottlerRequest): Promise<boolean> {
    return props.throttler.name === this.throttlerName ? super.handleRequest(props) : true;
  }

  protected async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    setRetryAfter(context.switchToHttp().getResponse(), detail.timeToBlockExpire);
    return super.throwThrottlingException(context, detail);
  }
}

/** Login attempts per e-mail and client address. */
@Injectable()
export class LoginThrottleGuard extends NamedThrottleGuard {
  protected readonly throttlerName = LOGIN_THROTTLER;

  protected async getTracker(req: { ip?: string; body?: { email?: unknown } }): Promise<string> {
    const email = typeof req.body?.email === 'string' ? req.body.email.trim().toLowerCase() : '';
    return `${req.ip}|${email}`;
  }
}

/** Session refreshes per client address (the token itself is unguessable: this bounds the load). */
@Injectable()
export class RefreshThrottleGuard extends NamedThrottleGuard {
  protected readonly throttlerName = REFRESH_THROTTLER;
}

/** Public (unauthenticated) endpoints, per client address. */
@Injectable()
export class PublicThrottleGuard extends NamedThrottleGuard {
  protected readonly throttlerName = PUBLIC_THROTTLER;

  /** Readable and known outside Nest, so an early handler (public-ranking-route.ts) counts in the same window. */
  protected generateKey(context: ExecutionContext, tracker: string): string {
    return publicThrottleKey(`${context.getClass().name}.${context.getHandler().name}`, tracker);
  }
}

/** The public limit's counter of one route (`Controller.handler`) and client (`publicTracker`). */
export const publicThrottleKey = (route: string, tracker: string) => `${PUBLIC_THROTTLER}:${route}:${tracker}`;
/** The throttler's own tracker: the address (TRUST_PROXY applied), IPv6 grouped by its /64. */
export const publicTracker = (ip: string | undefined) => normalizeIp(ip ?? '');

const LIMIT_HEADER = `X-RateLimit-Limit-${PUBLIC_THROTTLER}`;
const REMAINING_HEADER = `X-RateLimit-Remaining-${PUBLIC_THROTTLER}`;
const RESET_HEADER = `X-RateLimit-Reset-${PUBLIC_THROTTLER}`;

/** How often the hits counted in memory by PublicRateLimit are added to the shared window in Redis. */
const PUBLIC_FLUSH_MS = 50;

interface ClientWindow {
  /** The shared window's count when last heard from Redis, and this process's hits since. */
  shared: number;
  unsent: number;
  /** When the shared window ends (ms epoch); 0 until Redis has answered for this client. */
  endsAt: number;
  /** When Redis last told this process the shared count (ms epoch). */
  heardAt: number;
}

/**
 * The public limit outside Nest's guards, for a handler mounted before them (public-ranking-route.ts),
 * in the same Redis window as PublicThrottleGuard. A client's first hit of a window, and every hit
 * that might reach the limit, is counted in Redis before it is answered (as the guard does); the
 * hits in between are counted in memory and added to Redis every PUBLIC_FLUSH_MS, so a client under
 * its limit costs no Redis round trip per request. A count older than two flush intervals is asked
 * again before a hit is let through, so what another process counted is seen within ~100 ms: the
 * limit may be overshot by at most the other processes' hits of that interval.
 * `count` answers the guard's X-RateLimit headers ([name, value, ...]) for the answer, or null when
 * the client is, or may be, over the limit: the caller then leaves the request to the guarded route,
 * which counts it in Redis and answers 429 if it is.
 */
@Injectable()
export class PublicRateLimit implements OnApplicationShutdown {
  private readonly windows = new LRUCache<string, ClientWindow>({ max: 100000 });
  private readonly timer: NodeJS.Timeout;
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly store: RateLimitStore,
    @Inject(ENV) private readonly env: EnvironmentVariables,
  ) {
    this.timer = setInterval(() => void this.flush(), PUBLIC_FLUSH_MS).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Counts one hit of `route` (`Controller.handler`) by this client. */
  count(route: string, ip: string | undefined): string[] | null | Promise<string[] | null> {
    const key = publicThrottleKey(route, publicTracker(ip));
    const limit = this.env.PUBLIC_RATE_LIMIT;
    const w = this.windows.get(key);
    const now = Date.now();
    if (w && now < w.endsAt - PUBLIC_FLUSH_MS && now - w.heardAt <= 2 * PUBLIC_FLUSH_MS && w.shared + w.unsent + 1 <= limit) {
      w.unsent++;
      return this.headers(limit, w);
    }
    return this.countNow(key, w);
  }

  private async countNow(key: string, w: ClientWindow | undefined): Promise<string[] | null> {
    const { PUBLIC_RATE_LIMIT: limit, PUBLIC_RATE_TTL_MS: ttl } = this.env;
    const hits = 1 + (w?.unsent ?? 0);
    if (w) w.unsent = 0;
    const hit = await this.store.incrementBy(key, hits, ttl, limit, ttl, PUBLIC_THROTTLER);
    const now = Date.now();
    const fresh: ClientWindow = { shared: hit.totalHits, unsent: 0, endsAt: hit.isBlocked ? 0 : now + hit.timeToExpire * 1000, heardAt: now };
    this.windows.set(key, fresh, { ttl: Math.max(1000, hit.timeToExpire * 1000) });
    return hit.isBlocked ? null : this.headers(limit, fresh);
  }

  private headers(limit: number, w: ClientWindow): string[] {
    return [
      LIMIT_HEADER,
      String(limit),
      REMAINING_HEADER,
      String(Math.max(0, limit - w.shared - w.unsent)),
      RESET_HEADER,
      String(Math.max(1, Math.ceil((w.endsAt - Date.now()) / 1000))),
    ];
  }

  /** Adds the hits counted in memory to the shared windows and learns what the other processes counted. */
  private flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    const work = async () => {
      const { PUBLIC_RATE_LIMIT: limit, PUBLIC_RATE_TTL_MS: ttl } = this.env;
      const sends: Promise<void>[] = [];
      for (const [key, w] of this.windows.entries()) {
        if (!w.unsent) continue;
        const hits = w.unsent;
        w.unsent = 0;
        sends.push(
          this.store.incrementBy(key, hits, ttl, limit, ttl, PUBLIC_THROTTLER).then((hit) => {
            w.shared = hit.totalHits;
            w.heardAt = Date.now();
            w.endsAt = hit.isBlocked ? 0 : w.heardAt + hit.timeToExpire * 1000;
          }),
        );
      }
      await Promise.all(sends);
    };
    this.flushing = work()
      .catch(() => undefined)
      .finally(() => (this.flushing = null));
    return this.flushing;
  }
}

/**
 * Failed logins per client address (`req.ip`, which honours TRUST_PROXY), whatever the e-mail: stops
 * password spraying, which the per-e-mail limit does not see. Each attempt is counted before the
 * password is checked (so parallel attempts cannot overshoot) and taken back unless the credentials
 * were refused: 401, or 422 for a wrong current password on a password change. Shared by every process
 * through the RateLimitStore.
 */
@Injectable()
export class FailedLoginLimitInterceptor implements NestInterceptor {
  constructor(
    private readonly store: RateLimitStore,
    @Inject(ENV) private readonly env: EnvironmentVariables,
  ) {}

  async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = ctx.switchToHttp();
    const key = `login-failed:${http.getRequest().ip}`;
    const { count, msLeft } = await this.store.reserve(key, this.env.LOGIN_RATE_TTL_MS);
    if (count > this.env.LOGIN_FAILED_PER_ADDRESS_LIMIT) {
      setRetryAfter(http.getResponse(), msLeft / 1000);
      throw tooManyRequests(AuthErrorCode.TOO_MANY_FAILED_LOGINS, 'Too many failed logins from this address; try again later');
    }
    return next.handle().pipe(
      concatMap((answer) => from(this.store.release(key).then(() => answer))),
      catchError((err) => from(refusedCredentials(err) ? Promise.reject(err) : this.store.release(key).then(() => Promise.reject(err)))),
    );
  }
}

const refusedCredentials = (err: unknown) => err instanceof HttpException && (err.getStatus() === HttpStatus.UNAUTHORIZED || err.getStatus() === HttpStatus.UNPROCESSABLE_ENTITY);
