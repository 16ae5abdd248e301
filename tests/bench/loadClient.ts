/**
 * The load side of `pnpm bench:load`, run by loadBench.ts as a child pinned to its own core:
 * node --import tsx tests/bench/loadClient.ts <plan.json> <result.json>. autocannon keeps
 * `clients` connections busy (closed loop, one request in flight per connection) with the mix
 * of loadMix.ts for a fixed time, after a warm-up whose figures are dropped.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import autocannon from 'autocannon';
import type { BenchContext } from './context.ts';
import { GraphQLClient } from './http.ts';
import { percentile } from './loadgen.ts';
import { type Browser, chooseKind, type MixKind, type MixRequest, type MixState, newBrowser, nextRequest, record, RISKS } from './loadMix.ts';

export interface LoadClientPlan {
  url: string;
  username: string;
  password: string;
  context: BenchContext;
  clients: number;
  warmupSeconds: number;
  durationSeconds: number;
  seed: number;
}

export interface KindFigures {
  requests: number;
  ok: number;
  conflicts: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface LoadClientResult {
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  conflicts: number;
  errors: number;
  byKind: Record<MixKind, KindFigures>;
  byOperation: Record<string, number>;
  /** Error texts (trimmed) and how often each came; socket errors and timeouts by autocannon's count. */
  errorKinds: Record<string, number>;
  /** Filled in by loadBench.ts from the API's log when there were errors. */
  serverErrors?: string[];
}

interface Tally {
  latencies: Record<MixKind, number[]>;
  verdicts: Record<MixKind, { ok: number; conflicts: number; errors: number }>;
  byOperation: Record<string, number>;
  errorKinds: Record<string, number>;
}

const newTally = (): Tally => ({
  latencies: { browse: [], dashboard: [], write: [] },
  verdicts: { browse: { ok: 0, conflicts: 0, errors: 0 }, dashboard: { ok: 0, conflicts: 0, errors: 0 }, write: { ok: 0, conflicts: 0, errors: 0 } },
  byOperation: {},
  errorKinds: {},
});

/** A small deterministic generator, so that two runs with the same seed send the same mix. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function runClient(plan: LoadClientPlan): Promise<LoadClientResult> {
  const client = new GraphQLClient(plan.url, 2);
  await client.signIn(plan.username, plan.password);
  const risks = await client.gql(RISKS);
  const edges = (risks.data as { risks?: { edges: { node: { id: string; version: number } }[] } } | undefined)?.risks?.edges ?? [];
  if (risks.errors || edges.length === 0) throw new Error(`no risks to edit: ${JSON.stringify(risks.errors ?? 'none in the database')}`);
  const headers = { 'content-type': 'application/json', ...client.headers() };
  client.close();
  const state: MixState = { ctx: plan.context, risks: edges.map((e) => e.node), random: mulberry32(plan.seed) };

  // Virtual users, one per request in flight: autocannon clears a connection's context between
  // requests, so a user's browsing state lives here and the context only says whose turn it is.
  const users: { browser: Browser; request: MixRequest | null }[] = [];
  const idle: number[] = [];
  let tally = newTally();

  const run = (seconds: number) =>
    new Promise<autocannon.Result>((done, fail) => {
      const instance = autocannon(
        {
          url: plan.url,
          connections: plan.clients,
          pipelining: 1,
          duration: seconds,
          timeout: 30,
          headers,
          requests: [
            {
              method: 'POST',
              path: '/graphql',
              setupRequest(request, context) {
                const index = idle.pop() ?? users.push({ browser: newBrowser(state), request: null }) - 1;
                const user = users[index]!;
                user.request = nextRequest(state, chooseKind(), user.browser);
                (context as { user?: number }).user = index;
                return { ...request, body: user.request.body };
              },
              onResponse(status, body, context) {
                const index = (context as { user?: number }).user;
                const user = index === undefined ? undefined : users[index];
                if (!user?.request) return;
                const { verdict, error } = record(state, user.request, status, body, user.browser);
                const kind = user.request.kind;
                tally.verdicts[kind][verdict === 'ok' ? 'ok' : verdict === 'conflict' ? 'conflicts' : 'errors']++;
                tally.byOperation[user.request.operation] = (tally.byOperation[user.request.operation] ?? 0) + 1;
                if (error) {
                  const key = `${user.request.operation}: ${error.slice(0, 160)}`;
                  tally.errorKinds[key] = (tally.errorKinds[key] ?? 0) + 1;
                }
                (context as { kind?: MixKind }).kind = kind;
                idle.push(index!);
              },
            },
          ],
        },
        (error: Error | null, result: autocannon.Result) => (error ? fail(error) : done(result)),
      );
      // Emitted right after onResponse, on the same connection (its context not yet cleared):
      // the latency of the request just judged, for the figures per kind.
      instance.on('response', (c: unknown, _status: number, _bytes: number, ms: number) => {
        const kind = (c as { requestIterator?: { context?: { kind?: MixKind } } }).requestIterator?.context?.kind;
        if (kind) tally.latencies[kind].push(ms);
      });
    });

  if (plan.warmupSeconds > 0) await run(plan.warmupSeconds);
  tally = newTally();
  const result = await run(plan.durationSeconds);
  return summarize(tally, result, plan.durationSeconds);
}

function summarize(tally: Tally, result: autocannon.Result, seconds: number): LoadClientResult {
  const byKind = {} as Record<MixKind, KindFigures>;
  const all: number[] = [];
  for (const kind of ['browse', 'dashboard', 'write'] as const) {
    const sorted = tally.latencies[kind].sort((a, b) => a - b);
    all.push(...sorted);
    const v = tally.verdicts[kind];
    byKind[kind] = { requests: v.ok + v.conflicts + v.errors, ...v, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99) };
  }
  all.sort((a, b) => a - b);
  const errorKinds = { ...tally.errorKinds };
  // Failures that never got an answer (a reset socket, no answer within 30 s) have no verdict above.
  // autocannon's `errors` counts its timeouts too.
  if (result.errors) errorKinds[`connection errors (autocannon; ${result.timeouts} of them no answer within 30 s)`] = result.errors;
  const answered = Object.values(byKind).reduce((n, k) => n + k.requests, 0);
  const judgedErrors = Object.values(byKind).reduce((n, k) => n + k.errors, 0);
  return {
    seconds,
    requests: answered,
    rps: answered / seconds,
    p50: percentile(all, 0.5),
    p95: percentile(all, 0.95),
    p99: percentile(all, 0.99),
    max: all.at(-1) ?? Number.NaN,
    conflicts: byKind.write.conflicts,
    errors: judgedErrors + result.errors,
    byKind,
    byOperation: tally.byOperation,
    errorKinds,
  };
}

const [planPath, resultPath] = process.argv.slice(2);
if (planPath && resultPath) {
  const plan = JSON.parse(readFileSync(planPath, 'utf8')) as LoadClientPlan;
  const result = await runClient(plan);
  writeFileSync(resultPath, JSON.stringify(result));
  process.exit(0);
}
