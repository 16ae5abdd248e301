import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testBackend } from '@samarkiv/db/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from './testing/serverProcess.ts';

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'samarkiv-start-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function start(env: Record<string, string>): Promise<ServerProcess> {
  const server = await startServerProcess(env);
  cleanups.push(() => server.stop('SIGKILL'));
  return server;
}

// These start the real server process on the embedded database; the PostgreSQL project covers
// the same paths through the migration and seed tests.
describe.runIf(testBackend() === 'pglite')('starting the server', () => {
  it('migrates, seeds an empty database, answers /healthz and stops cleanly on SIGTERM', async () => {
    const server = await start({ SAMARKIV_DATA_DIR: tempDataDir() });
    await server.waitFor(/Samarkiv is running/);
    const health = await fetch(`${server.url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok', database: 'pglite' });
    expect(server.output()).toMatch(/demo data seeded/);
    expect(await server.stop('SIGTERM')).toBe(0);
  });

  // Killed in the middle of the seed and started again: reliability/faults.test.ts, on both backends.

  it('refuses a second server on the same data directory with one line and a non-zero exit', async () => {
    const dataDir = tempDataDir();
    const first = await start({ SAMARKIV_DATA_DIR: dataDir, SAMARKIV_SEED: 'false' });
    await first.waitFor(/Samarkiv is running/);
    const second = await start({ SAMARKIV_DATA_DIR: dataDir });
    const code = await second.exited;
    expect(code).not.toBe(0);
    expect(second.output().trim()).toMatch(/^samarkiv: The data directory .* is in use by another Samarkiv process \(pid \d+\)\. Stop that process first, or set SAMARKIV_DATA_DIR to another directory\.$/);
  });

  it('says plainly that an unreachable PostgreSQL server cannot be reached', async () => {
    const server = await start({ DATABASE_URL: 'postgres://samarkiv:pw@127.0.0.1:1/samarkiv' });
    const code = await server.exited;
    expect(code).toBe(1);
    expect(server.output().trim()).toBe('samarkiv: Cannot reach the PostgreSQL server at postgres://samarkiv:***@127.0.0.1:1/samarkiv (ECONNREFUSED). Check that it runs and that DATABASE_URL names the right host and port.');
  });
});

// Two servers starting at once on one empty PostgreSQL: reliability/processes.test.ts.
