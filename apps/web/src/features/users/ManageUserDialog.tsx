import { gql, type TypedDocumentNode } from '@apollo/client';
import { useApolloClient, useFragment } from '@apollo/client/react';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../components/dialog/ModalDialog.tsx';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { TextField } from '../../components/form/fields.tsx';
import { useFocusFirstInvalid } from '../../components/form/useFocusFirstInvalid.ts';
import { useAuth } from '../../lib/auth/authContext.ts';
import { describeApiError, fieldErrorsOf, type ApiError } from '../../lib/errors.ts';
import { MANAGE_USER_DIALOG_FRAGMENT, type ManageUserDialog_user, type UserRef } from './manageUserFragment.ts';
import {
  draftsFrom,
  hasRowErrors,
  membershipErrorsOf,
  membershipInputs,
  MembershipsEditor,
  validateMemberships,
  type MembershipDraft,
  type MembershipRowErrors,
} from './MembershipsEditor.tsx';
import { useResetPassword } from './useResetPassword.ts';
import { useResetUserMfa } from './useResetUserMfa.ts';
import { useSetMemberships } from './useSetMemberships.ts';
import { useSetUserActive } from './useSetUserActive.ts';
import { useUpdateUser } from './useUpdateUser.ts';

type ManageUserDialogProps = {
  /** The user to manage; null keeps the dialog closed. */
  user: UserRef | null;
  onClose(): void;
};

/** Everything an administrator does to one user: name and e-mail, roles, account. */
export function ManageUserDialog({ user, onClose }: ManageUserDialogProps) {
  const { t } = useTranslation();
  const { data, complete } = useFragment({ fragment: MANAGE_USER_DIALOG_FRAGMENT, from: user });
  return (
    <ModalDialog open={user !== null && complete} onClose={onClose} title={complete ? t('users.manage.title', { name: data.displayName }) : ''}>
      {complete && (
        <div className="manage-user">
          <UserDetailsSection user={data} />
          <UserMembershipsSection user={data} />
          <UserAccountSection user={data} />
          <div className="form-actions">
            <Button type="button" variant="secondary" onClick={onClose}>
              {t('common.close')}
            </Button>
          </div>
        </div>
      )}
    </ModalDialog>
  );
}

type SectionProps = { user: ManageUserDialog_user };

function SavedStatus({ shown }: { shown: boolean }) {
  const { t } = useTranslation();
  // Always in the DOM, so the change of its text is announced.
  return (
    <Paragraph data-size="sm" role="status" className="manage-user__saved">
      {shown ? t('users.manage.saved') : ''}
    </Paragraph>
  );
}

// Reads the user again after a VERSION_CONFLICT, so the form can start from what is stored.
const LATEST_USER_QUERY: TypedDocumentNode<{ user: UserRef | null }, { id: string }> = gql`
  query ManageUserDialogLatest($id: ID!) {
    user(id: $id) {
      id
      ...ManageUserDialog_user
    }
  }
  ${MANAGE_USER_DIALOG_FRAGMENT}
`;

type DetailsField = 'displayName' | 'email';

function UserDetailsSection({ user }: SectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const client = useApolloClient();
  const { updateUser, loading } = useUpdateUser();
  const [values, setValues] = useState({ displayName: user.displayName, email: user.email ?? '' });
  const [errors, setErrors] = useState<Partial<Record<DetailsField, string>>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    setSaved(false);
    setProblem(null);
    const email = values.email.trim();
    const found = {
      displayName: values.displayName.trim() ? undefined : t('users.fields.displayNameMissing'),
      email: !email || /^[^\s@]+@[^\s@]+$/.test(email) ? undefined : t('users.fields.emailInvalid'),
    };
    setErrors(found);
    if (found.displayName || found.email) return focusFirstInvalid();
    // The version this form was filled from: a change saved by someone else since makes the
    // server answer VERSION_CONFLICT rather than overwrite it.
    const result = await updateUser(user.id, { displayName: values.displayName.trim(), email: email || null, version: user.version });
    if (result.ok) return setSaved(true);
    const atFields = fieldErrorsOf(t, result.error, ['displayName', 'email'] as const);
    if (Object.keys(atFields).length > 0) {
      setErrors(atFields);
      return focusFirstInvalid();
    }
    setProblem(result.error);
    setAttempt((value) => value + 1);
  }

  async function loadLatest() {
    const { data } = await client.query({ query: LATEST_USER_QUERY, variables: { id: user.id }, fetchPolicy: 'network-only' }).catch(() => ({ data: undefined }));
    const latest = data?.user ? client.readFragment({ fragment: MANAGE_USER_DIALOG_FRAGMENT, from: data.user }) : null;
    if (!latest) return;
    setValues({ displayName: latest.displayName, email: latest.email ?? '' });
    setProblem(null);
  }

  return (
    <section aria-labelledby={headingId} className="manage-user__section">
      <Heading level={3} data-size="xs" id={headingId}>
        {t('users.manage.detailsHeading')}
      </Heading>
      <form ref={formRef} className="form-stack" noValidate onSubmit={(event) => void submit(event)}>
        <FormAlert message={problem ? describeApiError(t, problem) : null} attempt={attempt} />
        {problem?.code === 'VERSION_CONFLICT' && (
          <div>
            <Button type="button" variant="secondary" data-size="sm" onClick={() => void loadLatest()}>
              {t('users.manage.loadLatest')}
            </Button>
          </div>
        )}
        <TextField
          label={t('users.fields.username')}
          name="username"
          value={user.username}
          readOnly
          description={t('users.fields.usernameFixed')}
        />
        <TextField
          label={t('users.fields.displayName')}
          name="displayName"
          autoComplete="off"
          required
          value={values.displayName}
          onChange={(event) => setValues((current) => ({ ...current, displayName: event.target.value }))}
          error={errors.displayName}
          data-autofocus
        />
        <TextField
          label={t('users.fields.emailOptional')}
          name="email"
          type="email"
          autoComplete="off"
          value={values.email}
          onChange={(event) => setValues((current) => ({ ...current, email: event.target.value }))}
          error={errors.email}
        />
        <div className="form-actions">
          <Button type="submit" data-size="sm" loading={loading}>
            {t('users.manage.saveDetails')}
          </Button>
          <SavedStatus shown={saved} />
        </div>
      </form>
    </section>
  );
}

