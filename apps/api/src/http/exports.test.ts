import type { Database } from '@samarkiv/db';
import { openTestDatabase } from '@samarkiv/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger, type MemoryLogger } from '../testing/memoryLogger.ts';
import { startTestApi, type GraphQLResponse, type TestApi, type TestClient } from '../testing/testApi.ts';
import { contentDisposition, registerExport } from './exports.ts';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

// Test-only exports; no real one exists yet. The slow one streams for longer than the GraphQL
// timeout the app below runs with.
registerExport('test-municipalities', {
  async run({ db, user }) {
    const rows = await db.prisma.municipality.findMany({ select: { number: true, name: true }, orderBy: { number: 'asc' } });
    async function* lines() {
      yield `nummer;navn;bestilt av ${user.username}\n`;
      for (const row of rows) yield `${row.number};${row.name}\n`;
    }
    return { filename: 'Kommuner i regionen æøå.csv', contentType: 'text/csv; charset=utf-8', body: lines() };
  },
});
registerExport('test-slow', {
  async run() {
    async function* chunks() {
      for (let i = 0; i < 6; i++) {
        await sleep(150);
        yield `del ${i}\n`;
      }
    }
    return { filename: 'slow.txt', contentType: 'text/plain; charset=utf-8', body: chunks() };
  },
});
registerExport('test-admins-only', {
  roles: ['ADMIN'],
  async run() {
    return { filename: 'secret.txt', contentType: 'text/plain', body: (async function* () { yield 'ok'; })() };
  },
});
registerExport('test-broken', {
  async run() {
    throw new Error('export query failed: relation "secret_table" does not exist');
  },
});

let db: Database;
let api: TestApi;
let shortTimeout: TestApi;
let log: MemoryLogger;
let viewer: TestClient;

beforeAll(async () => {
  db = await openTestDatabase('seeded');
  log = memoryLogger();
  api = await startTestApi(db, { production: true }, { logger: log.logger });
  // The same database, so a session from `api` is valid here too.
  shortTimeout = await startTestApi(db, { production: true, graphqlTimeoutMs: 300 });
  viewer = await api.signIn('leser');
});
afterAll(async () => {
  await api?.close();
  await shortTimeout?.close();
  await db?.close();
});

const download = (name: string, cookie?: string | null, target = api) => fetch(`${target.url}/exports/${name}`, { headers: cookie ? { cookie } : {} });

describe('GET /exports/:name', () => {
  it('streams a registered export with its type, a download name and no caching', async () => {
    const response = await download('test-municipalities', viewer.cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="Kommuner i regionen ___.csv"; filename*=UTF-8''Kommuner%20i%20regionen%20%C3%A6%C3%B8%C3%A5.csv`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'self'/);
    const lines = (await response.text()).trim().split('\n');
    expect(lines[0]).toBe('nummer;navn;bestilt av leser');
    expect(lines).toHaveLength(9);
    expect(lines).toContain('3303;Kongsberg');
  });

  it('runs outside the GraphQL timeout', async () => {
    const started = Date.now();
    const response = await download('test-slow', viewer.cookie, shortTimeout);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('del 0\ndel 1\ndel 2\ndel 3\ndel 4\ndel 5\n');
    // Far longer than the 300 ms GraphQL timeout this app runs with.
    expect(Date.now() - started).toBeGreaterThan(800);
  });

  it('refuses a download without a session with 401 UNAUTHENTICATED', async () => {
    const response = await download('test-municipalities');
    expect(response.status).toBe(401);
    expect(((await response.json()) as GraphQLResponse<unknown>).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an export the role does not allow with 403 FORBIDDEN, and lets an administrator have it', async () => {
    const refused = await download('test-admins-only', viewer.cookie);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as GraphQLResponse<unknown>).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const admin = await api.signIn('admin');
    expect(await (await download('test-admins-only', admin.cookie)).text()).toBe('ok');
  });

  it('answers an unknown export with 404 NOT_FOUND', async () => {
    const response = await download('no-such-export', viewer.cookie);
    expect(response.status).toBe(404);
    expect(((await response.json()) as GraphQLResponse<unknown>).errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });

  it('masks an export that fails before streaming as a 500 whose correlation id the log carries', async () => {
    const response = await download('test-broken', viewer.cookie);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toMatch(/secret_table/);
    const error = (JSON.parse(text) as GraphQLResponse<unknown>).errors![0]!;
    expect(error.extensions!.code).toBe('INTERNAL_SERVER_ERROR');
    const line = log.lines().find((entry) => entry.correlationId === error.extensions!.correlationId);
    expect(JSON.stringify(line?.err)).toMatch(/secret_table/);
  });
});

describe('registerExport', () => {
  it('refuses a second export of the same name and a name that is not a slug', () => {
    const run = async () => ({ filename: 'x', contentType: 'text/plain', body: (async function* () {})() });
    expect(() => registerExport('test-municipalities', { run })).toThrow(/registered twice/);
    expect(() => registerExport('../etc', { run })).toThrow(/lower-case/);
  });

  it('writes a Content-Disposition that no filename can break out of', () => {
    expect(contentDisposition('a"b\\c\r\n.txt')).toBe(`attachment; filename="a_b_c__.txt"; filename*=UTF-8''a%22b%5Cc%0D%0A.txt`);
  });
});
