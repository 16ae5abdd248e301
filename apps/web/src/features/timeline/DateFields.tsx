import { DATE_PRECISIONS } from '@samarkiv/shared';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../components/form/fields.tsx';
import type { DatePrecision } from './precision.ts';

export type DateValues = { precision: DatePrecision; start: string; end: string; note: string };
export type DateField = keyof DateValues;

type DateFieldsProps = {
  idPrefix: string;
  values: DateValues;
  errors: Partial<Record<DateField, string>>;
  withNote: boolean;
  onChange(field: DateField, value: string): void;
};

/** A date as precisely as it is known: the precision first, then the day it starts from (and ends on, for a period). */
export function DateFields({ idPrefix, values, errors, withNote, onChange }: DateFieldsProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="timeline-date-fields">
      <legend>{t('timeline.fields.date')}</legend>
      <SelectField id={`${idPrefix}-precision`} label={t('timeline.fields.precision')} value={values.precision} onChange={(e) => onChange('precision', e.target.value)} error={errors.precision}>
        {DATE_PRECISIONS.map((p) => (
          <option key={p} value={p}>
            {t(`timeline.precision.${p}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        id={`${idPrefix}-start`}
        type="date"
        label={values.precision === 'RANGE' ? t('timeline.fields.start') : t('timeline.fields.day')}
        description={t(`timeline.precisionHelp.${values.precision}`)}
        value={values.start}
        onChange={(e) => onChange('start', e.target.value)}
        error={errors.start}
      />
      {values.precision === 'RANGE' && (
        <TextField id={`${idPrefix}-end`} type="date" label={t('timeline.fields.end')} value={values.end} onChange={(e) => onChange('end', e.target.value)} error={errors.end} />
      )}
      {withNote && <TextField id={`${idPrefix}-note`} label={t('timeline.fields.note')} value={values.note} onChange={(e) => onChange('note', e.target.value)} error={errors.note} />}
    </fieldset>
  );
}

/** The form's date as the API input (end only for a period, note only where one is kept). */
export function dateInput(values: DateValues, withNote: boolean) {
  return {
    start: values.start,
    precision: values.precision,
    end: values.precision === 'RANGE' ? values.end || null : null,
    ...(withNote ? { note: values.note || null } : {}),
  };
}
