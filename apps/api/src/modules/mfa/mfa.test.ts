import type { Database } from '@samarkiv/db';
import { openTestDatabase } from '@samarkiv/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi, type TestClient } from '../../testing/testApi.ts';
import { hashPassword } from '../auth/password.ts';
import { totpOf } from './totp.ts';

let db: Database;
let api: TestApi;

afterEach(async () => {
  await api?.close();
  await db?.close();
});

const SIGN_IN = `mutation SignIn($input: SignInInput!) { signIn(input: $input) { username mfaEnabled mfaSetupRequired } }`;
const BEGIN = `mutation BeginTotpSetup { beginTotpSetup { secret otpauthUri qrCodeDataUrl } }`;
const CONFIRM = `mutation ConfirmTotpSetup($input: ConfirmTotpInput!) { confirmTotpSetup(input: $input) { recoveryCodes me { mfaEnabled mfaSetupRequired } } }`;
const RESET = `mutation ResetUserMfa($id: ID!) { resetUserMfa(id: $id) { username mfaEnabled } }`;
const ADMIN = { username: 'admin', password: 'Samarkiv-admin-2026' };

async function passwordOnly(username: string, password: string): Promise<TestClient> {
  const client = api.anonymous();
  const result = await client.gql(SIGN_IN, { input: { username, password } });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return client;
}

/** Sets up TOTP through the API as a person would; returns the secret and the recovery codes. */
async function enrolThroughApi(client: TestClient): Promise<{ secret: string; recoveryCodes: string[] }> {
  const begun = await client.gql<{ beginTotpSetup: { secret: string } }>(BEGIN);
  const secret = begun.data!.beginTotpSetup.secret;
  const confirmed = await client.gql<{ confirmTotpSetup: { recoveryCodes: string[] } }>(CONFIRM, { input: { code: totpOf(secret, 'x').generate() } });
  return { secret, recoveryCodes: confirmed.data!.confirmTotpSetup.recoveryCodes };
}

/** A code for the next 30-second step: the current one is spent by the setup's confirmation. */
function nextCode(secret: string): string {
  return totpOf(secret, 'x').generate({ timestamp: Date.now() + 30_000 });
}

describe('an ADMIN without a second factor', () => {
  beforeEach(async () => {
    db = await openTestDatabase('seeded');
    api = await startTestApi(db);
  });

  it('may do nothing but set up TOTP after signing in with a password', async () => {
    const admin = api.anonymous();
    const signedIn = await admin.gql<{ signIn: { mfaSetupRequired: boolean } }>(SIGN_IN, { input: ADMIN });
    expect(signedIn.data?.signIn).toMatchObject({ mfaEnabled: false, mfaSetupRequired: true });
    const refused = await admin.gql(`{ users { totalCount } }`);
    expect(refused.errors?.[0]?.extensions?.code).toBe('MFA_SETUP_REQUIRED');
    expect((await admin.gql(`{ me { username mfaSetupRequired } }`)).data).toEqual({ me: { username: 'admin', mfaSetupRequired: true } });
  });

  it('shows a QR code as an SVG data URL with the otpauth URI of the secret', async () => {
    const admin = await passwordOnly(ADMIN.username, ADMIN.password);
    const begun = await admin.gql<{ beginTotpSetup: { secret: string; otpauthUri: string; qrCodeDataUrl: string } }>(BEGIN);
    const setup = begun.data!.beginTotpSetup;
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.otpauthUri).toBe(`otpauth://totp/Samarkiv:admin?issuer=Samarkiv&secret=${setup.secret}&algorithm=SHA1&digits=6&period=30`);
    const svg = Buffer.from(setup.qrCodeDataUrl.replace('data:image/svg+xml;base64,', ''), 'base64').toString();
    expect(svg).toMatch(/^<svg /);
    // The CSP forbids inline styles; presentation attributes are allowed.
    expect(svg).not.toMatch(/style=/);
  });

  it('refuses a wrong confirmation code with a field error and keeps the factor off', async () => {
    const admin = await passwordOnly(ADMIN.username, ADMIN.password);
    await admin.gql(BEGIN);
    const wrong = await admin.gql(CONFIRM, { input: { code: '000000' } });
    expect(wrong.errors?.[0]).toMatchObject({ extensions: { code: 'INVALID_MFA_CODE', path: ['input', 'code'] } });
    const malformed = await admin.gql(CONFIRM, { input: { code: 'abc' } });
    expect(malformed.errors?.[0]).toMatchObject({ extensions: { code: 'VALIDATION_FAILED', path: ['input', 'code'] } });
    expect(await db.prisma.userTotp.count({ where: { confirmedAt: { not: null } } })).toBe(0);
  });

  it('is let in once the first code is confirmed, gets ten recovery codes stored only as hashes, and the change is audited', async () => {
    const admin = await passwordOnly(ADMIN.username, ADMIN.password);
    const { recoveryCodes } = await enrolThroughApi(admin);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = await db.prisma.recoveryCode.findMany();
    expect(stored).toHaveLength(10);
    expect(stored.some((row) => recoveryCodes.some((code) => row.codeHash.includes(code.replace('-', ''))))).toBe(false);
    expect((await admin.gql<{ users: { totalCount: number } }>(`{ users { totalCount } }`)).data?.users.totalCount).toBeGreaterThan(0);
    const audit = await db.prisma.auditEvent.findFirst({ where: { action: 'mfa-enabled' } });
    expect(audit?.after).toEqual({ mfaEnabled: true, recoveryCodes: 10 });
  });

  it('is not held to TOTP when the setting makes it optional', async () => {
    await api.close();
    api = await startTestApi(db, { mfa: { admins: 'optional' } });
    const admin = api.anonymous();
    expect((await admin.gql(SIGN_IN, { input: ADMIN })).data?.signIn).toMatchObject({ mfaSetupRequired: false });
    expect((await admin.gql(`{ users { totalCount } }`)).errors).toBeUndefined();
  });
});

