import { SkipLink } from '@digdir/designsystemet-react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { AppFooter } from './AppFooter.tsx';
import { AppHeader } from './AppHeader.tsx';
import { PageLoading } from './PageLoading.tsx';
import './layout.css';

const MAIN_ID = 'main';

export function AppLayout() {
  const { t } = useTranslation();
  return (
    <div className="app-shell">
      <SkipLink href={`#${MAIN_ID}`}>{t('layout.skipLink')}</SkipLink>
      <AppHeader />
      {/* tabIndex -1 lets the skip link move keyboard focus here, not only scroll. */}
      <main id={MAIN_ID} tabIndex={-1} className="app-main">
        <Suspense fallback={<PageLoading label={t('common.loadingPage')} fill />}>
          <Outlet />
        </Suspense>
      </main>
      <AppFooter />
    </div>
  );
}
