import type { Database } from '@samarkiv/db';
import { openTestDatabase } from '@samarkiv/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/testApi.ts';
import { passwordStats } from './password.ts';

let db: Database;
let api: TestApi;

async function start(overrides: Parameters<typeof startTestApi>[1] = {}) {
  db = await openTestDatabase('seeded');
  api = await startTestApi(db, overrides);
}
afterEach(async () => {
  await api?.close();
  await db?.close();
});

const SIGN_IN = `mutation SignIn($input: SignInInput!) { signIn(input: $input) { username roles memberships { role municipality { number name } } mustChangePassword sessionExpiresAt } }`;
const ME = `query CurrentUser { me { username displayName roles memberships { role municipality { number } } } }`;
const CHANGE = `mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { username mustChangePassword } }`;

describe('signing in', () => {
  beforeEach(() => start());

  it('sets an HttpOnly, SameSite=Lax, Path=/ session cookie and returns the user with roles and municipalities', async () => {
    const client = api.anonymous();
    const response = await client.post({ query: SIGN_IN, variables: { input: { username: 'koordinator', password: 'Samarkiv-koordinator-2026' } } });
    const body = (await response.json()) as { data: { signIn: { roles: string[]; memberships: { role: string; municipality: { number: string } }[] } } };
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('samarkiv_session='))!;
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/; Secure/);
    // At least 128 bits: 32 random bytes in base64url.
    expect(cookie.split(';')[0]!.split('=')[1]!.length).toBeGreaterThanOrEqual(43);
    expect(body.data.signIn.roles).toEqual(['COORDINATOR']);
    expect(body.data.signIn.memberships.map((m) => m.municipality.number).sort()).toEqual(['3303', '3332']);
    const me = await client.gql<{ me: { username: string } }>(ME);
    expect(me.data?.me.username).toBe('koordinator');
  });

  it('stores only a hash of the session id', async () => {
    const client = await api.signIn('leser');
    const token = client.cookie!.split('=')[1]!;
    const rows = await db.prisma.session.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.idHash).not.toContain(token);
    expect(rows[0]!.idHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts the e-mail address in place of the username, in any case', async () => {
    const result = await api.anonymous().gql<{ signIn: { username: string } }>(SIGN_IN, { input: { username: 'Arkivar@Example.org', password: 'Samarkiv-arkivar-2026' } });
    expect(result.data?.signIn.username).toBe('arkivar');
  });

  it('gives a new session id at each sign-in and ends the one the browser had', async () => {
    const client = await api.signIn('leser');
    const first = client.cookie;
    await client.gql(SIGN_IN, { input: { username: 'leser', password: 'Samarkiv-leser-2026' } });
    expect(client.cookie).not.toBe(first);
    const stale = api.anonymous();
    stale.cookie = first;
    expect((await stale.gql(ME)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await db.prisma.session.count()).toBe(1);
  });

  it('answers an unknown user and a wrong password with the same error after the same work', async () => {
    const before = passwordStats.verifications;
    const unknown = await api.anonymous().gql(SIGN_IN, { input: { username: 'nobody', password: 'whatever-password' } });
    const afterUnknown = passwordStats.verifications;
    const wrong = await api.anonymous().gql(SIGN_IN, { input: { username: 'admin', password: 'whatever-password' } });
    expect(afterUnknown - before).toBe(1);
    expect(passwordStats.verifications - afterUnknown).toBe(1);
    expect(unknown.errors).toEqual(wrong.errors);
    expect(unknown.errors?.[0]).toMatchObject({ message: 'Feil brukernavn eller passord.', extensions: { code: 'INVALID_CREDENTIALS' } });
  });

  it('records sign-in, failed sign-in and sign-out in the audit trail', async () => {
    await api.anonymous().gql(SIGN_IN, { input: { username: 'admin', password: 'wrong-password-1' } });
    const client = await api.signIn('admin');
    await client.gql(`mutation { signOut }`);
    const actions = (await db.prisma.auditEvent.findMany({ orderBy: { id: 'asc' }, select: { action: true, entityType: true, requestId: true, clientAddress: true } })).map((e) => e.action);
    expect(actions).toEqual(['sign-in-failed', 'sign-in', 'sign-out']);
    const events = await db.prisma.auditEvent.findMany();
    expect(events.every((e) => e.requestId && e.clientAddress)).toBe(true);
  });

  it('refuses a deactivated user with the same error as a wrong password', async () => {
    await db.prisma.user.update({ where: { username: 'leser' }, data: { isActive: false } });
    const result = await api.anonymous().gql(SIGN_IN, { input: { username: 'leser', password: 'Samarkiv-leser-2026' } });
    expect(result.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
  });

  it('rejects an empty username with a field error, not a 500', async () => {
    const result = await api.anonymous().gql(SIGN_IN, { input: { username: '  ', password: 'x' } });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'VALIDATION_FAILED', path: ['input', 'username'] } });
  });
});

describe('without a session', () => {
  beforeEach(() => start());

  it('serves nothing but sign-in', async () => {
    const client = api.anonymous();
    for (const query of [ME, `{ municipalities { name } }`, `{ riskAreas { name } }`, `{ phases { name } }`, `{ users { totalCount } }`, `{ auditEvents { edges { cursor } } }`, `mutation { signOut }`]) {
      const result = await client.gql(query);
      expect(result.errors?.[0]?.extensions?.code, query).toBe('UNAUTHENTICATED');
      expect(result.data ?? null, query).toBeNull();
    }
  });
});

