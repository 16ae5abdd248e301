/**
 * `pnpm bench:load`: the bounded load of issue 10 (see README "Benchmarks"). A realistic mix
 * for a fixed time against the real API on a throwaway database; prints throughput, latency
 * percentiles and errors per kind, and writes them into docs/PERFORMANCE.md between its markers.
 */
import { join } from 'node:path';
import { REPO_ROOT } from '@samarkiv/db';
import { LOAD_MARKERS, type LoadBenchOptions, renderLoadSection, runLoadBench, stopAll } from './loadBench.ts';
import { parseSize, UsageError } from './options.ts';
import { writePerformanceDoc } from './report.ts';

const USAGE = `usage: pnpm bench:load [--backend postgres|pglite] [--series 1m] [--clients 50] [--duration SECONDS]
                       [--warmup SECONDS] [--seed N] [--quick] [--write | --no-write]
  --quick: 5k series, 10 clients, 5 s (figures for trying out, not written unless --write)`;

function parse(argv: string[]): { options: LoadBenchOptions; write: boolean } {
  const quick = argv.includes('--quick');
  const options: LoadBenchOptions = quick
    ? { backend: 'postgres', series: 5_000, clients: 10, durationSeconds: 5, warmupSeconds: 1, seed: 1 }
    : { backend: 'postgres', series: 1_000_000, clients: 50, durationSeconds: 60, warmupSeconds: 10, seed: 1 };
  let write = !quick;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--quick') continue;
    if (flag === '--write' || flag === '--no-write') {
      write = flag === '--write';
      continue;
    }
    const value = argv[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value\n${USAGE}`);
    const number = () => {
      const n = Number(value);
      if (!Number.isFinite(n) || n < 0) throw new UsageError(`${flag} must be a number, not "${value}"`);
      return n;
    };
    if (flag === '--backend') {
      if (value !== 'postgres' && value !== 'pglite') throw new UsageError(`unknown backend "${value}"\n${USAGE}`);
      options.backend = value;
    } else if (flag === '--series') options.series = parseSize(value);
    else if (flag === '--clients') options.clients = Math.max(1, Math.round(number()));
    else if (flag === '--duration') options.durationSeconds = Math.max(1, number());
    else if (flag === '--warmup') options.warmupSeconds = number();
    else if (flag === '--seed') options.seed = Math.round(number());
    else throw new UsageError(`unknown option ${flag}\n${USAGE}`);
  }
  return { options, write };
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const { options, write } = parse(argv);
  const started = Date.now();
  const run = await runLoadBench(options);
  const section = renderLoadSection(run, ['pnpm bench:load', ...argv].join(' '));
  console.log(`\n${section}\n`);
  if (write) {
    writePerformanceDoc(join(REPO_ROOT, 'docs/PERFORMANCE.md'), section, LOAD_MARKERS);
    console.log('Written to docs/PERFORMANCE.md.');
  }
  console.log(`Took ${((Date.now() - started) / 60_000).toFixed(1)} min.`);
  return run.result.errors === 0 ? 0 : 1;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the API and the database ...`);
    void stopAll().finally(() => process.exit(130));
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof UsageError ? error.message : error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
