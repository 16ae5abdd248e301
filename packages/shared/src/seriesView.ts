import { ARCHIVE_SERIES_STATUS, DEPOSIT_STATUS, DOCUMENT_MEDIUM, RETENTION_DECISION } from './codeLists.ts';
import { isRealDate } from './dates.ts';

// The series browser's view as URL parameters, read and written in one place for both sides:
// the web app keeps its view in the address (bookmarkable), and the CSV export
// (GET /exports/archive-series) takes the same parameters, so "export this view" is the
// browser's own query string. List parameters repeat (?status=A&status=B) because some values
// (classification types) contain commas.

export type ArchiveSeriesStatusCode = keyof typeof ARCHIVE_SERIES_STATUS;
export type DocumentMediumCode = keyof typeof DOCUMENT_MEDIUM;
export type RetentionDecisionCode = keyof typeof RETENTION_DECISION;
export type DepositStatusCode = keyof typeof DEPOSIT_STATUS;

export const SERIES_ORDER_FIELDS = [
  'RELEVANCE',
  'IDENTIFIER',
  'TITLE',
  'STATUS',
  'DOCUMENT_MEDIUM',
  'PERIOD_START',
  'PERIOD_END',
  'RETENTION_DECISION',
  'CLASSIFICATION_TYPE',
  'SYSTEM',
  'DEPOSIT_STATUS',
  'UPDATED_AT',
] as const;
export type SeriesOrderField = (typeof SERIES_ORDER_FIELDS)[number];
export type SeriesSort = { field: SeriesOrderField; direction: 'ASC' | 'DESC' };

/** The GraphQL ArchiveSeriesFilter (only what is set). */
export type SeriesFilterInput = {
  municipalityIds?: string[];
  archiveCreatorIds?: string[];
  statuses?: ArchiveSeriesStatusCode[];
  documentMedia?: DocumentMediumCode[];
  retentionDecisions?: RetentionDecisionCode[];
  retentionDecisionMissing?: boolean;
  classificationTypes?: string[];
  restricted?: boolean;
  restrictionBases?: string[];
  restrictionBasisMissing?: boolean;
  mapped?: boolean;
  continuous?: boolean;
  withoutSuccessorFrom?: string;
  periodFrom?: string;
  periodTo?: string;
  systems?: string[];
  targetSeriesIds?: string[];
  depositStatuses?: DepositStatusCode[];
  search?: string;
};

export type SeriesView = { filter: SeriesFilterInput; sort: SeriesSort | null };

export const SERIES_PARAM = {
  search: 'sok',
  municipalityIds: 'kommune',
  archiveCreatorIds: 'arkivskaper',
  statuses: 'status',
  documentMedia: 'medium',
  retentionDecisions: 'kassasjon',
  classificationTypes: 'klassifikasjon',
  restricted: 'skjermet',
  restrictionBases: 'hjemmel',
  restrictionBasisMissing: 'uten-hjemmel',
  mapped: 'kartlagt',
  continuous: 'lopende',
  withoutSuccessorFrom: 'uten-arvtaker-fra',
  periodFrom: 'fra',
  periodTo: 'til',
  systems: 'system',
  targetSeriesIds: 'malserie',
  depositStatuses: 'avlevering',
  sort: 'sorter',
} as const;

/** `kassasjon=IKKE_ANGITT`: series without a retention decision. */
export const RETENTION_MISSING = 'IKKE_ANGITT';

const ID = /^[1-9]\d{0,9}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_TEXT = 200;


const distinct = (values: string[]) => [...new Set(values)];
const codes = <T extends string>(params: URLSearchParams, name: string, list: Record<T, string>) =>
  distinct(params.getAll(name)).filter((value): value is T => Object.hasOwn(list, value));
const texts = (params: URLSearchParams, name: string) => distinct(params.getAll(name).map((v) => v.trim()).filter((v) => v.length > 0 && v.length <= MAX_TEXT));
const ids = (params: URLSearchParams, name: string) => distinct(params.getAll(name)).filter((v) => ID.test(v));

