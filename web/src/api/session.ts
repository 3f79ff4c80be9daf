import type { Middleware } from 'openapi-fetch';
import type { SessionUser } from './types';

/**
 * The browser session. The refresh token lives in an httpOnly cookie the API sets (path /api/v1/auth),
 * so no script can read it; the access token is kept in memory only. On load `restoreSession` asks
 * `/auth/refresh` for an access token (a reload stays signed in); a 401 on a signed call refreshes once
 * and retries; the token is refreshed ahead of its expiry while the user is active (typing, clicking or
 * calling the API), so an idle tab lets the session lapse after the API's SESSION_IDLE_MINUTES.
 */

const AUTH = '/api/v1/auth';
/** What a signed-out page says after the API ended the session. */
export const SESSION_ENDED_MESSAGE = 'Sesi Anda berakhir, silakan masuk kembali';

export type SessionState =
  | { status: 'restoring'; user: null }
  | { status: 'signed-in'; user: SessionUser }
  | { status: 'signed-out'; user: null; ended: boolean };

let state: SessionState = { status: 'restoring', user: null };
let accessToken: string | null = null;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let activeSinceRefresh = false;
let inflight: Promise<boolean> | null = null;
const listeners = new Set<() => void>();

const publish = (next: SessionState) => {
  state = next;
  listeners.forEach((l) => l());
};

export const sessionState = (): SessionState => state;
export const subscribeSession = (listener: () => void): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Seconds of the token's lifetime from its `iat`/`exp` claims (the signature is the API's business). */
function lifetimeOf(token: string): { expiresAtMs: number; ttlMs: number } | null {
  try {
    const claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    if (typeof claims.exp !== 'number') return null;
    const ttlMs = (claims.exp - (typeof claims.iat === 'number' ? claims.iat : claims.exp - 900)) * 1000;
    return { expiresAtMs: claims.exp * 1000, ttlMs };
  } catch {
    return null;
  }
}

function scheduleRefresh(token: string): void {
  clearTimeout(refreshTimer);
  const life = lifetimeOf(token);
  if (!life) return;
  // Ahead by a fifth of the lifetime (1 s to 1 min), so a request never goes out with a token about to die.
  const lead = Math.min(60_000, Math.max(1000, life.ttlMs / 5));
  refreshTimer = setTimeout(() => {
    // Only an active user's session is kept alive; an idle one refreshes on its next call, or lapses.
    if (activeSinceRefresh) void refreshSession();
  }, Math.max(0, life.expiresAtMs - Date.now() - lead));
}

/** Signed in with a fresh access token (a login, a refresh, a password change). */
export function startSession(token: string, user: SessionUser): void {
  accessToken = token;
  activeSinceRefresh = false;
  scheduleRefresh(token);
  publish({ status: 'signed-in', user });
}

/** Signed out here; `ended` when the API ended the session (the page then says so). */
export function endSession(ended = false): void {
  accessToken = null;
  clearTimeout(refreshTimer);
  publish({ status: 'signed-out', user: null, ended });
}

/** One refresh at a time in this tab, and across tabs (they share the cookie: two at once would look like a replay). */
function serialized<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (locks.request('monev-session-refresh', work) as Promise<T>) : work();
}

/** Rotates the cookie for a new access token; false (and signed out) once the session has ended. Single-flight. */
export function refreshSession(): Promise<boolean> {
  inflight ??= serialized(async () => {
    const wasSignedIn = state.status === 'signed-in';
    let res: Response;
    try {
      res = await fetch(`${AUTH}/refresh`, { method: 'POST', credentials: 'same-origin' });
    } catch {
      return false; // offline: keep what we have; the next call tries again
    }
    if (!res.ok) {
      if (res.status === 401) endSession(wasSignedIn);
      else if (state.status === 'restoring') endSession(false);
      return false;
    }
    const body = (await res.json()) as { accessToken: string; user: SessionUser };
    startSession(body.accessToken, body.user);
    return true;
  }).finally(() => {
    inflight = null;
  });
  return inflight;
}

/** On load: a session cookie from before the reload gives an access token again; otherwise signed out. */
export async function restoreSession(): Promise<void> {
  await refreshSession();
  if (state.status === 'restoring') endSession(false);
}

/** Ends the session at the API (its cookie family) and here. */
export async function logout(): Promise<void> {
  try {
    await fetch(`${AUTH}/logout`, { method: 'POST', credentials: 'same-origin' });
  } finally {
    endSession(false);
  }
}

if (typeof document !== 'undefined') {
  for (const type of ['keydown', 'pointerdown']) document.addEventListener(type, () => (activeSinceRefresh = true), { passive: true, capture: true });
}

const isAuthCall = (url: string) => new URL(url, 'http://x').pathname.startsWith(AUTH + '/') && !url.endsWith('/auth/me') && !url.endsWith('/auth/password');
const retryable = new Map<string, Request>();

/** The typed client's middleware: the bearer token on every call, and one refresh-and-retry on a 401. */
export const sessionMiddleware: Middleware = {
  onRequest({ request, id }) {
    if (!accessToken || isAuthCall(request.url)) return request;
    activeSinceRefresh = true;
    request.headers.set('Authorization', `Bearer ${accessToken}`);
    retryable.set(id, request.clone());
    return request;
  },
  async onResponse({ response, id, options }) {
    const original = retryable.get(id);
    retryable.delete(id);
    if (response.status !== 401 || !original) return response;
    if (!(await refreshSession()) || !accessToken) return response;
    original.headers.set('Authorization', `Bearer ${accessToken}`);
    return options.fetch(original);
  },
  onError({ id }) {
    retryable.delete(id);
  },
};