function UserMembershipsSection({ user }: SectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const { setMemberships, loading } = useSetMemberships();
  const [drafts, setDrafts] = useState<MembershipDraft[]>(() => draftsFrom(user.memberships));
  const [rowErrors, setRowErrors] = useState<MembershipRowErrors[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    setSaved(false);
    setProblem(null);
    const found = validateMemberships(t, drafts);
    setRowErrors(found);
    if (hasRowErrors(found)) return focusFirstInvalid();
    const result = await setMemberships(user.id, membershipInputs(drafts));
    if (result.ok) return setSaved(true);
    const atRows = membershipErrorsOf(result.error, drafts.length);
    if (hasRowErrors(atRows)) {
      setRowErrors(atRows);
      return focusFirstInvalid();
    }
    setProblem(describeApiError(t, result.error));
    setAttempt((value) => value + 1);
  }

  return (
    <section aria-labelledby={headingId} className="manage-user__section">
      <Heading level={3} data-size="xs" id={headingId}>
        {t('users.manage.membershipsHeading')}
      </Heading>
      <form ref={formRef} className="form-stack" noValidate onSubmit={(event) => void submit(event)}>
        <FormAlert message={problem} attempt={attempt} />
        <MembershipsEditor legend={t('users.memberships.legend')} value={drafts} onChange={setDrafts} errors={rowErrors} />
        <div className="form-actions">
          <Button type="submit" data-size="sm" loading={loading}>
            {t('users.manage.saveMemberships')}
          </Button>
          <SavedStatus shown={saved} />
        </div>
      </form>
    </section>
  );
}

type Confirming = 'deactivate' | 'resetPassword' | 'resetMfa' | null;

// What each confirm step explains and its confirming button says.
const CONFIRM_TEXTS = {
  deactivate: { explanation: 'users.manage.deactivateExplanation', confirm: 'users.manage.confirmDeactivate' },
  resetPassword: { explanation: 'users.manage.resetExplanation', confirm: 'users.manage.confirmReset' },
  resetMfa: { explanation: 'users.manage.resetMfaExplanation', confirm: 'users.manage.confirmResetMfa' },
} as const;

