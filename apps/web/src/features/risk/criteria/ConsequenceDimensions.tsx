import { useMutation } from '@apollo/client/react';
import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../../components/dialog/ModalDialog.tsx';
import { FormAlert } from '../../../components/form/FormAlert.tsx';
import { TextAreaField, TextField } from '../../../components/form/fields.tsx';
import { useFocusFirstInvalid } from '../../../components/form/useFocusFirstInvalid.ts';
import { describeApiError, fieldErrorsOf, type ApiError } from '../../../lib/errors.ts';
import { outcomeOf } from '../../../lib/mutationOutcome.ts';
import {
  CREATE_DIMENSION_MUTATION,
  DELETE_DIMENSION_MUTATION,
  UPDATE_DIMENSION_MUTATION,
  type ConsequenceDimension,
  type DimensionInput,
} from './criteriaQueries.ts';
import { FormActions } from '../../../components/form/FormActions.tsx';

type ConsequenceDimensionsProps = {
  dimensions: ConsequenceDimension[];
  editable: boolean;
  /** After a change, with the confirmation to announce; the page reads the list again. */
  onChanged(message: string): void;
  /** Reads the list again (after a version conflict). */
  onReload(): void;
};

/** konsekvensdimensjoner: the ways a risk's consequence can be scored; ADMIN keeps the list. */
export function ConsequenceDimensions({ dimensions, editable, onChanged, onReload }: ConsequenceDimensionsProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const captionId = useId();
  const [editing, setEditing] = useState<ConsequenceDimension | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ConsequenceDimension | null>(null);
  return (
    <section aria-labelledby={headingId} className="criteria-section">
      <div className="criteria-section__head">
        <Heading level={2} data-size="sm" id={headingId}>
          {t('criteria.dimensions.heading')}
        </Heading>
        {editable && (
          <Button type="button" variant="secondary" onClick={() => setEditing('new')}>
            {t('criteria.dimensions.add')}
          </Button>
        )}
      </div>
      <Paragraph>{t('criteria.dimensions.lead')}</Paragraph>
      {dimensions.length === 0 ? (
        <Paragraph>{t('criteria.dimensions.none')}</Paragraph>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
          <Table zebra border>
            <caption id={captionId}>{t('criteria.dimensions.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('criteria.dimensions.name')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('criteria.dimensions.description')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">
                  {t('criteria.dimensions.sortOrder')}
                </Table.HeaderCell>
                {editable && (
                  <Table.HeaderCell scope="col">
                    <span className="ds-sr-only">{t('criteria.dimensions.actions')}</span>
                  </Table.HeaderCell>
                )}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {dimensions.map((dimension) => (
                <Table.Row key={dimension.id}>
                  <Table.HeaderCell scope="row">{dimension.name}</Table.HeaderCell>
                  <Table.Cell>{dimension.description ?? ''}</Table.Cell>
                  <Table.Cell className="numeric">{dimension.sortOrder}</Table.Cell>
                  {editable && (
                    <Table.Cell>
                      <div className="form-actions">
                        <Button type="button" variant="secondary" data-size="sm" onClick={() => setEditing(dimension)}>
                          {t('criteria.dimensions.edit')} <span className="ds-sr-only">{dimension.name}</span>
                        </Button>
                        <Button type="button" variant="tertiary" data-color="danger" data-size="sm" onClick={() => setDeleting(dimension)}>
                          {t('criteria.dimensions.delete')} <span className="ds-sr-only">{dimension.name}</span>
                        </Button>
                      </div>
                    </Table.Cell>
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {editable && (
        <>
          <ModalDialog
            open={editing !== null}
            onClose={() => setEditing(null)}
            title={editing === 'new' ? t('criteria.dimensions.createTitle') : editing ? t('criteria.dimensions.editTitle', { name: editing.name }) : ''}
          >
            {editing && (
              <DimensionForm
                dimension={editing === 'new' ? null : editing}
                nextOrder={Math.max(0, ...dimensions.map((dimension) => dimension.sortOrder + 1))}
                onCancel={() => setEditing(null)}
                onReload={() => {
                  setEditing(null);
                  onReload();
                }}
                onSaved={(message) => {
                  setEditing(null);
                  onChanged(message);
                }}
              />
            )}
          </ModalDialog>
          <DeleteDimensionDialog
            dimension={deleting}
            onClose={() => setDeleting(null)}
            onDeleted={(dimension) => {
              setDeleting(null);
              onChanged(t('criteria.dimensions.deleted', { name: dimension.name }));
            }}
          />
        </>
      )}
    </section>
  );
}

type Field = 'name' | 'description' | 'sortOrder';
const FIELDS: readonly Field[] = ['name', 'description', 'sortOrder'];

function DimensionForm({
  dimension,
  nextOrder,
  onCancel,
  onReload,
  onSaved,
}: {
  dimension: ConsequenceDimension | null;
  nextOrder: number;
  onCancel(): void;
  onReload(): void;
  onSaved(message: string): void;
}) {
  const { t } = useTranslation();
  const [create, created] = useMutation(CREATE_DIMENSION_MUTATION);
  const [update, updated] = useMutation(UPDATE_DIMENSION_MUTATION);
  const loading = created.loading || updated.loading;
  const [values, setValues] = useState({
    name: dimension?.name ?? '',
    description: dimension?.description ?? '',
    sortOrder: String(dimension?.sortOrder ?? nextOrder),
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    setProblem(null);
    const name = values.name.trim();
    const sortOrder = Number(values.sortOrder.trim() || '0');
    const found = {
      name: name ? undefined : t('criteria.dimensions.nameMissing'),
      sortOrder: Number.isInteger(sortOrder) && sortOrder >= 0 ? undefined : t('criteria.dimensions.sortOrderInvalid'),
    };
    setErrors(found);
    if (found.name || found.sortOrder) return focusFirstInvalid();
    const input: DimensionInput = { name, description: values.description.trim() || null, sortOrder };
    const result = dimension
      ? await outcomeOf(() => update({ variables: { id: dimension.id, input: { ...input, version: dimension.version } } }))
      : await outcomeOf(() => create({ variables: { input } }));
    if (result.ok) return onSaved(t(dimension ? 'criteria.dimensions.saved' : 'criteria.dimensions.created', { name }));
    const atFields = fieldErrorsOf(t, result.error, FIELDS);
    if (result.error.serverCode === 'ALREADY_EXISTS') atFields.name = result.error.message;
    if (Object.keys(atFields).length > 0) {
      setErrors(atFields);
      return focusFirstInvalid();
    }
    setProblem(result.error);
    setAttempt((value) => value + 1);
  }

  const set = (field: Field) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [field]: event.target.value }));
  return (
    <form ref={formRef} className="form-stack" noValidate onSubmit={(event) => void submit(event)}>
      <FormAlert message={problem ? describeApiError(t, problem) : null} attempt={attempt} />
      {problem?.code === 'VERSION_CONFLICT' && (
        <div>
          <Button type="button" variant="secondary" data-size="sm" onClick={onReload}>
            {t('criteria.dimensions.loadLatest')}
          </Button>
        </div>
      )}
      <TextField label={t('criteria.dimensions.name')} name="name" required value={values.name} onChange={set('name')} error={errors.name} />
      <TextAreaField
        label={t('criteria.dimensions.descriptionOptional')}
        name="description"
        rows={3}
        value={values.description}
        onChange={set('description')}
        error={errors.description}
      />
      <TextField
        label={t('criteria.dimensions.sortOrder')}
        name="sortOrder"
        inputMode="numeric"
        value={values.sortOrder}
        onChange={set('sortOrder')}
        error={errors.sortOrder}
      />
      <FormActions submitLabel={t('criteria.dimensions.save')} loading={loading} onCancel={onCancel} />
    </form>
  );
}

function DeleteDimensionDialog({ dimension, onClose, onDeleted }: { dimension: ConsequenceDimension | null; onClose(): void; onDeleted(dimension: ConsequenceDimension): void }) {
  const { t } = useTranslation();
  const [mutate, { loading }] = useMutation(DELETE_DIMENSION_MUTATION);
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  async function confirm() {
    if (!dimension || loading) return;
    setProblem(null);
    const result = await outcomeOf(() => mutate({ variables: { id: dimension.id } }));
    if (result.ok) return onDeleted(dimension);
    // IN_USE: risks carry scores for it; say so in the page's own words.
    setProblem(result.error.serverCode === 'IN_USE' ? t('criteria.dimensions.inUse', { name: dimension.name }) : describeApiError(t, result.error));
    setAttempt((value) => value + 1);
  }

  function close() {
    setProblem(null);
    onClose();
  }

  return (
    <ModalDialog open={dimension !== null} onClose={close} title={t('criteria.dimensions.deleteTitle')}>
      {dimension && (
        <div className="form-stack">
          <FormAlert message={problem} attempt={attempt} />
          <Paragraph>{t('criteria.dimensions.deleteQuestion', { name: dimension.name })}</Paragraph>
          <div className="form-actions">
            <Button type="button" data-color="danger" loading={loading} onClick={() => void confirm()} data-autofocus>
              {t('criteria.dimensions.deleteConfirm')}
            </Button>
            <Button type="button" variant="secondary" onClick={close}>
              {t('common.cancel')}
            </Button>
          </div>
        </div>
      )}
    </ModalDialog>
  );
}
