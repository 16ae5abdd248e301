import { useFragment } from '@apollo/client/react';
import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { createMeasureRules, updateMeasureRules } from '@samarkiv/shared';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form/FormAlert.tsx';
import { SelectField, TextField } from '../../../components/form/fields.tsx';
import { useFocusFirstInvalid } from '../../../components/form/useFocusFirstInvalid.ts';
import { NoValue } from '../../../components/table/NoValue.tsx';
import { describeApiError, fieldErrorsOf, type ApiError } from '../../../lib/errors.ts';
import { formatDate } from '../../../lib/format.ts';
import { OverdueMark } from '../register/OverdueMark.tsx';
import { PersonFields, usePeopleChoices, type PersonChoice } from './people.tsx';
import { useMeasureWrites, useReloadOnConflict, type MeasureFields } from './riskMutations.ts';
import { RISK_MEASURES_FRAGMENT, type MeasureStatus, type RiskMeasure, type RiskRef } from './riskPageFragments.ts';
import { textOrNull, zodFieldErrors } from './validation.ts';
import '../../../components/table/table.css';

const MEASURE_STATUSES: MeasureStatus[] = ['PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED'];

type MeasureDraft = { title: string; ownerId: string; ownerName: string; deadline: string; status: MeasureStatus };
type MeasureField = keyof MeasureDraft;
const MEASURE_FIELDS: readonly MeasureField[] = ['title', 'ownerId', 'ownerName', 'deadline', 'status'];
const EMPTY_DRAFT: MeasureDraft = { title: '', ownerId: '', ownerName: '', deadline: '', status: 'PLANNED' };

const fieldsOf = (draft: MeasureDraft): MeasureFields => ({
  title: draft.title.trim(),
  ownerId: draft.ownerId || null,
  ownerName: textOrNull(draft.ownerName),
  deadline: draft.deadline || null,
  status: draft.status,
});

