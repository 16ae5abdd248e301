import type { KeyRow } from './context.ts';

/**
 * The `after` cursor for the page at 90% depth, without walking there (at 1M rows a walk takes
 * 18 000 requests). Today's cursors (graphql/pagination.ts encodeCursor) are base64url of a JSON
 * array of the sort key values. Rather than assume which values and in which form the series
 * module puts there, this takes a real cursor the API gave for a known row (the last row of the
 * first page, `sample` for `sampleRow`) and swaps that row's key values for the deep row's,
 * keeping everything else (an order tag, a direction, a version) as the API wrote it.
 *
 * To adapt to another cursor format, change only this function: it gets the API's cursor for
 * sampleRow and must return the cursor for target in the same order.
 */
export function deepCursor(sample: string, sampleRow: KeyRow, target: KeyRow): string {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(sample, 'base64url').toString('utf8'));
  } catch {
    throw new Error(`the API's cursor is not base64url JSON (${sample}): adapt deepCursor() in tests/bench/cursor.ts`);
  }
  let swapped = 0;
  const swap = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(swap);
    if (value === sampleRow.identifier) return swapped++, target.identifier;
    if (value === sampleRow.id) return swapped++, target.id;
    if (value === String(sampleRow.id)) return swapped++, String(target.id);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, swap(v)]));
    return value;
  };
  const result = swap(values);
  if (swapped < 2) {
    throw new Error(`the API's cursor ${JSON.stringify(values)} does not carry the row's identifier and id: adapt deepCursor() in tests/bench/cursor.ts`);
  }
  return Buffer.from(JSON.stringify(result)).toString('base64url');
}
