import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, SCHEMA_PATH } from '../config.ts';
import type { Database } from '../connection.ts';
import { MigrationError } from '../errors.ts';
import { openTestDatabase, testBackend } from '../testing/index.ts';
import { deployMigrations, migrationStatus } from './deploy.ts';
import { diffMigrationsToSchema } from './engine.ts';
import { readMigrations, type MigrationFile } from './files.ts';

const opened: Database[] = [];
async function emptyDatabase(): Promise<Database> {
  // The 'migrated' template minus everything: a fresh database is one with no tables at all.
  const db = await openTestDatabase('migrated');
  opened.push(db);
  const session = await db.session();
  try {
    await session.exec(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`);
  } finally {
    await session.release();
  }
  return db;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close()));
});

describe('migrations', () => {
  it('deploys to a fresh database, reports a clean status, and a second deploy is a no-op', async () => {
    const db = await emptyDatabase();
    const files = readMigrations(MIGRATIONS_DIR);
    expect(files.length).toBeGreaterThan(0);
    expect(await migrationStatus(db, files)).toMatchObject({ applied: [], pending: files.map((f) => f.name) });
    expect(await deployMigrations(db, files)).toEqual(files.map((f) => f.name));
    expect(await migrationStatus(db, files)).toEqual({ applied: files.map((f) => f.name), pending: [], edited: [], unknown: [], failed: [] });
    expect(await deployMigrations(db, files)).toEqual([]);
  });

  it('rolls a failing migration back whole and names it with the database message', async () => {
    const db = await emptyDatabase();
    const files = readMigrations(MIGRATIONS_DIR);
    const broken: MigrationFile = { name: '29990101000000_broken', checksum: 'x'.repeat(64), sql: 'CREATE TABLE half_done (id int);\nSELECT * FROM no_such_table;' };
    const failure = await deployMigrations(db, [...files, broken]).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MigrationError);
    expect((failure as MigrationError).migrationName).toBe('29990101000000_broken');
    expect((failure as MigrationError).message).toMatch(/no_such_table/);
    const session = await db.session();
    try {
      const [row] = await session.query<{ t: string | null }>(`SELECT to_regclass('half_done')::text AS t`);
      expect(row!.t).toBeNull();
    } finally {
      await session.release();
    }
    // The good migrations before it stay applied; the broken one is still pending.
    expect(await migrationStatus(db, [...files, broken])).toMatchObject({ pending: ['29990101000000_broken'], failed: [] });
  });

  it('refuses to start on a migration that was edited after it was applied', async () => {
    const db = await emptyDatabase();
    const files = readMigrations(MIGRATIONS_DIR);
    await deployMigrations(db, files);
    const edited = files.map((f, i) => (i === 0 ? { ...f, checksum: '0'.repeat(64) } : f));
    await expect(deployMigrations(db, edited)).rejects.toThrow(/edited after they were applied/);
  });

  it.runIf(testBackend() === 'postgres')('migrates once when two processes deploy at the same time', async () => {
    const db = await emptyDatabase();
    const files = readMigrations(MIGRATIONS_DIR);
    const [a, b] = await Promise.all([deployMigrations(db, files), deployMigrations(db, files)]);
    expect([a.length, b.length].sort()).toEqual([0, files.length]);
    const session = await db.session();
    try {
      const [row] = await session.query<{ n: number }>(`SELECT count(*)::int AS n FROM "_prisma_migrations"`);
      expect(row!.n).toBe(files.length);
    } finally {
      await session.release();
    }
  });
});

// The drift check replays the migrations with the WebAssembly schema engine on PGlite; it does
// not depend on the backend under test, so it runs in one project only.
describe.runIf(testBackend() === 'pglite')('drift check', () => {
  it('finds no drift between schema.prisma and the migrations', async () => {
    expect(await diffMigrationsToSchema(readFileSync(SCHEMA_PATH, 'utf8'), MIGRATIONS_DIR, readMigrations(MIGRATIONS_DIR))).toBe('');
  });

  it('reports a field added to the schema without a migration', async () => {
    // Matched by a pattern: the model's column alignment changes whenever a relation is added.
    const schema = readFileSync(SCHEMA_PATH, 'utf8').replace(/^(\s+)participates(\s+)Boolean/m, '$1driftProbe String?\n$1participates$2Boolean');
    expect(schema).toContain('driftProbe String?');
    const sql = await diffMigrationsToSchema(schema, MIGRATIONS_DIR, readMigrations(MIGRATIONS_DIR));
    expect(sql).toMatch(/ALTER TABLE "municipality" ADD COLUMN\s+"driftProbe" TEXT/);
  });

  it('creates a migration from the schema diff into Prisma\'s layout', async () => {
    const { createMigration } = await import('./create.ts');
    const dir = mkdtempSync(join(tmpdir(), 'samarkiv-mig-'));
    try {
      const folder = await createMigration(readFileSync(SCHEMA_PATH, 'utf8'), dir, 'Init Test', new Date('2030-01-02T03:04:05Z'));
      expect(folder).toBe(join(dir, '20300102030405_init_test'));
      expect(readFileSync(join(folder!, 'migration.sql'), 'utf8')).toMatch(/CREATE TABLE "archive_series"/);
      expect(readFileSync(join(dir, 'migration_lock.toml'), 'utf8')).toMatch(/provider = "postgresql"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
