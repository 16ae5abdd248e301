import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { Page } from '../../components/layout/Page.tsx';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { TextField } from '../../components/form/fields.tsx';
import { useFocusFirstInvalid } from '../../components/form/useFocusFirstInvalid.ts';
import { useAuth } from '../../lib/auth/authContext.ts';
import { changePasswordPath, NEXT_PARAM, safeNextPath } from '../../lib/auth/nextPath.ts';
import { useSignIn } from '../../lib/auth/useSignIn.ts';
import { apiError, describeApiError } from '../../lib/errors.ts';
import { SignInProviders } from './SignInProviders.tsx';
import '../../components/form/form.css';

export function SignInPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get(NEXT_PARAM)) ?? '/';

  // Signed in (now, or already when the page opened): on to where the user was going.
  if (auth.status === 'signedIn') {
    return <Navigate to={auth.user.mustChangePassword ? changePasswordPath(next) : next} replace />;
  }
  const oidcFailure = params.get('oidc');
  return (
    <Page title={t('signIn.title')}>
      {oidcFailure && (
        <Alert data-color="danger" className="form-alert" role="alert">
          <Paragraph>{t(`oidc.errors.${isOidcFailure(oidcFailure) ? oidcFailure : 'provider'}`)}</Paragraph>
        </Alert>
      )}
      <SignInProviders />
      <Paragraph className="page-lead">{t('signIn.lead')}</Paragraph>
      <SignInForm />
    </Page>
  );
}

// The reasons the OIDC callback names in ?oidc= (apps/api/src/http/oidcRoutes.ts).
const OIDC_FAILURES = ['unknown-user', 'inactive', 'unverified', 'state', 'provider', 'cancelled', 'unknown-provider'] as const;
type OidcFailure = (typeof OIDC_FAILURES)[number];
const isOidcFailure = (value: string): value is OidcFailure => (OIDC_FAILURES as readonly string[]).includes(value);

type FieldErrors = { username?: string; password?: string; code?: string };

function SignInForm() {
  const { t } = useTranslation();
  const { signIn, loading } = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  // Shown once the server says the account has a second factor (MFA_CODE_REQUIRED).
  const [askCode, setAskCode] = useState(false);
  const [code, setCode] = useState('');
  const codeRef = useRef<HTMLInputElement>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const passwordRef = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const errors: FieldErrors = {
      username: username.trim() ? undefined : t('signIn.usernameMissing'),
      password: password ? undefined : t('signIn.passwordMissing'),
      code: !askCode || code.trim() ? undefined : t('mfa.signIn.codeMissing'),
    };
    setFieldErrors(errors);
    setFormError(null);
    if (errors.username || errors.password || errors.code) return focusFirstInvalid();
    try {
      await signIn(username.trim(), password, askCode ? code.trim() : null);
    } catch (error) {
      const failure = apiError(error);
      if (failure.code === 'MFA_CODE_REQUIRED' || failure.code === 'INVALID_MFA_CODE') {
        // The password was right: keep it, and ask for (another) code.
        setAskCode(true);
        setCode('');
        if (failure.code === 'INVALID_MFA_CODE') {
          setFormError(describeApiError(t, failure));
          setAttempt((value) => value + 1);
        }
        setTimeout(() => codeRef.current?.focus());
        return;
      }
      // The same words for an unknown user and a wrong password (the server sends one code
      // for both): the form must not tell which one was wrong.
      setFormError(describeApiError(t, failure));
      setAttempt((value) => value + 1);
      setPassword('');
      passwordRef.current?.focus();
    }
  }

  return (
    <form ref={formRef} className="form-stack" noValidate onSubmit={(event) => void submit(event)}>
      <FormAlert message={formError} attempt={attempt} />
      <TextField
        label={t('signIn.username')}
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        value={username}
        onChange={(event) => setUsername(event.target.value)}
        error={fieldErrors.username}
      />
      <TextField
        ref={passwordRef}
        label={t('signIn.password')}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={fieldErrors.password}
      />
      {askCode && (
        <TextField
          ref={codeRef}
          label={t('mfa.signIn.code')}
          description={t('mfa.signIn.codeHelp')}
          name="code"
          autoComplete="one-time-code"
          inputMode="text"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={code}
          onChange={(event) => setCode(event.target.value)}
          error={fieldErrors.code}
        />
      )}
      <div className="form-actions">
        <Button type="submit" loading={loading}>
          {t('signIn.submit')}
        </Button>
      </div>
    </form>
  );
}
