import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { PGlite } from '@electric-sql/pglite';
import { bindMigrationAwareSqlAdapterFactory, type SqlDriverAdapter, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type * as EngineTypes from '@prisma/schema-engine-wasm';
import * as runtime from '@prisma/schema-engine-wasm/schema_engine_bg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PGLITE_EXTENSIONS } from '../connection.ts';
import { MigrationError } from '../errors.ts';
import { LOCKFILE_CONTENT, LOCKFILE_NAME, type MigrationFile } from './files.ts';

type SchemaEngine = EngineTypes.SchemaEngine;
const FILTERS = { externalTables: [], externalEnums: [] };

let loaded: Promise<typeof runtime> | undefined;

// Node 20 cannot import a .wasm file as a module, so the engine is instantiated by hand and its
// exports handed to the generated glue. The panic registry must exist first, or a Rust panic
// surfaces as an unreadable TypeError.
function loadRuntime(): Promise<typeof runtime> {
  loaded ??= (async () => {
    const registry = { message: '', set_message(message: string) { registry.message = message; } };
    (globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY = registry;
    const require = createRequire(import.meta.url);
    const wasmPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg').replace(/\.js$/, '.wasm');
    const module = await WebAssembly.compile(await readFile(wasmPath));
    const instance = await WebAssembly.instantiate(module, { './schema_engine_bg.js': runtime as unknown as Record<string, WebAssembly.ImportValue> });
    runtime.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return runtime;
  })();
  return loaded;
}

// pglite-prisma-adapter 0.7.2 does not await exec() in executeScript, so a failing script
// would count as applied. Await it.
async function awaitingAdapter(pglite: PGlite): Promise<SqlDriverAdapter> {
  const adapter = await new PrismaPGlite(pglite).connect();
  adapter.executeScript = async (script: string) => {
    await pglite.exec(script);
  };
  return adapter;
}

/**
 * The engine works on throwaway in-memory PGlite databases only: the main one and the shadow
 * (PGlite is one database and cannot host a shadow of its own). Both load the same extensions,
 * or replaying the migrations fails with "extension is not available".
 */
export async function withEngine<T>(schema: string, fn: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const rt = await loadRuntime();
  const main = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
  const shadows: PGlite[] = [];
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: 'postgres',
    adapterName: 'samarkiv-pglite',
    connect: () => awaitingAdapter(main),
    async connectToShadowDb() {
      const shadow = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
      shadows.push(shadow);
      return awaitingAdapter(shadow);
    },
  };
  const engine = await rt.SchemaEngine.new({ datamodels: [['schema.prisma', schema]] }, () => {}, bindMigrationAwareSqlAdapterFactory(factory));
  try {
    return await fn(engine);
  } catch (error) {
    const panic = (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { message: string } }).PRISMA_WASM_PANIC_REGISTRY?.message;
    throw panic ? new Error(`Schema engine panicked: ${panic}`, { cause: error }) : error;
  } finally {
    engine.free();
    await Promise.all([main, ...shadows].map((db) => db.close().catch(() => {})));
  }
}

export function migrationsList(baseDir: string, files: MigrationFile[]): EngineTypes.MigrationList {
  return {
    baseDir,
    lockfile: { path: LOCKFILE_NAME, content: LOCKFILE_CONTENT },
    shadowDbInitScript: '',
    migrationDirectories: files.map((file) => ({
      path: file.name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: file.sql } },
    })),
  };
}

/**
 * The SQL that takes the migrations to the schema: empty when they match (no drift).
 * Replays the migrations on a shadow database and compares with schema.prisma.
 */
export async function diffMigrationsToSchema(schema: string, baseDir: string, files: MigrationFile[]): Promise<string> {
  await replayMigrations(files);
  return withEngine(schema, async (engine) => {
    const result = await engine.diff({
      from: files.length ? { tag: 'migrations', ...migrationsList(baseDir, files) } : { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] },
      script: true,
      exitCode: true,
      filters: FILTERS,
    });
    return result.exitCode === 2 ? (result.stdout ?? '').trim() : '';
  });
}

// The engine reports a failing migration only as "external connector error"; replaying the
// files first on a throwaway database names the migration and the database's own message.
async function replayMigrations(files: MigrationFile[]): Promise<void> {
  const db = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
  try {
    for (const file of files) {
      try {
        await db.exec(file.sql);
      } catch (error) {
        throw new MigrationError(file.name, error instanceof Error ? error.message : String(error));
      }
    }
  } finally {
    await db.close();
  }
}
