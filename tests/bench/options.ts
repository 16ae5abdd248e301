import { resolve } from 'node:path';

/** A mistake on the command line: printed as one line with the usage, no stack. */
export class UsageError extends Error {}

export type Backend = 'postgres' | 'pglite';

export interface BenchOptions {
  sizes: number[];
  backends: Backend[];
  /** Seconds of measurement per scenario and concurrency. */
  durationSeconds: number;
  /** Seconds of discarded load before each measurement. */
  warmupSeconds: number;
  concurrency: number[];
  /** Scenario names to run (default: all of the six). */
  queries: string[] | null;
  quick: boolean;
  /** Write the table into docs/PERFORMANCE.md (not by default with --quick: its figures are for trying out). */
  write: boolean;
  /** Directory for V8 CPU profiles of the API process (one per API start), or null. */
  profileDir: string | null;
  /** Largest size run on PGlite (the issue asks for 100k there). */
  pgliteMaxSize: number;
}

export const USAGE = `usage: pnpm bench:api [--sizes 100k,1m] [--backends postgres,pglite] [--duration SECONDS]
                      [--warmup SECONDS] [--concurrency 1,10] [--queries first,deep,...] [--quick] [--write | --no-write]
                      [--profile DIR]   (V8 CPU profiles of the API process into DIR)`;

/** "100k", "1m", "2500" -> a row count. */
export function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!match) throw new UsageError(`not a size: "${text}" (e.g. 10k, 100k, 1m)`);
  const factor = { '': 1, k: 1_000, m: 1_000_000 }[match[2]!.toLowerCase() as '' | 'k' | 'm'];
  return Math.round(Number(match[1]) * factor);
}

export function formatSize(n: number): string {
  if (n >= 1_000_000 && n % 1_000_000 === 0) return `${n / 1_000_000}M`;
  if (n >= 1_000 && n % 1_000 === 0) return `${n / 1_000}k`;
  return n.toLocaleString('en');
}

export function parseOptions(argv: string[]): BenchOptions {
  const quick = argv.includes('--quick');
  const options: BenchOptions = {
    sizes: quick ? [10_000] : [100_000, 1_000_000],
    backends: ['postgres', 'pglite'],
    durationSeconds: quick ? 2 : 10,
    warmupSeconds: quick ? 0.5 : 2,
    concurrency: [1, 10],
    queries: null,
    quick,
    write: argv.includes('--write') || (!quick && !argv.includes('--no-write')),
    pgliteMaxSize: 100_000,
    profileDir: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--quick' || flag === '--write' || flag === '--no-write') continue;
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value\n${USAGE}`);
    i++;
    switch (flag) {
      case '--sizes':
        options.sizes = value.split(',').map(parseSize);
        break;
      case '--backends':
        options.backends = value.split(',').map((b) => {
          if (b !== 'postgres' && b !== 'pglite') throw new UsageError(`unknown backend "${b}"\n${USAGE}`);
          return b;
        });
        break;
      case '--duration':
        options.durationSeconds = positive(flag, value);
        break;
      case '--warmup':
        options.warmupSeconds = Number(value);
        break;
      case '--concurrency':
        options.concurrency = value.split(',').map((c) => Math.round(positive(flag, c)));
        break;
      case '--profile':
        options.profileDir = resolve(value);
        break;
      case '--queries':
        options.queries = value.split(',');
        break;
      default:
        throw new UsageError(`unknown option ${flag}\n${USAGE}`);
    }
  }
  options.sizes.sort((a, b) => a - b);
  return options;
}

function positive(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} must be a positive number, not "${value}"`);
  return n;
}
