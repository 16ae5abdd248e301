import { useMutation } from '@apollo/client/react';
import { Fieldset, Select, ValidationMessage } from '@digdir/designsystemet-react';
import { createAcceptanceCriteriaRules } from '@samarkiv/shared';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../../components/dialog/ModalDialog.tsx';
import { FormAlert } from '../../../components/form/FormAlert.tsx';
import { TextAreaField, TextField } from '../../../components/form/fields.tsx';
import { useFocusFirstInvalid } from '../../../components/form/useFocusFirstInvalid.ts';
import { describeApiError } from '../../../lib/errors.ts';
import { outcomeOf } from '../../../lib/mutationOutcome.ts';
import type { RiskLevel } from '../shared/riskUrlState.ts';
import { AXES, cellIndex, draftFrom, errorsOf, hasErrors, inputOf, LEVELS, scaleIndex, type CriteriaDraft, type CriteriaErrors } from './criteriaForm.ts';
import { CREATE_CRITERIA_MUTATION, type CriteriaInForce, type CriteriaVersion } from './criteriaQueries.ts';
import { FormActions } from '../../../components/form/FormActions.tsx';

const RISK_LEVELS: readonly RiskLevel[] = ['LOW', 'MEDIUM', 'HIGH'];
const HIGH_FIRST = [...LEVELS].reverse();
const NO_ERRORS: CriteriaErrors = { cells: {}, scale: {}, general: [] };

type NewCriteriaVersionDialogProps = {
  open: boolean;
  /** The version in force, which the form starts from; null when none is. */
  current: CriteriaInForce | null;
  onClose(): void;
  onCreated(version: CriteriaVersion): void;
};

export function NewCriteriaVersionDialog({ open, current, onClose, onCreated }: NewCriteriaVersionDialogProps) {
  const { t } = useTranslation();
  return (
    <ModalDialog open={open} onClose={onClose} title={t('criteria.create.title')}>
      <NewVersionForm current={current} onCancel={onClose} onCreated={onCreated} />
    </ModalDialog>
  );
}

