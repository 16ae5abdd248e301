/**
 * The load side of the benchmark, run by api.ts as a child pinned to its own core
 * (`taskset -c 1`): node --import tsx tests/bench/load.ts <plan.json> <result.json>.
 * The raw phase runs each scenario's SQL on the database directly; the api phase sends the
 * scenario's GraphQL to the running server.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { type DbConfig, openDatabase, type SqlSession } from '@samarkiv/db';
import type { BenchContext } from './context.ts';
import { cpuMs } from './cpu.ts';
import { GraphQLClient, post } from './http.ts';
import { closedLoop, type Measurement, type Operation } from './loadgen.ts';
import { RAW_SQL, type RawStatement } from './rawSql.ts';
import { SCENARIOS } from './scenarios.ts';

export interface LoadPlan {
  phase: 'raw' | 'api';
  db: DbConfig;
  /** The API's base URL and process id (api phase). */
  url: string;
  apiPid?: number;
  username: string;
  password: string;
  context: BenchContext;
  scenarios: string[];
  concurrency: number[];
  warmupMs: number;
  durationMs: number;
}

export interface LoadResult {
  scenario: string;
  concurrency: number;
  measurement?: Measurement;
  /** Why the scenario did not run (not in the API yet, an error on the probe request). */
  skipped?: string;
}

const [planPath, resultPath] = process.argv.slice(2);
if (!planPath || !resultPath) {
  console.error('usage: load.ts <plan.json> <result.json>');
  process.exit(2);
}
const plan = JSON.parse(readFileSync(planPath, 'utf8')) as LoadPlan;
const results = plan.phase === 'raw' ? await runRaw(plan) : await runApi(plan);
writeFileSync(resultPath, JSON.stringify(results));
process.exit(0);

async function runRaw(plan: LoadPlan): Promise<LoadResult[]> {
  // One dedicated connection per virtual client, like the API's pool under the same load.
  process.env.DATABASE_POOL_SIZE = String(Math.max(...plan.concurrency) + 1);
  const db = await openDatabase(plan.db);
  const results: LoadResult[] = [];
  try {
    for (const name of plan.scenarios) {
      const build = RAW_SQL[name];
      if (!build) {
        results.push(...plan.concurrency.map((concurrency) => ({ scenario: name, concurrency, skipped: 'no raw SQL for this scenario' })));
        continue;
      }
      const statements = build(plan.context);
      for (const concurrency of plan.concurrency) {
        const sessions: SqlSession[] = [];
        for (let i = 0; i < concurrency; i++) sessions.push(await db.session());
        try {
          await runStatements(sessions[0]!, statements);
          const workers: Operation[] = sessions.map((session) => () => runStatements(session, statements));
          const measurement = await closedLoop(workers, plan.warmupMs, plan.durationMs);
          results.push({ scenario: name, concurrency, measurement });
          log(`raw  ${name} x${concurrency}`, measurement);
        } catch (error) {
          results.push({ scenario: name, concurrency, skipped: `raw SQL failed: ${messageOf(error)}` });
          console.log(`  raw  ${name} x${concurrency}: SQL failed: ${messageOf(error)}`);
        } finally {
          for (const session of sessions) await session.release();
        }
      }
    }
  } finally {
    await db.close();
  }
  return results;
}

async function runStatements(session: SqlSession, statements: RawStatement[]): Promise<void> {
  let previous: Record<string, unknown>[] = [];
  for (const statement of statements) {
    const params = typeof statement.params === 'function' ? statement.params(previous) : (statement.params ?? []);
    previous = await session.query<Record<string, unknown>>(statement.text, params);
  }
}

async function runApi(plan: LoadPlan): Promise<LoadResult[]> {
  const client = new GraphQLClient(plan.url, Math.max(...plan.concurrency));
  await client.signIn(plan.username, plan.password);
  const gql = client.gql.bind(client);
  const results: LoadResult[] = [];
  try {
    for (const name of plan.scenarios) {
      const scenario = SCENARIOS.find((s) => s.name === name);
      if (!scenario) throw new Error(`unknown scenario ${name}`);
      let body: Buffer;
      try {
        const variables = await scenario.variables(plan.context, gql);
        const probe = await gql(scenario.query, variables);
        if (probe.errors) throw new Error(probe.errors.map((e) => e.message).join('; '));
        body = client.body(scenario.query, variables);
      } catch (error) {
        const why = explainSkip(messageOf(error));
        console.log(`  api  ${name}: skipped (${why})`);
        results.push(...plan.concurrency.map((concurrency) => ({ scenario: name, concurrency, skipped: why })));
        continue;
      }
      for (const concurrency of plan.concurrency) {
        const op: Operation = async () => {
          const res = await post(client.agent, client.url, body, client.headers());
          if (res.status !== 200) return `HTTP ${res.status}: ${res.body.slice(0, 200)}`;
          // A substring test, not a parse: the client's core should spend its time sending.
          if (res.body.includes('"errors"')) return res.body.slice(0, 300);
        };
        let cpuBefore: number | null = null;
        const measurement = await closedLoop(Array.from({ length: concurrency }, () => op), plan.warmupMs, plan.durationMs, () => {
          cpuBefore = plan.apiPid ? cpuMs(plan.apiPid) : null;
        });
        const cpuAfter = plan.apiPid ? cpuMs(plan.apiPid) : null;
        if (cpuBefore !== null && cpuAfter !== null && measurement.requests + measurement.errors > 0) {
          measurement.serverCpuMs = (cpuAfter - cpuBefore) / (measurement.requests + measurement.errors);
        }
        results.push({ scenario: name, concurrency, measurement });
        log(`api  ${name} x${concurrency}`, measurement);
      }
    }
  } finally {
    client.close();
  }
  return results;
}

/** A field the schema does not have yet is expected while the modules are being built. */
function explainSkip(message: string): string {
  if (/Cannot query field|Unknown type|Unknown argument|is not defined by type/.test(message)) return `not in the API yet: ${message}`;
  return message;
}

function log(what: string, m: Measurement): void {
  const errors = m.errors ? `, ${m.errors} errors (first: ${m.firstError})` : '';
  const cpu = m.serverCpuMs !== undefined ? `  API CPU ${m.serverCpuMs.toFixed(2)} ms/req` : '';
  console.log(`  ${what.padEnd(28)} p50 ${m.p50.toFixed(2)} ms  p95 ${m.p95.toFixed(2)} ms  ${m.rps.toFixed(0)} req/s${cpu}  (${m.requests} requests${errors})`);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
