import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

let ticksPerSecond: number | null = null;

/**
 * CPU time (user + system, ms) a process has used so far, from /proc/<pid>/stat; null where
 * /proc is missing. Divided by the requests served it tells the server's cost per request
 * independently of what else the machine is running.
 */
export function cpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which sits in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return null;
  }
}

export interface Pinning {
  server: string;
  client: string;
}

/** The issue wants the load generator on another core than the server; with one core, say so. */
export function choosePinning(): Pinning | null {
  const taskset = spawnSync('taskset', ['-c', '0', 'true']).status === 0;
  if (availableParallelism() < 2 || !taskset) {
    console.warn('warning: running unpinned (needs taskset from util-linux and two cores)');
    return null;
  }
  return { server: '0', client: '1' };
}
