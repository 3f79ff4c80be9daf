import { useSyncExternalStore } from 'react';
import { endSession, logout, sessionState, startSession, subscribeSession, type SessionState } from '../api/session';
import type { SessionUser } from '../api/types';

/**
 * The signed-in user for the pages. The session itself (access token in memory, the refresh cookie,
 * refresh and retry) is web/src/api/session.ts.
 */
export function signIn(accessToken: string, user: SessionUser): void {
  startSession(accessToken, user);
}

/** Signs out here and at the API (the refresh cookie's session ends). */
export function signOut(): Promise<void> {
  return logout();
}

/** Signed out here only, without asking the API (its session already ended). */
export const dropSession = (): void => endSession(false);

export const useSessionState = (): SessionState => useSyncExternalStore(subscribeSession, sessionState);

export const useSession = (): SessionUser | null => useSessionState().user;
