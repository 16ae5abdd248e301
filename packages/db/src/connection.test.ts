import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openDatabase } from './connection.ts';
import { DatabaseStartupError } from './errors.ts';
import { openTestDatabase, testBackend } from './testing/index.ts';
import { acquireDataDirLock } from './lock.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'samarkiv-conn-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe.runIf(testBackend() === 'pglite')('the embedded database directory', () => {
  it('refuses a second opener of the same data directory with one clear line', async () => {
    const dataDir = tempDir();
    const release = acquireDataDirLock(dataDir);
    try {
      const error = await openDatabase({ kind: 'pglite', dataDir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatabaseStartupError);
      expect((error as Error).message).toMatch(new RegExp(`data directory ${dataDir} is in use by another Samarkiv process \\(pid ${process.pid}\\)`));
    } finally {
      release();
    }
  });

  it('takes over a lock left by a process that no longer runs', () => {
    const dataDir = tempDir();
    // A pid far above pid_max on Linux: that process cannot exist.
    writeFileSync(join(dataDir, 'samarkiv.lock'), JSON.stringify({ pid: 99_999_999, host: hostname() }));
    const release = acquireDataDirLock(dataDir);
    release();
  });

  it('says so when the data directory is a file', async () => {
    const file = join(tempDir(), 'not-a-dir');
    writeFileSync(file, '');
    await expect(openDatabase({ kind: 'pglite', dataDir: file })).rejects.toThrow(new DatabaseStartupError(`The data directory ${file} is not a directory. Set SAMARKIV_DATA_DIR to a writable directory.`));
  });
});

describe('a PostgreSQL server that cannot be used', () => {
  it('says the server cannot be reached, without the password', async () => {
    const error = await openDatabase({ kind: 'postgres', url: 'postgres://samarkiv:secret-pw@127.0.0.1:1/samarkiv' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseStartupError);
    expect((error as Error).message).toMatch(/^Cannot reach the PostgreSQL server at postgres:\/\/samarkiv:\*\*\*@127\.0\.0\.1:1\/samarkiv \(ECONNREFUSED\)/);
    expect((error as Error).message).not.toMatch(/secret-pw/);
  });

  it.runIf(testBackend() === 'postgres')('says which database does not exist', async () => {
    const url = new URL(inject('postgresAdminUrl')!);
    url.pathname = '/no_such_database';
    await expect(openDatabase({ kind: 'postgres', url: url.toString() })).rejects.toThrow(/does not exist\. Create it \(createdb\) or fix DATABASE_URL/);
  });
});

describe.runIf(testBackend() === 'postgres')('a busy connection pool', () => {
  it('lets a transaction wait for a connection longer than Prisma\'s 2 s default, as a query does', async () => {
    // Found by pnpm bench:load: edits failed as INTERNAL_SERVER_ERROR while slow reads held the pool.
    const db = await openTestDatabase('migrated');
    try {
      const poolSize = Number(process.env.DATABASE_POOL_SIZE ?? 10);
      // Every connection of the pool busy for 3 s; the transaction must queue behind them.
      // (Promise.all starts them: a Prisma query runs only once something awaits it.)
      const sleepers = Promise.all(Array.from({ length: poolSize }, () => db.prisma.$queryRaw`SELECT 1 AS slept FROM pg_sleep(3)`));
      await new Promise((resolve) => setTimeout(resolve, 300));
      const started = Date.now();
      const result = await db.prisma.$transaction(async (tx) => tx.$queryRaw<{ one: number }[]>`SELECT 1 AS one`);
      expect(result).toEqual([{ one: 1 }]);
      expect(Date.now() - started).toBeGreaterThan(2_000);
      await sleepers;
    } finally {
      await db.close();
    }
  });
});

describe('explaining PostgreSQL connection errors', () => {
  it('names a refused password and a refused connection in words an operator can act on', async () => {
    const { explainPgError } = await import('./connection.ts');
    const url = 'postgres://samarkiv:pw@db.example:5432/samarkiv';
    expect(explainPgError({ code: '28P01' }, url)).toBe('PostgreSQL refused the password for postgres://samarkiv:***@db.example:5432/samarkiv. Check the user and password in DATABASE_URL.');
    expect(explainPgError(Object.assign(new Error('no pg_hba.conf entry'), { code: '28000' }), url)).toMatch(/refused the connection .*no pg_hba\.conf entry.*Check pg_hba\.conf/);
  });
});
