import type { BenchContext } from './context.ts';

/**
 * The SQL behind each scenario, run through `pg` (PostgreSQL) or in-process (PGlite) to give the
 * API/raw ratio. Until the series module exports its own SQL builder these are hand-written
 * equivalents of what the contract implies: one page (LIMIT first+1 for hasNextPage), the
 * municipality names the DataLoader fetches, and the total count (exact up to 100k, an estimate
 * beyond). When the module lands, build these from its builder so that raw and API run the same
 * statements; this is the one file to change.
 */
export interface RawStatement {
  text: string;
  params?: unknown[];
}

const COLUMNS = 's.id, s.identifier, s.title, s.status, s.period_start, s.period_end, s.municipality_id';
const LIVE = 's.deleted_at IS NULL';
const LIMIT = 51;
export const DEFAULT_ORDER_SQL = 's.identifier, s.id';

const names = (ctx: BenchContext): RawStatement => ({ text: `SELECT id, name FROM municipality WHERE id = ANY($1::int[])`, params: [ctx.municipalityIds] });

/** Exact below the threshold, the planner's estimate above it (what totalCountIsEstimate flags). */
const count = (where: string, params: unknown[] = []): RawStatement[] => [
  { text: `SELECT count(*)::int AS n FROM (SELECT 1 FROM archive_series s WHERE ${where} LIMIT 100001) c`, params },
  { text: `SELECT reltuples::bigint AS n FROM pg_class WHERE relname = 'archive_series'` },
];

const FACET_KEYS = [
  's.municipality_id',
  's.status',
  's.document_medium',
  's.retention_decision',
  's.classification_type',
  '(s.access_restriction IS NOT NULL)',
  's.restriction_basis',
  's.system',
  's.target_series_id',
  's.deposit_status',
  '(extract(year FROM s.period_start)::int / 10 * 10)',
];

const CELL = `COALESCE(r.residual_likelihood, r.inherent_likelihood) AS l, COALESCE(r.residual_consequence, r.inherent_consequence) AS c`;

export const RAW_SQL: Record<string, (ctx: BenchContext) => RawStatement[]> = {
  first: (ctx) => [{ text: `SELECT ${COLUMNS} FROM archive_series s WHERE ${LIVE} ORDER BY ${DEFAULT_ORDER_SQL} LIMIT ${LIMIT}` }, names(ctx), ...count(LIVE)],
  deep: (ctx) => [
    {
      text: `SELECT ${COLUMNS} FROM archive_series s WHERE ${LIVE} AND (s.identifier, s.id) > ($1, $2) ORDER BY ${DEFAULT_ORDER_SQL} LIMIT ${LIMIT}`,
      params: [ctx.deepAnchor.identifier, ctx.deepAnchor.id],
    },
    names(ctx),
    ...count(LIVE),
  ],
  filtered: (ctx) => {
    const where = `${LIVE} AND s.municipality_id = ANY($1::int[]) AND s.status = ANY($2::"ArchiveSeriesStatus"[])`;
    const params = [[ctx.municipalityId], [ctx.status]];
    return [
      { text: `SELECT ${COLUMNS} FROM archive_series s WHERE ${where} ORDER BY s.period_start DESC, s.id DESC LIMIT ${LIMIT}`, params },
      names(ctx),
      ...count(where, params),
    ];
  },
  search: (ctx) => {
    const where = `${LIVE} AND (s.identifier ILIKE $1 OR s.title ILIKE $1 OR s.description ILIKE $1)`;
    const like = `%${ctx.search}%`;
    return [
      {
        text: `SELECT ${COLUMNS} FROM archive_series s WHERE ${where}
          ORDER BY (lower(s.identifier) = $2) DESC, (lower(s.title) = $2) DESC, similarity(s.title, $2) DESC, s.id LIMIT ${LIMIT}`,
        params: [like, ctx.search.toLowerCase()],
      },
      names(ctx),
      ...count(where, [like]),
    ];
  },
  facets: () => [
    {
      text: `SELECT ${FACET_KEYS.map((k, i) => `${k} AS k${i}`).join(', ')}, count(*)::int AS n
        FROM archive_series s WHERE ${LIVE} GROUP BY GROUPING SETS (${FACET_KEYS.map((k) => `(${k})`).join(', ')})`,
    },
  ],
  matrix: () => [
    { text: `SELECT ${CELL}, count(*)::int AS n FROM risk r WHERE r.deleted_at IS NULL GROUP BY 1, 2` },
    {
      text: `SELECT id, reference, l, c FROM (SELECT r.id, r.reference, ${CELL},
          row_number() OVER (PARTITION BY COALESCE(r.residual_likelihood, r.inherent_likelihood), COALESCE(r.residual_consequence, r.inherent_consequence) ORDER BY r.reference) AS rn
        FROM risk r WHERE r.deleted_at IS NULL) x WHERE rn <= 5`,
    },
  ],
  // Queries the API has today, to try the harness before the series and risk modules land.
  municipalities: () => [{ text: `SELECT id, number, name, role, participates FROM municipality WHERE deleted_at IS NULL ORDER BY name, id` }],
  riskAreas: () => [
    { text: `SELECT id, code, name, description FROM risk_area WHERE deleted_at IS NULL ORDER BY sort_order, id` },
    { text: `SELECT * FROM risk WHERE deleted_at IS NULL ORDER BY area_id, reference` },
  ],
};
