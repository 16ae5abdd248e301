import { useApolloClient, useFragment, useQuery } from '@apollo/client/react';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { hasErrorCode } from '../errors.ts';
import { AuthContext, type AuthContextValue, type AuthState } from './authContext.ts';
import { AUTH_USER_FRAGMENT, CURRENT_USER_QUERY } from './currentUser.ts';
import { SIGN_IN_PATH, signInPath } from './nextPath.ts';
import { rememberSignedIn } from './sessionHint.ts';
import { useSessionEvents } from './sessionEvents.ts';

// setTimeout overflows above 2^31-1 ms (about 24.8 days) and would fire at once.
const LONGEST_TIMER_MS = 2_147_483_647;

/**
 * Loads the signed-in user once and shares it; sends the user to sign in when the session
 * turns out to be gone (no session at start, an operation answered UNAUTHENTICATED later, or
 * the session's absolute end is reached while the page is open).
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const sessionEvents = useSessionEvents();
  const navigate = useNavigate();
  const location = useLocation();
  // Set when the session ends while the app is open; the cache may still hold the old user.
  const [ended, setEnded] = useState<'expired' | 'signedOut' | null>(null);
  const endedRef = useRef(ended);
  const locationRef = useRef(location);
  const { data, error, refetch } = useQuery(CURRENT_USER_QUERY);
  const { data: user, complete } = useFragment({ fragment: AUTH_USER_FRAGMENT, from: data?.me ?? null });

  useEffect(() => {
    locationRef.current = location;
    endedRef.current = ended;
  });

  useEffect(
    () =>
      sessionEvents.onExpired(() => {
        const current = locationRef.current;
        // Several queries of one page may fail together; react to the first only.
        if (endedRef.current || current.pathname === SIGN_IN_PATH) return;
        endedRef.current = 'expired';
        setEnded('expired');
        navigate(signInPath(current), { replace: true });
        // Nothing the old session fetched may be shown to whoever signs in next.
        void client.clearStore();
      }),
    [client, navigate, sessionEvents],
  );

  const expiresAt = complete && !ended ? user.sessionExpiresAt : undefined;
  useEffect(() => {
    if (!expiresAt) return;
    const remaining = Date.parse(expiresAt) - Date.now();
    if (!Number.isFinite(remaining) || remaining > LONGEST_TIMER_MS) return;
    const timer = setTimeout(() => sessionEvents.expired(), Math.max(0, remaining));
    return () => clearTimeout(timer);
  }, [expiresAt, sessionEvents]);

  const state: AuthState = useMemo(() => {
    if (ended) return { status: 'signedOut', user: null, reason: ended };
    if (complete) return { status: 'signedIn', user };
    if (error) {
      return hasErrorCode(error, 'UNAUTHENTICATED') ? { status: 'signedOut', user: null, reason: 'noSession' } : { status: 'error', user: null };
    }
    return { status: 'loading', user: null };
  }, [ended, complete, user, error]);

  // The next visit's header keeps room for the menu only if this one ended signed in.
  useEffect(() => {
    if (state.status === 'signedIn' || state.status === 'signedOut') rememberSignedIn(state.status === 'signedIn');
  }, [state.status]);

  const value: AuthContextValue = useMemo(
    () => ({
      ...state,
      sessionStarted: () => {
        endedRef.current = null;
        setEnded(null);
      },
      sessionEnded: () => {
        endedRef.current = 'signedOut';
        setEnded('signedOut');
      },
      // A failed retry shows as the same error state; nothing more to do with its rejection.
      retry: () => void refetch().catch(() => {}),
    }),
    [state, refetch],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
