import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProviders } from '../lib/AppProviders.tsx';
import { createApolloClient } from '../lib/apollo.ts';
import { createI18n, type Language } from '../lib/i18n.ts';
import { routes } from '../lib/router.tsx';

/** The URL the test Apollo client posts to; msw's graphql handlers match any URL. */
export const TEST_GRAPHQL_URL = new URL('/graphql', window.location.origin).href;

type RenderAppOptions = { language?: Language };

/** Renders the real app (routes, layout, Apollo cache, i18n) at `path`, fresh for each test. */
export function renderApp(path = '/', { language = 'nb' }: RenderAppOptions = {}) {
  const user = userEvent.setup();
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const i18n = createI18n(language);
  const client = createApolloClient({ uri: TEST_GRAPHQL_URL });
  const view = render(
    <AppProviders client={client} i18n={i18n}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, user, router, i18n, client };
}
