import { useSyncExternalStore } from 'react';
import { setAccessToken } from '../api/client';
import type { SessionUser } from '../api/types';

/** The signed-in user, in memory only (refresh-cookie sessions come later). */
let current: SessionUser | null = null;
const listeners = new Set<() => void>();

export function signIn(accessToken: string, user: SessionUser): void {
  setAccessToken(accessToken);
  current = user;
  listeners.forEach((l) => l());
}

export function signOut(): void {
  setAccessToken(null);
  current = null;
  listeners.forEach((l) => l());
}

export const useSession = (): SessionUser | null =>
  useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
