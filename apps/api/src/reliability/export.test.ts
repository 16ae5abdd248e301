import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, deployMigrations, exportDatabase, ExportError, type ExportErrorCode, importDatabase, MIGRATIONS_DIR, openDatabase, readMigrations } from '@samarkiv/db';
import { adminQuery, findPostgresBin, openTestDatabase, startPostgresCluster, testBackend, withDatabase } from '@samarkiv/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSeries } from '../../../../packages/db/src/generate/series.ts';
import { startTestApi } from '../testing/testApi.ts';

// `pnpm db:export` / `pnpm db:import` (packages/db/src/export): PGlite → PostgreSQL → PGlite and
// back, compared table by table. It uses both backends at once, so it runs in the api-pglite
// project only, with a PostgreSQL cluster of its own (or TEST_DATABASE_URL's server).

const external = process.env.TEST_DATABASE_URL;
const runs = testBackend() === 'pglite' && (Boolean(external) || findPostgresBin() !== null);
const PASSPHRASE = 'korrekt hest batteri stift æøå';
// Not data: the history belongs to the target, the transient tables to running processes.
const NOT_COMPARED = ['_prisma_migrations', 'rate_limit', 'scheduler_lease'];

/** Every table's rows (minus the named columns) as sorted canonical JSON, and every sequence. */
async function dump(db: Database, leaveOut: { tables?: string[]; columns?: Record<string, string[]> } = {}): Promise<Record<string, string[]>> {
  const skip = [...NOT_COMPARED, ...(leaveOut.tables ?? [])];
  const session = await db.session();
  try {
    return await session.transaction(async (sql) => {
      await sql.exec(`SET LOCAL TimeZone = 'UTC'; SET LOCAL extra_float_digits = 3`);
      const tables = await sql.query<{ name: string }>(`SELECT relname AS name FROM pg_class WHERE relkind = 'r' AND relnamespace = current_schema()::regnamespace ORDER BY relname`);
      const result: Record<string, string[]> = {};
      for (const { name } of tables.filter((t) => !skip.includes(t.name))) {
        const rows = await sql.query<{ row: string }>(`SELECT (to_jsonb(t) - $1::text[])::text AS row FROM "${name}" t ORDER BY (to_jsonb(t) - $1::text[])::text COLLATE "C"`, [leaveOut.columns?.[name] ?? []]);
        result[name] = rows.map((r) => r.row);
      }
      const sequences = await sql.query<{ name: string }>(`SELECT relname AS name FROM pg_class WHERE relkind = 'S' AND relnamespace = current_schema()::regnamespace ORDER BY relname`);
      for (const { name } of sequences.filter((s) => !skip.some((table) => s.name.startsWith(`${table}_`)))) {
        const [state] = await sql.query<{ state: string }>(`SELECT last_value || '/' || is_called AS state FROM "${name}"`);
        result[`sequence ${name}`] = [state!.state];
      }
      return result;
    });
  } finally {
    await session.release();
  }
}

async function rowCount(db: Database): Promise<number> {
  const tables = Object.entries(await dump(db)).filter(([name]) => !name.startsWith('sequence '));
  return tables.reduce((sum, [, rows]) => sum + rows.length, 0);
}

async function expectRefused(promise: Promise<unknown>, code: ExportErrorCode): Promise<void> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ExportError);
  expect((error as ExportError).code, (error as Error).message).toBe(code);
}

