import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProviders } from '../lib/AppProviders.tsx';
import { createApolloClient } from '../lib/apollo.ts';
import { createSessionEvents } from '../lib/auth/sessionEvents.ts';
import en from '../locales/en.json';
import { createI18n, type Language } from '../lib/i18n.ts';
import { routes } from '../lib/router.tsx';

/** The URL the test Apollo client posts to; msw's graphql handlers match any URL. */
export const TEST_GRAPHQL_URL = new URL('/graphql', window.location.origin).href;

type RenderAppOptions = { language?: Language };

/**
 * Renders the real app (routes, layout, auth, Apollo cache, i18n) at `path`, fresh for each
 * test. Every page but sign-in asks `CurrentUser` first: answer it with `signInAs` (or
 * `answerSignedOut`) from ./auth.ts.
 */
export function renderApp(path = '/', { language = 'nb' }: RenderAppOptions = {}) {
  const user = userEvent.setup();
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const i18n = createI18n(language, { en });
  const sessionEvents = createSessionEvents();
  const client = createApolloClient({ uri: TEST_GRAPHQL_URL, sessionEvents });
  const view = render(
    <AppProviders client={client} i18n={i18n} sessionEvents={sessionEvents}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, user, router, i18n, client };
}

/** The path, query and hash the app is showing. */
export function currentPath(router: ReturnType<typeof renderApp>['router']): string {
  const { pathname, search, hash } = router.state.location;
  return `${pathname}${search}${hash}`;
}

/** Renders one component with the app's providers (Apollo cache, i18n), without routes. */
export function renderWithProviders(ui: ReactElement, { language = 'nb' }: RenderAppOptions = {}) {
  const user = userEvent.setup();
  const i18n = createI18n(language, { en });
  const sessionEvents = createSessionEvents();
  const client = createApolloClient({ uri: TEST_GRAPHQL_URL, sessionEvents });
  const view = render(
    <AppProviders client={client} i18n={i18n} sessionEvents={sessionEvents}>
      {ui}
    </AppProviders>,
  );
  return { ...view, user, i18n, client };
}
