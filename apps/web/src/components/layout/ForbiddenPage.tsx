import { Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { Page } from './Page.tsx';

/** A page the signed-in user's roles do not open. */
export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('forbidden.title')}>
      <Paragraph>{t('forbidden.text')}</Paragraph>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/">{t('forbidden.home')}</RouterLink>
        </Link>
      </Paragraph>
    </Page>
  );
}
