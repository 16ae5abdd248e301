import { gql, type TypedDocumentNode } from '@apollo/client';
import { createBenefitRules } from '@samarkiv/shared';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField, TextField } from '../../components/form/fields.tsx';
import type { BenefitPageData } from './benefitQueries.ts';

// The fields of a benefit, shared by the create and the edit dialog: the values as typed, the
// shared rules applied before anything is sent, and the input the API takes.

export type BenefitOptions = { purposes: { id: string; ordinal: number; title: string }[]; municipalities: { id: string; name: string; participates: boolean }[] };

export const BENEFIT_OPTIONS_QUERY: TypedDocumentNode<BenefitOptions> = gql`
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

export type BenefitField = 'purposeId' | 'municipalityId' | 'title' | 'description' | 'type' | 'ownerName' | 'indicator' | 'unit' | 'direction' | 'baselineValue' | 'baselineDate' | 'targetValue' | 'targetDate';
export const BENEFIT_FIELDS: readonly BenefitField[] = ['purposeId', 'municipalityId', 'title', 'description', 'type', 'ownerName', 'indicator', 'unit', 'direction', 'baselineValue', 'baselineDate', 'targetValue', 'targetDate'];
export type BenefitFormValues = Record<BenefitField, string>;
export type BenefitFieldErrors = Partial<Record<BenefitField, string>>;

/** A Norwegian decimal (comma or point); NaN when unreadable, for the rule to name. */
export const decimal = (text: string) => (text.trim() === '' ? NaN : Number(text.trim().replace(/\s/g, '').replace(',', '.')));
const decimalText = (value: number) => String(value).replace('.', ',');

export const EMPTY_BENEFIT: BenefitFormValues = {
  purposeId: '', municipalityId: '', title: '', description: '', type: 'EFFICIENCY', ownerName: '', indicator: '', unit: '', direction: 'LOWER_IS_BETTER', baselineValue: '', baselineDate: '', targetValue: '', targetDate: '',
};

export function formValuesOf(benefit: BenefitPageData): BenefitFormValues {
  return {
    purposeId: benefit.purpose.id,
    municipalityId: benefit.municipality?.id ?? '',
    title: benefit.title,
    description: benefit.description ?? '',
    type: benefit.type,
    ownerName: benefit.ownerName,
    indicator: benefit.indicator,
    unit: benefit.unit,
    direction: benefit.direction,
    baselineValue: decimalText(benefit.baselineValue),
    baselineDate: benefit.baselineDate,
    targetValue: decimalText(benefit.targetValue),
    targetDate: benefit.targetDate,
  };
}

/** The benefit as stored now, from a VERSION_CONFLICT's `current` (the row: ids as numbers, dates as timestamps). */
export function formValuesFromCurrent(current: Record<string, unknown>, fallback: BenefitFormValues): BenefitFormValues {
  const values = { ...fallback };
  const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));
  for (const field of BENEFIT_FIELDS) {
    if (!(field in current)) continue;
    const value = current[field];
    if (field === 'baselineDate' || field === 'targetDate') values[field] = text(value).slice(0, 10);
    else if (field === 'baselineValue' || field === 'targetValue') values[field] = typeof value === 'number' ? decimalText(value) : text(value);
    else values[field] = text(value);
  }
  return values;
}

/** The input the API takes (description and municipality empty: null). */
export function inputOf(values: BenefitFormValues) {
  return { ...values, description: values.description.trim() || null, municipalityId: values.municipalityId || null, baselineValue: decimal(values.baselineValue), targetValue: decimal(values.targetValue) };
}

/** The shared rules' complaints, one per field; the ids are picked from lists, so only "none chosen" is checked. */
export function checkBenefit(t: TFunction, values: BenefitFormValues): BenefitFieldErrors {
  const found: BenefitFieldErrors = {};
  if (!values.purposeId) found.purposeId = t('benefits.create.choosePurpose');
  const checked = createBenefitRules.safeParse({ ...inputOf(values), purposeId: 1, municipalityId: null });
  if (!checked.success) for (const issue of checked.error.issues) found[issue.path[0] as BenefitField] ??= issue.message;
  return found;
}

type FieldsProps = {
  values: BenefitFormValues;
  errors: BenefitFieldErrors;
  options: BenefitOptions | undefined;
  onChange(field: BenefitField, value: string): void;
};

export function BenefitFormFields({ values, errors, options, onChange }: FieldsProps) {
  const { t } = useTranslation();
  const set = (field: BenefitField) => (event: { target: { value: string } }) => onChange(field, event.target.value);
  const label = (field: BenefitField) => t(`benefits.create.fields.${field}` as 'benefits.create.fields.title');
  const text = (field: BenefitField, extra: Record<string, unknown> = {}) => <TextField label={label(field)} name={field} value={values[field]} onChange={set(field)} error={errors[field]} {...extra} />;
  return (
    <>
      <SelectField label={label('purposeId')} name="purposeId" value={values.purposeId} onChange={set('purposeId')} error={errors.purposeId}>
        <option value="">{t('benefits.create.choosePurpose')}</option>
        {options?.purposes.map((p) => (
          <option key={p.id} value={p.id}>{`${p.ordinal}. ${p.title}`}</option>
        ))}
      </SelectField>
      <SelectField label={label('municipalityId')} name="municipalityId" value={values.municipalityId} onChange={set('municipalityId')} error={errors.municipalityId}>
        <option value="">{t('benefits.wholeCentre')}</option>
        {options?.municipalities.filter((m) => m.participates || m.id === values.municipalityId).map((m) => (
          <option key={m.id} value={m.id}>{m.name}</option>
        ))}
      </SelectField>
      {text('title', { required: true })}
      <TextAreaField label={label('description')} name="description" rows={3} value={values.description} onChange={set('description')} error={errors.description} />
      <SelectField label={label('type')} name="type" value={values.type} onChange={set('type')} error={errors.type}>
        {(['EFFICIENCY', 'QUALITY', 'OTHER'] as const).map((type) => (
          <option key={type} value={type}>{t(`benefits.type.${type}`)}</option>
        ))}
      </SelectField>
      {text('ownerName', { required: true })}
      {text('indicator', { required: true })}
      {text('unit', { required: true })}
      <SelectField label={label('direction')} name="direction" value={values.direction} onChange={set('direction')} error={errors.direction}>
        {(['LOWER_IS_BETTER', 'HIGHER_IS_BETTER'] as const).map((direction) => (
          <option key={direction} value={direction}>{t(`benefits.direction.${direction}`)}</option>
        ))}
      </SelectField>
      {text('baselineValue', { inputMode: 'decimal', required: true })}
      {text('baselineDate', { type: 'date', required: true })}
      {text('targetValue', { inputMode: 'decimal', required: true })}
      {text('targetDate', { type: 'date', required: true })}
    </>
  );
}
