import { Prisma } from '@samarkiv/db';
import { ARCHIVE_SERIES_STATUS, DEPOSIT_STATUS, DOCUMENT_MEDIUM, RETENTION_DECISION } from '@samarkiv/shared';
import type { ArchiveSeriesFilter } from '../../graphql/generated/resolvers.ts';
import type { Context } from '../../graphql/context.ts';
import { type Facet, FACETS, liveOnlyConditions, normaliseFilter, type SeriesFilter, summaryAnswers, summaryConditions, whereAll } from './filter.ts';

const { sql, join } = Prisma;
type Sql = Prisma.Sql;

export interface FacetValue {
  value: string | null;
  label: string;
  count: number;
}
export type SeriesFacets = Record<Facet, FacetValue[]>;

// The value of each facet as text (missing: NULL) over the summary's columns.
const VALUE: Record<Facet, Sql> = {
  municipality: sql`f."municipality_id"::text`,
  archiveCreator: sql`NULLIF(f."archive_creator_id", 0)::text`,
  status: sql`f."status"::text`,
  documentMedium: sql`f."document_medium"::text`,
  retentionDecision: sql`NULLIF(f."retention_decision", '')`,
  classificationType: sql`NULLIF(f."classification_type", '')`,
  restricted: sql`f."restricted"::text`,
  restrictionBasis: sql`NULLIF(f."restriction_basis", '')`,
  system: sql`NULLIF(f."system", '')`,
  targetSeries: sql`NULLIF(f."target_series_id", 0)::text`,
  depositStatus: sql`f."deposit_status"::text`,
  decade: sql`f."decade"::text`,
};

// Live rows grouped like the summary, for filters the summary cannot answer (period, search).
const LIVE_DIMENSIONS = sql`s."municipality_id", COALESCE(s."archive_creator_id", 0) AS "archive_creator_id", s."status", s."document_medium",
  COALESCE(s."retention_decision"::text, '') AS "retention_decision", COALESCE(s."classification_type", '') AS "classification_type",
  s."access_restriction" IS NOT NULL AS "restricted", COALESCE(s."restriction_basis", '') AS "restriction_basis", COALESCE(s."system", '') AS "system",
  COALESCE(s."target_series_id", 0) AS "target_series_id", s."deposit_status", (date_part('year', s."period_start")::int / 10) * 10 AS "decade"`;

/**
 * Facet counts, each under every active filter but its own, in one statement. Without a period
 * or search filter they come from the facet summary (some ten thousand rows at a million
 * series); with one, the matching live rows are grouped once into the summary's shape first,
 * which costs a pass over the matches (the trigram index narrows a search; a broad period
 * range at a million series is the slow case). Facets whose own filter is not active all share
 * the same conditions and are counted in one GROUPING SETS pass; each facet with an active
 * filter of its own takes one more pass.
 */
export function facetsSql(filter: SeriesFilter): Sql {
  const fromSummary = summaryAnswers(filter);
  const source = fromSummary ? sql`"archive_series_facet_count"` : sql`live`;
  const prefix = fromSummary
    ? Prisma.empty
    : sql`WITH live AS MATERIALIZED (SELECT ${LIVE_DIMENSIONS}, count(*)::int AS "count" FROM "archive_series" s ${whereAll([sql`s."deleted_at" IS NULL`, ...liveOnlyConditions(filter)])} GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12) `;
  const all = summaryConditions(filter);
  const ownFilter = (facet: Facet) => summaryConditions(filter, facet).length !== all.length;
  const shared = FACETS.filter((facet) => !ownFilter(facet));
  const selects = FACETS.filter(ownFilter).map(
    (facet) => sql`SELECT ${facet}::text AS "facet", ${VALUE[facet]} AS "value", sum(f."count")::int AS "count" FROM ${source} f ${whereAll(summaryConditions(filter, facet))} GROUP BY 2 HAVING sum(f."count") > 0`,
  );
  if (shared.length > 0) {
    const facetName = join(shared.map((facet) => sql`WHEN GROUPING(${VALUE[facet]}) = 0 THEN ${facet}::text`), ' ');
    const facetValue = join(shared.map((facet) => sql`WHEN GROUPING(${VALUE[facet]}) = 0 THEN ${VALUE[facet]}`), ' ');
    const sets = join(shared.map((facet) => sql`(${VALUE[facet]})`));
    selects.unshift(sql`SELECT CASE ${facetName} END AS "facet", CASE ${facetValue} END AS "value", sum(f."count")::int AS "count" FROM ${source} f ${whereAll(all)} GROUP BY GROUPING SETS (${sets}) HAVING sum(f."count") > 0`);
  }
  return sql`${prefix}${join(selects, ' UNION ALL ')}`;
}

