import { useApolloClient } from '@apollo/client/react';
import { Button } from '@digdir/designsystemet-react';
import { createMilestoneRules, MILESTONE_KINDS, MILESTONE_STATUSES, updateMilestoneRules } from '@samarkiv/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../components/dialog/ModalDialog.tsx';
import { FormActions } from '../../components/form/FormActions.tsx';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/form/fields.tsx';
import { useFieldForm } from '../../components/form/useFieldForm.ts';
import { describeApiError, type ApiError } from '../../lib/errors.ts';
import { DateFields, dateInput, type DateValues } from './DateFields.tsx';
import { LATEST_MILESTONE_QUERY, type MilestoneInput, type MilestoneKind, type MilestoneStatus, type TimelineMilestone, type TimelinePhase } from './timelineQueries.ts';
import { useSaveMilestone } from './useTimelineMutations.ts';

/** A new milestone (`{}`) or an existing one. */
export type MilestoneDialogTarget = { milestone?: TimelineMilestone };

type Props = { target: MilestoneDialogTarget | null; phases: TimelinePhase[]; onClose(): void; onSaved(message: string): void };

export function MilestoneDialog({ target, phases, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const title = target?.milestone ? t('timeline.form.editMilestone', { title: target.milestone.title }) : t('timeline.form.newMilestone');
  return (
    <ModalDialog open={target !== null} onClose={onClose} title={title}>
      {target && <MilestoneForm key={target.milestone?.id ?? 'new'} milestone={target.milestone} phases={phases} onCancel={onClose} onSaved={onSaved} />}
    </ModalDialog>
  );
}

const FIELDS = ['title', 'description', 'phaseId', 'kind', 'status', 'decidingBody', 'caseReference', 'precision', 'start', 'end', 'note'] as const;
type Field = (typeof FIELDS)[number];
type Values = DateValues & { title: string; description: string; phaseId: string; kind: MilestoneKind; status: MilestoneStatus; decidingBody: string; caseReference: string };

function valuesOf(m: TimelineMilestone | undefined): Values {
  return {
    title: m?.title ?? '',
    description: m?.description ?? '',
    phaseId: m?.phase?.id ?? '',
    kind: m?.kind ?? 'DECISION',
    status: m?.status ?? 'PLANNED',
    decidingBody: m?.decidingBody ?? '',
    caseReference: m?.caseReference ?? '',
    precision: m?.date.precision ?? 'DAY',
    start: m?.date.start ?? '',
    end: m?.date.precision === 'RANGE' ? m.date.end : '',
    note: m?.date.note ?? '',
  };
}

function inputOf(values: Values, sortOrder: number): MilestoneInput {
  return {
    phaseId: values.phaseId || null,
    title: values.title,
    description: values.description || null,
    date: dateInput(values, true),
    kind: values.kind,
    decidingBody: values.decidingBody || null,
    status: values.status,
    caseReference: values.caseReference || null,
    sortOrder,
  };
}

function MilestoneForm({ milestone, phases, onCancel, onSaved }: { milestone?: TimelineMilestone; phases: TimelinePhase[]; onCancel(): void; onSaved(message: string): void }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const { createMilestone, updateMilestone, loading } = useSaveMilestone();
  const [values, setValues] = useState<Values>(() => valuesOf(milestone));
  const [version, setVersion] = useState(milestone?.version);
  const { formRef, errors, setErrors, problem, setProblem, attempt, showIssues, showApiError } = useFieldForm(FIELDS);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    setProblem(null);
    const input = inputOf(values, milestone?.sortOrder ?? 0);
    // The server's own rules answer before a round trip.
    const checked = version === undefined ? createMilestoneRules.safeParse(input) : updateMilestoneRules.safeParse({ ...input, version });
    if (!checked.success) return showIssues(checked.error.issues);
    setErrors({});
    const result = version === undefined ? await createMilestone(input) : await updateMilestone(milestone!.id, { ...input, version });
    if (result.ok) return onSaved(version === undefined ? t('timeline.form.created', { title: values.title.trim() }) : t('timeline.form.saved', { title: values.title.trim() }));
    showApiError(t, result.error);
  }

  async function loadLatest() {
    const { data } = await client.query({ query: LATEST_MILESTONE_QUERY, variables: { id: milestone!.id }, fetchPolicy: 'network-only' }).catch(() => ({ data: undefined }));
    if (!data?.milestone) return setProblem({ code: 'NOT_FOUND' });
    setValues(valuesOf(data.milestone));
    setVersion(data.milestone.version);
    setErrors({});
    setProblem(null);
  }

  const set = (field: Field, value: string) => setValues((current) => ({ ...current, [field]: value }));
  const on = (field: Field) => (event: { target: { value: string } }) => set(field, event.target.value);

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
      <TextField id="milestone-title" label={t('timeline.fields.title')} required value={values.title} onChange={on('title')} error={errors.title} />
      <DateFields idPrefix="milestone" values={values} errors={errors} withNote onChange={set} />
      <SelectField id="milestone-kind" label={t('timeline.fields.kind')} value={values.kind} onChange={on('kind')} error={errors.kind}>
        {MILESTONE_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`timeline.kind.${kind}`)}
          </option>
        ))}
      </SelectField>
      <SelectField id="milestone-status" label={t('timeline.fields.status')} description={t('timeline.form.statusHelp')} value={values.status} onChange={on('status')} error={errors.status}>
        {MILESTONE_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`timeline.status.${status}`)}
          </option>
        ))}
      </SelectField>
      <TextField id="milestone-decidingBody" label={t('timeline.fields.decidingBody')} value={values.decidingBody} onChange={on('decidingBody')} error={errors.decidingBody} />
      <TextField id="milestone-caseReference" label={t('timeline.fields.caseReference')} value={values.caseReference} onChange={on('caseReference')} error={errors.caseReference} />
      <SelectField id="milestone-phase" label={t('timeline.fields.phase')} value={values.phaseId} onChange={on('phaseId')} error={errors.phaseId}>
        <option value="">{t('timeline.form.noPhase')}</option>
        {phases.map((phase) => (
          <option key={phase.id} value={phase.id}>
            {phase.name}
          </option>
        ))}
      </SelectField>
      <TextAreaField id="milestone-description" label={t('timeline.fields.description')} rows={3} value={values.description} onChange={on('description')} error={errors.description} />
      <FormActions submitLabel={t('timeline.form.save')} loading={loading} onCancel={onCancel} />
    </form>
  );
}
