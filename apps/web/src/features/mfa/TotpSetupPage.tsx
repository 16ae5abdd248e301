import { useMutation } from '@apollo/client/react';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { TextField } from '../../components/form/fields.tsx';
import { Page } from '../../components/layout/Page.tsx';
import { useAuth } from '../../lib/auth/authContext.ts';
import { apiError, describeApiError } from '../../lib/errors.ts';
import { BEGIN_TOTP_SETUP_MUTATION, CONFIRM_TOTP_SETUP_MUTATION } from './mfaMutations.ts';
import '../../components/form/form.css';
import './mfa.css';

/** Set up TOTP: scan the QR code (or type the secret), confirm a code, keep the recovery codes. */
export function TotpSetupPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const required = auth.status === 'signedIn' && auth.user.mfaSetupRequired;
  const enabled = auth.status === 'signedIn' && auth.user.mfaEnabled;
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  return (
    <Page title={t('mfa.setup.title')}>
      {recoveryCodes ? (
        <RecoveryCodes codes={recoveryCodes} />
      ) : enabled ? (
        <Paragraph>{t('mfa.setup.alreadyEnabled')}</Paragraph>
      ) : (
        <>
          {required ? (
            <Alert data-color="info" className="form-alert">
              <Paragraph>{t('mfa.setup.required')}</Paragraph>
            </Alert>
          ) : (
            <Paragraph className="page-lead">{t('mfa.setup.lead')}</Paragraph>
          )}
          <SetupForm onDone={setRecoveryCodes} />
        </>
      )}
    </Page>
  );
}

function SetupForm({ onDone }: { onDone: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const [begin, begun] = useMutation(BEGIN_TOTP_SETUP_MUTATION);
  const [confirm, confirming] = useMutation(CONFIRM_TOTP_SETUP_MUTATION);
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const codeRef = useRef<HTMLInputElement>(null);
  const started = useRef(false);

  useEffect(() => {
    // Once per visit (StrictMode runs effects twice): each call makes a new secret.
    if (started.current) return;
    started.current = true;
    begin().catch((error: unknown) => setFormError(describeApiError(t, apiError(error))));
  }, [begin, t]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (confirming.loading) return;
    if (!/^\d{6}$/.test(code.trim())) {
      setFieldError(t('mfa.setup.codeInvalid'));
      codeRef.current?.focus();
      return;
    }
    setFieldError(undefined);
    setFormError(null);
    try {
      const result = await confirm({ variables: { input: { code: code.trim() } } });
      onDone(result.data!.confirmTotpSetup.recoveryCodes);
    } catch (error) {
      setFormError(describeApiError(t, apiError(error)));
      setAttempt((value) => value + 1);
      setCode('');
      codeRef.current?.focus();
    }
  }

  const setup = begun.data?.beginTotpSetup;
  return (
    <form className="form-stack" noValidate onSubmit={(event) => void submit(event)}>
      <FormAlert message={formError} attempt={attempt} />
      <Heading level={2} data-size="xs">
        {t('mfa.setup.step1')}
      </Heading>
      {setup ? (
        <>
          <img className="mfa-qr" src={setup.qrCodeDataUrl} alt={t('mfa.setup.qrAlt')} width={200} height={200} />
          <Paragraph>
            {t('mfa.setup.secretLabel')} <code className="mfa-secret">{setup.secret}</code>
          </Paragraph>
        </>
      ) : (
        <Paragraph>{t('mfa.setup.loading')}</Paragraph>
      )}
      <Heading level={2} data-size="xs">
        {t('mfa.setup.step2')}
      </Heading>
      <TextField
        ref={codeRef}
        label={t('mfa.setup.code')}
        name="code"
        autoComplete="one-time-code"
        inputMode="numeric"
        required
        value={code}
        onChange={(event) => setCode(event.target.value)}
        error={fieldError}
      />
      <div className="form-actions">
        <Button type="submit" loading={confirming.loading} disabled={!setup}>
          {t('mfa.setup.submit')}
        </Button>
      </div>
    </form>
  );
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="recovery-codes" className="form-stack">
      <Alert data-color="success" className="form-alert" role="status">
        <Paragraph>{t('mfa.setup.done')}</Paragraph>
      </Alert>
      <Heading level={2} data-size="xs" id="recovery-codes">
        {t('mfa.recovery.title')}
      </Heading>
      <Paragraph>{t('mfa.recovery.lead')}</Paragraph>
      <ul className="mfa-recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <div className="form-actions">
        <RouterLink className="ds-button" data-variant="primary" to="/">
          {t('mfa.recovery.continue')}
        </RouterLink>
      </div>
    </section>
  );
}
