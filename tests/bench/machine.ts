import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';

/** CPU model, cores and memory as /proc reports them (os.* where /proc is missing). */
export function describeMachine(): string {
  const model = readProc('/proc/cpuinfo', /^model name\s*:\s*(.+)$/m) ?? cpus()[0]?.model ?? 'unknown CPU';
  const memKb = Number(readProc('/proc/meminfo', /^MemTotal:\s*(\d+) kB$/m) ?? totalmem() / 1024);
  return `${model.trim()}, ${availableParallelism()} cores, ${(memKb / 1024 / 1024).toFixed(1)} GiB RAM`;
}

function readProc(path: string, pattern: RegExp): string | null {
  try {
    return pattern.exec(readFileSync(path, 'utf8'))?.[1] ?? null;
  } catch {
    return null;
  }
}

/**
 * Microseconds one small write(2) to a file takes: a few on bare metal, tens in some VMs. Every
 * request costs several system calls (socket reads and writes to the client and the database, a
 * log line), so this explains much of the API's fixed cost per request on a given machine.
 */
export function syscallMicros(): number {
  const dir = mkdtempSync(join(tmpdir(), 'samarkiv-bench-sys-'));
  const fd = openSync(join(dir, 'probe'), 'w');
  try {
    const line = Buffer.from(`${'x'.repeat(299)}\n`);
    const n = 2000;
    const started = performance.now();
    for (let i = 0; i < n; i++) writeSync(fd, line);
    return ((performance.now() - started) * 1000) / n;
  } finally {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
}
