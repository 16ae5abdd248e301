import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@samarkiv/db';
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

  it('completes the seed on the next start after being killed in the middle of it', async () => {
    const dataDir = tempDataDir();
    const first = await start({ SAMARKIV_DATA_DIR: dataDir });
    // Killed after the seed's first step: inside its one transaction.
    await first.waitFor(/seeded municipalities/);
    // The seed is one transaction: killed inside it, nothing of it may remain.
    await first.stop('SIGKILL');
    // Never half-seeded: either the whole seed with its marker, or nothing of it.
    const killed = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const marker = await killed.prisma.appSetting.findUnique({ where: { key: 'demo_seed' } });
      const municipalities = await killed.prisma.municipality.count();
      const state = { marker: Boolean(marker), municipalities, series: await killed.prisma.archiveSeries.count() };
      expect(state.marker ? { municipalities: 8, seeded: true } : { municipalities: 0, seeded: state.series === 0 }).toEqual({ municipalities: state.municipalities, seeded: true });
    } finally {
      await killed.close();
    }
    const second = await start({ SAMARKIV_DATA_DIR: dataDir });
    await second.waitFor(/Samarkiv is running/);
    await second.stop('SIGTERM');
    const db = await openDatabase({ kind: 'pglite', dataDir });
    try {
      expect(await db.prisma.municipality.count()).toBe(8);
      expect(await db.prisma.appSetting.findUnique({ where: { key: 'demo_seed' } })).not.toBeNull();
      expect(await db.prisma.archiveSeries.count()).toBeGreaterThan(1000);
    } finally {
      await db.close();
    }
  });

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
