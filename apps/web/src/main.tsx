import '@digdir/designsystemet-css';
import '@digdir/designsystemet-theme/digdir.css';
import '@fontsource-variable/inter';
import './styles.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { AppProviders } from './lib/AppProviders.tsx';
import { createApolloClient } from './lib/apollo.ts';
import { createI18n } from './lib/i18n.ts';
import { createAppRouter } from './lib/router.tsx';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <AppProviders client={createApolloClient()} i18n={createI18n()}>
      <RouterProvider router={createAppRouter()} />
    </AppProviders>
  </StrictMode>,
);
