import { Button, Fieldset } from '@digdir/designsystemet-react';
import { updateRiskRules } from '@samarkiv/shared';
import type { TFunction } from 'i18next';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictDialog, type ConflictChoice, type ConflictField } from '../../../components/dialog/ConflictDialog.tsx';
import { FormAlert } from '../../../components/form/FormAlert.tsx';
import { SelectField, TextAreaField, TextField } from '../../../components/form/fields.tsx';
import { useFocusFirstInvalid } from '../../../components/form/useFocusFirstInvalid.ts';
import { describeApiError, fieldErrorsOf } from '../../../lib/errors.ts';
import { formatDate } from '../../../lib/format.ts';
import { RISK_STATUSES, type RiskStatus } from '../shared/riskUrlState.ts';
import { PersonFields, usePeopleChoices, type PersonChoice } from './people.tsx';
import { useReloadOnConflict, useRiskWrites, type UpdateRiskInput } from './riskMutations.ts';
import type { KnowledgeStrength, RiskFacts_risk, RiskPageChoices, TreatmentStrategy } from './riskPageFragments.ts';
import { textOrNull, zodFieldErrors } from './validation.ts';

const STRATEGIES: TreatmentStrategy[] = ['REDUCE', 'ACCEPT', 'AVOID', 'TRANSFER'];
const KNOWLEDGE: KnowledgeStrength[] = ['WEAK', 'MODERATE', 'STRONG'];

/** The form's values as the inputs hold them ('' for nothing chosen). */
export type RiskDraft = {
  title: string;
  shortTitle: string;
  areaId: string;
  appliesToAll: boolean;
  municipalityIds: string[];
  ownerId: string;
  ownerName: string;
  status: RiskStatus;
  treatmentStrategy: string;
  knowledgeStrength: string;
  nextReviewDate: string;
  cause: string;
  event: string;
  consequence: string;
};

type DraftField = keyof RiskDraft;
const FIELDS: readonly DraftField[] = [
  'title',
  'shortTitle',
  'areaId',
  'appliesToAll',
  'municipalityIds',
  'ownerId',
  'ownerName',
  'status',
  'treatmentStrategy',
  'knowledgeStrength',
  'nextReviewDate',
  'cause',
  'event',
  'consequence',
];

function draftOf(risk: RiskFacts_risk): RiskDraft {
  return {
    title: risk.title,
    shortTitle: risk.shortTitle ?? '',
    areaId: risk.area.id,
    appliesToAll: risk.appliesToAll,
    municipalityIds: risk.municipalities.map((m) => m.id),
    ownerId: risk.owner?.id ?? '',
    ownerName: risk.ownerName ?? '',
    status: risk.status,
    treatmentStrategy: risk.treatmentStrategy ?? '',
    knowledgeStrength: risk.knowledgeStrength ?? '',
    nextReviewDate: risk.nextReviewDate ?? '',
    cause: risk.cause ?? '',
    event: risk.event ?? '',
    consequence: risk.consequence ?? '',
  };
}

function inputOf(draft: RiskDraft, version: number): UpdateRiskInput {
  return {
    title: draft.title.trim(),
    shortTitle: textOrNull(draft.shortTitle),
    areaId: draft.areaId,
    appliesToAll: draft.appliesToAll,
    municipalityIds: draft.appliesToAll ? [] : draft.municipalityIds,
    ownerId: draft.ownerId || null,
    ownerName: textOrNull(draft.ownerName),
    status: draft.status,
    treatmentStrategy: (draft.treatmentStrategy || null) as TreatmentStrategy | null,
    knowledgeStrength: (draft.knowledgeStrength || null) as KnowledgeStrength | null,
    nextReviewDate: draft.nextReviewDate || null,
    cause: textOrNull(draft.cause),
    event: textOrNull(draft.event),
    consequence: textOrNull(draft.consequence),
    version,
  };
}

const idText = (value: unknown) => (value === null || value === undefined || value === '' ? '' : String(value));
const text = (value: unknown) => (typeof value === 'string' ? value : '');
const nested = (value: unknown, key: string) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined);

/**
 * The stored risk of a VERSION_CONFLICT's `current` as form values. `current` is the stored row
 * (areaId, ownerId, municipalityIds, a date column as an ISO timestamp); the object shape of the
 * GraphQL type (area.id, owner.id, municipalities) is read too. Fields it lacks keep `fallback`.
 */
