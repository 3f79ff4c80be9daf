import type { CookieOptions, Request, Response } from 'express';
import type { IssuedRefreshToken } from './refresh-tokens';

/** The portal's refresh cookie: sent only to the auth routes, never readable by scripts. */
export const SESSION_COOKIE = 'monev_session';
/** The auth routes under the API prefix (bootstrap.ts's API_PREFIX). */
export const SESSION_COOKIE_PATH = '/api/v1/auth';

const options = (req: Request): CookieOptions => ({
  httpOnly: true,
  sameSite: 'strict',
  // req.secure honours TRUST_PROXY (X-Forwarded-Proto behind a load balancer).
  secure: req.secure,
  path: SESSION_COOKIE_PATH,
});

export function setSessionCookie(req: Request, res: Response, token: IssuedRefreshToken): void {
  res.cookie(SESSION_COOKIE, token.value, { ...options(req), expires: token.expiresAt });
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, options(req));
}

/** The refresh cookie's value from the Cookie header, if any. */
export function readSessionCookie(req: Request): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) {
      const value = part.slice(eq + 1).trim();
      return value ? value : null;
    }
  }
  return null;
}
