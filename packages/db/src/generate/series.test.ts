import { norwegianSortKey } from '@samarkiv/shared';
import { describe, expect, it } from 'vitest';
import type { Database } from '../connection.ts';
import { openTestDatabase } from '../testing/index.ts';
import { GENERATOR_KEY, generateSeries } from './series.ts';

const SLOW = 60_000;

async function query<T>(db: Database, text: string, params: unknown[] = []): Promise<T[]> {
  const session = await db.session();
  try {
    return await session.query<T>(text, params);
  } finally {
    await session.release();
  }
}

async function generated(db: Database): Promise<{ n: number; distinct: number; municipalities: number }> {
  const [row] = await query<{ n: number; distinct: number; municipalities: number }>(
    db,
    `SELECT count(*)::int AS n, count(DISTINCT identifier)::int AS distinct, count(DISTINCT municipality_id)::int AS municipalities
       FROM archive_series WHERE identifier LIKE 'GEN-%'`,
  );
  return row!;
}

describe('generateSeries', () => {
  it('seeds an empty database, then inserts exactly N series with unique identifiers over every municipality', { timeout: SLOW }, async () => {
    const db = await openTestDatabase('migrated');
    try {
      const result = await generateSeries(db, 5000, { batchSize: 2000 });
      expect(result.inserted).toBe(5000);
      expect(await generated(db)).toEqual({ n: 5000, distinct: 5000, municipalities: 8 });
      const [ids] = await query<{ bad: number; distinct: number }>(
        db,
        `SELECT count(*) FILTER (WHERE system_id !~ '^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$')::int AS bad,
                count(DISTINCT system_id)::int AS distinct FROM archive_series WHERE identifier LIKE 'GEN-%'`,
      );
      expect(ids).toEqual({ bad: 0, distinct: 5000 });
    } finally {
      await db.close();
    }
  });

  it('stores the Norwegian sort key of each title, as packages/shared computes it', { timeout: SLOW }, async () => {
    const db = await openTestDatabase('seeded');
    try {
      await generateSeries(db, 3000);
      const sample = await query<{ title: string; title_sort_key: string }>(
        db,
        `SELECT title, title_sort_key FROM archive_series WHERE identifier LIKE 'GEN-%' ORDER BY identifier LIMIT 1000`,
      );
      expect(sample.filter((s) => /[æøåÆØÅ]/.test(s.title)).length).toBeGreaterThan(100);
      for (const s of sample) expect(s.title_sort_key, s.title).toBe(norwegianSortKey(s.title));
    } finally {
      await db.close();
    }
  });

  it('adds N more on a second run, numbering on after the first', { timeout: SLOW }, async () => {
    const db = await openTestDatabase('seeded');
    try {
      await generateSeries(db, 2000);
      await generateSeries(db, 2000);
      expect(await generated(db)).toMatchObject({ n: 4000, distinct: 4000 });
      // Without the marker it numbers on from the identifiers themselves.
      await query(db, 'DELETE FROM app_setting WHERE key = $1', [GENERATOR_KEY]);
      await generateSeries(db, 1000);
      expect(await generated(db)).toMatchObject({ n: 5000, distinct: 5000 });
    } finally {
      await db.close();
    }
  });
});