describe('session lifetime', () => {
  it('ends a session that has been idle longer than the idle timeout', async () => {
    await start({ session: { idleMinutes: 30, absoluteMinutes: 480, cookieSecure: 'never' } });
    const client = await api.signIn('leser');
    await db.prisma.session.updateMany({ data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } });
    expect((await client.gql(ME)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await db.prisma.session.count()).toBe(0);
  });

  it('keeps an active session alive within the idle timeout', async () => {
    await start({ session: { idleMinutes: 30, absoluteMinutes: 480, cookieSecure: 'never' } });
    const client = await api.signIn('leser');
    await db.prisma.session.updateMany({ data: { lastSeenAt: new Date(Date.now() - 29 * 60_000) } });
    expect((await client.gql(ME)).data?.me).toBeTruthy();
    const [row] = await db.prisma.session.findMany();
    expect(Date.now() - row!.lastSeenAt.getTime()).toBeLessThan(60_000);
  });

  it('ends a session at the absolute timeout however active it is', async () => {
    await start({ session: { idleMinutes: 30, absoluteMinutes: 480, cookieSecure: 'never' } });
    const client = await api.signIn('leser');
    await db.prisma.session.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await client.gql(ME)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('marks the cookie Secure when configured to', async () => {
    await start({ session: { idleMinutes: 30, absoluteMinutes: 480, cookieSecure: 'always' } });
    const response = await api.anonymous().post({ query: SIGN_IN, variables: { input: { username: 'leser', password: 'Samarkiv-leser-2026' } } });
    expect(response.headers.getSetCookie().find((c) => c.startsWith('samarkiv_session='))).toMatch(/; Secure/);
  });

  it('deletes the session on the server at sign-out and clears the cookie', async () => {
    await start();
    const client = await api.signIn('leser');
    const cookie = client.cookie;
    expect((await client.gql<{ signOut: boolean }>(`mutation SignOut { signOut }`)).data?.signOut).toBe(true);
    expect(client.cookie).toBeNull();
    expect(await db.prisma.session.count()).toBe(0);
    const replay = api.anonymous();
    replay.cookie = cookie;
    expect((await replay.gql(ME)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('rate limiting failed sign-ins', () => {
  it('refuses the 11th attempt in 15 minutes with a coded error that says when to try again', async () => {
    await start();
    const client = api.anonymous();
    for (let i = 0; i < 10; i++) {
      const result = await client.gql(SIGN_IN, { input: { username: 'admin', password: `wrong-${i}-password` } });
      expect(result.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
    }
    // Even the right password is refused while the account is blocked.
    const blocked = await client.gql(SIGN_IN, { input: { username: 'admin', password: 'Samarkiv-admin-2026' } });
    expect(blocked.errors?.[0]?.extensions?.code).toBe('TOO_MANY_ATTEMPTS');
    const retry = blocked.errors?.[0]?.extensions?.retryAfterSeconds as number;
    expect(retry).toBeGreaterThan(14 * 60);
    expect(retry).toBeLessThanOrEqual(15 * 60);
  });

  it('limits per address across accounts too', async () => {
    await start({ signInLimit: { points: 3, windowMinutes: 15 } });
    const client = api.anonymous();
    for (const username of ['a1', 'a2', 'a3']) await client.gql(SIGN_IN, { input: { username, password: 'wrong-password-x' } });
    const blocked = await client.gql(SIGN_IN, { input: { username: 'leser', password: 'Samarkiv-leser-2026' } });
    expect(blocked.errors?.[0]?.extensions?.code).toBe('TOO_MANY_ATTEMPTS');
  });
});

describe('changing one\'s own password', () => {
  beforeEach(() => start());

  it('requires the current password and then accepts the new one', async () => {
    const client = await api.signIn('arkivar');
    const wrong = await client.gql(CHANGE, { input: { currentPassword: 'not-it-at-all', newPassword: 'Et-nytt-langt-passord' } });
    expect(wrong.errors?.[0]).toMatchObject({ message: 'Det nåværende passordet stemmer ikke.', extensions: { code: 'VALIDATION_FAILED', path: ['input', 'currentPassword'] } });
    const short = await client.gql(CHANGE, { input: { currentPassword: 'Samarkiv-arkivar-2026', newPassword: 'kort' } });
    expect(short.errors?.[0]).toMatchObject({ message: 'Passordet må ha minst 12 tegn.', extensions: { code: 'VALIDATION_FAILED', path: ['input', 'newPassword'] } });
    const ok = await client.gql(CHANGE, { input: { currentPassword: 'Samarkiv-arkivar-2026', newPassword: 'Et-nytt-langt-passord' } });
    expect(ok.errors).toBeUndefined();
    await expect(api.signIn('arkivar')).rejects.toThrow(/INVALID_CREDENTIALS/);
    await expect(api.signIn('arkivar', 'Et-nytt-langt-passord')).resolves.toBeTruthy();
    const audit = await db.prisma.auditEvent.findFirst({ where: { action: 'password-changed' } });
    expect(audit).not.toBeNull();
    expect(JSON.stringify({ ...audit, id: String(audit!.id) })).not.toMatch(/Et-nytt|argon2/);
  });

  it('ends the user\'s other sessions but keeps the current one', async () => {
    const a = await api.signIn('arkivar');
    const b = await api.signIn('arkivar');
    await a.gql(CHANGE, { input: { currentPassword: 'Samarkiv-arkivar-2026', newPassword: 'Et-nytt-langt-passord' } });
    expect((await a.gql(ME)).data?.me).toBeTruthy();
    expect((await b.gql(ME)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
