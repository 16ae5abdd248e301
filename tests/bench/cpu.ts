import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '@samarkiv/db';

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

/**
 * Runs a load generator script (`tests/bench/<script>`) as a child pinned to the client core:
 * its plan goes in as a JSON file, what it measured comes back as one.
 */
export async function runPinnedChild<Result>(script: string, plan: unknown, pinning: Pinning | null, what: string): Promise<Result> {
  const dir = mkdtempSync(join(tmpdir(), 'samarkiv-bench-child-'));
  try {
    const planPath = join(dir, 'plan.json');
    const resultPath = join(dir, 'result.json');
    writeFileSync(planPath, JSON.stringify(plan));
    const command = [process.execPath, '--import', 'tsx', `tests/bench/${script}`, planPath, resultPath];
    const child = pinning ? spawn('taskset', ['-c', pinning.client, ...command], { cwd: REPO_ROOT, stdio: 'inherit' }) : spawn(command[0]!, command.slice(1), { cwd: REPO_ROOT, stdio: 'inherit' });
    const [code] = (await once(child, 'exit')) as [number | null];
    if (code !== 0) throw new Error(`${what} exited with ${code}`);
    return JSON.parse(readFileSync(resultPath, 'utf8')) as Result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
