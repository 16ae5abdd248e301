import { readFileSync, writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { MIGRATIONS_DIR } from '../config.ts';
import { openDatabase, PGLITE_EXTENSIONS, wrapPglite, type Database } from '../connection.ts';
import { deployMigrations } from '../migrate/deploy.ts';
import { readMigrations } from '../migrate/files.ts';

export type TemplateName = 'migrated' | 'seeded';
export const PG_TEMPLATE_DB: Record<TemplateName, string> = { migrated: 'samarkiv_tpl_migrated', seeded: 'samarkiv_tpl_seeded' };

async function seedInto(db: Database): Promise<void> {
  const { seedDemo } = await import('../seed/index.ts');
  await seedDemo(db);
}

/** Migrates (and seeds) one in-memory PGlite and dumps it to files that each test file loads. */
export async function buildPgliteTemplates(paths: Record<TemplateName, string>): Promise<void> {
  const pglite = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
  const db = wrapPglite(pglite, 'template');
  await deployMigrations(db, readMigrations(MIGRATIONS_DIR));
  writeFileSync(paths.migrated, Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()));
  await seedInto(db);
  writeFileSync(paths.seeded, Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()));
  await db.close();
}

export async function loadPgliteTemplate(path: string): Promise<PGlite> {
  const blob = new Blob([readFileSync(path)]);
  return PGlite.create({ loadDataDir: blob, extensions: PGLITE_EXTENSIONS });
}

/** Unpacks a template into a data directory (for tests that start a real server on its own copy). */
export async function unpackPgliteTemplate(path: string, dataDir: string): Promise<void> {
  const pglite = await PGlite.create({ dataDir, loadDataDir: new Blob([readFileSync(path)]), extensions: PGLITE_EXTENSIONS });
  await pglite.close();
}

/** Creates the two template databases on a PostgreSQL server (admin URL to its postgres db). */
export async function buildPostgresTemplates(adminUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (const name of Object.values(PG_TEMPLATE_DB)) {
      await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
      await admin.query(`CREATE DATABASE "${name}"`);
    }
  } finally {
    await admin.end();
  }
  for (const template of ['migrated', 'seeded'] as const) {
    const db = await openDatabase({ kind: 'postgres', url: withDatabase(adminUrl, PG_TEMPLATE_DB[template]) });
    await deployMigrations(db, readMigrations(MIGRATIONS_DIR));
    if (template === 'seeded') await seedInto(db);
    await db.close();
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
