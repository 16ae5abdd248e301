import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import type { i18n as I18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { SessionEventsContext, type SessionEvents } from './auth/sessionEvents.ts';

type AppProvidersProps = {
  client: ApolloClient;
  i18n: I18n;
  /** The same channel the client was created with (see createApolloClient). */
  sessionEvents: SessionEvents;
  children: ReactNode;
};

/** Everything a page needs around it; shared by main.tsx and the tests. */
export function AppProviders({ client, i18n, sessionEvents, children }: AppProvidersProps) {
  return (
    <I18nextProvider i18n={i18n}>
      <SessionEventsContext.Provider value={sessionEvents}>
        <ApolloProvider client={client}>{children}</ApolloProvider>
      </SessionEventsContext.Provider>
    </I18nextProvider>
  );
}