/** The risk's measures (tiltak) as a table; editors change, complete, add and delete them here. */
export function RiskMeasures({ risk, canEdit }: { risk: RiskRef; canEdit: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { data, complete } = useFragment({ fragment: RISK_MEASURES_FRAGMENT, fragmentName: 'RiskMeasures_risk', from: risk });
  const writes = useMeasureWrites(risk.id);
  const reloadOnConflict = useReloadOnConflict();
  const people = usePeopleChoices(complete ? data.measures.map((measure) => measure.owner) : []);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  // Completing or deleting removes the button that was pressed: focus goes to the section's heading.
  const headingRef = useRef<HTMLHeadingElement>(null);
  if (!complete) return null;

  async function fail(error: ApiError) {
    setProblem((await reloadOnConflict(error)) ? t('riskPage.conflictReloaded') : describeApiError(t, error));
    setAttempt((value) => value + 1);
  }

  async function completeMeasure(measure: RiskMeasure) {
    setProblem(null);
    const result = await writes.completeMeasure(measure.id, measure.version);
    if (!result.ok) return fail(result.error);
    setAnnouncement(t('riskPage.measures.completed', { title: measure.title }));
    headingRef.current?.focus();
  }

  async function deleteMeasure(measure: RiskMeasure) {
    setProblem(null);
    const result = await writes.deleteMeasure(measure.id);
    setConfirmingDelete(null);
    if (!result.ok) return fail(result.error);
    setAnnouncement(t('riskPage.measures.deleted', { title: measure.title }));
    headingRef.current?.focus();
  }

  return (
    <section aria-labelledby={headingId} className="risk-page__section">
      <Heading level={2} data-size="sm" id={headingId} ref={headingRef} tabIndex={-1}>
        {t('riskPage.measures.heading')}
      </Heading>
      <Paragraph>{t('riskPage.measures.counts', { open: data.openMeasureCount, overdue: data.overdueMeasureCount })}</Paragraph>
      <FormAlert message={problem} attempt={attempt} />
      {data.measures.length === 0 ? (
        <Paragraph>{t('riskPage.measures.none')}</Paragraph>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby={`${headingId}-caption`} tabIndex={0}>
          <Table border zebra>
            <caption id={`${headingId}-caption`}>{t('riskPage.measures.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('riskPage.measures.title')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('riskPage.measures.owner')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('riskPage.measures.deadline')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('riskPage.measures.status')}</Table.HeaderCell>
                {canEdit && <Table.HeaderCell scope="col">{t('riskPage.measures.actions')}</Table.HeaderCell>}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {data.measures.map((measure) =>
                editingId === measure.id ? (
                  <Table.Row key={measure.id}>
                    <Table.Cell colSpan={5}>
                      <MeasureForm
                        riskId={risk.id}
                        measure={measure}
                        people={people}
                        onDone={(message) => {
                          setEditingId(null);
                          if (message) setAnnouncement(message);
                        }}
                      />
                    </Table.Cell>
                  </Table.Row>
                ) : (
                  <Table.Row key={measure.id}>
                    <Table.HeaderCell scope="row">
                      {measure.title}
                      {measure.description && <span className="risk-page__note risk-page__text">{measure.description}</span>}
                    </Table.HeaderCell>
                    <Table.Cell>{measure.owner?.displayName ?? measure.ownerName ?? <NoValue />}</Table.Cell>
                    <Table.Cell>
                      {!measure.deadline ? (
                        <NoValue />
                      ) : measure.isOverdue ? (
                        <OverdueMark>{`${formatDate(measure.deadline)} (${t('riskPage.measures.overdue')})`}</OverdueMark>
                      ) : (
                        formatDate(measure.deadline)
                      )}
                    </Table.Cell>
                    <Table.Cell>
                      {t(`risk.measureStatus.${measure.status}`)}
                      {measure.completedAt && <span className="risk-page__note">{t('riskPage.measures.completedOn', { date: formatDate(measure.completedAt.slice(0, 10)) })}</span>}
                    </Table.Cell>
                    {canEdit && (
                      <Table.Cell>
                        {confirmingDelete === measure.id ? (
                          <div className="form-actions">
                            <Button type="button" data-size="sm" data-color="danger" loading={writes.busy} onClick={() => void deleteMeasure(measure)}>
                              {t('riskPage.measures.confirmDelete', { title: measure.title })}
                            </Button>
                            <Button type="button" variant="secondary" data-size="sm" onClick={() => setConfirmingDelete(null)}>
                              {t('common.cancel')}
                            </Button>
                          </div>
                        ) : (
                          <div className="form-actions">
                            <Button type="button" variant="secondary" data-size="sm" aria-label={t('riskPage.measures.editNamed', { title: measure.title })} onClick={() => setEditingId(measure.id)}>
                              {t('riskPage.measures.edit')}
                            </Button>
                            {measure.status !== 'DONE' && measure.status !== 'CANCELLED' && (
                              <Button
                                type="button"
                                variant="secondary"
                                data-size="sm"
                                aria-label={t('riskPage.measures.completeNamed', { title: measure.title })}
                                onClick={() => void completeMeasure(measure)}
                              >
                                {t('riskPage.measures.complete')}
                              </Button>
                            )}
                            <Button
                              type="button"
                              variant="tertiary"
                              data-size="sm"
                              data-color="danger"
                              aria-label={t('riskPage.measures.deleteNamed', { title: measure.title })}
                              onClick={() => setConfirmingDelete(measure.id)}
                            >
                              {t('riskPage.measures.delete')}
                            </Button>
                          </div>
                        )}
                      </Table.Cell>
                    )}
                  </Table.Row>
                ),
              )}
            </Table.Body>
          </Table>
        </div>
      )}
      {canEdit && <AddMeasure riskId={risk.id} people={people} onAdded={setAnnouncement} />}
      <Paragraph data-size="sm" role="status">
        {announcement}
      </Paragraph>
    </section>
  );
}

function AddMeasure({ riskId, people, onAdded }: { riskId: string; people: PersonChoice[]; onAdded(message: string): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <div className="form-actions">
        <Button type="button" variant="secondary" data-size="sm" onClick={() => setOpen(true)}>
          {t('riskPage.measures.add')}
        </Button>
      </div>
    );
  }
  return (
    <MeasureForm
      riskId={riskId}
      measure={null}
      people={people}
      onDone={(message) => {
        setOpen(false);
        if (message) onAdded(message);
      }}
    />
  );
}

type MeasureFormProps = {
  riskId: string;
  /** null: a new measure. */
  measure: RiskMeasure | null;
  people: PersonChoice[];
  /** With what to announce after a save; null after cancel. */
  onDone(message: string | null): void;
};

function MeasureForm({ riskId, measure, people, onDone }: MeasureFormProps) {
  const { t } = useTranslation();
  const writes = useMeasureWrites(riskId);
  const reloadOnConflict = useReloadOnConflict();
  const [draft, setDraft] = useState<MeasureDraft>(() =>
    measure
      ? { title: measure.title, ownerId: measure.owner?.id ?? '', ownerName: measure.ownerName ?? '', deadline: measure.deadline ?? '', status: measure.status }
      : EMPTY_DRAFT,
  );
  const [errors, setErrors] = useState<Partial<Record<MeasureField, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const prefix = measure ? `measure-${measure.id}` : 'measure-new';
  const set = <K extends MeasureField>(key: K, value: MeasureDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (writes.busy) return;
    setProblem(null);
    const fields = fieldsOf(draft);
    const found = measure
      ? zodFieldErrors(updateMeasureRules.safeParse({ ...fields, version: measure.version }), MEASURE_FIELDS)
      : zodFieldErrors(createMeasureRules.safeParse({ ...fields, riskId }), MEASURE_FIELDS);
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirstInvalid();
    const result = measure ? await writes.updateMeasure(measure.id, { ...fields, version: measure.version }) : await writes.createMeasure(fields);
    if (result.ok) return onDone(measure ? t('riskPage.measures.updated', { title: fields.title }) : t('riskPage.measures.added', { title: fields.title }));
    const atFields = fieldErrorsOf(t, result.error, MEASURE_FIELDS);
    if (Object.keys(atFields).length > 0) {
      setErrors(atFields);
      return focusFirstInvalid();
    }
    setProblem((await reloadOnConflict(result.error)) ? t('riskPage.conflictReloaded') : describeApiError(t, result.error));
    setAttempt((value) => value + 1);
  }

  return (
    <form
      ref={formRef}
      className="form-stack risk-page__measure-form"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-label={measure ? t('riskPage.measures.editFormLabel', { title: measure.title }) : t('riskPage.measures.addFormLabel')}
    >
      <FormAlert message={problem} attempt={attempt} />
      <TextField id={`${prefix}-title`} label={t('riskPage.measures.title')} value={draft.title} onChange={(e) => set('title', e.target.value)} error={errors.title} required autoFocus />
      <PersonFields
        idPrefix={`${prefix}-owner`}
        userLabel={t('riskPage.measures.ownerUser')}
        nameLabel={t('riskPage.measures.ownerName')}
        people={people}
        personId={draft.ownerId}
        name={draft.ownerName}
        onPersonId={(id) => set('ownerId', id)}
        onName={(name) => set('ownerName', name)}
        personError={errors.ownerId}
        nameError={errors.ownerName}
      />
      <TextField id={`${prefix}-deadline`} type="date" label={t('riskPage.measures.deadline')} value={draft.deadline} onChange={(e) => set('deadline', e.target.value)} error={errors.deadline} />
      <SelectField id={`${prefix}-status`} label={t('riskPage.measures.status')} value={draft.status} onChange={(e) => set('status', e.target.value as MeasureStatus)} error={errors.status}>
        {MEASURE_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`risk.measureStatus.${status}`)}
          </option>
        ))}
      </SelectField>
      <div className="form-actions">
        <Button type="submit" data-size="sm" loading={writes.busy}>
          {measure ? t('riskPage.measures.save') : t('riskPage.measures.create')}
        </Button>
        <Button type="button" variant="secondary" data-size="sm" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
