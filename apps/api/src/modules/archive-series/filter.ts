import { Prisma } from '@samarkiv/db';
import { isRealDate, norwegianSortKey, trimSearchEnding } from '@samarkiv/shared';
import type { ArchiveSeriesFilter } from '../../graphql/generated/resolvers.ts';
import { AppError } from '../../graphql/errors.ts';
import { toId } from '../../graphql/writes.ts';

const { sql, join, empty } = Prisma;
type Sql = Prisma.Sql;

/** The facet dimensions; each filter field but the period and the search belongs to one. */
export const FACETS = [
  'municipality', 'archiveCreator', 'status', 'documentMedium', 'retentionDecision', 'classificationType', 'restricted',
  'restrictionBasis', 'system', 'targetSeries', 'depositStatus', 'decade',
] as const;
export type Facet = (typeof FACETS)[number];

/** A filter checked and normalised once: ids as numbers, empty lists dropped, search split into words. */
export interface SeriesFilter {
  municipalityIds?: number[];
  statuses?: string[];
  documentMedia?: string[];
  retentionDecisions?: string[];
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
  targetSeriesIds?: number[];
  depositStatuses?: string[];
  archiveCreatorIds?: number[];
  /** The raw search text, trimmed (for the exact-match ranks). */
  search?: string;
  /** Search words as LIKE patterns over the search key. */
  searchPatterns?: string[];
}

export function normaliseFilter(filter: ArchiveSeriesFilter | null | undefined): SeriesFilter {
  if (!filter) return {};
  const out: SeriesFilter = {};
  const list = <T,>(values: readonly T[] | null | undefined) => (values && values.length > 0 ? [...new Set(values)] : undefined);
  const ids = (values: readonly string[] | null | undefined, field: string) => list(values)?.map((id, i) => toId(id, ['filter', field, i]));
  assign(out, 'municipalityIds', ids(filter.municipalityIds, 'municipalityIds'));
  assign(out, 'statuses', list(filter.statuses));
  assign(out, 'documentMedia', list(filter.documentMedia));
  assign(out, 'retentionDecisions', list(filter.retentionDecisions));
  if (typeof filter.retentionDecisionMissing === 'boolean') out.retentionDecisionMissing = filter.retentionDecisionMissing;
  assign(out, 'classificationTypes', list(filter.classificationTypes));
  if (typeof filter.restricted === 'boolean') out.restricted = filter.restricted;
  assign(out, 'restrictionBases', list(filter.restrictionBases));
  for (const field of ['restrictionBasisMissing', 'mapped', 'continuous'] as const) {
    const value = filter[field];
    if (typeof value === 'boolean') out[field] = value;
  }
  for (const field of ['periodFrom', 'periodTo', 'withoutSuccessorFrom'] as const) {
    const value = filter[field];
    if (value === null || value === undefined || value === '') continue;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isRealDate(value)) throw new AppError('VALIDATION_FAILED', 'Datoen må være en gyldig dato (ÅÅÅÅ-MM-DD).', { path: ['filter', field] });
    out[field] = value;
  }
  assign(out, 'systems', list(filter.systems));
  assign(out, 'targetSeriesIds', ids(filter.targetSeriesIds, 'targetSeriesIds'));
  assign(out, 'depositStatuses', list(filter.depositStatuses));
  assign(out, 'archiveCreatorIds', ids(filter.archiveCreatorIds, 'archiveCreatorIds'));
  const search = filter.search?.trim();
  if (search) {
    if (search.length > 200) throw new AppError('VALIDATION_FAILED', 'Søket kan ha høyst 200 tegn.', { path: ['filter', 'search'] });
    const patterns = searchWords(search).map((word) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    if (patterns.length > 0) {
      out.search = search;
      out.searchPatterns = patterns;
    }
  }
  return out;
}

function assign<K extends keyof SeriesFilter>(out: SeriesFilter, key: K, value: SeriesFilter[K] | undefined): void {
  if (value !== undefined) out[key] = value;
}

/** Whether the facet summary can answer the filter (it has no period or text). */
export function summaryAnswers(filter: SeriesFilter): boolean {
  return !filter.periodFrom && !filter.periodTo && !filter.searchPatterns && filter.continuous === undefined && !filter.withoutSuccessorFrom;
}