function UserAccountSection({ user }: SectionProps) {
  const { t } = useTranslation();
  const auth = useAuth();
  const headingId = useId();
  const explanationId = useId();
  const { setActive, loading: changingStatus } = useSetUserActive();
  const { resetPassword, loading: resetting } = useResetPassword();
  const { resetUserMfa, loading: resettingMfa } = useResetUserMfa();
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [temporaryPassword, setTemporaryPassword] = useState<string | null>(null);
  const [mfaReset, setMfaReset] = useState(false);
  const statusButtonRef = useRef<HTMLButtonElement>(null);
  const resetButtonRef = useRef<HTMLButtonElement>(null);
  const resetMfaButtonRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const focusAfterConfirm = useRef<RefObject<HTMLButtonElement | null> | null>(null);
  // An administrator's own factor is reset by another administrator (the server refuses it too).
  const isSelf = auth.status === 'signedIn' && auth.user.id === user.id;
  const backRefs = { deactivate: statusButtonRef, resetPassword: resetButtonRef, resetMfa: resetMfaButtonRef };

  // The confirm step replaces nothing on screen, so focus moves to its button (which is
  // described by the explanation of what will happen).
  // Leaving it, the buttons come back only on the next render: focus goes to `back` then.
  useEffect(() => {
    if (confirming) {
      confirmRef.current?.focus();
    } else {
      focusAfterConfirm.current?.current?.focus();
      focusAfterConfirm.current = null;
    }
  }, [confirming]);

  function endConfirm(back: RefObject<HTMLButtonElement | null>) {
    focusAfterConfirm.current = back;
    setConfirming(null);
    back.current?.focus();
  }

  function fail(message: string) {
    setProblem(message);
    setAttempt((value) => value + 1);
  }

  async function changeStatus(active: boolean) {
    setProblem(null);
    const result = await setActive(user.id, active);
    endConfirm(statusButtonRef);
    if (!result.ok) fail(describeApiError(t, result.error));
  }

  async function reset() {
    setProblem(null);
    const result = await resetPassword(user.id);
    if (!result.ok) {
      endConfirm(resetButtonRef);
      return fail(describeApiError(t, result.error));
    }
    setConfirming(null);
    setTemporaryPassword(result.data.resetPassword.temporaryPassword);
  }

  async function resetMfa() {
    setProblem(null);
    const result = await resetUserMfa(user.id);
    if (!result.ok) {
      endConfirm(resetMfaButtonRef);
      return fail(describeApiError(t, result.error));
    }
    // The action is gone with the factor; focus stays in the section, on its first button.
    setMfaReset(true);
    endConfirm(statusButtonRef);
  }

  const confirmAction = { deactivate: () => changeStatus(false), resetPassword: reset, resetMfa };

  return (
    <section aria-labelledby={headingId} className="manage-user__section">
      <Heading level={3} data-size="xs" id={headingId}>
        {t('users.manage.accountHeading')}
      </Heading>
      <FormAlert message={problem} attempt={attempt} />
      <Paragraph role="status">
        {user.isActive ? t('users.manage.isActive') : t('users.manage.isInactive')}
        {user.mustChangePassword ? ` ${t('users.manage.mustChangePassword')}` : ''}
      </Paragraph>
      <Paragraph role="status">
        {user.mfaEnabled ? t('users.manage.mfaOn') : mfaReset ? t('users.manage.mfaReset') : t('users.manage.mfaOff')}
      </Paragraph>

      {confirming ? (
        <div className="manage-user__confirm">
          <Paragraph id={explanationId}>{t(CONFIRM_TEXTS[confirming].explanation)}</Paragraph>
          <div className="form-actions">
            <Button
              ref={confirmRef}
              type="button"
              data-size="sm"
              data-color="danger"
              aria-describedby={explanationId}
              loading={changingStatus || resetting || resettingMfa}
              onClick={() => void confirmAction[confirming]()}
            >
              {t(CONFIRM_TEXTS[confirming].confirm)}
            </Button>
            <Button
              type="button"
              variant="secondary"
              data-size="sm"
              onClick={() => endConfirm(backRefs[confirming])}
            >
              {t('common.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <div className="form-actions">
          <Button
            ref={statusButtonRef}
            type="button"
            variant="secondary"
            data-size="sm"
            loading={changingStatus}
            onClick={() => (user.isActive ? setConfirming('deactivate') : void changeStatus(true))}
          >
            {user.isActive ? t('users.manage.deactivate') : t('users.manage.reactivate')}
          </Button>
          <Button ref={resetButtonRef} type="button" variant="secondary" data-size="sm" onClick={() => setConfirming('resetPassword')}>
            {t('users.manage.resetPassword')}
          </Button>
          {user.mfaEnabled && !isSelf && (
            <Button ref={resetMfaButtonRef} type="button" variant="secondary" data-size="sm" onClick={() => setConfirming('resetMfa')}>
              {t('users.manage.resetMfa')}
            </Button>
          )}
        </div>
      )}

      {temporaryPassword && <TemporaryPassword password={temporaryPassword} />}
    </section>
  );
}

/** The one-time password, shown this once (it is gone when the dialog closes). */
function TemporaryPassword({ password }: { password: string }) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  async function copyPassword() {
    try {
      await navigator.clipboard.writeText(password);
      setCopy('copied');
    } catch {
      // No clipboard access (permissions, an old browser): the field is selected for Ctrl+C.
      inputRef.current?.select();
      setCopy('failed');
    }
  }

  return (
    <Alert data-color="warning" className="manage-user__temporary">
      <TextField
        ref={inputRef}
        label={t('users.manage.temporaryPassword')}
        description={t('users.manage.temporaryPasswordHelp')}
        value={password}
        readOnly
        spellCheck={false}
        autoComplete="off"
        className="manage-user__password"
      />
      <div className="form-actions">
        <Button type="button" variant="secondary" data-size="sm" onClick={() => void copyPassword()}>
          {t('users.manage.copyPassword')}
        </Button>
        <Paragraph data-size="sm" role="status">
          {copy === 'copied' ? t('users.manage.copied') : copy === 'failed' ? t('users.manage.copyFailed') : ''}
        </Paragraph>
      </div>
    </Alert>
  );
}
