import '@digdir/designsystemet-css';
import '@digdir/designsystemet-theme/digdir.css';
import '@fontsource-variable/inter';
import './styles.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { AppProviders } from './lib/AppProviders.tsx';
import { createApolloClient } from './lib/apollo.ts';
import { createSessionEvents } from './lib/auth/sessionEvents.ts';
import { createI18n } from './lib/i18n.ts';
import { createAppRouter } from './lib/router.tsx';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const sessionEvents = createSessionEvents();

createRoot(container).render(
  <StrictMode>
    <AppProviders client={createApolloClient({ sessionEvents })} i18n={createI18n()} sessionEvents={sessionEvents}>
      <RouterProvider router={createAppRouter()} />
    </AppProviders>
  </StrictMode>,
);