describe('signing in with a second factor', () => {
  let secret: string;
  let recoveryCodes: string[];
  beforeEach(async () => {
    db = await openTestDatabase('seeded');
    api = await startTestApi(db);
    ({ secret, recoveryCodes } = await enrolThroughApi(await passwordOnly(ADMIN.username, ADMIN.password)));
  });

  it('asks for the code after a right password, and sets no session until it is given', async () => {
    const client = api.anonymous();
    const asked = await client.gql(SIGN_IN, { input: ADMIN });
    expect(asked.errors?.[0]).toMatchObject({ message: 'Skriv inn koden fra autentiseringsappen.', extensions: { code: 'MFA_CODE_REQUIRED', path: ['input', 'code'] } });
    expect(client.cookie).toBeNull();
    const done = await client.gql(SIGN_IN, { input: { ...ADMIN, code: nextCode(secret) } });
    expect(done.data?.signIn).toMatchObject({ username: 'admin', mfaEnabled: true, mfaSetupRequired: false });
    expect(client.cookie).not.toBeNull();
  });

  it('refuses a wrong code, counts it as a failed sign-in and audits it', async () => {
    const client = api.anonymous();
    const wrong = await client.gql(SIGN_IN, { input: { ...ADMIN, code: '123456' === nextCode(secret) ? '654321' : '123456' } });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('INVALID_MFA_CODE');
    expect(client.cookie).toBeNull();
    const failed = await db.prisma.auditEvent.findFirst({ where: { action: 'sign-in-failed' }, orderBy: { id: 'desc' } });
    expect(failed?.after).toEqual({ username: 'admin', factor: 'totp' });
  });

  it('refuses the same code a second time (no replay)', async () => {
    const code = nextCode(secret);
    expect((await api.anonymous().gql(SIGN_IN, { input: { ...ADMIN, code } })).errors).toBeUndefined();
    expect((await api.anonymous().gql(SIGN_IN, { input: { ...ADMIN, code } })).errors?.[0]?.extensions?.code).toBe('INVALID_MFA_CODE');
  });

  it('takes a recovery code in place of the app, once', async () => {
    const code = recoveryCodes[3]!;
    expect((await api.anonymous().gql(SIGN_IN, { input: { ...ADMIN, code: code.toLowerCase() } })).errors).toBeUndefined();
    expect((await api.anonymous().gql(SIGN_IN, { input: { ...ADMIN, code } })).errors?.[0]?.extensions?.code).toBe('INVALID_MFA_CODE');
    expect(await db.prisma.recoveryCode.count({ where: { usedAt: { not: null } } })).toBe(1);
  });

  it('refuses to start a second setup while the factor is in force', async () => {
    const admin = await api.signIn('admin');
    expect((await admin.gql(BEGIN)).errors?.[0]?.extensions?.code).toBe('MFA_ALREADY_ENABLED');
  });
});