function NewVersionForm({ current, onCancel, onCreated }: { current: CriteriaInForce | null; onCancel(): void; onCreated(version: CriteriaVersion): void }) {
  const { t } = useTranslation();
  const [mutate, { loading }] = useMutation(CREATE_CRITERIA_MUTATION);
  const [draft, setDraft] = useState<CriteriaDraft>(() => draftFrom(current));
  const [errors, setErrors] = useState<CriteriaErrors>(NO_ERRORS);
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);

  function fail(found: CriteriaErrors, message: string | null) {
    setErrors(found);
    setFormError(message);
    setAttempt((value) => value + 1);
    focusFirstInvalid();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    // The shared rules are the server's own (all 25 cells, the level never falling, ten levels).
    const checked = createAcceptanceCriteriaRules.safeParse(inputOf(draft));
    if (!checked.success) {
      const found = errorsOf(checked.error.issues);
      return fail(found, found.general.length ? found.general.join(' ') : t('criteria.create.fixFields'));
    }
    setErrors(NO_ERRORS);
    setFormError(null);
    const result = await outcomeOf(() => mutate({ variables: { input: checked.data } }));
    if (result.ok) return onCreated(result.data.createAcceptanceCriteriaVersion);

    const problem = result.error;
    if (problem.serverCode === 'ALREADY_EXISTS') return fail({ ...NO_ERRORS, validFrom: t('criteria.create.duplicateDate') }, null);
    if (problem.code === 'VALIDATION_FAILED') {
      const found = errorsOf(problem.issues?.length ? problem.issues : problem.path ? [{ path: problem.path, message: problem.message ?? '' }] : []);
      if (hasErrors(found)) return fail(found, found.general.length ? found.general.join(' ') : t('criteria.create.fixFields'));
    }
    fail(NO_ERRORS, describeApiError(t, problem));
  }

  const setField = (field: 'validFrom' | 'name' | 'description') => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [field]: event.target.value }));
  const setLevel = (index: number, level: string) =>
    setDraft((current) => ({ ...current, levels: current.levels.map((value, i) => (i === index ? (level as RiskLevel | '') : value)) }));
  const setScale = (index: number, part: 'label' | 'description', value: string) =>
    setDraft((current) => ({ ...current, scale: current.scale.map((item, i) => (i === index ? { ...item, [part]: value } : item)) }));

  return (
    <form ref={formRef} className="form-stack criteria-form" noValidate onSubmit={(event) => void submit(event)}>
      <FormAlert message={formError} attempt={attempt} />
      <TextField
        label={t('criteria.create.validFrom')}
        description={t('criteria.create.validFromHelp')}
        name="validFrom"
        type="date"
        required
        value={draft.validFrom}
        onChange={setField('validFrom')}
        error={errors.validFrom}
      />
      <TextField label={t('criteria.create.name')} name="name" required value={draft.name} onChange={setField('name')} error={errors.name} />
      <TextAreaField
        label={t('criteria.create.description')}
        name="description"
        rows={3}
        value={draft.description}
        onChange={setField('description')}
        error={errors.description}
      />
      <Fieldset>
        <Fieldset.Legend>{t('criteria.create.cellsLegend')}</Fieldset.Legend>
        <Fieldset.Description>{t('criteria.create.cellsHelp')}</Fieldset.Description>
        <div className="table-scroll">
          <table className="criteria-grid criteria-grid--form">
            <thead>
              <tr>
                <td className="criteria-grid__corner">
                  <span>{t('criteria.grid.corner')}</span>
                </td>
                {LEVELS.map((consequence) => (
                  <th key={consequence} scope="col">
                    {t('risk.consequence')} {consequence}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {HIGH_FIRST.map((likelihood) => (
                <tr key={likelihood}>
                  <th scope="row">
                    {t('risk.likelihood')} {likelihood}
                  </th>
                  {LEVELS.map((consequence) => {
                    const index = cellIndex(likelihood, consequence);
                    const error = errors.cells[index];
                    const errorId = `criteria-cell-${index}-error`;
                    return (
                      <td key={consequence}>
                        <Select
                          data-size="sm"
                          aria-label={t('criteria.create.cellLabel', { likelihood, consequence })}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? errorId : undefined}
                          value={draft.levels[index]}
                          onChange={(event) => setLevel(index, event.target.value)}
                        >
                          <option value="">{t('criteria.create.chooseLevel')}</option>
                          {RISK_LEVELS.map((level) => (
                            <option key={level} value={level}>
                              {t(`risk.level.${level}`)}
                            </option>
                          ))}
                        </Select>
                        {error && (
                          <ValidationMessage id={errorId} data-size="sm">
                            {error}
                          </ValidationMessage>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Fieldset>
      {AXES.map((axis) => (
        <Fieldset key={axis}>
          <Fieldset.Legend>{t(`criteria.scale.caption.${axis}`)}</Fieldset.Legend>
          {LEVELS.map((level) => {
            const index = scaleIndex(axis, level);
            const axisWord = t(axis === 'LIKELIHOOD' ? 'risk.likelihood' : 'risk.consequence');
            return (
              <div key={level} className="criteria-form__scale-level">
                <TextField
                  label={t('criteria.create.scaleLabel', { axis: axisWord, level })}
                  value={draft.scale[index]!.label}
                  onChange={(event) => setScale(index, 'label', event.target.value)}
                  error={errors.scale[`${index}.label`]}
                />
                <TextAreaField
                  label={t('criteria.create.scaleDescription', { axis: axisWord, level })}
                  rows={2}
                  value={draft.scale[index]!.description}
                  onChange={(event) => setScale(index, 'description', event.target.value)}
                  error={errors.scale[`${index}.description`]}
                />
              </div>
            );
          })}
        </Fieldset>
      ))}
      <FormActions submitLabel={t('criteria.create.submit')} loading={loading} onCancel={onCancel} />
    </form>
  );
}
