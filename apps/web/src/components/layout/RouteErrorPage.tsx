import { Link, Paragraph } from '@digdir/designsystemet-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useRouteError } from 'react-router';
import { Page } from './Page.tsx';

/**
 * Shown when a page throws while rendering or its code fails to load (for example after a
 * new release replaced the chunk). The error itself is for the console, not for users.
 */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <Page title={t('routeError.title')}>
      <Paragraph>{t('routeError.text')}</Paragraph>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/">{t('routeError.home')}</RouterLink>
        </Link>
      </Paragraph>
    </Page>
  );
}
