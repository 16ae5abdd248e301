import type { Database } from '@samarkiv/db';
import { openTestDatabase } from '@samarkiv/db/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { CookieJar, createTestOidcProvider, throughProvider, visit, type TestAccount, type TestOidcProvider } from '../../testing/oidcProvider.ts';
import { startTestApi, type TestApi } from '../../testing/testApi.ts';
import type { OidcProviderConfig } from './oidcConfig.ts';
import { openState, sealState } from './oidc.ts';

let db: Database | undefined;
let api: TestApi | undefined;
let idp: TestOidcProvider | undefined;

afterEach(async () => {
  await api?.close();
  api = undefined;
  await idp?.close();
  await db?.close();
  db = undefined;
  idp = undefined;
});

let prisma: Database['prisma'];
const ACCOUNTS: Record<string, TestAccount> = {
  'kari-sub': { email: 'Koordinator@Example.org', email_verified: true, name: 'Kari Koordinator' },
  'ukjent-sub': { email: 'ny.person@kongsberg.kommune.no', email_verified: true, name: 'Ny Person' },
  'uverifisert-sub': { email: 'leser@example.org', email_verified: false },
};

async function start(overrides: Partial<OidcProviderConfig> = {}) {
  const opened = await openTestDatabase('seeded');
  const provider = await createTestOidcProvider(ACCOUNTS);
  db = opened;
  idp = provider;
  prisma = opened.prisma;
  api = await startTestApi(opened, { oidcProviders: [provider.config(overrides)] });
  await provider.start(api!.url);
}

const ME = `query CurrentUser { me { username signInMethod mfaSetupRequired providerSignOutUrl } }`;

