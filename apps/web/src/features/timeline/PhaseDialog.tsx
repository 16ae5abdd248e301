import { useApolloClient } from '@apollo/client/react';
import { Button } from '@digdir/designsystemet-react';
import { createPhaseRules, updatePhaseRules } from '@samarkiv/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../components/dialog/ModalDialog.tsx';
import { FormActions } from '../../components/form/FormActions.tsx';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { TextAreaField, TextField } from '../../components/form/fields.tsx';
import { useFieldForm } from '../../components/form/useFieldForm.ts';
import { describeApiError, type ApiError } from '../../lib/errors.ts';
import { DateFields, dateInput, type DateValues } from './DateFields.tsx';
import { LATEST_PHASE_QUERY, type PhaseInput, type TimelinePhase } from './timelineQueries.ts';
import { useSavePhase } from './useTimelineMutations.ts';

export type PhaseDialogTarget = { phase?: TimelinePhase };

type Props = { target: PhaseDialogTarget | null; onClose(): void; onSaved(message: string): void };

export function PhaseDialog({ target, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const title = target?.phase ? t('timeline.form.editPhase', { name: target.phase.name }) : t('timeline.form.newPhase');
  return (
    <ModalDialog open={target !== null} onClose={onClose} title={title}>
      {target && <PhaseForm key={target.phase?.id ?? 'new'} phase={target.phase} onCancel={onClose} onSaved={onSaved} />}
    </ModalDialog>
  );
}

const FIELDS = ['name', 'description', 'precision', 'start', 'end'] as const;
type Field = (typeof FIELDS)[number];
type Values = DateValues & { name: string; description: string };

function valuesOf(p: TimelinePhase | undefined): Values {
  return {
    name: p?.name ?? '',
    description: p?.description ?? '',
    precision: p?.date.precision ?? 'YEAR',
    start: p?.date.start ?? '',
    end: p?.date.precision === 'RANGE' ? p.date.end : '',
    note: '',
  };
}

function PhaseForm({ phase, onCancel, onSaved }: { phase?: TimelinePhase; onCancel(): void; onSaved(message: string): void }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const { createPhase, updatePhase, loading } = useSavePhase();
  const [values, setValues] = useState<Values>(() => valuesOf(phase));
  const [version, setVersion] = useState(phase?.version);
  const { formRef, errors, setErrors, problem, setProblem, attempt, showIssues, showApiError } = useFieldForm(FIELDS);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    setProblem(null);
    const input: PhaseInput = { name: values.name, description: values.description || null, date: dateInput(values, false), sortOrder: phase?.sortOrder ?? 0 };
    const checked = version === undefined ? createPhaseRules.safeParse(input) : updatePhaseRules.safeParse({ ...input, version });
    if (!checked.success) return showIssues(checked.error.issues);
    setErrors({});
    const result = version === undefined ? await createPhase(input) : await updatePhase(phase!.id, { ...input, version });
    if (result.ok) return onSaved(version === undefined ? t('timeline.form.created', { title: values.name.trim() }) : t('timeline.form.saved', { title: values.name.trim() }));
    showApiError(t, result.error);
  }

  async function loadLatest() {
    const { data } = await client.query({ query: LATEST_PHASE_QUERY, variables: { id: phase!.id }, fetchPolicy: 'network-only' }).catch(() => ({ data: undefined }));
    if (!data?.phase) return setProblem({ code: 'NOT_FOUND' });
    setValues(valuesOf(data.phase));
    setVersion(data.phase.version);
    setErrors({});
    setProblem(null);
  }

  const set = (field: keyof Values, value: string) => setValues((current) => ({ ...current, [field]: value }));

  return (
    <form ref={formRef} className="form-stack" noValidate onSubmit={(event) => void submit(event)}>
      <FormAlert message={problem ? describeApiError(t, problem) : null} attempt={attempt} />
      {problem?.code === 'VERSION_CONFLICT' && (
        <div>
          <Button type="button" variant="secondary" data-size="sm" onClick={() => void loadLatest()}>
            {t('timeline.form.loadLatest')}
          </Button>
        </div>
      )}
      <TextField id="phase-name" label={t('timeline.fields.name')} required value={values.name} onChange={(e) => set('name', e.target.value)} error={errors.name} />
      <DateFields idPrefix="phase" values={values} errors={errors} withNote={false} onChange={set} />
      <TextAreaField id="phase-description" label={t('timeline.fields.description')} rows={3} value={values.description} onChange={(e) => set('description', e.target.value)} error={errors.description} />
      <FormActions submitLabel={t('timeline.form.save')} loading={loading} onCancel={onCancel} />
    </form>
  );
}
