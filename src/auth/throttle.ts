import { CallHandler, ExecutionContext, HttpException, HttpStatus, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerRequest } from '@nestjs/throttler';
import { normalizeIp } from '@nestjs/throttler/dist/ip';
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

/**
 * The public limit outside Nest's guards, for a handler mounted before them: counts one hit of `route`
 * in the same Redis window as PublicThrottleGuard (its fallback included) and sets the same headers.
 * Answers false when the client is over the limit; the caller then leaves the request to the guarded
 * route, which answers the 429.
 */
@Injectable()
export class PublicRateLimit {
  constructor(
    private readonly store: RateLimitStore,
    @Inject(ENV) private readonly env: EnvironmentVariables,
  ) {}

  async allows(route: string, ip: string | undefined, res: { setHeader(name: string, value: string | number): unknown }): Promise<boolean> {
    const { PUBLIC_RATE_LIMIT: limit, PUBLIC_RATE_TTL_MS: ttl } = this.env;
    const hit = await this.store.increment(publicThrottleKey(route, publicTracker(ip)), ttl, limit, ttl, PUBLIC_THROTTLER);
    if (hit.isBlocked) return false;
    res.setHeader(`X-RateLimit-Limit-${PUBLIC_THROTTLER}`, limit);
    res.setHeader(`X-RateLimit-Remaining-${PUBLIC_THROTTLER}`, Math.max(0, limit - hit.totalHits));
    res.setHeader(`X-RateLimit-Reset-${PUBLIC_THROTTLER}`, hit.timeToExpire);
    return true;
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
