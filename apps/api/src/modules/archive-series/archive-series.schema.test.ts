import { type Database, Prisma } from '@samarkiv/db';
import { openTestDatabase } from '@samarkiv/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveOnlyConditions, normaliseFilter, whereAll } from './filter.ts';
import { makeSeries, municipalityIdOf } from './fixtures.ts';

// The hand-written parts of the series_browse and series_search_key migrations, invisible to the
// drift check.

let db: Database;
let flesberg: number;
beforeAll(async () => {
  db = await openTestDatabase('seeded');
  flesberg = await municipalityIdOf(db.prisma, '3334');
});
afterAll(async () => {
  await db?.close();
});

describe('the series_browse migration', () => {
  it('refuses a second live series with the same identifier in a municipality, but not beside a deleted one', async () => {
    await makeSeries(db.prisma, flesberg, { identifier: 'DUP-1', deletedAt: new Date() });
    await makeSeries(db.prisma, flesberg, { identifier: 'DUP-1' });
    await expect(makeSeries(db.prisma, flesberg, { identifier: 'DUP-1' })).rejects.toThrow();
  });

  it('keeps the facet summary by triggers on insert, update, delete and truncate', async () => {
    const session = await db.session();
    try {
      const triggers = await session.query<{ tgname: string }>(`SELECT tgname FROM pg_trigger WHERE tgrelid = 'archive_series'::regclass AND NOT tgisinternal AND tgname LIKE 'archive_series_facet_%' ORDER BY tgname`);
      expect(triggers.map((t) => t.tgname)).toEqual(['archive_series_facet_delete', 'archive_series_facet_insert', 'archive_series_facet_truncate', 'archive_series_facet_update']);
    } finally {
      await session.release();
    }
  });

  it('answers a search through the trigram index on the stored search key', async () => {
    await db.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      const where = whereAll(liveOnlyConditions(normaliseFilter({ search: 'byggesak' })));
      const rows = await tx.$queryRaw<Record<string, unknown>[]>`EXPLAIN (FORMAT JSON) SELECT s."id" FROM "archive_series" s ${where}`;
      const plan = JSON.stringify(rows);
      expect(plan.includes('archive_series_search_key_trgm_idx'), plan).toBe(true);
    });
  });

  it('keeps the search key on every insert and update, whatever the writer puts there', async () => {
    const created = await makeSeries(db.prisma, flesberg, { identifier: 'SØK-ÆØÅ', title: 'Årsmeldinger for Ørje', description: 'Ærlig talt', searchKey: 'written by hand' });
    expect(created.searchKey).toBe('soek-aeoeaa aarsmeldinger for oerje aerlig talt');
    const updated = await db.prisma.archiveSeries.update({ where: { id: created.id }, data: { description: null, searchKey: 'again' } });
    expect(updated.searchKey).toBe('soek-aeoeaa aarsmeldinger for oerje ');
    // The words the API searches with are spelt the same way, whatever their case.
    const where = whereAll([...liveOnlyConditions(normaliseFilter({ search: 'ÅRSMELDINGER ørje' })), Prisma.sql`s."id" = ${created.id}`]);
    const found = await db.prisma.$queryRaw<{ id: number }[]>`SELECT s."id" FROM "archive_series" s ${where}`;
    expect(found).toEqual([{ id: created.id }]);
  });
});

