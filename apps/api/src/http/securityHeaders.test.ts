import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '@samarkiv/db';
import { openTestDatabase } from '@samarkiv/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/testApi.ts';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
  "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

let db: Database;
let api: TestApi;
let behindProxy: TestApi;
let webDist: string;

beforeAll(async () => {
  db = await openTestDatabase('migrated');
  // A stand-in for apps/web/dist, so the SPA's routes exist whether or not the web app is built.
  webDist = mkdtempSync(join(tmpdir(), 'samarkiv-web-'));
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body></body></html>');
  api = await startTestApi(db, { production: true, webDist });
  behindProxy = await startTestApi(db, { production: true, webDist, trustProxy: 'loopback' });
});
afterAll(async () => {
  await api?.close();
  await behindProxy?.close();
  await db?.close();
  rmSync(webDist, { recursive: true, force: true });
});

function expectSecurityHeaders(response: Response) {
  expect(response.headers.get('content-security-policy')).toBe(CSP);
  expect(response.headers.get('content-security-policy')).not.toMatch(/unsafe-inline|unsafe-eval/);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('x-powered-by')).toBeNull();
}

describe('security headers', () => {
  it('are on a GraphQL answer', async () => {
    const response = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-samarkiv-csrf': '1' }, body: '{"query":"{ __typename }"}' });
    expect(response.status).toBe(200);
    expectSecurityHeaders(response);
  });

  it('are on a refused GraphQL body', async () => {
    const response = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-samarkiv-csrf': '1' }, body: '{' });
    expect(response.status).toBe(400);
    expectSecurityHeaders(response);
  });

  it('are on /healthz', async () => {
    const response = await fetch(`${api.url}/healthz`);
    expect(response.status).toBe(200);
    expectSecurityHeaders(response);
  });

  it('are on the SPA entry page and a client-side route', async () => {
    for (const path of ['/', '/kommuner']) {
      const response = await fetch(`${api.url}${path}`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      expect(await response.text()).toMatch(/<script type="module" src="\/assets\/app.js">/);
      expectSecurityHeaders(response);
    }
  });

  it('are on a 404', async () => {
    const response = await fetch(`${api.url}/api/missing`, { headers: { accept: 'application/json' } });
    expect(response.status).toBe(404);
    expectSecurityHeaders(response);
  });

  it('add HSTS only to a request that came over HTTPS', async () => {
    expect((await fetch(`${api.url}/healthz`)).headers.get('strict-transport-security')).toBeNull();
    // Without a trusted proxy, a client's own X-Forwarded-Proto does not count.
    expect((await fetch(`${api.url}/healthz`, { headers: { 'x-forwarded-proto': 'https' } })).headers.get('strict-transport-security')).toBeNull();
    const https = await fetch(`${behindProxy.url}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(https.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect((await fetch(`${behindProxy.url}/healthz`)).headers.get('strict-transport-security')).toBeNull();
  });
});
