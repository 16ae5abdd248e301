import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORDS, openDatabase, type Database } from '@samarkiv/db';
import { adminQuery, PG_TEMPLATE_DB, testBackend, unpackPgliteTemplate, withDatabase } from '@samarkiv/db/testing';
import { afterEach, inject } from 'vitest';
import { startServerProcess, type ServerProcess } from '../testing/serverProcess.ts';
import type { GraphQLResponse } from '../testing/testApi.ts';

// What the reliability tests share: a database of the test's own that real API processes
// (apps/api/src/main.ts, started as the start command does) open, kill and open again, and a
// client that talks to such a process over HTTP as a browser does.

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Runs at the end of the current test, last registered first. */
export function onCleanup(cleanup: () => Promise<unknown> | void): void {
  cleanups.push(cleanup);
}

export interface OwnDatabase {
  kind: 'pglite' | 'postgres';
  /** What an API process needs to open it (and a shared upload directory). */
  env: Record<string, string>;
  /** Opens it from the test process; on PGlite only while no API process holds it. */
  open(): Promise<Database>;
}

/**
 * A database only this test uses, on the test project's backend: empty (the server migrates and
 * seeds it) or a copy of the seeded template. On PGlite a data directory the test creates.
 */
export async function ownDatabase(content: 'empty' | 'seeded'): Promise<OwnDatabase> {
  const uploads = mkdtempSync(join(tmpdir(), 'samarkiv-rel-uploads-'));
  onCleanup(() => rmSync(uploads, { recursive: true, force: true }));
  const common = { SAMARKIV_UPLOAD_DIR: uploads, SAMARKIV_MFA_ADMINS: 'optional' };
  if (testBackend() === 'postgres') {
    const adminUrl = inject('postgresAdminUrl')!;
    const name = `samarkiv_rel_${Date.now()}_${Math.random().toString(16).slice(2, 8)}`;
    await adminQuery(adminUrl, content === 'seeded' ? `CREATE DATABASE "${name}" TEMPLATE "${PG_TEMPLATE_DB.seeded}"` : `CREATE DATABASE "${name}"`);
    onCleanup(() => adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    const url = withDatabase(adminUrl, name);
    return { kind: 'postgres', env: { ...common, DATABASE_URL: url }, open: () => openDatabase({ kind: 'postgres', url }) };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'samarkiv-rel-data-'));
  onCleanup(() => rmSync(dataDir, { recursive: true, force: true }));
  if (content === 'seeded') {
    // The seeded template, unpacked into the directory (seeding a new one takes far longer).
    await unpackPgliteTemplate(inject('pgliteTemplates')!.seeded, dataDir);
  }
  return { kind: 'pglite', env: { ...common, SAMARKIV_DATA_DIR: dataDir }, open: () => openDatabase({ kind: 'pglite', dataDir }) };
}

/** Opens the database, runs fn, closes it again. */
export async function withOwn<T>(own: OwnDatabase, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await own.open();
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** Starts an API process; it is killed at the end of the test if still running. */
export async function startApi(env: Record<string, string>): Promise<ServerProcess> {
  const server = await startServerProcess({ SAMARKIV_SEED: 'false', ...env });
  onCleanup(() => server.stop('SIGKILL'));
  return server;
}

/** Starts an API process and waits until it listens. */
export async function runningApi(env: Record<string, string>): Promise<ServerProcess> {
  const server = await startApi(env);
  await server.waitFor(/Samarkiv is running/);
  return server;
}

/** One browser against one API process: its session cookie can be handed to another process. */
export interface HttpClient {
  cookie: string | null;
  /** The HTTP status and the GraphQL answer. */
  send<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: GraphQLResponse<T> }>;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
}

export function httpClient(baseUrl: string, cookie: string | null = null): HttpClient {
  const self: HttpClient = {
    cookie,
    async send<T>(query: string, variables?: Record<string, unknown>) {
      const response = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-samarkiv-csrf': '1', ...(self.cookie ? { cookie: self.cookie } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const set = response.headers.getSetCookie().find((c) => c.startsWith('samarkiv_session='));
      if (set) self.cookie = set.split(';')[0]!;
      return { status: response.status, body: (await response.json()) as GraphQLResponse<T> };
    },
    async gql<T>(query: string, variables?: Record<string, unknown>) {
      return (await self.send<T>(query, variables)).body;
    },
  };
  return self;
}

const SIGN_IN = /* GraphQL */ `mutation SignIn($input: SignInInput!) { signIn(input: $input) { id username } }`;

/** Signs a demo user in on one process (admins without TOTP: the harness sets SAMARKIV_MFA_ADMINS=optional). */
export async function signIn(baseUrl: string, username: keyof typeof DEMO_PASSWORDS): Promise<HttpClient> {
  const client = httpClient(baseUrl);
  const result = await client.gql(SIGN_IN, { input: { username, password: DEMO_PASSWORDS[username] } });
  if (result.errors || !client.cookie) throw new Error(`sign-in as ${username} failed: ${JSON.stringify(result.errors)}`);
  return client;
}

/** Stages a file through POST /uploads as the browser does; answers its upload id. */
export async function uploadFile(baseUrl: string, client: HttpClient, name: string, data: Buffer): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)], { type: 'application/xml' }), name);
  const response = await fetch(`${baseUrl}/uploads`, { method: 'POST', headers: { 'x-samarkiv-csrf': '1', cookie: client.cookie! }, body: form });
  const json = (await response.json()) as { uploadId?: string };
  if (response.status !== 201 || !json.uploadId) throw new Error(`upload failed: ${response.status} ${JSON.stringify(json)}`);
  return json.uploadId;
}

/** Polls until check answers a value (not undefined); fails after timeoutMs. */
export async function eventually<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 120_000, everyMs = 100): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, everyMs));
  }
}
