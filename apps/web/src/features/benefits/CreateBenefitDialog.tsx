import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { createBenefitRules } from '@samarkiv/shared';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ModalDialog } from '../../components/dialog/ModalDialog.tsx';
import { FormActions } from '../../components/form/FormActions.tsx';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { SelectField, TextField } from '../../components/form/fields.tsx';
import { useFocusFirstInvalid } from '../../components/form/useFocusFirstInvalid.ts';
import { describeApiError, fieldErrorsOf, type ApiError } from '../../lib/errors.ts';
import { outcomeOf } from '../../lib/mutationOutcome.ts';

const OPTIONS_QUERY: TypedDocumentNode<{ purposes: { id: string; ordinal: number; title: string }[]; municipalities: { id: string; name: string; participates: boolean }[] }> = gql`
  query CreateBenefitOptions {
    purposes {
      id
      ordinal
      title
    }
    municipalities {
      id
      name
      participates
    }
  }
`;

const CREATE_BENEFIT: TypedDocumentNode<{ createBenefit: { id: string } }, { input: Record<string, unknown> }> = gql`
  mutation CreateBenefit($input: BenefitInput!) {
    createBenefit(input: $input) {
      id
    }
  }
`;

type Field = 'purposeId' | 'municipalityId' | 'title' | 'type' | 'ownerName' | 'indicator' | 'unit' | 'direction' | 'baselineValue' | 'baselineDate' | 'targetValue' | 'targetDate';
const FIELDS: readonly Field[] = ['purposeId', 'municipalityId', 'title', 'type', 'ownerName', 'indicator', 'unit', 'direction', 'baselineValue', 'baselineDate', 'targetValue', 'targetDate'];
const decimal = (text: string) => (text.trim() === '' ? NaN : Number(text.trim().replace(/\s/g, '').replace(',', '.')));

/** A new benefit under a purpose: its indicator, baseline and target; then its page opens. */
export function CreateBenefitDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <ModalDialog open={open} onClose={onClose} title={t('benefits.create.title')}>
      {open && <CreateBenefitForm onCancel={onClose} />}
    </ModalDialog>
  );
}

function CreateBenefitForm({ onCancel }: { onCancel(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data } = useQuery(OPTIONS_QUERY);
  const [values, setValues] = useState<Record<Field, string>>({
    purposeId: '', municipalityId: '', title: '', type: 'EFFICIENCY', ownerName: '', indicator: '', unit: '', direction: 'LOWER_IS_BETTER', baselineValue: '', baselineDate: '', targetValue: '', targetDate: '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const [create, { loading }] = useMutation(CREATE_BENEFIT, { refetchQueries: ['BenefitsPage'] });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = { ...values, municipalityId: values.municipalityId || null, baselineValue: decimal(values.baselineValue), targetValue: decimal(values.targetValue) };
    const found: Partial<Record<Field, string>> = {};
    if (!values.purposeId) found.purposeId = t('benefits.create.choosePurpose');
    const checked = createBenefitRules.safeParse({ ...input, purposeId: 1, municipalityId: null });
    if (!checked.success) for (const issue of checked.error.issues) found[issue.path[0] as Field] ??= issue.message;
    if (Object.keys(found).length) {
      setErrors(found);
      return focusFirstInvalid();
    }
    setErrors({});
    const result = await outcomeOf(() => create({ variables: { input } }));
    if (result.ok) return navigate(`/gevinster/${result.data.createBenefit.id}`);
    const atFields = fieldErrorsOf(t, result.error, FIELDS);
    if (Object.keys(atFields).length) {
      setErrors(atFields);
      return focusFirstInvalid();
    }
    setProblem(result.error);
  }

  const set = (field: Field) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }));
  const text = (field: Field, extra: Record<string, unknown> = {}) => (
    <TextField label={t(`benefits.create.fields.${field}` as 'benefits.create.fields.title')} name={field} value={values[field]} onChange={set(field)} error={errors[field]} {...extra} />
  );
  return (
    <form ref={formRef} className="form-stack" noValidate onSubmit={(event) => void submit(event)}>
      <FormAlert message={problem ? describeApiError(t, problem) : null} />
      <SelectField label={t('benefits.create.fields.purposeId')} name="purposeId" value={values.purposeId} onChange={set('purposeId')} error={errors.purposeId}>
        <option value="">{t('benefits.create.choosePurpose')}</option>
        {data?.purposes.map((p) => (
          <option key={p.id} value={p.id}>{`${p.ordinal}. ${p.title}`}</option>
        ))}
      </SelectField>
      <SelectField label={t('benefits.create.fields.municipalityId')} name="municipalityId" value={values.municipalityId} onChange={set('municipalityId')} error={errors.municipalityId}>
        <option value="">{t('benefits.wholeCentre')}</option>
        {data?.municipalities.filter((m) => m.participates).map((m) => (
          <option key={m.id} value={m.id}>{m.name}</option>
        ))}
      </SelectField>
      {text('title', { required: true })}
      <SelectField label={t('benefits.create.fields.type')} name="type" value={values.type} onChange={set('type')}>
        {(['EFFICIENCY', 'QUALITY', 'OTHER'] as const).map((type) => (
          <option key={type} value={type}>{t(`benefits.type.${type}`)}</option>
        ))}
      </SelectField>
      {text('ownerName', { required: true })}
      {text('indicator', { required: true })}
      {text('unit', { required: true })}
      <SelectField label={t('benefits.create.fields.direction')} name="direction" value={values.direction} onChange={set('direction')}>
        {(['LOWER_IS_BETTER', 'HIGHER_IS_BETTER'] as const).map((direction) => (
          <option key={direction} value={direction}>{t(`benefits.direction.${direction}`)}</option>
        ))}
      </SelectField>
      {text('baselineValue', { inputMode: 'decimal', required: true })}
      {text('baselineDate', { type: 'date', required: true })}
      {text('targetValue', { inputMode: 'decimal', required: true })}
      {text('targetDate', { type: 'date', required: true })}
      <FormActions submitLabel={t('benefits.create.submit')} loading={loading} onCancel={onCancel} />
    </form>
  );
}
