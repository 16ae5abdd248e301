import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictDialog, type ConflictChoice, type ConflictField } from '../../components/dialog/ConflictDialog.tsx';
import { ModalDialog } from '../../components/dialog/ModalDialog.tsx';
import { FormActions } from '../../components/form/FormActions.tsx';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { useFocusFirstInvalid } from '../../components/form/useFocusFirstInvalid.ts';
import { describeApiError, fieldErrorsOf } from '../../lib/errors.ts';
import { formatDate } from '../../lib/format.ts';
import { outcomeOf } from '../../lib/mutationOutcome.ts';
import {
  BENEFIT_FIELDS,
  BENEFIT_OPTIONS_QUERY,
  BenefitFormFields,
  checkBenefit,
  decimal,
  formValuesFromCurrent,
  formValuesOf,
  inputOf,
  type BenefitField,
  type BenefitFieldErrors,
  type BenefitFormValues,
  type BenefitOptions,
} from './benefitForm.tsx';
import { UPDATE_BENEFIT, type BenefitPageData } from './benefitQueries.ts';

type Props = { benefit: BenefitPageData; open: boolean; onClose(): void; onSaved(): void; onReload(): void };

/** Edits a benefit against the version the page shows; the mutation's answer updates the page in the cache. */
export function EditBenefitDialog({ benefit, open, onClose, onSaved, onReload }: Props) {
  const { t } = useTranslation();
  return (
    <ModalDialog open={open} onClose={onClose} title={t('benefits.edit.title')}>
      {open && <EditBenefitForm benefit={benefit} onCancel={onClose} onSaved={onSaved} onReload={onReload} />}
    </ModalDialog>
  );
}

/** A version conflict with the stored benefit: its values, its version, the fields that differ. */
type Conflict = { theirs: BenefitFormValues; version: number; fields: ConflictField<BenefitField, string>[] };

function EditBenefitForm({ benefit, onCancel, onSaved, onReload }: Omit<Props, 'open' | 'onClose'> & { onCancel(): void }) {
  const { t } = useTranslation();
  const { data: options } = useQuery(BENEFIT_OPTIONS_QUERY);
  const [original] = useState(() => formValuesOf(benefit));
  const [values, setValues] = useState(original);
  const [errors, setErrors] = useState<BenefitFieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [conflict, setConflict] = useState(false);
  const [merge, setMerge] = useState<Conflict | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const [update, { loading }] = useMutation(UPDATE_BENEFIT, { refetchQueries: ['BenefitsPage'] });

  async function save(next: BenefitFormValues, version: number) {
    setFormError(null);
    setConflict(false);
    const found = checkBenefit(t, next);
    setErrors(found);
    if (Object.keys(found).length) return focusFirstInvalid();
    const result = await outcomeOf(() => update({ variables: { id: benefit.id, input: { ...inputOf(next), version } } }));
    if (result.ok) {
      setMerge(null);
      return onSaved();
    }
    if (result.error.code === 'VERSION_CONFLICT' && result.error.current) {
      const theirs = formValuesFromCurrent(result.error.current, original);
      const theirVersion = typeof result.error.current.version === 'number' ? result.error.current.version : version;
      return setMerge({ theirs, version: theirVersion, fields: conflictFields(t, next, theirs, original, options) });
    }
    setMerge(null);
    if (result.error.code === 'VERSION_CONFLICT') return setConflict(true);
    const atFields = fieldErrorsOf(t, result.error, BENEFIT_FIELDS);
    if (Object.keys(atFields).length) {
      setErrors(atFields);
      return focusFirstInvalid();
    }
    setFormError(describeApiError(t, result.error));
    setAttempt((n) => n + 1);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    void save(values, merge?.version ?? benefit.version);
  }

  /** The stored benefit with the user's own value wherever they chose it, saved against the stored version. */
  function resolve(picked: Record<BenefitField, ConflictChoice>) {
    if (!merge) return;
    const next = { ...merge.theirs };
    for (const { key } of merge.fields) next[key] = picked[key] === 'mine' ? values[key] : merge.theirs[key];
    setValues(next);
    void save(next, merge.version);
  }

  return (
    <>
      {conflict && (
        <Alert data-color="warning" role="alert" className="form-alert">
          <Paragraph>{t('benefits.edit.conflict')}</Paragraph>
          <Button type="button" variant="secondary" data-size="sm" onClick={onReload}>
            {t('benefits.edit.reload')}
          </Button>
        </Alert>
      )}
      <form ref={formRef} className="form-stack" noValidate onSubmit={submit}>
        <FormAlert message={formError} attempt={attempt} />
        <BenefitFormFields values={values} errors={errors} options={options} onChange={(field, value) => setValues((v) => ({ ...v, [field]: value }))} />
        <FormActions submitLabel={t('benefits.edit.submit')} loading={loading} onCancel={onCancel} />
      </form>
      <ConflictDialog open={merge !== null} fields={merge?.fields ?? []} onResolve={resolve} onCancel={() => setMerge(null)} busy={loading} />
    </>
  );
}

/** Equal as the API would store them: numbers by value ("2,5" is 2.5), text without edge spaces. */
function same(field: BenefitField, a: string, b: string): boolean {
  if (field === 'baselineValue' || field === 'targetValue') return a.trim() === b.trim() || decimal(a) === decimal(b);
  return a.trim() === b.trim();
}

/** The fields that differ, in words; the user's own value is preselected only where they changed it. */
function conflictFields(t: TFunction, mine: BenefitFormValues, theirs: BenefitFormValues, original: BenefitFormValues, options: BenefitOptions | undefined): ConflictField<BenefitField, string>[] {
  const formats: Partial<Record<BenefitField, (value: string) => string>> = {
    purposeId: (value) => {
      const purpose = options?.purposes.find((p) => p.id === value);
      return purpose ? `${purpose.ordinal}. ${purpose.title}` : value;
    },
    municipalityId: (value) => (value ? (options?.municipalities.find((m) => m.id === value)?.name ?? value) : t('benefits.wholeCentre')),
    type: (value) => t(`benefits.type.${value}` as 'benefits.type.OTHER'),
    direction: (value) => t(`benefits.direction.${value}` as 'benefits.direction.LOWER_IS_BETTER'),
    baselineDate: (value) => (value ? formatDate(value) : ''),
    targetDate: (value) => (value ? formatDate(value) : ''),
  };
  return BENEFIT_FIELDS.filter((key) => !same(key, mine[key], theirs[key])).map((key) => ({
    key,
    label: t(`benefits.create.fields.${key}` as 'benefits.create.fields.title'),
    mine: mine[key],
    theirs: theirs[key],
    format: formats[key],
    preferred: same(key, mine[key], original[key]) ? 'theirs' : 'mine',
  }));
}
