import { testBackend } from '@samarkiv/db/testing';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import type * as GraphQL from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchema } from '../graphql/schema.ts';
import type { TestClient } from '../testing/testApi.ts';
import { useTestApi } from '../testing/useTestApi.ts';
import { multipart, type Outcome, send, sendRaw, Tally } from './fuzzHttp.ts';
import { randomOperation } from './fuzzQueries.ts';

// Issue 10, part 3: hostile and broken input against the real HTTP app in its production
// configuration (introspection off), so the queries are generated here from the schema's SDL.
// Bounded by count and by time (about a minute in all); one backend is enough, since what is
// under test is the HTTP and GraphQL layer in front of the database.

/** Any answer slower than this is a finding (the server's own timeout is 15 s). */
const ANSWER_MS = 5_000;
/** Growth of the process's resident memory over the whole file (server and client share it). */
const RSS_GROWTH_BYTES = 400 * 1024 ** 2;
// Fields that would end the session or change who the client is, which every later input needs.
const SESSION_FIELDS = ['signOut', 'changePassword', 'beginTotpSetup', 'confirmTotpSetup'];

const schema = buildSchema();
const { parse, validate } = createRequire(import.meta.url)('graphql') as typeof GraphQL;
const tally = new Tally();
const runs = (numRuns: number, seconds: number) => ({ numRuns, interruptAfterTimeLimit: seconds * 1000, endOnFailure: true });

