import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';

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
