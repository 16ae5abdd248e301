import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { relayStylePagination } from '@apollo/client/utilities';
import { createSessionEvents, type SessionEvents } from './auth/sessionEvents.ts';
import { hasErrorCode } from './errors.ts';

type ApolloClientOptions = {
  /** Same-origin `/graphql` in the app; tests pass an absolute URL because Node's fetch needs one. */
  uri?: string;
  /** Told when an operation finds the session gone, so the app can send the user to sign in. */
  sessionEvents?: SessionEvents;
};

/**
 * Operations whose UNAUTHENTICATED answer is expected and handled where they are called:
 * the start-up check of the session, signing in, and signing out of a session already gone.
 */
const SESSIONLESS_OPERATIONS = new Set(['CurrentUser', 'SignIn', 'SignOut']);

export function createApolloClient({ uri = '/graphql', sessionEvents = createSessionEvents() }: ApolloClientOptions = {}): ApolloClient {
  const sessionLink = new ErrorLink(({ error, operation }) => {
    if (!SESSIONLESS_OPERATIONS.has(operation.operationName ?? '') && hasErrorCode(error, 'UNAUTHENTICATED')) {
      sessionEvents.expired();
    }
  });
  const httpLink = new HttpLink({
    uri,
    // The API authenticates with a same-origin, HttpLOnly session cookie.
    credentials: 'same-origin',
    // The server refuses requests without this header: a cross-site form or a simple request
    // cannot set it, so a forged request never reaches a resolver (CSRF).
    headers: { 'x-samarkiv-csrf': '1' },
  });
  return new ApolloClient({
    link: ApolloLink.from([sessionLink, httpLink]),
    cache: new InMemoryCache({
      typePolicies: {
        Query: {
          fields: {
            // "Show older changes" appends to the list an entity page already shows. The audit
            // log and the user list page instead, so they keep one cache entry per cursor.
            entityHistory: relayStylePagination(['entityType', 'entityId']),
          },
        },
        // The overview has no id: its panels' fragments each select part of it, merged into one.
        Overview: { merge: true },
        // A link or unlink answers with the finding's whole list of risks: it replaces the old one.
        Finding: { fields: { risks: { merge: false } } },
      },
    }),
    // Each component sees only the fields its own fragment asks for (STYLE.md: components own
    // their fragments), so a page cannot quietly depend on a child's data.
    dataMasking: true,
  });
}
