import { Button, Paragraph } from '@digdir/designsystemet-react';
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
  return (
    <Page title={t('signIn.title')}>
      <Paragraph className="page-lead">{t('signIn.lead')}</Paragraph>
      <SignInForm />
    </Page>
  );
}

type FieldErrors = { username?: string; password?: string };

function SignInForm() {
  const { t } = useTranslation();
  const { signIn, loading } = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
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
    };
    setFieldErrors(errors);
    setFormError(null);
    if (errors.username || errors.password) return focusFirstInvalid();
    try {
      await signIn(username.trim(), password);
    } catch (error) {
      // The same words for an unknown user and a wrong password (the server sends one code
      // for both): the form must not tell which one was wrong.
      setFormError(describeApiError(t, apiError(error)));
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
      <div className="form-actions">
        <Button type="submit" loading={loading}>
          {t('signIn.submit')}
        </Button>
      </div>
    </form>
  );
}
