import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { type DbConfig, describeConfig, redactUrl } from './config.ts';
import { DatabaseStartupError } from './errors.ts';
import { PrismaClient } from './generated/prisma/client.ts';
import { acquireDataDirLock } from './lock.ts';
import { pgClientSession, pgliteSession, type SqlSession } from './sql.ts';

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly description: string;
  readonly prisma: PrismaClient;
  /** A dedicated connection for plain SQL (on PGlite, its only connection). */
  session(): Promise<SqlSession>;
  /** Calls listener with each SQL statement Prisma sends (tests count them); returns an unsubscribe. */
  onQuery(listener: (sql: string) => void): () => void;
  close(): Promise<void>;
}

/** Every PGlite instance needs the same extensions, including throwaway ones. */
export const PGLITE_EXTENSIONS = { pg_trgm };

export async function openDatabase(config: DbConfig): Promise<Database> {
  if (config.kind === 'postgres') return openPostgres(config.url);
  if (config.kind === 'pglite-memory') return wrapPglite(await PGlite.create({ extensions: PGLITE_EXTENSIONS }), 'embedded PGlite in memory');
  return openPgliteDir(config.dataDir);
}

async function openPgliteDir(dataDir: string): Promise<Database> {
  prepareDataDir(dataDir);
  const release = acquireDataDirLock(dataDir);
  try {
    const pglite = await PGlite.create({ dataDir, extensions: PGLITE_EXTENSIONS });
    return wrapPglite(pglite, describeConfig({ kind: 'pglite', dataDir }), release);
  } catch (error) {
    release();
    throw new DatabaseStartupError(
      `Could not open the embedded database in ${dataDir}: ${messageOf(error)}. ` +
        'If the directory is damaged, move it away and start again to create a new one.',
      { cause: error },
    );
  }
}

function prepareDataDir(dataDir: string): void {
  try {
    // PGlite does not create missing parent directories.
    mkdirSync(dataDir, { recursive: true });
    if (!statSync(dataDir).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    accessSync(dataDir, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'is not writable' : code === 'ENOTDIR' || code === 'EEXIST' ? 'is not a directory' : `cannot be used (${messageOf(error)})`;
    throw new DatabaseStartupError(
      `The data directory ${dataDir} ${why}. Set SAMARKIV_DATA_DIR to a writable directory.`,
      { cause: error },
    );
  }
}

export function wrapPglite(pglite: PGlite, description: string, release: () => void = () => {}): Database {
  const { prisma, onQuery } = createPrisma(new PrismaPGlite(pglite));
  return {
    kind: 'pglite',
    description,
    prisma,
    onQuery,
    session: async () => pgliteSession(pglite),
    async close() {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
      release();
    },
  };
}

async function openPostgres(url: string): Promise<Database> {
  // A bounded wait for a connection: with the server gone quiet (not refusing) a request fails
  // after 15 s, as long as GraphQL's own timeout, instead of waiting for ever.
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), connectionTimeoutMillis: 15_000 });
  // Without a listener an idle client's error (a server restart) would crash the process.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => {});
    throw new DatabaseStartupError(explainPgError(error, url), { cause: error });
  }
  const { prisma, onQuery } = createPrisma(new PrismaPg(pool));
  return {
    kind: 'postgres',
    description: describeConfig({ kind: 'postgres', url }),
    prisma,
    onQuery,
    session: async () => pgClientSession(await pool.connect()),
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/**
 * Prisma gives an interactive transaction 2 s to get a connection and 5 s to finish, while a plain
 * query waits in the pool for as long as it takes. Under load (bench:load: 50 clients, 1M series,
 * a pool of 10 busy with 1-7 s reads) a write then failed as an unexpected error where a read
 * would only have been slow. The API answers any request after 15 s itself (REQUEST_TIMEOUT), so
 * a transaction may wait and run that long too; imports set their own, longer limits.
 */
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 15_000 } as const;

function createPrisma(adapter: PrismaPg | PrismaPGlite) {
  const prisma = new PrismaClient({ adapter, log: [{ emit: 'event' as const, level: 'query' as const }], transactionOptions: TRANSACTION_OPTIONS });
  const listeners = new Set<(sql: string) => void>();
  prisma.$on('query', (event: { query: string }) => {
    for (const listener of listeners) listener(event.query);
  });
  const onQuery = (listener: (sql: string) => void) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };
  return { prisma: prisma as unknown as PrismaClient, onQuery };
}

export function explainPgError(error: unknown, url: string): string {
  const where = redactUrl(url);
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
      return `Cannot reach the PostgreSQL server at ${where} (${code}). Check that it runs and that DATABASE_URL names the right host and port.`;
    case '28P01':
      return `PostgreSQL refused the password for ${where}. Check the user and password in DATABASE_URL.`;
    case '28000':
      return `PostgreSQL refused the connection to ${where}: ${messageOf(error)}. Check pg_hba.conf and the user in DATABASE_URL.`;
    case '3D000':
      return `The database in ${where} does not exist. Create it (createdb) or fix DATABASE_URL.`;
    default:
      return `Cannot connect to PostgreSQL at ${where}: ${messageOf(error)}.`;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