/**
 * The view of a query string. Anything malformed (a hand-edited or old link) is dropped rather
 * than sent on, so a bad link shows a wider view instead of an error.
 */
export function readSeriesView(params: URLSearchParams): SeriesView {
  const filter: SeriesFilterInput = {};
  const set = <K extends keyof SeriesFilterInput>(key: K, value: SeriesFilterInput[K] | undefined) => {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) return;
    filter[key] = value;
  };
  const search = params.get(SERIES_PARAM.search)?.trim().slice(0, MAX_TEXT);
  set('search', search || undefined);
  set('municipalityIds', ids(params, SERIES_PARAM.municipalityIds));
  set('archiveCreatorIds', ids(params, SERIES_PARAM.archiveCreatorIds));
  set('statuses', codes(params, SERIES_PARAM.statuses, ARCHIVE_SERIES_STATUS));
  set('documentMedia', codes(params, SERIES_PARAM.documentMedia, DOCUMENT_MEDIUM));
  set('retentionDecisions', codes(params, SERIES_PARAM.retentionDecisions, RETENTION_DECISION));
  if (params.getAll(SERIES_PARAM.retentionDecisions).includes(RETENTION_MISSING)) filter.retentionDecisionMissing = true;
  set('classificationTypes', texts(params, SERIES_PARAM.classificationTypes));
  const restricted = params.get(SERIES_PARAM.restricted);
  set('restricted', restricted === 'ja' ? true : restricted === 'nei' ? false : undefined);
  set('restrictionBases', texts(params, SERIES_PARAM.restrictionBases));
  if (params.get(SERIES_PARAM.restrictionBasisMissing) === 'ja') filter.restrictionBasisMissing = true;
  for (const key of ['mapped', 'continuous'] as const) {
    const value = params.get(SERIES_PARAM[key]);
    set(key, value === 'ja' ? true : value === 'nei' ? false : undefined);
  }
  for (const key of ['periodFrom', 'periodTo', 'withoutSuccessorFrom'] as const) {
    const value = params.get(SERIES_PARAM[key]);
    set(key, value && ISO_DATE.test(value) && isRealDate(value) ? value : undefined);
  }
  set('systems', texts(params, SERIES_PARAM.systems));
  set('targetSeriesIds', ids(params, SERIES_PARAM.targetSeriesIds));
  set('depositStatuses', codes(params, SERIES_PARAM.depositStatuses, DEPOSIT_STATUS));
  const [field, direction] = (params.get(SERIES_PARAM.sort) ?? '').split('.');
  const sort = SERIES_ORDER_FIELDS.includes(field as SeriesOrderField)
    ? { field: field as SeriesOrderField, direction: direction === 'desc' ? ('DESC' as const) : ('ASC' as const) }
    : null;
  return { filter, sort };
}

