import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '@samarkiv/db';
import { freePort } from '../../packages/db/src/testing/postgresCluster.ts';

export interface ApiProcess {
  url: string;
  /** The node process itself (taskset execs it), for its CPU time. */
  pid: number;
  logFile: string;
  stop(): Promise<void>;
}

/**
 * The real start command (apps/api: node --import tsx src/main.ts, production mode) on a free
 * port, pinned to one core with taskset. Its log goes to a file, so that nobody spends CPU
 * reading it during the run; the request log stays on, as in production.
 */
export async function startApi(dbEnv: Record<string, string>, cpu: string | null, profileDir: string | null = null): Promise<ApiProcess> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'samarkiv-bench-api-'));
  const logFile = join(dir, 'api.log');
  const fd = openSync(logFile, 'w');
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'info', HOST: '127.0.0.1', PORT: String(port), SAMARKIV_SEED: 'false', SAMARKIV_UPLOAD_DIR: join(dir, 'uploads'), SAMARKIV_SIGNIN_ATTEMPTS: '1000',
    // The bench signs in as the demo admin with a password alone (a load generator has no authenticator app).
    SAMARKIV_MFA_ADMINS: 'optional', ...dbEnv };
  if (!dbEnv.DATABASE_URL) delete env.DATABASE_URL;
  // --cpu-prof writes a V8 profile when the process exits (open it in Chrome DevTools).
  const profile = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  const command = [process.execPath, ...profile, '--import', 'tsx', 'src/main.ts'];
  const child: ChildProcess = cpu ? spawn('taskset', ['-c', cpu, ...command], { cwd: join(REPO_ROOT, 'apps/api'), env, stdio: ['ignore', fd, fd] }) : spawn(command[0]!, command.slice(1), { cwd: join(REPO_ROOT, 'apps/api'), env, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const exited = once(child, 'exit');
  const url = `http://127.0.0.1:${port}`;
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    await waitForHealth(url, child, logFile);
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    cleanup();
    throw error;
  }
  return {
    url,
    pid: child.pid!,
    logFile,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      cleanup();
    },
  };
}

async function waitForHealth(url: string, child: ChildProcess, logFile: string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}:\n${readFileSync(logFile, 'utf8').slice(-2000)}`);
    if (await healthy(url)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the API did not answer /healthz within ${timeoutMs / 1000} s:\n${readFileSync(logFile, 'utf8').slice(-2000)}`);
}

function healthy(url: string): Promise<boolean> {
  return new Promise((resolveHealth) => {
    const req = get(`${url}/healthz`, (res) => {
      res.resume();
      resolveHealth(res.statusCode === 200);
    });
    req.on('error', () => resolveHealth(false));
    req.setTimeout(2000, () => req.destroy());
  });
}
