import { encodeCursor } from '../../apps/api/src/graphql/pagination.ts';
import { DEFAULT_ORDER, type KeyRow } from './context.ts';

/**
 * The `after` cursor for a row in the default order, built the way the series module builds
 * it (apps/api/src/modules/archive-series/list.ts: the ordering, then the sort key values, then
 * the id), so the page at 90% depth needs no walk of 18 000 pages to reach.
 */
export function cursorOf(row: KeyRow): string {
  return encodeCursor([DEFAULT_ORDER.field, DEFAULT_ORDER.direction, row.key, row.id]);
}