// ---------------------------------------------------------------------------------------------
// Search: the same normalisation as the trigger that keeps search_key (series_search_key migration).

/** Kept by the database (the series_search_key migration's trigger), trigram-indexed. */
export const SEARCH_KEY = sql`s."search_key"`;

/** The search words, lower-cased with æ, ø, å spelt as in the index, endings trimmed. */
export function searchWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .slice(0, 8)
    .map(trimSearchEnding);
}

/** 0: the identifier is the search text; 1: the title is; 2: any other match. */
export function rankExpression(filter: SeriesFilter): Sql {
  const text = filter.search ?? '';
  return sql`(CASE WHEN lower(s."identifier") = ${text.toLowerCase()} THEN 0 WHEN s."title_sort_key" = ${norwegianSortKey(text)} THEN 1 ELSE 2 END)`;
}

// ---------------------------------------------------------------------------------------------
// Conditions, on archive_series rows (alias s) or on facet summary rows (alias f).

const enumList = (values: string[], type: Sql) => join(values.map((v) => sql`${v}::${type}`));
const textList = (values: string[]) => join(values.map((v) => sql`${v}`));
const intList = (values: number[]) => join(values.map((v) => sql`${v}::int`));

const STATUS = sql`"ArchiveSeriesStatus"`;
const MEDIUM = sql`"DocumentMedium"`;
const RETENTION = sql`"RetentionDecision"`;
const DEPOSIT = sql`"DepositStatus"`;

/** Equality on one value (a seekable index condition) or a list. */
function oneOf(column: Sql, items: Sql[]): Sql {
  return items.length === 1 ? sql`${column} = ${items[0]!}` : sql`${column} IN (${join(items)})`;
}

/** Conditions on series rows (alias s), live rows only. */
export function rowConditions(filter: SeriesFilter): Sql[] {
  const c: Sql[] = [sql`s."deleted_at" IS NULL`];
  // As = ANY, not =: an equality with a constant lets the planner drop municipality_id from the
  // page's ORDER BY and pick the (key, id) index, filtering the other municipalities' rows away
  // (its heap correlation looks cheaper); ANY keeps (municipality_id, key, id) the one index
  // that yields the order, so a page reads only its own rows.
  if (filter.municipalityIds) c.push(sql`s."municipality_id" = ANY(ARRAY[${intList(filter.municipalityIds)}])`);
  if (filter.statuses) c.push(sql`s."status" IN (${enumList(filter.statuses, STATUS)})`);
  if (filter.documentMedia) c.push(sql`s."document_medium" IN (${enumList(filter.documentMedia, MEDIUM)})`);
  const decided = filter.retentionDecisions ? sql`s."retention_decision" IN (${enumList(filter.retentionDecisions, RETENTION)})` : null;
  c.push(...retention(decided, sql`s."retention_decision" IS NULL`, filter.retentionDecisionMissing));
  if (filter.classificationTypes) c.push(sql`s."classification_type" IN (${textList(filter.classificationTypes)})`);
  if (filter.restricted !== undefined) c.push(filter.restricted ? sql`s."access_restriction" IS NOT NULL` : sql`s."access_restriction" IS NULL`);
  if (filter.restrictionBases) c.push(sql`s."restriction_basis" IN (${textList(filter.restrictionBases)})`);
  if (filter.restrictionBasisMissing !== undefined) c.push(filter.restrictionBasisMissing ? sql`s."restriction_basis" IS NULL` : sql`s."restriction_basis" IS NOT NULL`);
  if (filter.mapped !== undefined) c.push(filter.mapped ? sql`s."target_series_id" IS NOT NULL` : sql`s."target_series_id" IS NULL`);
  if (filter.systems) c.push(sql`s."system" IN (${textList(filter.systems)})`);
  if (filter.targetSeriesIds) c.push(sql`s."target_series_id" IN (${intList(filter.targetSeriesIds)})`);
  if (filter.depositStatuses) c.push(sql`s."deposit_status" IN (${enumList(filter.depositStatuses, DEPOSIT)})`);
  if (filter.archiveCreatorIds) c.push(sql`s."archive_creator_id" IN (${intList(filter.archiveCreatorIds)})`);
  c.push(...liveOnlyConditions(filter));
  return c;
}