describe.runIf(testBackend() === 'pglite')('hostile and broken input', () => {
  // Distinct sign-in failures are part of the input: the limiter must not hide everything behind 429.
  const t = useTestApi({ per: 'file', config: { production: true, signInLimit: { points: 100_000, windowMinutes: 1 } } });
  const clients: Record<'anonymous' | 'viewer' | 'coordinator', TestClient> = {} as never;
  let rssBefore = 0;

  beforeAll(async () => {
    clients.anonymous = t.api.anonymous();
    clients.viewer = await t.api.signIn('leser');
    clients.coordinator = await t.api.signIn('koordinator');
    rssBefore = process.memoryUsage().rss;
  });

  afterAll(() => {
    console.log(tally.render());
  });

  const headersOf = (client: TestClient, extra: Record<string, string> = {}): Record<string, string> => ({
    'content-type': 'application/json',
    'x-samarkiv-csrf': '1',
    ...(client.cookie ? { cookie: client.cookie } : {}),
    ...extra,
  });

  /** Sends, counts and checks one input: an answer, in time, never 5xx, never an unexpected error. */
  async function hostile(kind: string, path: string, init: RequestInit): Promise<Outcome> {
    const outcome = await send(`${t.api.url}${path}`, init, ANSWER_MS);
    tally.add(kind, outcome);
    const what = `${kind}: ${String(init.body ?? '').slice(0, 300)}`;
    expect(outcome.failure, what).toBeUndefined();
    expect(outcome.status, `${what}\n=> ${outcome.body.slice(0, 500)}`).toBeLessThan(500);
    expect(outcome.codes, `${what}\n=> ${outcome.body.slice(0, 500)}`).not.toContain('INTERNAL_SERVER_ERROR');
    return outcome;
  }

  const graphql = (kind: string, client: TestClient, body: string | Uint8Array, headers: Record<string, string> = {}) =>
    hostile(kind, '/graphql', { method: 'POST', headers: headersOf(client, headers), body: body as BodyInit });

  /** After each batch: the server still answers an ordinary query, and its sessions still hold. */
  async function expectStillServing(): Promise<void> {
    const result = await clients.viewer.gql<{ me: { username: string } }>('query StillServing { me { username } municipalities { id } }');
    expect(result.errors).toBeUndefined();
    expect(result.data?.me.username).toBe('leser');
  }

  it('generates operations the schema validates when asked for right argument types', () => {
    // Else most inputs would die in validation and the server's resolvers would go untried.
    fc.assert(
      fc.property(fc.gen(), fc.constantFrom('query', 'mutation'), (g, operation) => {
        const op = randomOperation(g, schema, { operation: operation as 'query' | 'mutation', wrongTypes: 0, maxDepth: 4 });
        expect(validate(schema, parse(op.query)).map((e) => e.message), op.query).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('answers random schema-valid queries, with right and wrong argument types, without a server error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.gen(), fc.constantFrom('anonymous', 'viewer', 'coordinator'), async (g, who) => {
        const op = randomOperation(g, schema, { operation: 'query', wrongTypes: 0.15, maxDepth: 4 });
        await graphql(`query as ${who}`, clients[who as keyof typeof clients], JSON.stringify(op));
      }),
      runs(600, 12),
    );
    await expectStillServing();
  });

  it('refuses or validates random mutations from a viewer and a coordinator cleanly', async () => {
    await fc.assert(
      fc.asyncProperty(fc.gen(), fc.constantFrom('viewer', 'coordinator', 'anonymous'), async (g, who) => {
        const op = randomOperation(g, schema, { operation: 'mutation', exclude: SESSION_FIELDS, wrongTypes: 0.15, maxDepth: 3 });
        const outcome = await graphql(`mutation as ${who}`, clients[who as keyof typeof clients], JSON.stringify(op));
        // A viewer may not write anything but its own sign-in and reminder preference.
        if (who === 'viewer' && outcome.status === 200 && !op.fields.some((f) => f === 'signIn' || f === 'setReminderPreference')) {
          expect(JSON.parse(outcome.body).errors, `a viewer wrote with ${op.query}`).toBeDefined();
        }
      }),
      runs(500, 10),
    );
    await expectStillServing();
  });

  it('answers random variables of wrong types with a coded error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.gen(), fc.jsonValue({ maxDepth: 3 }), async (g, junk) => {
        const op = randomOperation(g, schema, { operation: g(fc.constantFrom, 'query', 'mutation') as 'query' | 'mutation', exclude: SESSION_FIELDS, wrongTypes: 0, maxDepth: 2 });
        const names = Object.keys(op.variables);
        const variables = g(fc.boolean) || names.length === 0 ? junk : { ...op.variables, [g(fc.constantFrom, ...names)]: junk };
        await graphql('wrong variables', clients.coordinator, JSON.stringify({ query: op.query, variables }));
      }),
      runs(300, 5),
    );
    await expectStillServing();
  });

  it('answers malformed JSON, wrong request shapes and random bytes with a 4xx', async () => {
    const validBody = JSON.stringify({ query: '{ me { username } }' });
    const bodies = fc.oneof(
      fc.string({ maxLength: 200 }).map((s) => ['malformed JSON', s] as const),
      fc.integer({ min: 1, max: validBody.length - 1 }).map((n) => ['truncated JSON', validBody.slice(0, n)] as const),
      fc.jsonValue({ maxDepth: 3 }).map((v) => ['JSON not an operation', JSON.stringify(v)] as const),
      fc.record({ query: fc.oneof(fc.jsonValue(), fc.string()), variables: fc.jsonValue(), operationName: fc.jsonValue(), extensions: fc.jsonValue() }).map((v) => ['operation fields of wrong types', JSON.stringify(v)] as const),
      fc.uint8Array({ maxLength: 2000 }).map((bytes) => ['random bytes', bytes] as const),
    );
    await fc.assert(
      fc.asyncProperty(bodies, fc.constantFrom('viewer', 'anonymous'), async ([kind, body], who) => {
        await graphql(kind, clients[who as keyof typeof clients], body);
      }),
      runs(400, 5),
    );
    await expectStillServing();
  });

  it('refuses huge bodies, deep nesting, many aliases, batches and long documents by their limits', async () => {
    const viewer = clients.viewer;
    const huge = (mb: number) => 'x'.repeat(mb * 1024 ** 2);
    // Beyond the 100 KB limit: refused with 413, in megabytes.
    for (const mb of [1, 4, 16]) {
      await graphql('huge string', viewer, JSON.stringify({ query: '{ me { username } }', variables: { s: huge(mb) } }));
      await graphql('huge string', viewer, JSON.stringify({ query: `{ risks(filter: { search: "${huge(mb)}" }) { totalCount } }` }));
    }
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 13, max: 3000 }), fc.integer({ min: 16, max: 2000 }), fc.integer({ min: 100, max: 40_000 }), async (depth, aliases, nesting) => {
        await graphql('deep selection', viewer, JSON.stringify({ query: `{ ${'me { memberships { municipality { '.repeat(Math.ceil(depth / 3))}id${' } } }'.repeat(Math.ceil(depth / 3))} }` }));
        await graphql('many aliases', viewer, JSON.stringify({ query: `{ ${Array.from({ length: aliases }, (_, i) => `a${i}: me { id }`).join(' ')} }` }));
        await graphql('deep JSON variables', viewer, `{"query":"query Q($f: RiskFilter) { risks(filter: $f) { totalCount } }","variables":{"f":${'['.repeat(nesting)}${']'.repeat(nesting)}}}`);
        await graphql('deep list literal', viewer, JSON.stringify({ query: `{ risks(filter: { statuses: ${'['.repeat(Math.min(nesting, 1900))}${']'.repeat(Math.min(nesting, 1900))} }) { totalCount } }` }));
        await graphql('batched array', viewer, JSON.stringify(Array.from({ length: Math.min(aliases, 200) }, () => ({ query: '{ me { id } }' }))));
        await graphql('long document', viewer, JSON.stringify({ query: `{ ${'__typename '.repeat(Math.min(aliases * 4, 8000))}}` }));
      }),
      runs(25, 6),
    );
    await expectStillServing();
  });

  it('answers wrong content types, encodings and methods with a 4xx', async () => {
    const body = JSON.stringify({ query: '{ me { username } }' });
    const types = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/graphql', 'application/xml', 'application/json; charset=latin1', 'application/json; charset=utf-16', 'application/octet-stream', '', 'application/json; charset=', '*/*', 'application/graphql-response+json'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...types), fc.constantFrom('', 'gzip', 'br', 'x-unknown'), fc.constantFrom('POST', 'GET', 'PUT', 'DELETE', 'PATCH'), async (type, encoding, method) => {
        const headers = headersOf(clients.viewer, { 'content-type': type, ...(encoding ? { 'content-encoding': encoding } : {}) });
        if (!type) delete headers['content-type'];
        const query = method === 'GET' ? `?query=${encodeURIComponent('{ me { username } }')}` : '';
        await hostile(`content type / method`, `/graphql${query}`, { method, headers, ...(method === 'GET' ? {} : { body }) });
      }),
      runs(240, 5),
    );
    await expectStillServing();
  });

  it('answers random bytes as file uploads without a server error', async () => {
    const kinds = fc.oneof(
      fc.uint8Array({ maxLength: 64 * 1024 }).map((bytes) => ({ kind: 'upload: random file', bytes, wrap: true })),
      fc.uint8Array({ maxLength: 8 * 1024 }).map((bytes) => ({ kind: 'upload: random body', bytes, wrap: false })),
    );
    await fc.assert(
      fc.asyncProperty(kinds, fc.string({ maxLength: 80 }), fc.constantFrom('viewer', 'coordinator', 'anonymous'), async ({ kind, bytes, wrap }, filename, who) => {
        const boundary = 'fuzzboundary1234';
        const body = wrap ? multipart(bytes, boundary, filename.replace(/["\r\n]/g, '')) : bytes;
        await hostile(`${kind} (${who})`, '/uploads', { method: 'POST', headers: headersOf(clients[who as keyof typeof clients], { 'content-type': `multipart/form-data; boundary=${boundary}` }), body: body as BodyInit });
      }),
      runs(150, 5),
    );
    await expectStillServing();
  });

  it('answers random bytes and broken requests on the socket itself with a 4xx or a close', async () => {
    const port = Number(new URL(t.api.url).port);
    const requests = fc.oneof(
      fc.uint8Array({ maxLength: 4096 }).map((bytes) => ['raw: random bytes', bytes] as const),
      fc.string({ maxLength: 300 }).map((junk) => ['raw: broken request line', Buffer.from(`POST /graphql${junk} HTTP/1.1\r\nHost: x\r\n\r\n`)] as const),
      fc.integer({ min: 1, max: 200 }).map((kb) => ['raw: huge header', Buffer.from(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Fill: ${'a'.repeat(kb * 1024)}\r\n\r\n`)] as const),
      fc.string({ maxLength: 200 }).map((junk) => ['raw: bad chunked body', Buffer.from(`POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nx-samarkiv-csrf: 1\r\nTransfer-Encoding: chunked\r\n\r\nzz${junk}\r\n`)] as const),
      fc.integer({ min: 1, max: 100_000 }).map((n) => ['raw: short of its length', Buffer.from(`POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nx-samarkiv-csrf: 1\r\nContent-Length: ${n + 20}\r\n\r\n{"query":"{ me { id } }"}`)] as const),
    );
    await fc.assert(
      fc.asyncProperty(requests, async ([kind, bytes]) => {
        const outcome = await sendRaw(port, bytes, ANSWER_MS);
        tally.add(kind, outcome);
        expect(outcome.failure === undefined || outcome.failure === 'closed' || outcome.failure === 'ECONNRESET', `${kind}: ${outcome.failure}`).toBe(true);
        expect(outcome.status, `${kind}: ${outcome.body.slice(0, 300)}`).toBeLessThan(500);
      }),
      runs(200, 5),
    );
    await expectStillServing();
  });

  it('keeps its memory bounded over all of it', () => {
    const growth = process.memoryUsage().rss - rssBefore;
    console.log(`rss grew by ${(growth / 1024 ** 2).toFixed(0)} MB over ${tally.total()} hostile requests`);
    expect(growth).toBeLessThan(RSS_GROWTH_BYTES);
  });
});
