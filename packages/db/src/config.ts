import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const MIGRATIONS_DIR = resolve(REPO_ROOT, 'prisma/migrations');
export const SCHEMA_PATH = resolve(REPO_ROOT, 'prisma/schema.prisma');

export type DbConfig =
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'pglite-memory' }
  | { kind: 'postgres'; url: string };

/** DATABASE_URL selects a PostgreSQL server; otherwise the embedded PGlite in SAMARKIV_DATA_DIR. */
export function dbConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DbConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: 'postgres', url };
  const dataDir = env.SAMARKIV_DATA_DIR?.trim() || resolve(REPO_ROOT, 'data');
  return { kind: 'pglite', dataDir: resolve(dataDir) };
}

export function describeConfig(config: DbConfig): string {
  if (config.kind === 'postgres') return `PostgreSQL at ${redactUrl(config.url)}`;
  if (config.kind === 'pglite') return `embedded PGlite in ${config.dataDir}`;
  return 'embedded PGlite in memory';
}

/** Never print a password, not even in an error line. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
