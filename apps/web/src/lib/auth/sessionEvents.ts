import { createContext, useContext } from 'react';

/**
 * The Apollo link notices an expired session (any operation answered UNAUTHENTICATED); the
 * AuthProvider, which lives inside the router, reacts to it. This small channel connects the
 * two without the link knowing about React or the router.
 */
export type SessionEvents = {
  /** Called by the link; notifies every listener. */
  expired(): void;
  /** Returns a function that removes the listener. */
  onExpired(listener: () => void): () => void;
};

export function createSessionEvents(): SessionEvents {
  const listeners = new Set<() => void>();
  return {
    expired() {
      for (const listener of [...listeners]) listener();
    },
    onExpired(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

export const SessionEventsContext = createContext<SessionEvents | null>(null);

export function useSessionEvents(): SessionEvents {
  const events = useContext(SessionEventsContext);
  if (!events) throw new Error('useSessionEvents needs AppProviders around it');
  return events;
}
