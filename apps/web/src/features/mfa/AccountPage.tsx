import { useMutation } from '@apollo/client/react';
import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { CheckboxField } from '../../components/form/fields.tsx';
import { Page } from '../../components/layout/Page.tsx';
import { useAuth } from '../../lib/auth/authContext.ts';
import { MFA_SETUP_PATH } from '../../lib/auth/nextPath.ts';
import { apiError, describeApiError } from '../../lib/errors.ts';
import { SET_REMINDER_PREFERENCE_MUTATION } from './mfaMutations.ts';
import '../../components/form/form.css';

/** The signed-in user's own settings: e-mail reminders and the second factor. */
export function AccountPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const [setPreference, { loading }] = useMutation(SET_REMINDER_PREFERENCE_MUTATION);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  if (auth.status !== 'signedIn') return null;
  const user = auth.user;

  async function toggle(enabled: boolean) {
    setError(null);
    try {
      await setPreference({ variables: { input: { enabled } } });
    } catch (failure) {
      setError(describeApiError(t, apiError(failure)));
      setAttempt((value) => value + 1);
    }
  }

  return (
    <Page title={t('reminders.account.title')}>
      <section aria-labelledby="account-reminders" className="form-stack">
        <Heading level={2} data-size="xs" id="account-reminders">
          {t('reminders.account.heading')}
        </Heading>
        <Paragraph>{user.email ? t('reminders.account.lead', { email: user.email }) : t('reminders.account.noEmail')}</Paragraph>
        <FormAlert message={error} attempt={attempt} />
        <CheckboxField label={t('reminders.account.enabled')} checked={user.remindersEnabled} disabled={loading} onChange={(event) => void toggle(event.target.checked)} />
      </section>
      <section aria-labelledby="account-mfa" className="form-stack">
        <Heading level={2} data-size="xs" id="account-mfa">
          {t('mfa.account.heading')}
        </Heading>
        {user.signInMethod !== 'password' ? (
          <Paragraph>{t('mfa.account.provider')}</Paragraph>
        ) : user.mfaEnabled ? (
          <Paragraph>{t('mfa.account.enabled')}</Paragraph>
        ) : (
          <Paragraph>
            {t('mfa.account.disabled')}{' '}
            <Link asChild>
              <RouterLink to={MFA_SETUP_PATH}>{t('mfa.account.setUp')}</RouterLink>
            </Link>
          </Paragraph>
        )}
      </section>
    </Page>
  );
}
