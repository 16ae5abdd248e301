import { createContext, useContext } from 'react';
import type { AuthUser_me } from './currentUser.ts';

export type AuthState =
  /** The start-up check of the session has not answered yet. */
  | { status: 'loading'; user: null }
  /** No session at start, an expired one, or the user signed out. */
  | { status: 'signedOut'; user: null; reason: 'noSession' | 'expired' | 'signedOut' }
  /** The check itself failed (network, server error): not the same as being signed out. */
  | { status: 'error'; user: null }
  | { status: 'signedIn'; user: AuthUser_me };

export type AuthContextValue = AuthState & {
  /** After signing in: the cache holds the new user; stop treating the session as ended. */
  sessionStarted(): void;
  /** After signing out: treat the session as ended, whatever the cache still holds. */
  sessionEnded(): void;
  /** Ask the server again after the check failed. */
  retry(): void;
};

export const AuthContext = createContext<AuthContextValue | null>(null);

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth needs an AuthProvider around it');
  return value;
}