async function me(jar: CookieJar) {
  const response = await fetch(`${api!.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-samarkiv-csrf': '1', cookie: jar.header(api!.url) }, body: JSON.stringify({ query: ME }) });
  return (await response.json()) as { data?: { me: { username: string; signInMethod: string; providerSignOutUrl: string | null } } | null; errors?: { extensions: { code: string } }[] };
}

describe('signing in through an OpenID Connect provider', () => {
  it('lists the configured provider on the sign-in page without a session', async () => {
    await start();
    const result = await api!.anonymous().gql(`{ signInProviders { id label startUrl } }`);
    expect(result.data).toEqual({ signInProviders: [{ id: 'test', label: 'Testkommune ID', startUrl: '/auth/oidc/test/start' }] });
  });

  it('sends the browser to the provider with PKCE (S256), state and nonce kept in a short-lived HttpOnly cookie', async () => {
    await start();
    const jar = new CookieJar();
    const response = await visit(jar, `${api!.url}/auth/oidc/test/start`);
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location')!);
    expect(location.origin).toBe(idp!.issuer);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('redirect_uri')).toBe(`${api!.url}/auth/oidc/test/callback`);
    expect(location.searchParams.get('state')).toBeTruthy();
    expect(location.searchParams.get('nonce')).toBeTruthy();
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('samarkiv_oidc='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Path=\/auth\/oidc/);
    expect(cookie).toMatch(/Max-Age=600/);
    // Nothing secret in the URL: the verifier stays on our side.
    expect(location.href).not.toContain(JSON.stringify(cookie));
  });

  it('matches a user by the verified e-mail claim, links the account and begins a normal session', async () => {
    await start();
    const jar = new CookieJar();
    const { callbackUrl } = await throughProvider(jar, api!.url, 'kari-sub');
    const landed = await visit(jar, callbackUrl);
    expect(landed.status).toBe(303);
    expect(landed.headers.get('location')).toBe('/');
    const session = landed.headers.getSetCookie().find((c) => c.startsWith('samarkiv_session='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    const result = await me(jar);
    expect(result.data?.me).toMatchObject({ username: 'koordinator', signInMethod: 'oidc:test' });
    expect(result.data?.me.providerSignOutUrl).toMatch(new RegExp(`^${idp!.issuer}/session/end\\?`));
    const identity = await prisma.externalIdentity.findFirstOrThrow({ select: { provider: true, subject: true, user: { select: { username: true } } } });
    expect(identity).toEqual({ provider: 'test', subject: 'kari-sub', user: { username: 'koordinator' } });
    const signIn = await prisma.auditEvent.findFirst({ where: { action: 'sign-in' }, orderBy: { id: 'desc' } });
    expect(signIn?.after).toEqual({ provider: 'test' });
    // The session rules are the password sign-in's: a stored hash with the absolute timeout.
    const [row] = await prisma.session.findMany();
    expect(Math.abs(row!.expiresAt.getTime() - row!.createdAt.getTime() - api!.config.session.absoluteMinutes * 60_000)).toBeLessThan(5_000);
  });

  it('does not ask an ADMIN who came through the provider for TOTP', async () => {
    await start({ claim: 'preferred_username' });
    // The linked account decides, whatever the claim: link the admin's identity first.
    const admin = await prisma.user.findUniqueOrThrow({ where: { username: 'admin' } });
    await prisma.externalIdentity.create({ data: { userId: admin.id, provider: 'test', subject: 'kari-sub' } });
    const jar = new CookieJar();
    await visit(jar, (await throughProvider(jar, api!.url, 'kari-sub')).callbackUrl);
    expect((await me(jar)).data?.me).toMatchObject({ username: 'admin', mfaSetupRequired: false });
  });

  it('refuses an unknown user with a clear message and no session', async () => {
    await start();
    const jar = new CookieJar();
    const landed = await visit(jar, (await throughProvider(jar, api!.url, 'ukjent-sub')).callbackUrl);
    expect(landed.headers.get('location')).toBe('/logg-inn?oidc=unknown-user');
    expect(jar.get(api!.url, 'samarkiv_session')).toBeUndefined();
    expect(await prisma.user.count({ where: { email: 'ny.person@kongsberg.kommune.no' } })).toBe(0);
    const failed = await prisma.auditEvent.findFirst({ where: { action: 'sign-in-failed' } });
    expect(failed?.after).toEqual({ provider: 'test', reason: 'unknown-user' });
  });

  it('refuses an e-mail claim the provider has not verified', async () => {
    await start();
    const jar = new CookieJar();
    const landed = await visit(jar, (await throughProvider(jar, api!.url, 'uverifisert-sub')).callbackUrl);
    expect(landed.headers.get('location')).toBe('/logg-inn?oidc=unverified');
  });

  it('creates an unknown user as VIEWER of the configured municipality when just-in-time creation is on', async () => {
    await start({ jitMunicipality: '3303' });
    const jar = new CookieJar();
    const landed = await visit(jar, (await throughProvider(jar, api!.url, 'ukjent-sub')).callbackUrl);
    expect(landed.headers.get('location')).toBe('/');
    const user = await prisma.user.findUniqueOrThrow({ where: { email: 'ny.person@kongsberg.kommune.no' }, select: { username: true, displayName: true, passwordHash: true, memberships: { select: { role: true, municipality: { select: { number: true } } } } } });
    expect(user).toEqual({ username: 'ny.person', displayName: 'Ny Person', passwordHash: null, memberships: [{ role: 'VIEWER', municipality: { number: '3303' } }] });
    expect((await me(jar)).data?.me.username).toBe('ny.person');
  });

  it('refuses a callback whose state differs from the one the browser was sent with', async () => {
    await start();
    const jar = new CookieJar();
    const { callbackUrl } = await throughProvider(jar, api!.url, 'kari-sub');
    const tampered = new URL(callbackUrl);
    tampered.searchParams.set('state', 'someone-elses-state');
    const landed = await visit(jar, tampered.href);
    expect(landed.headers.get('location')).toBe('/logg-inn?oidc=state');
    expect(jar.get(api!.url, 'samarkiv_session')).toBeUndefined();
  });

  it('refuses a callback without the state cookie (another browser)', async () => {
    await start();
    const jar = new CookieJar();
    const { callbackUrl } = await throughProvider(jar, api!.url, 'kari-sub');
    const landed = await visit(new CookieJar(), callbackUrl);
    expect(landed.headers.get('location')).toBe('/logg-inn?oidc=state');
  });

  it('refuses a replayed authorization code', async () => {
    await start();
    const jar = new CookieJar();
    const { callbackUrl } = await throughProvider(jar, api!.url, 'kari-sub');
    const stateCookie = jar.get(api!.url, 'samarkiv_oidc')!;
    expect((await visit(jar, callbackUrl)).headers.get('location')).toBe('/');
    // An attacker holding the same URL and cookie: the provider has spent the code.
    const attacker = new CookieJar();
    attacker.set(api!.url, 'samarkiv_oidc', stateCookie);
    const replay = await visit(attacker, callbackUrl);
    expect(replay.headers.get('location')).toBe('/logg-inn?oidc=provider');
    expect(attacker.get(api!.url, 'samarkiv_session')).toBeUndefined();
    expect(await prisma.session.count()).toBe(1);
  });

  it('asks for the login again once the session at the provider has expired, and still signs in', async () => {
    await start();
    const browser = new CookieJar();
    const once = await throughProvider(browser, api!.url, 'kari-sub');
    expect(once.prompted).toBe(1);
    await visit(browser, once.callbackUrl);
    // While the provider's session lasts, a second sign-in needs no login there.
    const silent = await throughProvider(browser, api!.url, 'kari-sub');
    expect(silent.prompted).toBe(0);
    await visit(browser, silent.callbackUrl);
    // The provider's session cookie runs out: the provider asks again, and Samarkiv still signs in.
    browser.expire(idp!.issuer, /^_session/);
    const again = await throughProvider(browser, api!.url, 'kari-sub');
    expect(again.prompted).toBe(1);
    expect((await visit(browser, again.callbackUrl)).headers.get('location')).toBe('/');
    expect((await me(browser)).data?.me.username).toBe('koordinator');
  });

  it('answers a sign-in cancelled at the provider with a message, not an error page', async () => {
    await start();
    const jar = new CookieJar();
    const started = await visit(jar, `${api!.url}/auth/oidc/test/start`);
    const state = new URL(started.headers.get('location')!).searchParams.get('state')!;
    const landed = await visit(jar, `${api!.url}/auth/oidc/test/callback?error=access_denied&state=${state}`);
    expect(landed.headers.get('location')).toBe('/logg-inn?oidc=cancelled');
  });

  it('answers an unknown provider id on the sign-in page', async () => {
    await start();
    const landed = await visit(new CookieJar(), `${api!.url}/auth/oidc/nope/start`);
    expect(landed.headers.get('location')).toBe('/logg-inn?oidc=unknown-provider');
  });
});

describe('the state cookie', () => {
  const provider = { id: 'p', clientSecret: 'secret' } as OidcProviderConfig;
  const state = { provider: 'p', state: 's', nonce: 'n', codeVerifier: 'v', expiresAt: 2_000 };

  it('opens only within its lifetime, unaltered, and for its own provider', () => {
    const sealed = sealState(provider, state);
    expect(openState(provider, sealed, 1_000)).toEqual(state);
    expect(openState(provider, sealed, 2_001)).toBeNull();
    expect(openState(provider, sealed.replace(/^./, (c) => (c === 'e' ? 'f' : 'e')), 1_000)).toBeNull();
    expect(openState({ ...provider, clientSecret: 'other' }, sealed, 1_000)).toBeNull();
  });
});