describe.runIf(runs)('exporting and importing the whole database', () => {
  let cluster: Awaited<ReturnType<typeof startPostgresCluster>> | null = null;
  let adminUrl: string;
  const template = `samarkiv_export_tpl_${process.pid}`;
  let dir: string;
  const open: Database[] = [];
  let source: Database;
  let sourceDump: Record<string, string[]>;
  let first: Awaited<ReturnType<typeof exportDatabase>>;
  const file = (name: string) => join(dir, name);

  const admin = (sql: string) => adminQuery(adminUrl, sql);

  async function freshPostgres(): Promise<Database> {
    const name = `samarkiv_export_${Math.random().toString(36).slice(2, 10)}`;
    await admin(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    const db = await openDatabase({ kind: 'postgres', url: withDatabase(adminUrl, name) });
    const wrapped = { ...db, close: async () => (await db.close(), await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)) };
    open.push(wrapped);
    return wrapped;
  }

  async function freshPglite(): Promise<Database> {
    const db = await openTestDatabase('migrated');
    open.push(db);
    return db;
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'samarkiv-export-'));
    cluster = external ? null : await startPostgresCluster();
    adminUrl = external ?? cluster!.url;
    await admin(`CREATE DATABASE "${template}"`);
    const tpl = await openDatabase({ kind: 'postgres', url: withDatabase(adminUrl, template) });
    await deployMigrations(tpl, readMigrations(MIGRATIONS_DIR));
    await tpl.close();

    // The demo data, generated series, and writes through the API (sessions, a TOTP factor,
    // audit events) on the embedded database.
    source = await openTestDatabase('seeded');
    open.push(source);
    await generateSeries(source, 120, { batchSize: 50 });
    const api = await startTestApi(source);
    await api.signIn('admin');
    const coordinator = await api.signIn('koordinator');
    const created = await coordinator.gql(`mutation($input: RiskBaselineInput!) { createRiskBaseline(input: $input) { id } }`, { input: { name: 'Før flytting', description: 'Øyeblikksbilde før eksport' } });
    expect(created.errors).toBeUndefined();
    await api.close();
    sourceDump = await dump(source);
    expect(sourceDump.audit_event!.length).toBeGreaterThan(0);
    expect(sourceDump.session!.length).toBeGreaterThanOrEqual(2);
    expect(sourceDump.user_totp!.length).toBeGreaterThanOrEqual(1);
    expect(sourceDump.archive_series_facet_count!.length).toBeGreaterThan(0);
    expect(sourceDump.archive_series_readiness_count!.length).toBeGreaterThan(0);
    // The two files every test reads (never writes): reading PGlite is the slow part here.
    first = await exportDatabase(source, file('full.enc'), { includeSecrets: true, passphrase: PASSPHRASE, batchSize: 97 });
    await exportDatabase(source, file('open.gz'));
  });

  afterAll(async () => {
    for (const db of open) await db.close().catch(() => {});
    if (adminUrl) await admin(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`).catch(() => {});
    cluster?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips every table with its secrets, encrypted, PGlite → PostgreSQL → PGlite, and the users can sign in', async () => {
    const server = await freshPostgres();
    await importDatabase(server, file('full.enc'), { passphrase: PASSPHRASE });
    expect(await dump(server)).toEqual(sourceDump);

    await exportDatabase(server, file('full.gz'), { includeSecrets: true });
    const embedded = await freshPglite();
    await importDatabase(embedded, file('full.gz'), { batchSize: 64 });
    expect(await dump(embedded)).toEqual(sourceDump);
    const third = await exportDatabase(embedded, file('full-again.gz'), { includeSecrets: true });
    expect(third.rows).toEqual(first.rows);

    const api = await startTestApi(embedded);
    try {
      const coordinator = await api.signIn('koordinator');
      const me = await coordinator.gql<{ me: { username: string } }>(`query { me { username } }`);
      expect(me.data?.me.username).toBe('koordinator');
      await api.signIn('admin');
    } finally {
      await api.close();
    }
  });

  it('leaves out password hashes, sessions and second factors unless asked, and rebuilds the facet and readiness summaries', async () => {
    const secretFree = { tables: ['session', 'user_totp', 'recovery_code'], columns: { app_user: ['password_hash'] } };
    const text = readFileSync(file('open.gz'));
    expect(text.includes(Buffer.from('$argon2'))).toBe(false);
    const server = await freshPostgres();
    const { header } = await importDatabase(server, file('open.gz'));
    expect(header.options.includeSecrets).toBe(false);
    const serverDump = await dump(server);
    expect(serverDump.session).toEqual([]);
    expect(serverDump.user_totp).toEqual([]);
    expect(await dump(server, secretFree)).toEqual(await dump(source, secretFree));

    await exportDatabase(server, file('open.enc'), { passphrase: PASSPHRASE });
    const embedded = await freshPglite();
    await importDatabase(embedded, file('open.enc'), { passphrase: PASSPHRASE });
    expect(await dump(embedded)).toEqual(serverDump);
    expect((await dump(embedded)).archive_series_facet_count).toEqual(sourceDump.archive_series_facet_count);
    expect((await dump(embedded)).archive_series_readiness_count).toEqual(sourceDump.archive_series_readiness_count);

    const api = await startTestApi(embedded);
    try {
      await expect(api.signIn('koordinator')).rejects.toThrow(/sign-in as koordinator failed/);
    } finally {
      await api.close();
    }
  });

  it('round-trips every column type exactly, generated columns recomputed and forward self-references kept', async () => {
    const probe = `CREATE TABLE export_probe (
      id bigserial PRIMARY KEY, parent_id bigint REFERENCES export_probe (id), b bytea, tags text[], amount numeric(30, 10), ratio float8,
      span interval, doc jsonb, raw json, at timestamptz, day date, at_local timestamp, flag boolean, n smallint,
      search tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(tags[1], ''))) STORED)`;
    // tags[1] is ASCII: PGlite's C locale lowercases only ASCII, so æøå would differ between the
    // backends in the recomputed tsvector (a difference of the backends, not of the export).
    const rows = `INSERT INTO export_probe (id, parent_id, b, tags, amount, ratio, span, doc, raw, at, day, at_local, flag, n) VALUES
      (1, 3, '\\x00ff10', ARRAY['Sitat, "med komma"', NULL, 'Ærlig ål{}\\'], 12345678901234567890.0123456789, 0.1, '1 mon 2 days 03:04:05.678', '{"å": [1, 2.50, null], "b": "😀"}', '{ "dup": 1, "dup": 2 }', '2026-03-29 01:59:59.123456+01', '0001-01-01', '2026-12-02 02:40:00', true, -32768),
      (2, NULL, '', '{}', 'NaN', 'Infinity', '-1 year', 'null', 'null', 'infinity', '-infinity', '1999-12-31 23:59:59.999999', false, 0),
      (3, 1, NULL, NULL, -0.0000000001, 1e-300, NULL, '"tekst"', NULL, NULL, '2024-02-29', NULL, NULL, NULL);
      SELECT setval('export_probe_id_seq', 41)`;
    const withProbe = async (db: Database, data: boolean) => {
      const session = await db.session();
      await session.exec(probe);
      if (data) await session.exec(rows);
      await session.release();
      return db;
    };
    const start = await withProbe(await freshPglite(), true);
    const startDump = await dump(start);
    expect(startDump.export_probe).toHaveLength(3);
    await exportDatabase(start, file('probe-1.gz'), { batchSize: 2 });
    const server = await withProbe(await freshPostgres(), false);
    await importDatabase(server, file('probe-1.gz'), { batchSize: 2 });
    expect(await dump(server)).toEqual(startDump);
    await exportDatabase(server, file('probe-2.gz'));
    const embedded = await withProbe(await freshPglite(), false);
    await importDatabase(embedded, file('probe-2.gz'));
    expect(await dump(embedded)).toEqual(startDump);
    expect(startDump['sequence export_probe_id_seq']).toEqual(['41/true']);
  });

  it('refuses a wrong passphrase, a missing one and a damaged or truncated file, writing nothing', async () => {
    const target = await freshPostgres();
    await expectRefused(importDatabase(target, file('full.enc'), { passphrase: 'feil passord' }), 'EXPORT_WRONG_PASSPHRASE');
    await expectRefused(importDatabase(target, file('full.enc')), 'EXPORT_PASSPHRASE_REQUIRED');

    const tampered = readFileSync(file('full.enc'));
    tampered[Math.floor(tampered.length * 0.9)]! ^= 0x01;
    writeFileSync(file('tampered.enc'), tampered);
    await expectRefused(importDatabase(target, file('tampered.enc'), { passphrase: PASSPHRASE }), 'EXPORT_FILE_DAMAGED');

    for (const [name, fraction] of [['full.enc', 0.8], ['open.gz', 0.8], ['open.gz', 0.999]] as const) {
      const cut = file(`cut-${fraction}-${name}`);
      copyFileSync(file(name), cut);
      truncateSync(cut, Math.floor(statSync(cut).size * fraction));
      await expectRefused(importDatabase(target, cut, { passphrase: PASSPHRASE }), 'EXPORT_FILE_DAMAGED');
    }
    writeFileSync(file('other.txt'), 'id;tittel\n1;Ikke en eksport\n');
    await expectRefused(importDatabase(target, file('other.txt')), 'EXPORT_FILE_UNREADABLE');
    expect(await rowCount(target)).toBe(0);
  });

  it('refuses a target that holds rows or stands at another migration, leaving it as it was', async () => {
    const filled = await freshPostgres();
    await filled.prisma.appSetting.create({ data: { key: 'cutover', value: { date: '2027-01-01' } } });
    const before = await dump(filled);
    await expectRefused(importDatabase(filled, file('open.gz')), 'EXPORT_TARGET_NOT_EMPTY');
    expect(await dump(filled)).toEqual(before);

    const behind = await freshPglite();
    const session = await behind.session();
    await session.exec(`DELETE FROM _prisma_migrations WHERE migration_name = (SELECT max(migration_name) FROM _prisma_migrations)`);
    await session.release();
    await expectRefused(importDatabase(behind, file('open.gz')), 'EXPORT_MIGRATION_MISMATCH');
    expect(await rowCount(behind)).toBe(0);
  });
});
