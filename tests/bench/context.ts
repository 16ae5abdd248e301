import type { Sql } from '@samarkiv/db';

/** A row's position in the default series order (title by its Norwegian sort key): what a keyset cursor carries. */
export interface KeyRow {
  id: number;
  key: string;
}

/** Facts about the generated database that both the raw-SQL and the API runs need. */
export interface BenchContext {
  total: number;
  /** Kongsberg (3303): the filtered page asks for its series. */
  municipalityId: number;
  municipalityIds: number[];
  status: string;
  search: string;
  /** The last row of the first page: its cursor shows the API's cursor format. */
  firstPageLast: KeyRow;
  /** The row just before 90% depth: the deep page starts after it. */
  deepAnchor: KeyRow;
  /** The first row the deep page must show (checks that the cursor was understood). */
  deepFirst: KeyRow;
  serverVersion: string;
}

export const PAGE_SIZE = 50;

/**
 * The default order of archiveSeries (no orderBy and no search): by title's Norwegian sort key,
 * then id. The deep scenario checks the API's cursors against it.
 */
export const DEFAULT_ORDER = { field: 'TITLE', direction: 'ASC' } as const;
const KEY_SQL = 'title_sort_key, id';

export async function readContext(sql: Sql): Promise<BenchContext> {
  const [{ total }] = (await sql.query<{ total: number }>(`SELECT count(*)::int AS total FROM archive_series WHERE deleted_at IS NULL`)) as [{ total: number }];
  const municipalities = await sql.query<{ id: number; number: string }>(`SELECT id, number FROM municipality WHERE deleted_at IS NULL ORDER BY id`);
  const kongsberg = municipalities.find((m) => m.number === '3303') ?? municipalities[0];
  if (!kongsberg) throw new Error('no municipalities in the database');
  const at = async (offset: number): Promise<KeyRow> => {
    const [row] = await sql.query<KeyRow>(
      `SELECT id, title_sort_key AS key FROM archive_series WHERE deleted_at IS NULL ORDER BY ${KEY_SQL} OFFSET $1 LIMIT 1`,
      [Math.max(0, Math.min(offset, total - 1))],
    );
    if (!row) throw new Error(`no series at offset ${offset}`);
    return row;
  };
  const deepOffset = Math.floor(total * 0.9);
  const [{ version }] = (await sql.query<{ version: string }>(`SELECT version()`)) as [{ version: string }];
  return {
    total,
    municipalityId: kongsberg.id,
    municipalityIds: municipalities.map((m) => m.id),
    status: 'AVSLUTTET_PERIODE',
    search: 'byggesak',
    firstPageLast: await at(PAGE_SIZE - 1),
    deepAnchor: await at(deepOffset - 1),
    deepFirst: await at(deepOffset),
    serverVersion: version.replace(/ on .*$/, '').replace(/,.*$/, ''),
  };
}
