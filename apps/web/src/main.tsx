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
import { startI18n } from './lib/i18n.ts';
import { createAppRouter } from './lib/router.tsx';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const sessionEvents = createSessionEvents();
const i18n = await startI18n();

createRoot(container).render(
  <StrictMode>
    <AppProviders client={createApolloClient({ sessionEvents })} i18n={i18n} sessionEvents={sessionEvents}>
      <RouterProvider router={createAppRouter()} />
    </AppProviders>
  </StrictMode>,
);
