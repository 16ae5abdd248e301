import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../components/dialog/ModalDialog.tsx';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { TextField } from '../../components/form/fields.tsx';
import { useFocusFirstInvalid } from '../../components/form/useFocusFirstInvalid.ts';
import { describeApiError, fieldErrorsOf } from '../../lib/errors.ts';
import { MIN_PASSWORD_LENGTH } from '../auth/passwordRule.ts';
import {
  hasRowErrors,
  membershipErrorsOf,
  membershipInputs,
  MembershipsEditor,
  validateMemberships,
  type MembershipDraft,
  type MembershipRowErrors,
} from './MembershipsEditor.tsx';
import { useCreateUser } from './useCreateUser.ts';
import { FormActions } from '../../components/form/FormActions.tsx';

type CreateUserDialogProps = {
  open: boolean;
  onClose(): void;
  /** After the user is created; the dialog closes itself. */
  onCreated(username: string): void;
};

export function CreateUserDialog({ open, onClose, onCreated }: CreateUserDialogProps) {
  const { t } = useTranslation();
  return (
    <ModalDialog open={open} onClose={onClose} title={t('users.create.title')}>
      <CreateUserForm onCancel={onClose} onCreated={onCreated} />
    </ModalDialog>
  );
}

type Field = 'username' | 'displayName' | 'email' | 'password';
const FIELDS: readonly Field[] = ['username', 'displayName', 'email', 'password'];
type FieldErrors = Partial<Record<Field, string>>;

function CreateUserForm({ onCancel, onCreated }: { onCancel(): void; onCreated(username: string): void }) {
  const { t } = useTranslation();
  const { createUser, loading } = useCreateUser();
  const [values, setValues] = useState<Record<Field, string>>({ username: '', displayName: '', email: '', password: '' });
  const [memberships, setMemberships] = useState<MembershipDraft[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [rowErrors, setRowErrors] = useState<MembershipRowErrors[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  const focusFirstInvalid = useFocusFirstInvalid(formRef);

  function validate(): FieldErrors {
    const email = values.email.trim();
    return {
      username: values.username.trim() ? undefined : t('users.fields.usernameMissing'),
      displayName: values.displayName.trim() ? undefined : t('users.fields.displayNameMissing'),
      email: !email || /^[^\s@]+@[^\s@]+$/.test(email) ? undefined : t('users.fields.emailInvalid'),
      password: values.password.length >= MIN_PASSWORD_LENGTH ? undefined : t('users.fields.passwordTooShort', { count: MIN_PASSWORD_LENGTH }),
    };
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    setFormError(null);
    const found = validate();
    const foundRows = validateMemberships(t, memberships);
    setErrors(found);
    setRowErrors(foundRows);
    if (FIELDS.some((field) => found[field]) || hasRowErrors(foundRows)) return focusFirstInvalid();

    const username = values.username.trim();
    const result = await createUser({
      username,
      displayName: values.displayName.trim(),
      email: values.email.trim() || null,
      password: values.password,
      memberships: membershipInputs(memberships),
    });
    if (result.ok) return onCreated(username);

    const problem = result.error;
    const atFields = fieldErrorsOf(t, problem, FIELDS);
    const atRows = membershipErrorsOf(problem, memberships.length);
    if (Object.keys(atFields).length > 0 || hasRowErrors(atRows)) {
      setErrors(atFields);
      setRowErrors(atRows);
      return focusFirstInvalid();
    }
    setFormError(describeApiError(t, problem));
    setAttempt((value) => value + 1);
  }

  const set = (field: Field) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [field]: event.target.value }));

  return (
    <form ref={formRef} className="form-stack" noValidate onSubmit={(event) => void submit(event)}>
      <FormAlert message={formError} attempt={attempt} />
      <TextField
        label={t('users.fields.username')}
        description={t('users.fields.usernameHelp')}
        name="username"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        required
        value={values.username}
        onChange={set('username')}
        error={errors.username}
        data-autofocus
      />
      <TextField
        label={t('users.fields.displayName')}
        name="displayName"
        autoComplete="off"
        required
        value={values.displayName}
        onChange={set('displayName')}
        error={errors.displayName}
      />
      <TextField
        label={t('users.fields.emailOptional')}
        name="email"
        type="email"
        autoComplete="off"
        value={values.email}
        onChange={set('email')}
        error={errors.email}
      />
      <TextField
        label={t('users.fields.firstPassword')}
        description={t('users.fields.firstPasswordHelp', { count: MIN_PASSWORD_LENGTH })}
        name="password"
        autoComplete="off"
        spellCheck={false}
        required
        value={values.password}
        onChange={set('password')}
        error={errors.password}
      />
      <MembershipsEditor legend={t('users.memberships.legend')} value={memberships} onChange={setMemberships} errors={rowErrors} />
      <FormActions submitLabel={t('users.create.submit')} loading={loading} onCancel={onCancel} />
    </form>
  );
}
