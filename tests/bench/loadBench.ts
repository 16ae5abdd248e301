import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { DEMO_PASSWORDS } from '@samarkiv/db';
import { choosePinning, type Pinning, runPinnedChild } from './cpu.ts';
import { fillDatabase, startDatabase } from './database.ts';
import type { LoadClientPlan, LoadClientResult } from './loadClient.ts';
import { MIX } from './loadMix.ts';
import { describeMachine } from './machine.ts';
import { type Backend, formatSize } from './options.ts';
import { startApi } from './server.ts';

export interface LoadBenchOptions {
  backend: Backend;
  series: number;
  clients: number;
  durationSeconds: number;
  warmupSeconds: number;
  seed: number;
}

export interface LoadBenchRun {
  options: LoadBenchOptions;
  result: LoadClientResult;
  pinning: Pinning | null;
  serverVersion: string;
  loadAverage: string;
}

const USER = 'admin';

/** What a run has started and not yet stopped, for stopAll() on Ctrl-C. */
const running = new Set<() => Promise<void>>();

/** Stops the API and the throwaway database of a run that is being interrupted. */
export async function stopAll(): Promise<void> {
  for (const stop of [...running].reverse()) await stop().catch(() => {});
}

async function started<T extends { stop(): Promise<void> }>(thing: T, fn: (thing: T) => Promise<LoadBenchRun>): Promise<LoadBenchRun> {
  const stop = () => thing.stop();
  running.add(stop);
  try {
    return await fn(thing);
  } finally {
    running.delete(stop);
    await thing.stop();
  }
}

/**
 * One bounded load run: a throwaway database of `series` archive series (the generator of
 * bench:api), the real API pinned to core 0, the autocannon child pinned to core 1. Everything
 * it started is stopped again, also on a failure.
 */
export async function runLoadBench(options: LoadBenchOptions, log: (line: string) => void = console.log): Promise<LoadBenchRun> {
  const pinning = choosePinning();
  const loadAverage = loadavg().map((l) => l.toFixed(2)).join(', ');
  log(`== ${options.backend}: a throwaway database with ${formatSize(options.series)} series`);
  return started(await startDatabase(options.backend), async (database) => {
    const context = await fillDatabase(database, options.series);
    log(`== the API, then ${options.clients} clients for ${options.warmupSeconds} s warm-up and ${options.durationSeconds} s measured`);
    return started(await startApi(database.env, pinning?.server ?? null), async (api) => {
      const plan: LoadClientPlan = { url: api.url, username: USER, password: DEMO_PASSWORDS[USER], context, clients: options.clients, warmupSeconds: options.warmupSeconds, durationSeconds: options.durationSeconds, seed: options.seed };
      const result = await runClientProcess(plan, pinning);
      if (result.errors > 0) result.serverErrors = serverErrors(api.logFile);
      return { options, result, pinning, serverVersion: context.serverVersion, loadAverage };
    });
  });
}

/** What the API logged at error level (pino's 50), so that a failed run says why. */
function serverErrors(logFile: string): string[] {
  const lines = readFileSync(logFile, 'utf8').split('\n').filter((line) => line.includes('"level":50'));
  return lines.slice(0, 5).map((line) => {
    try {
      const entry = JSON.parse(line) as { msg?: string; err?: { type?: string; message?: string; code?: string } };
      return `${entry.msg}: ${entry.err?.type ?? ''} ${entry.err?.code ?? ''} ${entry.err?.message ?? ''}`.replace(/\s+/g, ' ').slice(0, 400);
    } catch {
      return line.slice(0, 400);
    }
  });
}

function runClientProcess(plan: LoadClientPlan, pinning: Pinning | null): Promise<LoadClientResult> {
  return runPinnedChild('loadClient.ts', plan, pinning, 'the load client');
}

const fmt = (ms: number) => (Number.isNaN(ms) ? '—' : ms < 10 ? ms.toFixed(2) : ms.toFixed(1));

/** The figures as Markdown, for the terminal and docs/PERFORMANCE.md. */
export function renderLoadSection(run: LoadBenchRun, command: string): string {
  const { options: o, result: r } = run;
  const pins = run.pinning ? `the API on core ${run.pinning.server}, autocannon on core ${run.pinning.client} (taskset); the PostgreSQL server is not pinned, PGlite runs inside the API process` : 'nothing pinned (taskset or a second core missing)';
  const mix = MIX.map((m) => `${Math.round(m.share * 100)}% ${m.kind}`).join(', ');
  const rows = (['browse', 'dashboard', 'write'] as const).map((kind) => {
    const k = r.byKind[kind];
    return `| ${kind} | ${k.requests} | ${(k.requests / r.seconds).toFixed(1)} | ${fmt(k.p50)} | ${fmt(k.p95)} | ${fmt(k.p99)} | ${k.conflicts} | ${k.errors} |`;
  });
  const operations = Object.entries(r.byOperation).sort((a, b) => b[1] - a[1]).map(([op, n]) => `${op} ${n}`).join(', ');
  const errors = Object.entries(r.errorKinds).map(([what, n]) => `- ${n}× ${what}`);
  return [
    `Measured ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} with \`${command}\`.`,
    '',
    `- Machine: ${describeMachine()}; Node.js ${process.version}; ${run.serverVersion}`,
    `- Load average when the run began: ${run.loadAverage} (other work on the machine skews the figures)`,
    `- ${o.backend}, ${formatSize(o.series)} series; ${o.clients} clients (autocannon connections, closed loop, one request in flight each) for ${o.durationSeconds} s after ${o.warmupSeconds} s warm-up, signed in as ${USER}; ${pins}.`,
    `- Mix: ${mix} (series browser rows with filters, sorts, search and next pages by cursor, and its count; the overview's figures and the risk matrix; risk edits with their version). Seed ${o.seed}.`,
    '',
    `**${r.rps.toFixed(1)} requests/s; p50 ${fmt(r.p50)} ms, p95 ${fmt(r.p95)} ms, p99 ${fmt(r.p99)} ms (max ${fmt(r.max)} ms); ${r.errors} errors; ${r.conflicts} version conflicts (expected answers, not errors).**`,
    '',
    '| kind | requests | req/s | p50 ms | p95 ms | p99 ms | version conflicts | errors |',
    '|---|--:|--:|--:|--:|--:|--:|--:|',
    ...rows,
    '',
    `Requests per operation: ${operations}.`,
    ...(errors.length ? ['', 'Errors:', '', ...errors] : []),
    ...(r.serverErrors?.length ? ['', 'The API logged:', '', ...r.serverErrors.map((e) => `- ${e}`)] : []),
  ].join('\n');
}

export const LOAD_MARKERS = { start: '<!-- bench:load:start -->', end: '<!-- bench:load:end -->', append: true };
