import type { TFunction } from 'i18next';
import type { ConflictField } from '../../../components/dialog/ConflictDialog.tsx';
import { formatDate } from '../../../lib/format.ts';
import { DEPOSIT_WORDS, MEDIUM_WORDS, RETENTION_WORDS, STATUS_WORDS } from './codes.ts';
import { EDIT_FIELDS, type FormField, type SeriesFormValues } from './seriesFields.ts';
import type { SeriesEditOptions } from './seriesPageQuery.ts';

// A VERSION_CONFLICT on a series' page: the stored series of the error's `current` (the API's
// seriesView: columns, ids as numbers, dates as YYYY-MM-DD) as form values, and the fields the
// two versions disagree on, in words, for the generic ConflictDialog.

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/** The stored series as form values; a field `current` lacks keeps the fallback's value. */
export function formValuesFromCurrent(current: Record<string, unknown>, fallback: SeriesFormValues): SeriesFormValues {
  const values = { ...fallback };
  for (const { name, kind } of EDIT_FIELDS) {
    if (!(name in current)) continue;
    values[name] = kind === 'date' ? text(current[name]).slice(0, 10) : text(current[name]);
  }
  if (typeof current.isContinuous === 'boolean') values.isContinuous = current.isContinuous;
  return values;
}

const KINDS = new Map<string, string>(EDIT_FIELDS.map((f) => [f.name, f.kind]));

/** Equal as the API would store them: numbers by value ("2,5" is 2.5), text without edge spaces. */
function same(field: FormField, a: SeriesFormValues[FormField], b: SeriesFormValues[FormField]): boolean {
  if (typeof a === 'boolean' || typeof b === 'boolean') return a === b;
  const kind = KINDS.get(field);
  if (kind === 'number' || kind === 'decimal') return a.trim().replace(',', '.') === b.trim().replace(',', '.') || (a.trim() !== '' && Number(a.replace(',', '.')) === Number(b.replace(',', '.')));
  return a.trim() === b.trim();
}

type Value = SeriesFormValues[FormField];

/** The fields that differ, each preselecting the user's own value only where they changed it. */
export function conflictFields(t: TFunction, mine: SeriesFormValues, theirs: SeriesFormValues, original: SeriesFormValues, options: SeriesEditOptions | undefined): ConflictField<FormField, Value>[] {
  const fields: FormField[] = [...EDIT_FIELDS.map((f) => f.name), 'isContinuous'];
  const word = (codes: Record<string, string>) => (value: Value) => codes[String(value)] ?? String(value);
  const nameOf = (list: { id: string; label: string }[] | undefined) => (value: Value) => list?.find((item) => item.id === value)?.label ?? String(value);
  const formats: Partial<Record<FormField, (value: Value) => string>> = {
    status: word(STATUS_WORDS),
    documentMedium: word(MEDIUM_WORDS),
    retentionDecision: word(RETENTION_WORDS),
    depositStatus: word(DEPOSIT_WORDS),
    periodStart: (value) => (value ? formatDate(String(value)) : ''),
    periodEnd: (value) => (value ? formatDate(String(value)) : ''),
    depositDate: (value) => (value ? formatDate(String(value)) : ''),
    archiveId: nameOf(options?.archives.map((a) => ({ id: a.id, label: a.title }))),
    archiveCreatorId: nameOf(options?.archiveCreators.map((a) => ({ id: a.id, label: a.name }))),
    targetSeriesId: nameOf(options?.targetSeries.map((s) => ({ id: s.id, label: `${s.code} ${s.title}` }))),
    isContinuous: (value) => (value ? t('common.yes') : t('common.no')),
  };
  return fields
    .filter((key) => !same(key, mine[key], theirs[key]))
    .map((key) => ({ key, label: t(`seriesPage.fields.${key}`), mine: mine[key], theirs: theirs[key], format: formats[key], preferred: same(key, mine[key], original[key]) ? 'theirs' : 'mine' }));
}
