import { Prisma } from '@samarkiv/db';
import type { ArchiveSeriesFilter, ArchiveSeriesOrderField, SortDirection } from '../../apps/api/src/graphql/generated/resolvers.ts';
import { facetsSql } from '../../apps/api/src/modules/archive-series/facets.ts';
import { normaliseFilter, rowConditions, summaryAnswers, summaryConditions, whereAll } from '../../apps/api/src/modules/archive-series/filter.ts';
import { pageSql } from '../../apps/api/src/modules/archive-series/page.ts';
import { type BenchContext, PAGE_SIZE } from './context.ts';

/**
 * The SQL behind each scenario, run through `pg` (PostgreSQL) or in-process (PGlite) for the
 * API/raw ratio. The series statements come from the series module's own builders, so raw and
 * API run the same SQL: the page (rows and their sort keys), the municipality
 * names the loader fetches, and the total count. What the API adds is its own cost: HTTP,
 * GraphQL, the session lookup, Prisma.
 */
export interface RawStatement {
  text: string;
  /** Fixed parameters, or parameters taken from the rows of the statement before (the page's ids). */
  params?: unknown[] | ((previous: Record<string, unknown>[]) => unknown[]);
}

const fromSql = (statement: Prisma.Sql): RawStatement => ({ text: statement.text, params: statement.values });

function seriesPage(ctx: BenchContext, gqlFilter: ArchiveSeriesFilter, field: ArchiveSeriesOrderField, direction: SortDirection, cursor: { keys: string[]; id: number } | null = null): RawStatement[] {
  const filter = normaliseFilter(gqlFilter);
  const count = summaryAnswers(filter)
    ? Prisma.sql`SELECT COALESCE(sum(f."count"), 0)::int AS n FROM "archive_series_facet_count" f ${whereAll(summaryConditions(filter))}`
    : Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM "archive_series" s ${whereAll(rowConditions(filter))} LIMIT 100001) x`;
  return [
    fromSql(pageSql({ filter, field, direction, size: PAGE_SIZE, backward: false, cursor })),
    { text: `SELECT * FROM municipality WHERE id = ANY($1::int[])`, params: [ctx.municipalityIds] },
    fromSql(count),
  ];
}

const CELL = `COALESCE(r.residual_likelihood, r.inherent_likelihood) AS l, COALESCE(r.residual_consequence, r.inherent_consequence) AS c`;

export const RAW_SQL: Record<string, (ctx: BenchContext) => RawStatement[]> = {
  first: (ctx) => seriesPage(ctx, {}, 'TITLE', 'ASC'),
  deep: (ctx) => seriesPage(ctx, {}, 'TITLE', 'ASC', { keys: [ctx.deepAnchor.key], id: ctx.deepAnchor.id }),
  filtered: (ctx) => seriesPage(ctx, { municipalityIds: [String(ctx.municipalityId)], statuses: [ctx.status as 'AVSLUTTET_PERIODE'] }, 'PERIOD_START', 'DESC'),
  search: (ctx) => seriesPage(ctx, { search: ctx.search }, 'RELEVANCE', 'ASC'),
  facets: () => [fromSql(facetsSql(normaliseFilter({}))), { text: `SELECT id, name FROM municipality` }, { text: `SELECT id, code, title, sort_order FROM target_series` }],
  // Hand-written: what the matrix needs at the least (counts per cell and the first risks of each).
  matrix: () => [
    { text: `SELECT ${CELL}, count(*)::int AS n FROM risk r WHERE r.deleted_at IS NULL GROUP BY 1, 2` },
    {
      text: `SELECT id, reference, l, c FROM (SELECT r.id, r.reference, ${CELL},
          row_number() OVER (PARTITION BY COALESCE(r.residual_likelihood, r.inherent_likelihood), COALESCE(r.residual_consequence, r.inherent_consequence) ORDER BY r.reference) AS rn
        FROM risk r WHERE r.deleted_at IS NULL) x WHERE rn <= 5`,
    },
  ],
  municipalities: () => [{ text: `SELECT id, number, name, role, participates FROM municipality WHERE deleted_at IS NULL ORDER BY name, id` }],
  riskAreas: () => [
    { text: `SELECT id, code, name, description FROM risk_area WHERE deleted_at IS NULL ORDER BY sort_order, id` },
    { text: `SELECT * FROM risk WHERE deleted_at IS NULL ORDER BY area_id, reference` },
  ],
};
