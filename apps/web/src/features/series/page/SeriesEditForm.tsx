import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Heading, Input, Label, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { CLASSIFICATION_TYPES, ACCESS_RESTRICTIONS } from '@samarkiv/shared';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictDialog, type ConflictChoice, type ConflictField } from '../../../components/dialog/ConflictDialog.tsx';
import { FormAlert } from '../../../components/form/FormAlert.tsx';
import { SelectField, TextField } from '../../../components/form/fields.tsx';
import { useFocusFirstInvalid } from '../../../components/form/useFocusFirstInvalid.ts';
import { describeApiError } from '../../../lib/errors.ts';
import { outcomeOf } from '../../../lib/mutationOutcome.ts';
import { DEPOSIT_WORDS, MEDIUM_WORDS, RETENTION_WORDS, STATUS_WORDS } from './codes.ts';
import { FieldName } from './FactList.tsx';
import { conflictFields, formValuesFromCurrent } from './seriesConflict.ts';
import { EDIT_FIELDS, M_NUMBERS, formValuesOf, inputOf, serverFieldErrors, validateSeries, type EditField, type FieldErrors, type FormField, type SeriesFormValues } from './seriesFields.ts';
import { SERIES_EDIT_OPTIONS_QUERY, UPDATE_SERIES_MUTATION, type SeriesEditOptions, type SeriesPage_series } from './seriesPageQuery.ts';
import { FormActions } from '../../../components/form/FormActions.tsx';

type SeriesEditFormProps = {
  series: SeriesPage_series;
  onCancel(): void;
  onSaved(): void;
  /** After a version conflict the API gave no stored values for: fetch the series as stored now (the form closes). */
  onReload(): void;
};

/** A version conflict with the stored series: its values, its version, the fields that differ. */
type Conflict = { theirs: SeriesFormValues; version: number; fields: ConflictField<FormField, SeriesFormValues[FormField]>[] };

/**
 * Edits the series in place, validated with the shared rules before anything is sent; the
 * server's field errors land at their fields. On a version conflict the other person's stored
 * values are shown beside the user's own, chosen field by field, and saved against the stored
 * version (ConflictDialog); without stored values in the error it is told in words with a way
 * to reload.
 */
