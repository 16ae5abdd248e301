import type { ArchiveSeries } from '@samarkiv/db';
import type { ArchiveSeriesFilter, ArchiveSeriesOrder, ArchiveSeriesOrderField, SortDirection } from '../../graphql/generated/resolvers.ts';
import type { Context } from '../../graphql/context.ts';
import { AppError } from '../../graphql/errors.ts';
import { decodeCursor, encodeCursor, pageSize } from '../../graphql/pagination.ts';
import { countSeries, type SeriesCount } from './count.ts';
import { normaliseFilter, type SeriesFilter } from './filter.ts';
import { keyParts, keysOf, pageSql, seriesOf, type PageRow } from './page.ts';

export interface SeriesConnectionView {
  edges: { cursor: string; node: ArchiveSeries }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  /** Counted on the first ask and shared by totalCount and totalCountIsEstimate. */
  count: () => Promise<SeriesCount>;
}

export interface ListArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  filter?: ArchiveSeriesFilter | null;
  orderBy?: ArchiveSeriesOrder | null;
}

export async function listSeries(ctx: Context, args: ListArgs): Promise<SeriesConnectionView> {
  const filter = normaliseFilter(args.filter);
  const { field, direction } = ordering(args.orderBy, filter);
  const backward = args.last !== null && args.last !== undefined || (args.before !== null && args.before !== undefined);
  if (backward && (args.first != null || args.after != null)) throw new AppError('VALIDATION_FAILED', 'Bruk enten first/after eller last/before.', { path: ['last'] });
  const size = backward ? pageSize(args.last) : pageSize(args.first);
  const token = backward ? args.before : args.after;
  const parts = keyParts(field, filter).length;
  const cursor = token ? readCursor(token, field, direction, parts, backward ? 'before' : 'after') : null;
  const found = await ctx.prisma.$queryRaw<PageRow[]>(pageSql({ filter, field, direction, size, backward, cursor }));
  const more = found.length > size;
  const page = found.slice(0, size);
  if (backward) page.reverse();
  const edges = page.map((r) => ({ cursor: encodeCursor([field, direction, ...keysOf(r, parts), r.id]), node: seriesOf(r) }));
  let counted: Promise<SeriesCount> | null = null;
  return {
    edges,
    pageInfo: {
      hasNextPage: backward ? Boolean(token) : more,
      hasPreviousPage: backward ? more : Boolean(token),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    count: () => (counted ??= countSeries(ctx.prisma, filter)),
  };
}

/** The default: by relevance when searching, else by title. */
export function ordering(orderBy: ArchiveSeriesOrder | null | undefined, filter: SeriesFilter): { field: ArchiveSeriesOrderField; direction: SortDirection } {
  if (!orderBy) return { field: filter.search ? 'RELEVANCE' : 'TITLE', direction: 'ASC' };
  if (orderBy.field === 'RELEVANCE' && !filter.search) return { field: 'TITLE', direction: orderBy.direction };
  return orderBy;
}

/** A cursor names its ordering, so one from another ordering is refused rather than misread. */
function readCursor(token: string, field: string, direction: string, parts: number, argument: string): { keys: string[]; id: number } {
  let values: unknown[];
  try {
    values = decodeCursor(token, (v) => v.length === parts + 3 && v[0] === field && v[1] === direction && v.slice(2, -1).every((k) => typeof k === 'string') && Number.isSafeInteger(v.at(-1)));
  } catch {
    throw new AppError('BAD_CURSOR', undefined, { path: [argument] });
  }
  return { keys: values.slice(2, -1) as string[], id: values.at(-1) as number };
}
