import { seriesConsistency, updateArchiveSeriesRules } from '@samarkiv/shared';
import type { TFunction } from 'i18next';
import { fieldErrorsOf, type ApiError } from '../../../lib/errors.ts';
import type { SeriesPage_series, UpdateSeriesInput } from './seriesPageQuery.ts';

/** Noark 5 metadata numbers of the fields that have one, shown small beside the Norwegian name. */
export const M_NUMBERS: Partial<Record<string, string>> = {
  systemId: 'M001',
  title: 'M020',
  description: 'M021',
  status: 'M051',
  documentMedium: 'M300',
  periodStart: 'M107',
  periodEnd: 'M108',
  predecessor: 'M202',
  successor: 'M203',
  classificationType: 'M086',
  retentionDecision: 'M450',
  retentionYears: 'M451',
  retentionBasis: 'M453',
  accessRestriction: 'M500',
  restrictionBasis: 'M501',
  storageLocation: 'M301',
  archiveCreator: 'M023',
};

/** Every name seriesPage.fields has a label for. */
export type FieldLabel =
  | EditField
  | 'isContinuous'
  | 'predecessor'
  | 'successor'
  | 'municipality'
  | 'archive'
  | 'archiveCreator'
  | 'targetSeries'
  | 'updatedAt';

type Kind = 'text' | 'longText' | 'date' | 'number' | 'decimal' | 'select';

/** The editable fields in the form's order, with the control each gets. */
export const EDIT_FIELDS = [
  { name: 'identifier', kind: 'text' },
  { name: 'title', kind: 'text' },
  { name: 'description', kind: 'longText' },
  { name: 'systemId', kind: 'text' },
  { name: 'status', kind: 'select' },
  { name: 'documentMedium', kind: 'select' },
  { name: 'periodStart', kind: 'date' },
  { name: 'periodEnd', kind: 'date' },
  { name: 'archiveId', kind: 'select' },
  { name: 'archiveCreatorId', kind: 'select' },
  { name: 'classificationType', kind: 'text' },
  { name: 'retentionDecision', kind: 'select' },
  { name: 'retentionYears', kind: 'number' },
  { name: 'retentionBasis', kind: 'text' },
  { name: 'accessRestriction', kind: 'text' },
  { name: 'restrictionBasis', kind: 'text' },
  { name: 'extentFiles', kind: 'number' },
  { name: 'extentRecords', kind: 'number' },
  { name: 'extentShelfMetres', kind: 'decimal' },
  { name: 'storageLocation', kind: 'text' },
  { name: 'system', kind: 'text' },
  { name: 'depositStatus', kind: 'select' },
  { name: 'depositDate', kind: 'date' },
  { name: 'targetSeriesId', kind: 'select' },
] as const satisfies readonly { name: string; kind: Kind }[];

export type EditField = (typeof EDIT_FIELDS)[number]['name'];
/** Every field the form can mark, including the checkbox. */
export type FormField = EditField | 'isContinuous';
export const FORM_FIELDS: readonly FormField[] = [...EDIT_FIELDS.map((f) => f.name), 'isContinuous'];

export type SeriesFormValues = Record<EditField, string> & { isContinuous: boolean };

const text = (value: string | number | null | undefined) => (value === null || value === undefined ? '' : String(value));

export function formValuesOf(series: SeriesPage_series): SeriesFormValues {
  return {
    identifier: series.identifier,
    title: series.title,
    description: text(series.description),
    systemId: text(series.systemId),
    status: series.status,
    documentMedium: series.documentMedium,
    periodStart: series.periodStart,
    periodEnd: text(series.periodEnd),
    archiveId: text(series.archive?.id),
    archiveCreatorId: text(series.archiveCreator?.id),
    classificationType: text(series.classificationType),
    retentionDecision: text(series.retentionDecision),
    retentionYears: text(series.retentionYears),
    retentionBasis: text(series.retentionBasis),
    accessRestriction: text(series.accessRestriction),
    restrictionBasis: text(series.restrictionBasis),
    extentFiles: text(series.extentFiles),
    extentRecords: text(series.extentRecords),
    extentShelfMetres: text(series.extentShelfMetres),
    storageLocation: text(series.storageLocation),
    system: text(series.system),
    depositStatus: series.depositStatus,
    depositDate: text(series.depositDate),
    targetSeriesId: text(series.targetSeries?.id),
    isContinuous: series.isContinuous,
  };
}

/** A number field: empty is null; "2,5" is read as 2.5 (Norwegian decimal comma); junk stays NaN for the rule to reject. */
function numberOf(value: string): number | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  return Number(trimmed.replace(',', '.'));
}

/** The update as the API takes it: every field of the form, empty as null, with the version it was based on. */
export function inputOf(values: SeriesFormValues, version: number): UpdateSeriesInput {
  const input: UpdateSeriesInput = { version, isContinuous: values.isContinuous };
  for (const { name, kind } of EDIT_FIELDS) {
    const value = values[name];
    if (kind === 'number' || kind === 'decimal') input[name] = numberOf(value);
    else if (name === 'identifier' || name === 'title' || name === 'periodStart' || name === 'status' || name === 'documentMedium' || name === 'depositStatus') input[name] = value;
    else input[name] = value.trim() === '' ? null : value;
  }
  return input;
}

export type FieldErrors = Partial<Record<FormField, string>>;

/**
 * The shared rules (packages/shared/src/rules/series.ts) the API applies, run before sending:
 * each field's rule, then the rules across fields on the whole series as it would be saved.
 */
export function validateSeries(input: UpdateSeriesInput, series: SeriesPage_series): FieldErrors {
  const errors: FieldErrors = {};
  const parsed = updateArchiveSeriesRules.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = issue.path[0];
      if (typeof name === 'string' && (FORM_FIELDS as readonly string[]).includes(name) && !errors[name as FormField]) errors[name as FormField] = issue.message;
    }
    return errors;
  }
  const issues = seriesConsistency({
    periodStart: String(input.periodStart),
    periodEnd: (input.periodEnd as string | null) ?? null,
    isContinuous: Boolean(input.isContinuous),
    depositStatus: String(input.depositStatus),
    depositDate: (input.depositDate as string | null) ?? null,
    predecessorId: series.predecessor ? Number(series.predecessor.id) : null,
    successorId: series.successor ? Number(series.successor.id) : null,
  });
  for (const issue of issues) {
    const name = issue.path[0] as FormField;
    if (!errors[name]) errors[name] = issue.message;
  }
  return errors;
}

/**
 * The server's errors at the form's fields: every issue of a VALIDATION_FAILED, and the codes
 * that name one field with a Norwegian message of their own (ALREADY_EXISTS on the identifier,
 * NOT_FOUND on a chosen archive). Empty when the error belongs to no field of the form.
 */
export function serverFieldErrors(t: TFunction, error: ApiError): FieldErrors {
  const found: FieldErrors = fieldErrorsOf(t, error, FORM_FIELDS);
  if (Object.keys(found).length > 0 || error.code === 'VALIDATION_FAILED' || !error.path || !error.message) return found;
  const name = error.path.filter((part): part is string => typeof part === 'string' && part !== 'input').at(-1);
  if (name && (FORM_FIELDS as readonly string[]).includes(name) && (['UNKNOWN', 'NOT_FOUND', 'ALREADY_EXISTS', 'CHAIN_CONFLICT'] as const).includes(error.code as never)) found[name as FormField] = error.message;
  return found;
}
