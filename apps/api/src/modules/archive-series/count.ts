import { Prisma, type PrismaClient } from '@samarkiv/db';
import { rowConditions, type SeriesFilter, summaryAnswers, summaryConditions, whereAll } from './filter.ts';

const { sql } = Prisma;

/** Above this many matches a count over the rows themselves gives way to the planner's estimate. */
export const EXACT_COUNT_LIMIT = 100_000;

export interface SeriesCount {
  count: number;
  estimate: boolean;
}

/**
 * The number of live series matching the filter. Filters the facet summary can answer are
 * summed from it: exact at any size, for the cost of a scan of a few ten thousand summary rows.
 * A period or search filter needs the rows: counted exactly up to `limit`, beyond that the
 * planner's row estimate stands in, flagged as one.
 */
export async function countSeries(prisma: PrismaClient | Prisma.TransactionClient, filter: SeriesFilter, limit = EXACT_COUNT_LIMIT): Promise<SeriesCount> {
  if (summaryAnswers(filter)) {
    const [row] = await prisma.$queryRaw<{ n: number }[]>`SELECT COALESCE(sum(f."count"), 0)::int AS n FROM "archive_series_facet_count" f ${whereAll(summaryConditions(filter))}`;
    return { count: row?.n ?? 0, estimate: false };
  }
  const where = whereAll(rowConditions(filter));
  const [row] = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (SELECT 1 FROM "archive_series" s ${where} LIMIT ${limit + 1}) x`;
  const exact = row?.n ?? 0;
  if (exact <= limit) return { count: exact, estimate: false };
  return { count: Math.max(limit + 1, await plannerEstimate(prisma, where)), estimate: true };
}

async function plannerEstimate(prisma: PrismaClient | Prisma.TransactionClient, where: Prisma.Sql): Promise<number> {
  const rows = await prisma.$queryRaw<Record<string, unknown>[]>`EXPLAIN (FORMAT JSON) SELECT 1 FROM "archive_series" s ${where}`;
  const value = rows[0] ? Object.values(rows[0])[0] : null;
  const plan = (typeof value === 'string' ? JSON.parse(value) : value) as { Plan?: { 'Plan Rows'?: number } }[] | null;
  return Math.round(plan?.[0]?.Plan?.['Plan Rows'] ?? 0);
}
