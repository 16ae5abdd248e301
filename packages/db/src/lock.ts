import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { DatabaseStartupError } from './errors.ts';

const LOCK_NAME = 'samarkiv.lock';
/** Lock files this process holds now: a lock naming our own pid but not listed here is stale. */
const held = new Set<string>();

// PGlite does not notice a second process on the same data directory (both would write to it),
// so Samarkiv holds a lock file of its own: created exclusively, naming the owner's pid.
export function acquireDataDirLock(dataDir: string): () => void {
  const path = join(dataDir, LOCK_NAME);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
      closeSync(fd);
      held.add(path);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        held.delete(path);
        process.off('exit', release);
        rmSync(path, { force: true });
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(path);
      if (owner && owner.host === hostname() && isAlive(owner.pid, path)) {
        throw new DatabaseStartupError(
          `The data directory ${dataDir} is in use by another Samarkiv process (pid ${owner.pid}). ` +
            'Stop that process first, or set SAMARKIV_DATA_DIR to another directory.',
        );
      }
      // The owner died without cleaning up (SIGKILL, power loss): the lock is stale.
      rmSync(path, { force: true });
    }
  }
  throw new DatabaseStartupError(`Could not take the lock file ${path}; remove it if no Samarkiv process runs.`);
}

function readOwner(path: string): { pid: number; host: string } | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { pid?: unknown; host?: unknown };
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string'
      ? { pid: parsed.pid, host: parsed.host }
      : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number, path: string): boolean {
  // Our own pid: in use if this process took the lock; otherwise a dead predecessor had the same
  // pid (a container restarted on the same volume runs as the same pid, often 1).
  if (pid === process.pid) return held.has(path);
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