export async function seriesFacets(ctx: Context, input: ArchiveSeriesFilter | null | undefined): Promise<SeriesFacets> {
  const filter = normaliseFilter(input);
  const rows = await ctx.prisma.$queryRaw<{ facet: Facet; value: string | null; count: number }[]>(facetsSql(filter));
  // Only the archive creators counted: there may be many more than the facet shows.
  const creatorIds = rows.filter((r) => r.facet === 'archiveCreator' && r.value !== null).map((r) => Number(r.value));
  const [municipalities, targets, creators] = await Promise.all([
    ctx.prisma.municipality.findMany({ select: { id: true, name: true } }),
    ctx.prisma.targetSeries.findMany({ select: { id: true, code: true, title: true, sortOrder: true } }),
    ctx.prisma.archiveCreator.findMany({ where: { id: { in: creatorIds } }, select: { id: true, name: true } }),
  ]);
  const names: Labels = {
    municipality: new Map(municipalities.map((m) => [String(m.id), m.name])),
    targetSeries: new Map(targets.map((t) => [String(t.id), `${t.code} ${t.title}`])),
    archiveCreator: new Map(creators.map((c) => [String(c.id), c.name])),
  };
  const out = Object.fromEntries(FACETS.map((f) => [f, [] as FacetValue[]])) as SeriesFacets;
  for (const row of rows) out[row.facet].push({ value: row.value, label: label(row.facet, row.value, names), count: row.count });
  for (const facet of FACETS) out[facet].sort(ORDER[facet] ?? byCount);
  return out;
}

const MISSING = 'Ikke angitt';

type Labels = Record<'municipality' | 'targetSeries' | 'archiveCreator', Map<string, string>>;

function label(facet: Facet, value: string | null, names: Labels): string {
  if (value === null) return MISSING;
  switch (facet) {
    case 'municipality': return names.municipality.get(value) ?? value;
    case 'archiveCreator': return names.archiveCreator.get(value) ?? value;
    case 'status': return ARCHIVE_SERIES_STATUS[value as keyof typeof ARCHIVE_SERIES_STATUS] ?? value;
    case 'documentMedium': return DOCUMENT_MEDIUM[value as keyof typeof DOCUMENT_MEDIUM] ?? value;
    case 'retentionDecision': return RETENTION_DECISION[value as keyof typeof RETENTION_DECISION] ?? value;
    case 'depositStatus': return DEPOSIT_STATUS[value as keyof typeof DEPOSIT_STATUS] ?? value;
    case 'restricted': return value === 'true' ? 'Med tilgangsrestriksjon' : 'Uten tilgangsrestriksjon';
    case 'targetSeries': return names.targetSeries.get(value) ?? value;
    case 'decade': return `${value}–${Number(value) + 9}`;
    default: return value;
  }
}

// Code lists keep their own order, decades run forwards, the rest by count; a missing value last.
const inOrder = (keys: readonly string[]) => (a: FacetValue, b: FacetValue) => rank(keys, a.value) - rank(keys, b.value);
const rank = (keys: readonly string[], value: string | null) => (value === null ? keys.length : keys.indexOf(value));
const byCount = (a: FacetValue, b: FacetValue) => (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0) || b.count - a.count || a.label.localeCompare(b.label, 'nb');
const ORDER: Partial<Record<Facet, (a: FacetValue, b: FacetValue) => number>> = {
  status: inOrder(Object.keys(ARCHIVE_SERIES_STATUS)),
  documentMedium: inOrder(Object.keys(DOCUMENT_MEDIUM)),
  retentionDecision: inOrder(Object.keys(RETENTION_DECISION)),
  depositStatus: inOrder(Object.keys(DEPOSIT_STATUS)),
  restricted: inOrder(['true', 'false']),
  decade: (a, b) => Number(a.value) - Number(b.value),
};
