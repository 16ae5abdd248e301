import { useApolloClient } from '@apollo/client/react';
import { Button } from '@digdir/designsystemet-react';
import { createFindingRules, SUCCESS_FACTOR_STATUSES, updateFindingRules } from '@samarkiv/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../components/dialog/ModalDialog.tsx';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/form/fields.tsx';
import { useFieldForm } from '../../components/form/useFieldForm.ts';
import { describeApiError, type ApiError } from '../../lib/errors.ts';
import { LATEST_FINDING_QUERY, type BoardFinding, type FindingInput, type FindingKind, type SuccessFactorStatus } from './findingsQueries.ts';
import { useSaveFinding } from './useFindingMutations.ts';
import { FormActions } from '../../components/form/FormActions.tsx';

/** What the dialog edits: a new finding of a kind, or an existing one. */
export type FindingDialogTarget = { kind: FindingKind; finding?: BoardFinding };

type FindingDialogProps = {
  target: FindingDialogTarget | null;
  onClose(): void;
  /** After a save, with the confirmation to announce; `created` when it was a new finding. */
  onSaved(message: string, created: boolean): void;
};

export function FindingDialog({ target, onClose, onSaved }: FindingDialogProps) {
  const { t } = useTranslation();
  const title = !target ? '' : target.finding ? t('findingsBoard.edit.title', { title: target.finding.title }) : t(`findingsBoard.kind.${target.kind}.new`);
  return (
    <ModalDialog open={target !== null} onClose={onClose} title={title}>
      {target && <FindingForm key={target.finding?.id ?? target.kind} target={target} onCancel={onClose} onSaved={onSaved} />}
    </ModalDialog>
  );
}

type Field = 'title' | 'description' | 'status' | 'sortOrder';
const FIELDS: readonly Field[] = ['title', 'description', 'status', 'sortOrder'];
type Values = { title: string; description: string; status: SuccessFactorStatus | ''; sortOrder: string };

function valuesOf(finding: BoardFinding | undefined): Values {
  return {
    title: finding?.title ?? '',
    description: finding?.description ?? '',
    status: finding?.status ?? '',
    sortOrder: String(finding?.sortOrder ?? 0),
  };
}

/** Form values as the API input; an unreadable order is left as NaN for the rules to name. */
function inputOf(kind: FindingKind, values: Values): FindingInput {
  const order = values.sortOrder.trim();
  return {
    kind,
    title: values.title,
    description: values.description,
    status: kind === 'SUCCESS_FACTOR' ? values.status || null : null,
    sortOrder: order === '' ? 0 : Number(order),
  };
}

function FindingForm({ target, onCancel, onSaved }: { target: FindingDialogTarget; onCancel(): void; onSaved: FindingDialogProps['onSaved'] }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const { kind } = target;
  const { createFinding, updateFinding, loading } = useSaveFinding();
  const [values, setValues] = useState<Values>(() => valuesOf(target.finding));
  const [version, setVersion] = useState(target.finding?.version);
  const { formRef, errors, setErrors, problem, setProblem, attempt, showIssues, showApiError } = useFieldForm(FIELDS);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    setProblem(null);
    const input = inputOf(kind, values);
    // The shared rules are the server's own: the form answers without a round trip.
    const checked = version === undefined ? createFindingRules.safeParse(input) : updateFindingRules.safeParse({ ...input, version });
    if (!checked.success) return showIssues(checked.error.issues);
    setErrors({});
    const { title, description, status, sortOrder } = checked.data;
    const clean: FindingInput = { kind, title, description, status, sortOrder };
    const result = version === undefined ? await createFinding(clean) : await updateFinding(target.finding!.id, { ...clean, version });
    if (result.ok) {
      return onSaved(
        version === undefined ? t('findingsBoard.create.done', { title }) : t('findingsBoard.edit.done', { title }),
        version === undefined,
      );
    }
    showApiError(t, result.error);
  }

  /** After a version conflict: the stored values replace the form's, and the new version is kept. */
  async function loadLatest() {
    const id = target.finding!.id;
    const { data } = await client.query({ query: LATEST_FINDING_QUERY, variables: { id }, fetchPolicy: 'network-only' }).catch(() => ({ data: undefined }));
    if (!data?.finding) return setProblem({ code: 'NOT_FOUND' });
    setValues(valuesOf(data.finding));
    setVersion(data.finding.version);
    setErrors({});
    setProblem(null);
  }

  const set = (field: Field) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [field]: event.target.value }));

  return (
    <form ref={formRef} className="form-stack" noValidate onSubmit={(event) => void submit(event)}>
      <FormAlert message={problem ? describeApiError(t, problem) : null} attempt={attempt} />
      {problem?.code === 'VERSION_CONFLICT' && (
        <div>
          <Button type="button" variant="secondary" data-size="sm" onClick={() => void loadLatest()}>
            {t('findingsBoard.edit.loadLatest')}
          </Button>
        </div>
      )}
      <TextField label={t('findingsBoard.fields.title')} name="title" required value={values.title} onChange={set('title')} error={errors.title} />
      <TextAreaField
        label={t('findingsBoard.fields.description')}
        name="description"
        rows={4}
        value={values.description}
        onChange={set('description')}
        error={errors.description}
      />
      {kind === 'SUCCESS_FACTOR' && (
        <SelectField label={t('findingsBoard.fields.status')} name="status" value={values.status} onChange={set('status')} error={errors.status}>
          <option value="">{t('findingsBoard.fields.chooseStatus')}</option>
          {SUCCESS_FACTOR_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`findingsBoard.status.${status}`)}
            </option>
          ))}
        </SelectField>
      )}
      <TextField
        label={t('findingsBoard.fields.sortOrder')}
        description={t('findingsBoard.fields.sortOrderHelp')}
        name="sortOrder"
        inputMode="numeric"
        value={values.sortOrder}
        onChange={set('sortOrder')}
        error={errors.sortOrder}
      />
      <FormActions submitLabel={t('findingsBoard.save')} loading={loading} onCancel={onCancel} />
    </form>
  );
}