describe('TOTP for other roles and resets', () => {
  beforeEach(async () => {
    db = await openTestDatabase('seeded');
    api = await startTestApi(db);
  });

  it('is optional for a coordinator, who may still set it up and is then asked for it', async () => {
    const coordinator = api.anonymous();
    expect((await coordinator.gql(SIGN_IN, { input: { username: 'koordinator', password: 'Samarkiv-koordinator-2026' } })).data?.signIn).toMatchObject({ mfaSetupRequired: false });
    expect((await coordinator.gql(`{ riskAreas { name } }`)).errors).toBeUndefined();
    await enrolThroughApi(coordinator);
    const again = await api.anonymous().gql(SIGN_IN, { input: { username: 'koordinator', password: 'Samarkiv-koordinator-2026' } });
    expect(again.errors?.[0]?.extensions?.code).toBe('MFA_CODE_REQUIRED');
  });

  it('is reset by another ADMIN: the factor and codes are gone, their sessions end, and it is audited', async () => {
    const second = await db.prisma.user.create({
      data: { username: 'admin2', displayName: 'Andre admin', passwordHash: await hashPassword('Samarkiv-admin2-2026'), memberships: { create: [{ municipalityId: (await db.prisma.municipality.findFirstOrThrow()).id, role: 'ADMIN' }] } },
    });
    const secondClient = await api.signIn('admin2', 'Samarkiv-admin2-2026');
    await enrolThroughApi(await passwordOnly('koordinator', 'Samarkiv-koordinator-2026'));
    const coordinatorId = (await db.prisma.user.findUniqueOrThrow({ where: { username: 'koordinator' } })).id;
    const reset = await secondClient.gql(RESET, { id: String(coordinatorId) });
    expect(reset.data).toEqual({ resetUserMfa: { username: 'koordinator', mfaEnabled: false } });
    expect(await db.prisma.userTotp.count({ where: { userId: coordinatorId } })).toBe(0);
    expect(await db.prisma.recoveryCode.count({ where: { userId: coordinatorId } })).toBe(0);
    expect(await db.prisma.session.count({ where: { userId: coordinatorId } })).toBe(0);
    const audit = await db.prisma.auditEvent.findFirst({ where: { action: 'mfa-reset' } });
    expect(audit).toMatchObject({ actorId: second.id, entityId: String(coordinatorId), before: { mfaEnabled: true }, after: { mfaEnabled: false } });
    const signedIn = await api.anonymous().gql(SIGN_IN, { input: { username: 'koordinator', password: 'Samarkiv-koordinator-2026' } });
    expect(signedIn.errors).toBeUndefined();
  });

  it('shows in the user list who has a confirmed factor, and a reset clears it there', async () => {
    const admin = await api.signIn('admin');
    await enrolThroughApi(await passwordOnly('koordinator', 'Samarkiv-koordinator-2026'));
    // A setup begun but never confirmed is not a factor.
    await (await passwordOnly('arkivar', 'Samarkiv-arkivar-2026')).gql(BEGIN);
    const LIST = `{ users(first: 50) { edges { node { id username mfaEnabled } } } }`;
    type List = { users: { edges: { node: { id: string; username: string; mfaEnabled: boolean } }[] } };
    const enabledOf = async () => Object.fromEntries((await admin.gql<List>(LIST)).data!.users.edges.map(({ node }) => [node.username, node.mfaEnabled]));
    const before = await enabledOf();
    expect(before).toMatchObject({ admin: true, koordinator: true, arkivar: false });
    expect(Object.entries(before).filter(([, enabled]) => enabled).map(([username]) => username).sort()).toEqual(['admin', 'koordinator']);
    const coordinatorId = (await db.prisma.user.findUniqueOrThrow({ where: { username: 'koordinator' } })).id;
    expect((await admin.gql(RESET, { id: String(coordinatorId) })).errors).toBeUndefined();
    expect(await enabledOf()).toMatchObject({ admin: true, koordinator: false, arkivar: false });
  });

  it('refuses an ADMIN resetting their own factor', async () => {
    const admin = await api.signIn('admin');
    const adminId = (await db.prisma.user.findUniqueOrThrow({ where: { username: 'admin' } })).id;
    const refused = await admin.gql(RESET, { id: String(adminId) });
    expect(refused.errors?.[0]?.extensions?.code).toBe('MFA_SELF_RESET');
    expect(await db.prisma.userTotp.count({ where: { userId: adminId } })).toBe(1);
  });
});
