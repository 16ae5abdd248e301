/**
 * `pnpm bench:api`: the API benchmark of issue #4. For each backend and size it fills a throwaway
 * database with generated archive series, measures each scenario's SQL directly (raw), starts the
 * real API pinned to core 0, and loads it from a child pinned to core 1. See README "Benchmarks".
 */
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORDS, REPO_ROOT } from '@samarkiv/db';
import { choosePinning, type Pinning, runPinnedChild } from './cpu.ts';
import { type BenchDatabase, fillDatabase, startDatabase } from './database.ts';
import type { LoadPlan, LoadResult } from './load.ts';
import { describeMachine, syscallMicros } from './machine.ts';
import { type Backend, type BenchOptions, formatSize, parseOptions, USAGE, UsageError } from './options.ts';
import { type ReportHeader, renderSection, type RunResult, writePerformanceDoc } from './report.ts';
import { DEFAULT_SCENARIOS, QUICK_SCENARIOS, SCENARIOS } from './scenarios.ts';
import { startApi, type ApiProcess } from './server.ts';

const USER = 'admin';

const cleanups: (() => Promise<void>)[] = [];

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const options = parseOptions(argv);
  const pinning = choosePinning();
  const scenarios = options.queries ?? (options.quick ? QUICK_SCENARIOS : DEFAULT_SCENARIOS);
  const unknown = scenarios.filter((name) => !SCENARIOS.some((s) => s.name === name));
  if (unknown.length) throw new UsageError(`unknown --queries ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  const loadAverage = loadavg().map((l) => l.toFixed(2)).join(', ');
  const runs: RunResult[] = [];
  const notes: string[] = [];
  const versions: ReportHeader['versions'] = {};
  const started = Date.now();
  for (const backend of options.backends) {
    const sizes = backend === 'pglite' ? options.sizes.filter((s) => s <= options.pgliteMaxSize) : options.sizes;
    const left = options.sizes.filter((s) => !sizes.includes(s));
    if (left.length) notes.push(`PGlite runs up to ${formatSize(options.pgliteMaxSize)} series only (${left.map(formatSize).join(', ')} not run on it).`);
    if (sizes.length) runs.push(...(await benchBackend(backend, sizes, { scenarios, options, pinning })));
  }
  for (const run of runs) versions[run.backend] = run.context.serverVersion;
  const header: ReportHeader = {
    machine: `${describeMachine()}; a 300-byte write(2) to a file takes ${syscallMicros().toFixed(0)} µs`,
    node: process.version,
    versions,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    command: ['pnpm bench:api', ...argv].join(' '),
    settings: describeSettings(options, pinning),
    loadAverage,
    notes,
  };
  const section = renderSection(header, runs, options.concurrency);
  console.log(`\n${section}\n`);
  if (options.write) {
    writePerformanceDoc(join(REPO_ROOT, 'docs/PERFORMANCE.md'), section);
    console.log('Written to docs/PERFORMANCE.md.');
  }
  console.log(`Took ${((Date.now() - started) / 60_000).toFixed(1)} min.`);
  return 0;
}

interface Setup {
  scenarios: string[];
  options: BenchOptions;
  pinning: Pinning | null;
}

/** One throwaway database, grown size by size; raw SQL first, then the API, at each size. */
async function benchBackend(backend: Backend, sizes: number[], { scenarios, options, pinning }: Setup): Promise<RunResult[]> {
  console.log(`\n== ${backend}: starting a throwaway database`);
  const database = await startDatabase(backend);
  const stop = () => database.stop();
  cleanups.push(stop);
  const runs: RunResult[] = [];
  try {
    for (const size of sizes) {
      console.log(`\n== ${backend}, ${formatSize(size)} series`);
      const context = await fillDatabase(database, size);
      const plan = { db: database.config, username: USER, password: DEMO_PASSWORDS[USER], context, scenarios, concurrency: options.concurrency, warmupMs: options.warmupSeconds * 1000, durationMs: options.durationSeconds * 1000 };
      // Raw first: on PGlite the API holds the only connection once it runs.
      console.log('-- raw SQL');
      const raw = await runLoad({ ...plan, phase: 'raw', url: '' }, pinning);
      console.log('-- API');
      const api = await withApi(database, pinning, options.profileDir, (server) => runLoad({ ...plan, phase: 'api', url: server.url, apiPid: server.pid }, pinning));
      runs.push({ backend, size, context, raw, api });
    }
  } finally {
    cleanups.splice(cleanups.indexOf(stop), 1);
    await database.stop();
  }
  return runs;
}

function describeSettings(options: BenchOptions, pinning: Pinning | null): string {
  const pins = pinning
    ? `the API on core ${pinning.server}, the load generator and the raw-SQL client on core ${pinning.client} (taskset); the PostgreSQL server is not pinned, PGlite runs inside the API process`
    : 'nothing pinned (taskset or a second core missing)';
  return (
    `${options.warmupSeconds} s warm-up and ${options.durationSeconds} s measured per query and client count, closed loop (each client sends its next request when the answer has arrived) over keep-alive connections, signed in as ${USER}; ` +
    `${pins}. Raw SQL runs the same statements directly (\`tests/bench/rawSql.ts\`): on PostgreSQL through a \`pg\` pool, one connection per client; on PGlite in the load process on the same data directory before the API opens it (one connection, so 10 clients queue).`
  );
}

async function withApi<T>(database: BenchDatabase, pinning: Pinning | null, profileDir: string | null, fn: (api: ApiProcess) => Promise<T>): Promise<T> {
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const api: ApiProcess = await startApi(database.env, pinning?.server ?? null, profileDir);
  const stop = () => api.stop();
  cleanups.push(stop);
  try {
    return await fn(api);
  } finally {
    cleanups.splice(cleanups.indexOf(stop), 1);
    await api.stop();
  }
}

/** Runs tests/bench/load.ts as a child pinned to the client core; returns what it measured. */
function runLoad(plan: LoadPlan, pinning: Pinning | null): Promise<LoadResult[]> {
  return runPinnedChild('load.ts', plan, pinning, 'the load generator');
}

async function cleanUp(): Promise<void> {
  for (const fn of cleanups.reverse()) await fn().catch(() => {});
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the API and the database ...`);
    void cleanUp().finally(() => process.exit(130));
  });
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    console.error(error instanceof UsageError ? error.message : error instanceof Error ? error.stack : error);
    await cleanUp();
    process.exit(1);
  },
);

