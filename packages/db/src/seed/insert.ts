import type { Sql } from '../sql.ts';

// PostgreSQL takes at most 65 535 parameters per statement; stay well below it.
const MAX_PARAMS = 30_000;

/**
 * Multi-row INSERT of plain values, chunked under the parameter limit. Parameters are untyped
 * ('YYYY-MM-DD' strings, enum labels, numbers): PostgreSQL infers each type from its target
 * column, which works the same on PGlite and on a server.
 */
export async function insertRows<T = Record<string, unknown>>(
  sql: Sql,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  returning?: string,
): Promise<T[]> {
  const perChunk = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const out: T[] = [];
  for (let start = 0; start < rows.length; start += perChunk) {
    const chunk = rows.slice(start, start + perChunk);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      if (row.length !== columns.length) throw new Error(`insertRows(${table}): a row has ${row.length} values for ${columns.length} columns`);
      const placeholders = row.map((value) => {
        params.push(value);
        return `$${params.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    const text =
      `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${tuples.join(', ')}` +
      (returning ? ` RETURNING ${returning}` : '');
    out.push(...(await sql.query<T>(text, params)));
  }
  return out;
}
