import type { Database } from '../connection.ts';
import { seedDemo } from '../seed/index.ts';
import type { Sql, SqlSession } from '../sql.ts';
import { type GeneratorTargets, buildInsertSql } from './insertSql.ts';

/** app_setting key holding the last running number used, so repeated runs never reuse an identifier. */
export const GENERATOR_KEY = 'series_generator';

export interface GenerateOptions {
  log?: (line: string) => void;
  /** Rows per statement and transaction; each batch commits on its own. */
  batchSize?: number;
}

/**
 * Fills the database with `count` plausible archive series spread over the existing
 * municipalities (seeding the demo data first if there are none), in batches of raw
 * INSERT ... SELECT, each in its own transaction with the running-number marker.
 */
export async function generateSeries(db: Database, count: number, options: GenerateOptions = {}): Promise<{ inserted: number; seconds: number }> {
  if (!Number.isInteger(count) || count < 0) throw new Error(`generateSeries: count must be a whole number ≥ 0, got ${count}`);
  const log = options.log ?? (() => {});
  const batchSize = Math.max(1, options.batchSize ?? 50_000);
  const started = Date.now();
  if (!(await hasMunicipalities(db))) {
    log('no municipalities yet: seeding the demo data first');
    await seedDemo(db, { log });
  }
  const session = await db.session();
  try {
    const targets = await loadTargets(session);
    const sql = buildInsertSql(targets);
    let last = await lastNumber(session);
    let inserted = 0;
    while (inserted < count) {
      const size = Math.min(batchSize, count - inserted);
      const from = last + 1;
      const to = last + size;
      await session.transaction(async (tx) => {
        await tx.query(sql, [from, to]);
        await saveLastNumber(tx, to);
      });
      last = to;
      inserted += size;
      const seconds = (Date.now() - started) / 1000;
      log(`${inserted.toLocaleString('en')} / ${count.toLocaleString('en')} series (${Math.round(inserted / Math.max(seconds, 0.001)).toLocaleString('en')} rows/s)`);
    }
    return { inserted, seconds: (Date.now() - started) / 1000 };
  } finally {
    await session.release();
  }
}

async function hasMunicipalities(db: Database): Promise<boolean> {
  const session = await db.session();
  try {
    const rows = await session.query(`SELECT 1 FROM municipality WHERE deleted_at IS NULL LIMIT 1`);
    return rows.length > 0;
  } finally {
    await session.release();
  }
}

async function loadTargets(sql: SqlSession): Promise<GeneratorTargets> {
  // Each municipality's first archive and its own creator (the KOMMUNE-nnnn one the demo seeds,
  // otherwise the oldest), so generated series sit where imported ones would.
  const municipalities = await sql.query<{ id: number; archive_id: number | null; creator_id: number | null }>(`
    SELECT m.id,
      (SELECT a.id FROM archive a WHERE a.municipality_id = m.id AND a.deleted_at IS NULL ORDER BY a.id LIMIT 1) AS archive_id,
      (SELECT c.id FROM archive_creator c WHERE c.municipality_id = m.id AND c.deleted_at IS NULL
        ORDER BY (c.creator_id = 'KOMMUNE-' || m.number) DESC, c.id LIMIT 1) AS creator_id
    FROM municipality m WHERE m.deleted_at IS NULL ORDER BY m.id`);
  const targets = await sql.query<{ id: number; code: string }>(`SELECT id, code FROM target_series WHERE deleted_at IS NULL`);
  return {
    municipalityIds: municipalities.map((m) => m.id),
    archiveIds: municipalities.map((m) => m.archive_id),
    creatorIds: municipalities.map((m) => m.creator_id),
    targetIds: new Map(targets.map((t) => [t.code, t.id])),
  };
}

async function lastNumber(sql: Sql): Promise<number> {
  const [marker] = await sql.query<{ last: string | null }>(`SELECT value->>'lastNumber' AS last FROM app_setting WHERE key = $1`, [GENERATOR_KEY]);
  if (marker?.last) return Number(marker.last);
  // No marker (an older database, or it was removed): fall back to the identifiers themselves.
  const [row] = await sql.query<{ last: string | null }>(
    `SELECT max(substr(identifier, 5)::bigint)::text AS last FROM archive_series WHERE identifier ~ '^GEN-[0-9]+$'`,
  );
  return Number(row?.last ?? 0);
}

async function saveLastNumber(sql: Sql, last: number): Promise<void> {
  await sql.query(
    `INSERT INTO app_setting (key, value, updated_at) VALUES ($1, $2, now())
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
    [GENERATOR_KEY, JSON.stringify({ lastNumber: last })],
  );
}