export function SeriesEditForm({ series, onCancel, onSaved, onReload }: SeriesEditFormProps) {
  const { t } = useTranslation();
  const [original] = useState<SeriesFormValues>(() => formValuesOf(series));
  const [values, setValues] = useState<SeriesFormValues>(original);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [merge, setMerge] = useState<Conflict | null>(null);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const headingId = useId();
  const options = useQuery(SERIES_EDIT_OPTIONS_QUERY, { variables: { municipalityId: series.municipality.id } });
  const [mutate, { loading }] = useMutation(UPDATE_SERIES_MUTATION, { refetchQueries: ['HistoryPanel'] });

  async function save(next: SeriesFormValues, version: number) {
    setFormError(null);
    setConflict(false);
    const input = inputOf(next, version);
    const found = validateSeries(input, series);
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirstInvalid();

    const result = await outcomeOf(() => mutate({ variables: { id: series.id, input } }));
    if (result.ok) {
      setMerge(null);
      return onSaved();
    }
    if (result.error.code === 'VERSION_CONFLICT' && result.error.current) {
      const theirs = formValuesFromCurrent(result.error.current, original);
      const theirVersion = typeof result.error.current.version === 'number' ? result.error.current.version : version;
      return setMerge({ theirs, version: theirVersion, fields: conflictFields(t, next, theirs, original, options.data) });
    }
    setMerge(null);
    if (result.error.code === 'VERSION_CONFLICT') return setConflict(true);
    const atFields = serverFieldErrors(t, result.error);
    if (Object.keys(atFields).length > 0) {
      setErrors(atFields);
      return focusFirstInvalid();
    }
    setFormError(describeApiError(t, result.error));
    setAttempt((n) => n + 1);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    void save(values, merge?.version ?? series.version);
  }

  /** The stored series with the user's own value wherever they chose it, saved against the stored version. */
  function resolve(picked: Record<FormField, ConflictChoice>) {
    if (!merge) return;
    const next = { ...merge.theirs } as Record<FormField, unknown>;
    for (const { key } of merge.fields) next[key] = picked[key] === 'mine' ? values[key] : merge.theirs[key];
    const merged = next as SeriesFormValues;
    setValues(merged);
    void save(merged, merge.version);
  }

  const set = (name: EditField) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [name]: event.target.value }));
  const label = (name: EditField) => t(`seriesPage.fields.${name}`);

  return (
    <section aria-labelledby={headingId} className="series-edit">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('seriesPage.edit.title')}
      </Heading>
      {conflict && (
        <Alert data-color="warning" role="alert" className="form-alert">
          <Paragraph>{t('seriesPage.edit.conflict')}</Paragraph>
          <Button type="button" variant="secondary" data-size="sm" onClick={onReload}>
            {t('seriesPage.edit.reload')}
          </Button>
        </Alert>
      )}
      <form ref={formRef} className="series-edit__form" noValidate onSubmit={(event) => void submit(event)}>
        <FormAlert message={formError} attempt={attempt} />
        <div className="series-edit__grid">
          {EDIT_FIELDS.map(({ name, kind }) => {
            if (kind === 'select') {
              return (
                <SelectField key={name} label={label(name)} name={name} value={values[name]} onChange={set(name)} error={errors[name]} description={M_NUMBERS[name]}>
                  <SelectOptions name={name} options={options.data} />
                </SelectField>
              );
            }
            return (
              <TextField
                key={name}
                label={label(name)}
                description={M_NUMBERS[name]}
                name={name}
                type={kind === 'date' ? 'date' : 'text'}
                inputMode={kind === 'number' ? 'numeric' : kind === 'decimal' ? 'decimal' : undefined}
                list={name === 'classificationType' ? 'series-classification-types' : name === 'accessRestriction' ? 'series-access-restrictions' : undefined}
                required={name === 'identifier' || name === 'title' || name === 'periodStart'}
                value={values[name]}
                onChange={set(name)}
                error={errors[name]}
              />
            );
          })}
          <ContinuousField checked={values.isContinuous} error={errors.isContinuous} onChange={(isContinuous) => setValues((current) => ({ ...current, isContinuous }))} />
        </div>
        <datalist id="series-classification-types">
          {CLASSIFICATION_TYPES.map((type) => (
            <option key={type} value={type} />
          ))}
        </datalist>
        <datalist id="series-access-restrictions">
          {ACCESS_RESTRICTIONS.map((restriction) => (
            <option key={restriction} value={restriction} />
          ))}
        </datalist>
        {options.error && <Paragraph data-size="sm">{t('seriesPage.edit.optionsFailed')}</Paragraph>}
        <FormActions submitLabel={t('seriesPage.edit.save')} loading={loading} onCancel={onCancel} />
      </form>
      <ConflictDialog open={merge !== null} fields={merge?.fields ?? []} onResolve={resolve} onCancel={() => setMerge(null)} busy={loading} />
    </section>
  );
}

function SelectOptions({ name, options }: { name: EditField; options: SeriesEditOptions | undefined }) {
  const { t } = useTranslation();
  const none = <option value="">{t('seriesPage.edit.noChoice')}</option>;
  const words = (codes: Record<string, string>) => Object.entries(codes).map(([code, word]) => <option key={code} value={code}>{word}</option>);
  switch (name) {
    case 'status':
      return <>{words(STATUS_WORDS)}</>;
    case 'documentMedium':
      return <>{words(MEDIUM_WORDS)}</>;
    case 'depositStatus':
      return <>{words(DEPOSIT_WORDS)}</>;
    case 'retentionDecision':
      return <>{none}{words(RETENTION_WORDS)}</>;
    case 'archiveId':
      return <>{none}{options?.archives.map((a) => <option key={a.id} value={a.id}>{a.title}</option>)}</>;
    case 'archiveCreatorId':
      return <>{none}{options?.archiveCreators.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}</>;
    case 'targetSeriesId':
      return <>{none}{options?.targetSeries.map((s) => <option key={s.id} value={s.id}>{`${s.code} ${s.title}`}</option>)}</>;
    default:
      return null;
  }
}

function ContinuousField({ checked, error, onChange }: { checked: boolean; error?: string; onChange(value: boolean): void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="ds-field" data-position="start">
      <Input type="checkbox" id={id} name="isContinuous" checked={checked} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} onChange={(event) => onChange(event.target.checked)} />
      <Label htmlFor={id}>
        <FieldName name="isContinuous" label={t('seriesPage.fields.isContinuous')} />
      </Label>
      {error && <ValidationMessage id={`${id}-error`}>{error}</ValidationMessage>}
    </div>
  );
}