export function draftFromCurrent(current: Record<string, unknown>, fallback: RiskDraft): RiskDraft {
  const has = (key: string) => key in current;
  const municipalityIds = Array.isArray(current.municipalityIds)
    ? current.municipalityIds.map(idText)
    : Array.isArray(current.municipalities)
      ? current.municipalities.map((m) => idText(nested(m, 'id')))
      : fallback.municipalityIds;
  return {
    title: has('title') ? text(current.title) : fallback.title,
    shortTitle: has('shortTitle') ? text(current.shortTitle) : fallback.shortTitle,
    areaId: has('areaId') ? idText(current.areaId) : has('area') ? idText(nested(current.area, 'id')) : fallback.areaId,
    appliesToAll: typeof current.appliesToAll === 'boolean' ? current.appliesToAll : fallback.appliesToAll,
    municipalityIds: [...municipalityIds].sort(),
    ownerId: has('ownerId') ? idText(current.ownerId) : has('owner') ? idText(nested(current.owner, 'id')) : fallback.ownerId,
    ownerName: has('ownerName') ? text(current.ownerName) : fallback.ownerName,
    status: (RISK_STATUSES as readonly unknown[]).includes(current.status) ? (current.status as RiskStatus) : fallback.status,
    treatmentStrategy: has('treatmentStrategy') ? text(current.treatmentStrategy) : fallback.treatmentStrategy,
    knowledgeStrength: has('knowledgeStrength') ? text(current.knowledgeStrength) : fallback.knowledgeStrength,
    nextReviewDate: has('nextReviewDate') ? text(current.nextReviewDate).slice(0, 10) : fallback.nextReviewDate,
    cause: has('cause') ? text(current.cause) : fallback.cause,
    event: has('event') ? text(current.event) : fallback.event,
    consequence: has('consequence') ? text(current.consequence) : fallback.consequence,
  };
}

const same = (a: RiskDraft[DraftField], b: RiskDraft[DraftField]) =>
  Array.isArray(a) && Array.isArray(b) ? [...a].sort().join(',') === [...b].sort().join(',') : (typeof a === 'string' ? a.trim() : a) === (typeof b === 'string' ? b.trim() : b);

type Conflict = { theirs: RiskDraft; version: number; fields: ConflictField<DraftField, RiskDraft[DraftField]>[] };

type RiskEditFormProps = {
  risk: RiskFacts_risk;
  choices: RiskPageChoices;
  /** Called with true after a save, false on cancel. */
  onDone(saved: boolean): void;
};

