import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock } from './lock.ts';
import { testBackend } from './testing/index.ts';

// The data-directory lock after a crash: a lock file left by a process that no longer runs must
// not block the next start (reliability/faults.test.ts restarts a SIGKILLed server on it). No
// database involved, so on one backend only.

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dataDir(owner?: { pid: number; host?: string }): string {
  const dir = mkdtempSync(join(tmpdir(), 'samarkiv-lock-'));
  dirs.push(dir);
  if (owner) writeFileSync(join(dir, 'samarkiv.lock'), JSON.stringify({ pid: owner.pid, host: owner.host ?? hostname(), since: '2026-12-01T00:00:00.000Z' }));
  return dir;
}

describe.runIf(testBackend() === 'pglite')('the data-directory lock', () => {
  it('takes over the lock of a process that has exited', () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const dir = dataDir({ pid: Number(dead.stdout) });
    const release = acquireDataDirLock(dir);
    expect(JSON.parse(readFileSync(join(dir, 'samarkiv.lock'), 'utf8'))).toMatchObject({ pid: process.pid });
    release();
  });

  it('takes over a lock naming its own pid that it does not hold (a restarted container runs as the same pid)', () => {
    const release = acquireDataDirLock(dataDir({ pid: process.pid }));
    release();
  });

  it('refuses a lock held by a live process, and its own lock while it holds it', () => {
    expect(() => acquireDataDirLock(dataDir({ pid: process.ppid }))).toThrow(`is in use by another Samarkiv process (pid ${process.ppid})`);
    const dir = dataDir();
    const release = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(`(pid ${process.pid})`);
    release();
    acquireDataDirLock(dir)();
  });
});
