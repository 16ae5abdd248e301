import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../lib/auth/authContext.ts';

/** The start-up check of the session failed for another reason than a missing session. */
export function SessionCheckFailed() {
  const { t } = useTranslation();
  const { retry } = useAuth();
  return (
    <Alert data-color="danger" role="alert">
      <Heading level={2} data-size="xs">
        {t('auth.checkFailedTitle')}
      </Heading>
      <Paragraph>{t('auth.checkFailedText')}</Paragraph>
      <Button type="button" variant="secondary" data-size="sm" onClick={retry}>
        {t('common.retry')}
      </Button>
    </Alert>
  );
}