export function RiskEditForm({ risk, choices, onDone }: RiskEditFormProps) {
  const { t } = useTranslation();
  const { updateRisk } = useRiskWrites(risk.id);
  const reloadOnConflict = useReloadOnConflict();
  const people = usePeopleChoices([risk.owner]);
  const [original] = useState(() => draftOf(risk));
  const [draft, setDraft] = useState<RiskDraft>(original);
  const [errors, setErrors] = useState<Partial<Record<DraftField, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const set = <K extends DraftField>(key: K, value: RiskDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));

  async function save(values: RiskDraft, version: number) {
    setProblem(null);
    const input = inputOf(values, version);
    // The shared rules first: a refused field is marked without a round trip.
    const found = zodFieldErrors(updateRiskRules.safeParse(input), FIELDS);
    if (!values.appliesToAll && values.municipalityIds.length === 0) found.municipalityIds ??= t('riskPage.edit.municipalitiesMissing');
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirstInvalid();
    const result = await updateRisk.run(input);
    if (result.ok) {
      setConflict(null);
      return onDone(true);
    }
    if (result.error.code === 'VERSION_CONFLICT' && result.error.current) {
      const theirs = draftFromCurrent(result.error.current, original);
      const theirVersion = typeof result.error.current.version === 'number' ? result.error.current.version : version;
      const fields = FIELDS.filter((key) => !same(values[key], theirs[key])).map((key) =>
        conflictField(t, key, values, theirs, original, { choices, people }),
      );
      return setConflict({ theirs, version: theirVersion, fields });
    }
    setConflict(null);
    const atFields = fieldErrorsOf(t, result.error, FIELDS);
    if (Object.keys(atFields).length > 0) {
      setErrors(atFields);
      return focusFirstInvalid();
    }
    // A conflict without the stored values to compare: read the risk again and let the user save anew.
    setProblem((await reloadOnConflict(result.error)) ? t('riskPage.conflictReloaded') : describeApiError(t, result.error));
    setAttempt((value) => value + 1);
  }

  function resolve(picked: Record<DraftField, ConflictChoice>) {
    if (!conflict) return;
    const merged = { ...conflict.theirs } as Record<DraftField, unknown>;
    for (const key of FIELDS) merged[key] = picked[key] === 'mine' ? draft[key] : conflict.theirs[key];
    const next = merged as RiskDraft;
    setDraft(next);
    void save(next, conflict.version);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (updateRisk.loading) return;
    void save(draft, risk.version);
  }

  return (
    <>
      <form ref={formRef} className="form-stack risk-page__form" noValidate onSubmit={submit} aria-label={t('riskPage.edit.formLabel')}>
        <FormAlert message={problem} attempt={attempt} />
        <TextField id="risk-title" label={t('riskPage.fields.title')} value={draft.title} onChange={(e) => set('title', e.target.value)} error={errors.title} required autoFocus />
        <TextField id="risk-shortTitle" label={t('riskPage.fields.shortTitle')} value={draft.shortTitle} onChange={(e) => set('shortTitle', e.target.value)} error={errors.shortTitle} />
        <SelectField id="risk-area" label={t('riskPage.fields.area')} value={draft.areaId} onChange={(e) => set('areaId', e.target.value)} error={errors.areaId}>
          {choices.riskAreas.map((area) => (
            <option key={area.id} value={area.id}>
              {area.name}
            </option>
          ))}
        </SelectField>
        <Fieldset>
          <Fieldset.Legend>{t('riskPage.fields.municipalities')}</Fieldset.Legend>
          <CheckboxRow id="risk-appliesToAll" label={t('riskPage.edit.appliesToAll')} checked={draft.appliesToAll} onChange={(checked) => set('appliesToAll', checked)} />
          {!draft.appliesToAll &&
            choices.municipalities.map((municipality) => (
              <CheckboxRow
                key={municipality.id}
                id={`risk-municipality-${municipality.id}`}
                label={municipality.name}
                checked={draft.municipalityIds.includes(municipality.id)}
                invalid={Boolean(errors.municipalityIds)}
                onChange={(checked) =>
                  set('municipalityIds', checked ? [...draft.municipalityIds, municipality.id] : draft.municipalityIds.filter((id) => id !== municipality.id))
                }
              />
            ))}
          {errors.municipalityIds && <p className="ds-validation-message" data-color="danger">{errors.municipalityIds}</p>}
        </Fieldset>
        <PersonFields
          idPrefix="risk-owner"
          userLabel={t('riskPage.edit.ownerUser')}
          nameLabel={t('riskPage.edit.ownerName')}
          nameDescription={t('riskPage.edit.ownerNameHelp')}
          people={people}
          personId={draft.ownerId}
          name={draft.ownerName}
          onPersonId={(id) => set('ownerId', id)}
          onName={(name) => set('ownerName', name)}
          personError={errors.ownerId}
          nameError={errors.ownerName}
        />
        <SelectField id="risk-status" label={t('riskPage.fields.status')} value={draft.status} onChange={(e) => set('status', e.target.value as RiskStatus)} error={errors.status}>
          {RISK_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`risk.status.${status}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="risk-treatmentStrategy"
          label={t('riskPage.fields.treatmentStrategy')}
          value={draft.treatmentStrategy}
          onChange={(e) => set('treatmentStrategy', e.target.value)}
          error={errors.treatmentStrategy}
        >
          <option value="">{t('riskPage.notChosen')}</option>
          {STRATEGIES.map((value) => (
            <option key={value} value={value}>
              {t(`riskPage.strategy.${value}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="risk-knowledgeStrength"
          label={t('riskPage.fields.knowledgeStrength')}
          value={draft.knowledgeStrength}
          onChange={(e) => set('knowledgeStrength', e.target.value)}
          error={errors.knowledgeStrength}
        >
          <option value="">{t('riskPage.notChosen')}</option>
          {KNOWLEDGE.map((value) => (
            <option key={value} value={value}>
              {t(`riskPage.knowledge.${value}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          id="risk-nextReviewDate"
          type="date"
          label={t('riskPage.fields.nextReviewDate')}
          value={draft.nextReviewDate}
          onChange={(e) => set('nextReviewDate', e.target.value)}
          error={errors.nextReviewDate}
        />
        <TextAreaField id="risk-cause" rows={3} label={t('riskPage.fields.cause')} value={draft.cause} onChange={(e) => set('cause', e.target.value)} error={errors.cause} />
        <TextAreaField id="risk-event" rows={3} label={t('riskPage.fields.event')} value={draft.event} onChange={(e) => set('event', e.target.value)} error={errors.event} />
        <TextAreaField
          id="risk-consequence"
          rows={3}
          label={t('riskPage.fields.consequence')}
          value={draft.consequence}
          onChange={(e) => set('consequence', e.target.value)}
          error={errors.consequence}
        />
        <div className="form-actions">
          <Button type="submit" data-size="sm" loading={updateRisk.loading}>
            {t('riskPage.edit.save')}
          </Button>
          <Button type="button" variant="secondary" data-size="sm" onClick={() => onDone(false)}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
      {/* Outside the form: a form inside a form would submit both. */}
      <ConflictDialog open={conflict !== null} fields={conflict?.fields ?? []} onResolve={resolve} onCancel={() => setConflict(null)} busy={updateRisk.loading} />
    </>
  );
}

type Lookups = { choices: RiskPageChoices; people: PersonChoice[] };
type ConflictValue = RiskDraft[DraftField];

/** One field of the conflict dialog, in words; the user's own value is preselected only if they changed it. */
function conflictField(t: TFunction, key: DraftField, mine: RiskDraft, theirs: RiskDraft, original: RiskDraft, { choices, people }: Lookups): ConflictField<DraftField, ConflictValue> {
  const nameOf = (list: { id: string; name?: string; displayName?: string }[], id: unknown) => {
    const found = list.find((item) => item.id === id);
    return found ? (found.name ?? found.displayName ?? '') : idText(id);
  };
  const formats: Partial<Record<DraftField, (value: ConflictValue) => string>> = {
    areaId: (value) => nameOf(choices.riskAreas, value),
    municipalityIds: (value) => (value as string[]).map((id) => nameOf(choices.municipalities, id)).join(', '),
    ownerId: (value) => nameOf(people, value),
    appliesToAll: (value) => (value ? t('common.yes') : t('common.no')),
    status: (value) => t(`risk.status.${value as RiskStatus}`),
    treatmentStrategy: (value) => (value ? t(`riskPage.strategy.${value as TreatmentStrategy}`) : ''),
    knowledgeStrength: (value) => (value ? t(`riskPage.knowledge.${value as KnowledgeStrength}`) : ''),
    nextReviewDate: (value) => (value ? formatDate(String(value)) : ''),
  };
  const labels: Record<DraftField, string> = {
    title: t('riskPage.fields.title'),
    shortTitle: t('riskPage.fields.shortTitle'),
    areaId: t('riskPage.fields.area'),
    appliesToAll: t('riskPage.fields.appliesToAll'),
    municipalityIds: t('riskPage.fields.municipalities'),
    ownerId: t('riskPage.fields.ownerId'),
    ownerName: t('riskPage.fields.ownerName'),
    status: t('riskPage.fields.status'),
    treatmentStrategy: t('riskPage.fields.treatmentStrategy'),
    knowledgeStrength: t('riskPage.fields.knowledgeStrength'),
    nextReviewDate: t('riskPage.fields.nextReviewDate'),
    cause: t('riskPage.fields.cause'),
    event: t('riskPage.fields.event'),
    consequence: t('riskPage.fields.consequence'),
  };
  const label = labels[key];
  return { key, label, mine: mine[key], theirs: theirs[key], format: formats[key], preferred: same(mine[key], original[key]) ? 'theirs' : 'mine' };
}

type CheckboxRowProps = { id: string; label: string; checked: boolean; invalid?: boolean; onChange(checked: boolean): void };

/** A plain labelled checkbox (explicit ids hold from the first render; see components/form/fields.tsx). */
function CheckboxRow({ id, label, checked, invalid, onChange }: CheckboxRowProps) {
  return (
    <div className="risk-page__checkbox">
      <input id={id} type="checkbox" className="ds-input" checked={checked} aria-invalid={invalid || undefined} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
