import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiConfigFromEnv } from '../config.ts';
import { memoryLogger } from '../testing/memoryLogger.ts';
import { startTestApi, type GraphQLResponse, type TestApi, type TestClient } from '../testing/testApi.ts';
import { useTestApi } from '../testing/useTestApi.ts';

const log = memoryLogger();
const t = useTestApi({ per: 'file', config: { production: true }, logger: log.logger });
let viewer: TestClient;
beforeAll(async () => {
  viewer = await t.api.signIn('leser');
});

async function post(target: TestApi, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${target.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-samarkiv-csrf': '1', ...headers }, body });
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type'), text, json: JSON.parse(text) as GraphQLResponse<unknown> };
}

describe('bodies GraphQL does not take', () => {
  it('answers a body over 100 KB with 413 PAYLOAD_TOO_LARGE as JSON', async () => {
    const body = JSON.stringify({ query: '{ __typename }', variables: { filler: 'x'.repeat(101 * 1024) } });
    const result = await post(t.api, body);
    expect(result.status).toBe(413);
    expect(result.type).toMatch(/^application\/json/);
    expect(result.json.errors![0]!.extensions!.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('takes a body just under 100 KB', async () => {
    const body = JSON.stringify({ query: '{ __typename }', variables: { filler: 'x'.repeat(99 * 1024) } });
    expect((await post(t.api, body)).json).toEqual({ data: { __typename: 'Query' } });
  });

  it('answers malformed JSON with 400 MALFORMED_JSON, without a stack', async () => {
    const result = await post(t.api, '{"query": "{ __typename }"');
    expect(result.status).toBe(400);
    expect(result.type).toMatch(/^application\/json/);
    expect(result.json.errors![0]!.extensions!.code).toBe('MALFORMED_JSON');
    expect(result.text).not.toMatch(/at .*\.js|SyntaxError|<html/i);
  });

  it('answers a body marked gzip that does not inflate with 400 UNREADABLE_BODY, not a 500', async () => {
    // Found by reliability/fuzz.test.ts: zlib's error reached the error handler as an unknown one.
    const result = await post(t.api, JSON.stringify({ query: '{ __typename }' }), { 'content-encoding': 'gzip' });
    expect(result.status).toBe(400);
    expect(result.json.errors![0]!.extensions!.code).toBe('UNREADABLE_BODY');
  });

  it('takes a body that really is gzip', async () => {
    const body = gzipSync(JSON.stringify({ query: '{ __typename }' }));
    const response = await fetch(`${t.api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', 'x-samarkiv-csrf': '1' }, body });
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('answers an unknown path with a coded JSON 404', async () => {
    const response = await fetch(`${t.api.url}/no-such-thing`, { method: 'POST' });
    expect(response.status).toBe(404);
    expect(((await response.json()) as GraphQLResponse<unknown>).errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });
});

describe('unexpected errors', () => {
  it('masks a database failure in a resolver as INTERNAL_SERVER_ERROR whose correlation id the log carries', async () => {
    // A real failure: the table the resolver reads is gone (renamed back afterwards).
    const session = await t.db.session();
    await session.exec('ALTER TABLE municipality RENAME TO municipality_gone');
    let result: Awaited<ReturnType<typeof post>>;
    try {
      result = await post(t.api, JSON.stringify({ query: '{ municipalities { id name } }' }), { cookie: viewer.cookie! });
    } finally {
      await session.exec('ALTER TABLE municipality_gone RENAME TO municipality');
      await session.release();
    }
    const error = result.json.errors![0]!;
    expect(error.extensions!.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error.message).toBe('Det oppstod en uventet feil. Oppgi feil-id-en hvis du kontakter brukerstøtte.');
    const correlationId = error.extensions!.correlationId as string;
    expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
    // Nothing of the cause reaches the client: no stack, no SQL, no table name.
    expect(Object.keys(error.extensions!).sort()).toEqual(['code', 'correlationId']);
    expect(result.text).not.toMatch(/municipality_gone|prisma|stack|\.ts:\d+/i);
    // The log line with the same id says what happened.
    const line = log.lines().find((entry) => entry.correlationId === correlationId);
    expect(line).toBeDefined();
    expect(line!.level).toBe(50);
    expect(JSON.stringify(line!.err)).toMatch(/municipality/);
  });
});

describe('request timeout', () => {
  it('answers a /graphql request still running after the timeout with 503 REQUEST_TIMEOUT, and drops its late answer', async () => {
    const slowLog = memoryLogger();
    const slow = await startTestApi(t.db, { production: true, graphqlTimeoutMs: 500 }, { logger: slowLog.logger });
    // Signed in through the other app (same database): an argon2 check could outlast 500 ms.
    const cookie = viewer.cookie!;
    // A real slow query: another connection holds a lock on the table the resolver reads (on
    // PGlite, its one connection is inside that transaction).
    const session = await t.db.session();
    let release!: () => void;
    const held = new Promise<void>((done) => (release = done));
    let locked!: () => void;
    const isLocked = new Promise<void>((done) => (locked = done));
    const holding = session.transaction(async (tx) => {
      await tx.exec('LOCK TABLE municipality IN ACCESS EXCLUSIVE MODE');
      locked();
      await held;
    });
    try {
      await isLocked;
      const started = Date.now();
      const result = await post(slow, JSON.stringify({ query: '{ municipalities { id } }' }), { cookie });
      expect(result.status).toBe(503);
      expect(result.json.errors![0]!.extensions!.code).toBe('REQUEST_TIMEOUT');
      expect(Date.now() - started).toBeGreaterThanOrEqual(450);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      release();
      await holding;
      await session.release();
    }
    // The query finishes in the background; its answer must go nowhere, harmlessly.
    await new Promise((done) => setTimeout(done, 300));
    const after = await post(slow, JSON.stringify({ query: '{ municipalities { id } }' }), { cookie });
    expect((after.json.data as { municipalities: unknown[] }).municipalities).toHaveLength(8);
    expect(slowLog.lines().filter((line) => (line.level as number) >= 50)).toEqual([]);
    expect(slowLog.lines().some((line) => line.msg === 'request timed out')).toBe(true);
    await slow.close();
  });

  it('reads its timeout from SAMARKIV_GRAPHQL_TIMEOUT_SECONDS (15 s by default)', () => {
    expect(apiConfigFromEnv({}).graphqlTimeoutMs).toBe(15_000);
    expect(apiConfigFromEnv({ SAMARKIV_GRAPHQL_TIMEOUT_SECONDS: '2' }).graphqlTimeoutMs).toBe(2000);
  });
});