/** Writes the view into the parameters (replacing the view's own, keeping any others). */
export function writeSeriesView(view: SeriesView, base = new URLSearchParams()): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const name of Object.values(SERIES_PARAM)) params.delete(name);
  const { filter } = view;
  if (filter.search?.trim()) params.set(SERIES_PARAM.search, filter.search.trim());
  const many = (name: string, values: readonly string[] | undefined) => values?.forEach((value) => params.append(name, value));
  many(SERIES_PARAM.municipalityIds, filter.municipalityIds);
  many(SERIES_PARAM.archiveCreatorIds, filter.archiveCreatorIds);
  many(SERIES_PARAM.statuses, filter.statuses);
  many(SERIES_PARAM.documentMedia, filter.documentMedia);
  many(SERIES_PARAM.retentionDecisions, filter.retentionDecisions);
  if (filter.retentionDecisionMissing) params.append(SERIES_PARAM.retentionDecisions, RETENTION_MISSING);
  many(SERIES_PARAM.classificationTypes, filter.classificationTypes);
  if (filter.restricted !== undefined) params.set(SERIES_PARAM.restricted, filter.restricted ? 'ja' : 'nei');
  many(SERIES_PARAM.restrictionBases, filter.restrictionBases);
  if (filter.restrictionBasisMissing) params.set(SERIES_PARAM.restrictionBasisMissing, 'ja');
  if (filter.mapped !== undefined) params.set(SERIES_PARAM.mapped, filter.mapped ? 'ja' : 'nei');
  if (filter.continuous !== undefined) params.set(SERIES_PARAM.continuous, filter.continuous ? 'ja' : 'nei');
  if (filter.withoutSuccessorFrom) params.set(SERIES_PARAM.withoutSuccessorFrom, filter.withoutSuccessorFrom);
  if (filter.periodFrom) params.set(SERIES_PARAM.periodFrom, filter.periodFrom);
  if (filter.periodTo) params.set(SERIES_PARAM.periodTo, filter.periodTo);
  many(SERIES_PARAM.systems, filter.systems);
  many(SERIES_PARAM.targetSeriesIds, filter.targetSeriesIds);
  many(SERIES_PARAM.depositStatuses, filter.depositStatuses);
  if (view.sort) params.set(SERIES_PARAM.sort, `${view.sort.field}.${view.sort.direction === 'DESC' ? 'desc' : 'asc'}`);
  return params;
}

// ---------------------------------------------------------------------------------------------
// The overview's readiness measures link to the series that fall short of each; the API's tests
// query the same filters, so a link shows exactly the series a measure left out.

export type ReadinessMeasureKeyName = 'RETENTION_DECIDED' | 'RESTRICTIONS_GROUNDED' | 'CLOSED_AT_CUT_OVER' | 'SUCCEEDED' | 'MAPPED';
const COUNTED_STATUSES: ArchiveSeriesStatusCode[] = ['AKTIV_PERIODE', 'OVERLAPPINGSPERIODE', 'AVSLUTTET_PERIODE'];

/**
 * The series of one municipality that fall short of a readiness measure. `closedStatuses` are
 * the statuses that count as closed today (Overlappingsperiode and Avsluttet periode within the
 * overlap window, then only Avsluttet periode).
 */
export function readinessShortfallFilter(
  key: ReadinessMeasureKeyName,
  municipalityId: string,
  settings: { cutOverDate: string },
  closedStatuses: readonly ArchiveSeriesStatusCode[],
): SeriesFilterInput {
  const base: SeriesFilterInput = { municipalityIds: [municipalityId], statuses: COUNTED_STATUSES };
  const dayBefore = new Date(Date.parse(`${settings.cutOverDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const periodised: SeriesFilterInput = { continuous: false, periodTo: dayBefore };
  switch (key) {
    case 'RETENTION_DECIDED':
      return { ...base, retentionDecisions: ['VURDERES_SENERE'], retentionDecisionMissing: true };
    case 'RESTRICTIONS_GROUNDED':
      return { ...base, restricted: true, restrictionBasisMissing: true };
    case 'CLOSED_AT_CUT_OVER':
      return { ...base, ...periodised, statuses: COUNTED_STATUSES.filter((s) => !closedStatuses.includes(s)) };
    case 'SUCCEEDED':
      return { ...base, ...periodised, statuses: [...closedStatuses], withoutSuccessorFrom: settings.cutOverDate };
    case 'MAPPED':
      return { ...base, mapped: false };
  }
}

// Plural and definite endings of Norwegian nouns: "byggesaker" finds "Byggesak", "mappene"
// finds "mapper". Only on longer words, so that short words stay as typed. The API's search and
// the browser's highlighting both trim with this.
const SEARCH_ENDINGS = ['ene', 'ane', 'er', 'ar', 'en', 'et'];

/** A lower-cased search word without a Norwegian plural or definite ending. */
export function trimSearchEnding(word: string): string {
  const ending = SEARCH_ENDINGS.find((e) => word.length - e.length >= 5 && word.endsWith(e));
  return ending ? word.slice(0, -ending.length) : word;
}
