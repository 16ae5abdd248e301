import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DbConfig, openDatabase, prepareDatabase } from '@samarkiv/db';
import { generateSeries } from '../../packages/db/src/generate/series.ts';
import { startPostgresCluster } from '../../packages/db/src/testing/postgresCluster.ts';
import { type BenchContext, readContext } from './context.ts';
import type { Backend } from './options.ts';

export interface BenchDatabase {
  backend: Backend;
  config: DbConfig;
  /** What the API process needs in its environment to open this database. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** A throwaway PostgreSQL cluster (as the test harness starts one) or PGlite data directory under /tmp. */
export async function startDatabase(backend: Backend): Promise<BenchDatabase> {
  if (backend === 'postgres') {
    const cluster = await startPostgresCluster();
    return { backend, config: { kind: 'postgres', url: cluster.url }, env: { DATABASE_URL: cluster.url }, stop: async () => cluster.stop() };
  }
  const dir = mkdtempSync(join(tmpdir(), 'samarkiv-bench-pglite-'));
  const dataDir = join(dir, 'data');
  return {
    backend,
    config: { kind: 'pglite', dataDir },
    env: { SAMARKIV_DATA_DIR: dataDir },
    stop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Brings the database to `size` live archive series: migrations and demo data as a starting
 * server applies them, then the set-based generator for the rest, then ANALYZE so that the
 * planner knows the new size. Sizes grow run by run, so 1M only adds what 100k lacks.
 */
export async function fillDatabase(database: BenchDatabase, size: number): Promise<BenchContext> {
  const db = await openDatabase(database.config);
  try {
    await prepareDatabase(db, { seedWhenEmpty: true, log: (line) => console.log(`  ${line}`) });
    const session = await db.session();
    try {
      const [{ n }] = (await session.query<{ n: number }>(`SELECT count(*)::int AS n FROM archive_series WHERE deleted_at IS NULL`)) as [{ n: number }];
      if (n < size) {
        console.log(`  generating ${(size - n).toLocaleString('en')} series (${n.toLocaleString('en')} there already)`);
        await generateSeries(db, size - n, { log: (line) => console.log(`    ${line}`) });
      } else if (n > size) {
        console.log(`  ${n.toLocaleString('en')} series there already (more than ${size.toLocaleString('en')})`);
      }
      const started = Date.now();
      await session.exec('ANALYZE');
      console.log(`  ANALYZE in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return await readContext(session);
    } finally {
      await session.release();
    }
  } finally {
    await db.close();
  }
}