/** The conditions the summary cannot answer: the period overlap, continuity, the successor and the search words. */
export function liveOnlyConditions(filter: SeriesFilter): Sql[] {
  const c: Sql[] = [];
  if (filter.continuous !== undefined) c.push(filter.continuous ? sql`s."is_continuous"` : sql`NOT s."is_continuous"`);
  // A primary-key probe per candidate row (successor_id), never a scan of the successors.
  if (filter.withoutSuccessorFrom) {
    c.push(sql`NOT EXISTS (SELECT 1 FROM "archive_series" n WHERE n."id" = s."successor_id" AND n."deleted_at" IS NULL AND n."period_start" >= ${filter.withoutSuccessorFrom}::date)`);
  }
  if (filter.periodTo) c.push(sql`s."period_start" <= ${filter.periodTo}::date`);
  if (filter.periodFrom) c.push(sql`COALESCE(s."period_end", 'infinity'::date) >= ${filter.periodFrom}::date`);
  for (const pattern of filter.searchPatterns ?? []) c.push(sql`${SEARCH_KEY} LIKE ${pattern}`);
  return c;
}

/** Conditions on facet summary rows (alias f, sentinels for missing values), leaving out one facet's own filter. */
export function summaryConditions(filter: SeriesFilter, except?: Facet): Sql[] {
  const c: Sql[] = [];
  const on = (facet: Facet) => facet !== except;
  if (filter.municipalityIds && on('municipality')) c.push(oneOf(sql`f."municipality_id"`, filter.municipalityIds.map((v) => sql`${v}::int`)));
  if (filter.statuses && on('status')) c.push(sql`f."status" IN (${enumList(filter.statuses, STATUS)})`);
  if (filter.documentMedia && on('documentMedium')) c.push(sql`f."document_medium" IN (${enumList(filter.documentMedia, MEDIUM)})`);
  if (on('retentionDecision')) {
    const decided = filter.retentionDecisions ? sql`f."retention_decision" IN (${textList(filter.retentionDecisions)})` : null;
    c.push(...retention(decided, sql`f."retention_decision" = ''`, filter.retentionDecisionMissing));
  }
  if (filter.classificationTypes && on('classificationType')) c.push(sql`f."classification_type" IN (${textList(filter.classificationTypes)})`);
  if (filter.restricted !== undefined && on('restricted')) c.push(sql`f."restricted" = ${filter.restricted}`);
  if (filter.restrictionBases && on('restrictionBasis')) c.push(sql`f."restriction_basis" IN (${textList(filter.restrictionBases)})`);
  if (filter.restrictionBasisMissing !== undefined && on('restrictionBasis')) c.push(filter.restrictionBasisMissing ? sql`f."restriction_basis" = ''` : sql`f."restriction_basis" <> ''`);
  if (filter.mapped !== undefined && on('targetSeries')) c.push(filter.mapped ? sql`f."target_series_id" <> 0` : sql`f."target_series_id" = 0`);
  if (filter.systems && on('system')) c.push(sql`f."system" IN (${textList(filter.systems)})`);
  if (filter.targetSeriesIds && on('targetSeries')) c.push(sql`f."target_series_id" IN (${intList(filter.targetSeriesIds)})`);
  if (filter.depositStatuses && on('depositStatus')) c.push(sql`f."deposit_status" IN (${enumList(filter.depositStatuses, DEPOSIT)})`);
  if (filter.archiveCreatorIds && on('archiveCreator')) c.push(sql`f."archive_creator_id" IN (${intList(filter.archiveCreatorIds)})`);
  return c;
}

/** retentionDecisions and retentionDecisionMissing together: the listed decisions, or none. */
function retention(decided: Sql | null, missing: Sql, wantMissing: boolean | undefined): Sql[] {
  if (wantMissing === true) return [decided ? sql`(${decided} OR ${missing})` : missing];
  if (wantMissing === false) return [sql`NOT (${missing})`, ...(decided ? [decided] : [])];
  return decided ? [decided] : [];
}

export function whereAll(conditions: Sql[]): Sql {
  return conditions.length === 0 ? empty : sql`WHERE ${join(conditions, ' AND ')}`;
}
