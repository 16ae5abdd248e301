import { type Database, Prisma } from '@samarkiv/db';
import { openTestDatabase } from '@samarkiv/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSeries } from '../../../../../packages/db/src/generate/series.ts';
import type { ArchiveSeriesOrderField, SortDirection } from '../../graphql/generated/resolvers.ts';
import { pageSql, type PageRow, keysOf, keyParts } from './page.ts';

// The plan of every plain ordering on 100k series, exactly as the API builds the SQL: it must
// seek the ordering's (key, id) index (forwards, or backwards for DESC), never sort the table
// nor scan it, and throw away no more rows than a page, on the first page and deep in the set.

const SERIES = 100_000;
const PAGE = 50;

// The index each ordering must seek: alone, and under an equality filter on municipality.
const INDEXES: Record<Exclude<ArchiveSeriesOrderField, 'RELEVANCE'>, [string, string]> = {
  IDENTIFIER: ['archive_series_identifier_id_idx', 'archive_series_municipality_id_identifier_id_idx'],
  TITLE: ['archive_series_title_sort_key_id_idx', 'archive_series_municipality_id_title_sort_key_id_idx'],
  STATUS: ['archive_series_status_id_idx', 'archive_series_municipality_id_status_id_idx'],
  DOCUMENT_MEDIUM: ['archive_series_document_medium_id_idx', 'archive_series_municipality_id_document_medium_id_idx'],
  PERIOD_START: ['archive_series_period_start_id_idx', 'archive_series_municipality_id_period_start_id_idx'],
  PERIOD_END: ['archive_series_period_end_key', 'archive_series_municipality_period_end_key'],
  RETENTION_DECISION: ['archive_series_retention_key', 'archive_series_municipality_retention_key'],
  CLASSIFICATION_TYPE: ['archive_series_classification_key', 'archive_series_municipality_classification_key'],
  SYSTEM: ['archive_series_system_key', 'archive_series_municipality_system_key'],
  DEPOSIT_STATUS: ['archive_series_deposit_status_id_idx', 'archive_series_municipality_id_deposit_status_id_idx'],
  UPDATED_AT: ['archive_series_updated_at_id_idx', 'archive_series_municipality_id_updated_at_id_idx'],
};

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Scan Direction'?: string;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

let db: Database;
let municipalityId: number;

beforeAll(async () => {
  db = await openTestDatabase('seeded');
  await generateSeries(db, SERIES);
  await db.prisma.$executeRaw`ANALYZE "archive_series"`;
  municipalityId = (await db.prisma.municipality.findUniqueOrThrow({ where: { number: '3303' } })).id;
}, 600_000);

afterAll(async () => {
  await db?.close();
});

async function explain(sql: Prisma.Sql): Promise<PlanNode> {
  const rows = await db.prisma.$queryRaw<Record<string, unknown>[]>`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`;
  const value = Object.values(rows[0]!)[0];
  const parsed = (typeof value === 'string' ? JSON.parse(value) : value) as { Plan: PlanNode }[];
  return parsed[0]!.Plan;
}

/** A row about 90% into the ordering, as the cursor of a deep page. */
async function deepCursor(field: ArchiveSeriesOrderField, direction: SortDirection, filter: { municipalityIds?: number[] }) {
  const all = pageSql({ filter, field, direction, size: SERIES, backward: false, cursor: null });
  const total = (await db.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "archive_series" s WHERE s."deleted_at" IS NULL ${filter.municipalityIds ? Prisma.sql`AND s."municipality_id" = ${municipalityId}` : Prisma.empty}`)[0]!.n;
  const [row] = await db.prisma.$queryRaw<PageRow[]>`SELECT * FROM (${all}) p OFFSET ${Math.floor(total * 0.9)} LIMIT 1`;
  return { keys: keysOf(row!, keyParts(field, {}).length), id: row!.id };
}

describe('the series page plan on 100k series', () => {
  for (const field of Object.keys(INDEXES) as (keyof typeof INDEXES)[]) {
    for (const direction of ['ASC', 'DESC'] as const) {
      for (const scoped of [false, true]) {
        it(`seeks ${INDEXES[field][scoped ? 1 : 0]} for ${field} ${direction}${scoped ? ' in one municipality' : ''}`, async () => {
          const filter = scoped ? { municipalityIds: [municipalityId] } : {};
          for (const cursor of [null, await deepCursor(field, direction, filter)]) {
            const plan = await explain(pageSql({ filter, field, direction, size: PAGE, backward: false, cursor }));
            const all = nodes(plan);
            const text = JSON.stringify(plan);
            expect(all.filter((n) => n['Node Type'] === 'Seq Scan' || n['Node Type'] === 'Sort' || n['Node Type'].startsWith('Bitmap')), text).toEqual([]);
            const scan = all.find((n) => n['Node Type'] === 'Index Scan' || n['Node Type'] === 'Index Only Scan');
            expect(scan?.['Index Name'], text).toBe(INDEXES[field][scoped ? 1 : 0]);
            expect(scan?.['Scan Direction'], text).toBe(direction === 'ASC' ? 'Forward' : 'Backward');
            for (const n of all) expect(n['Rows Removed by Filter'] ?? 0, text).toBeLessThanOrEqual(PAGE);
          }
        });
      }
    }
  }
});
