import { AppError } from './errors.ts';

export const MAX_PAGE_SIZE = 100;

/** Every list is capped at 100 rows a request; a larger ask is refused, not silently cut. */
export function pageSize(first: number | null | undefined, fallback = 50): number {
  if (first === null || first === undefined) return fallback;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) throw new AppError('BAD_PAGE_SIZE', undefined, { path: ['first'], max: MAX_PAGE_SIZE });
  return first;
}

/** Opaque cursors: base64url of a JSON array of the sort key values. */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, check: (values: unknown[]) => boolean): unknown[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && check(values)) return values;
  } catch {
    // fall through
  }
  throw new AppError('BAD_CURSOR', undefined, { path: ['after'] });
}
