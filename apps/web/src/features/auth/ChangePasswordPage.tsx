import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { TextField } from '../../components/form/fields.tsx';
import { useFocusFirstInvalid } from '../../components/form/useFocusFirstInvalid.ts';
import { Page } from '../../components/layout/Page.tsx';
import { useAuth } from '../../lib/auth/authContext.ts';
import { NEXT_PARAM, safeNextPath } from '../../lib/auth/nextPath.ts';
import { useChangePassword } from '../../lib/auth/useChangePassword.ts';
import { apiError, describeApiError, fieldErrorsOf } from '../../lib/errors.ts';
import { MIN_PASSWORD_LENGTH } from './passwordRule.ts';
import '../../components/form/form.css';


type Field = 'currentPassword' | 'newPassword' | 'repeatPassword';
type FieldErrors = Partial<Record<Field, string>>;
const FIELDS: readonly Field[] = ['currentPassword', 'newPassword', 'repeatPassword'];

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const mustChange = auth.status === 'signedIn' && auth.user.mustChangePassword;
  return (
    <Page title={t('changePassword.title')}>
      {mustChange ? (
        <Alert data-color="info" className="form-alert">
          <Paragraph>{t('changePassword.mustChange')}</Paragraph>
        </Alert>
      ) : (
        <Paragraph className="page-lead">{t('changePassword.lead')}</Paragraph>
      )}
      <ChangePasswordForm mustChange={mustChange} username={auth.user?.username ?? ''} />
    </Page>
  );
}

function ChangePasswordForm({ mustChange, username }: { mustChange: boolean; username: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { changePassword, loading } = useChangePassword();
  const [values, setValues] = useState<Record<Field, string>>({ currentPassword: '', newPassword: '', repeatPassword: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [changed, setChanged] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);

  function showErrors(found: FieldErrors) {
    setErrors(found);
    if (FIELDS.some((field) => found[field])) focusFirstInvalid();
  }

  function validate(): FieldErrors {
    return {
      currentPassword: values.currentPassword ? undefined : t('changePassword.currentMissing'),
      newPassword:
        values.newPassword.length >= MIN_PASSWORD_LENGTH ? undefined : t('changePassword.tooShort', { count: MIN_PASSWORD_LENGTH }),
      repeatPassword: values.repeatPassword === values.newPassword ? undefined : t('changePassword.mismatch'),
    };
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    setFormError(null);
    setChanged(false);
    const found = validate();
    showErrors(found);
    if (FIELDS.some((field) => found[field])) return;
    try {
      await changePassword(values.currentPassword, values.newPassword);
    } catch (error) {
      const problem = apiError(error);
      if (problem.code === 'INVALID_CREDENTIALS') return showErrors({ currentPassword: t('changePassword.wrongCurrent') });
      const atFields = fieldErrorsOf(t, problem, ['currentPassword', 'newPassword'] as const);
      if (Object.keys(atFields).length > 0) return showErrors(atFields);
      setFormError(describeApiError(t, problem));
      setAttempt((value) => value + 1);
      return;
    }
    setValues({ currentPassword: '', newPassword: '', repeatPassword: '' });
    const next = safeNextPath(params.get(NEXT_PARAM));
    // A user held here until the password was changed continues to where they were going.
    if (mustChange || next) return void navigate(next ?? '/', { replace: true });
    setChanged(true);
  }

  const set = (field: Field) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [field]: event.target.value }));

  return (
    <form ref={formRef} className="form-stack" noValidate onSubmit={(event) => void submit(event)}>
      <FormAlert message={formError} attempt={attempt} />
      {changed && (
        <Alert data-color="success" role="status" className="form-alert">
          <Paragraph>{t('changePassword.done')}</Paragraph>
        </Alert>
      )}
      {/* A hidden username lets password managers file the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      <TextField
        label={t('changePassword.current')}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        value={values.currentPassword}
        onChange={set('currentPassword')}
        error={errors.currentPassword}
      />
      <TextField
        label={t('changePassword.new')}
        description={t('changePassword.rule', { count: MIN_PASSWORD_LENGTH })}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        value={values.newPassword}
        onChange={set('newPassword')}
        error={errors.newPassword}
      />
      <TextField
        label={t('changePassword.repeat')}
        name="repeatPassword"
        type="password"
        autoComplete="new-password"
        required
        value={values.repeatPassword}
        onChange={set('repeatPassword')}
        error={errors.repeatPassword}
      />
      <div className="form-actions">
        <Button type="submit" loading={loading}>
          {t('changePassword.submit')}
        </Button>
      </div>
    </form>
  );
}
