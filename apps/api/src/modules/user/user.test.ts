import { beforeEach, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/testApi.ts';
import { useTestApi } from '../../testing/useTestApi.ts';

const t = useTestApi({ per: 'test' });
let admin: TestClient;
beforeEach(async () => {
  admin = await t.api.signIn('admin');
});

const USER = `id username displayName email isActive mustChangePassword version memberships { role municipality { number } }`;
const CREATE = `mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { ${USER} } }`;
const SET = `mutation SetMemberships($userId: ID!, $memberships: [MembershipInput!]!) { setMemberships(userId: $userId, memberships: $memberships) { ${USER} } }`;

async function municipalityId(number: string): Promise<string> {
  return String((await t.db.prisma.municipality.findUniqueOrThrow({ where: { number } })).id);
}
async function userId(username: string): Promise<string> {
  return String((await t.db.prisma.user.findUniqueOrThrow({ where: { username } })).id);
}

describe('administering users', () => {
  it('creates a user who must change the password at first sign-in, with an audit row in the same change', async () => {
    const tinn = await municipalityId('4026');
    const result = await admin.gql<{ createUser: { id: string; username: string; mustChangePassword: boolean; memberships: { role: string; municipality: { number: string } }[] } }>(CREATE, {
      input: { username: 'Kari.Arkiv', displayName: 'Kari Arkiv', email: 'kari@example.org', password: 'Forste-passord-2026', memberships: [{ municipalityId: tinn, role: 'ARCHIVIST' }] },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.createUser).toMatchObject({ username: 'kari.arkiv', mustChangePassword: true, memberships: [{ role: 'ARCHIVIST', municipality: { number: '4026' } }] });
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { entityType: 'User', entityId: result.data!.createUser.id, action: 'create' } });
    expect(JSON.stringify(audit.after)).not.toMatch(/Forste-passord|argon2/);
    const kari = await t.api.signIn('kari.arkiv', 'Forste-passord-2026');
    expect((await kari.gql(`{ municipalities { name } }`)).errors?.[0]?.extensions?.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await kari.gql(`{ me { mustChangePassword } }`)).data).toEqual({ me: { mustChangePassword: true } });
  });

  it('refuses a username that exists with USERNAME_TAKEN at the field', async () => {
    const result = await admin.gql(CREATE, { input: { username: 'arkivar', displayName: 'X', password: 'Forste-passord-2026', memberships: [] } });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'USERNAME_TAKEN', path: ['input', 'username'] } });
  });

  it('rejects bad input with Norwegian field errors and writes nothing', async () => {
    const before = await t.db.prisma.user.count();
    const result = await admin.gql(CREATE, { input: { username: 'Ø', displayName: '', password: 'kort', memberships: [] } });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'VALIDATION_FAILED' } });
    const issues = result.errors![0]!.extensions!.issues as { path: string[]; message: string }[];
    expect(issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['input.username', 'input.displayName', 'input.password']));
    expect(issues.find((i) => i.path.join('.') === 'input.password')?.message).toBe('Passordet må ha minst 12 tegn.');
    expect(await t.db.prisma.user.count()).toBe(before);
  });

  it('replaces memberships and records before and after', async () => {
    const id = await userId('leser');
    const [rollag, tinn] = [await municipalityId('3336'), await municipalityId('4026')];
    const result = await admin.gql<{ setMemberships: { memberships: { role: string; municipality: { number: string } }[] } }>(SET, { userId: id, memberships: [{ municipalityId: rollag, role: 'VIEWER' }, { municipalityId: tinn, role: 'ARCHIVIST' }] });
    expect(result.data!.setMemberships.memberships.map((m) => `${m.municipality.number}:${m.role}`).sort()).toEqual(['3336:VIEWER', '4026:ARCHIVIST']);
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'set-memberships', entityId: id } });
    expect(audit.before).toEqual({ memberships: [{ municipalityId: Number(await municipalityId('3303')), role: 'VIEWER' }] });
  });

  it('refuses two roles in one municipality', async () => {
    const kongsberg = await municipalityId('3303');
    const result = await admin.gql(SET, { userId: await userId('leser'), memberships: [{ municipalityId: kongsberg, role: 'VIEWER' }, { municipalityId: kongsberg, role: 'ARCHIVIST' }] });
    expect(result.errors?.[0]).toMatchObject({ message: 'En bruker kan ha bare én rolle per kommune.', extensions: { code: 'VALIDATION_FAILED', path: ['memberships'] } });
  });

  it('never removes or demotes the last active administrator', async () => {
    const adminId = await userId('admin');
    const demote = await admin.gql(SET, { userId: adminId, memberships: [{ municipalityId: await municipalityId('3303'), role: 'VIEWER' }] });
    expect(demote.errors?.[0]?.extensions?.code).toBe('LAST_ADMIN');
    const deactivate = await admin.gql(`mutation($id: ID!) { deactivateUser(id: $id) { id } }`, { id: adminId });
    expect(deactivate.errors?.[0]?.extensions?.code).toBe('LAST_ADMIN');
    expect((await t.db.prisma.membership.findMany({ where: { userId: Number(adminId) } })).map((m) => m.role)).toEqual(['ADMIN']);
  });

  it('deactivates a user, who loses every session and cannot sign in', async () => {
    const leser = await t.api.signIn('leser');
    const result = await admin.gql<{ deactivateUser: { isActive: boolean } }>(`mutation($id: ID!) { deactivateUser(id: $id) { isActive } }`, { id: await userId('leser') });
    expect(result.data?.deactivateUser.isActive).toBe(false);
    expect((await leser.gql(`{ me { username } }`)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await expect(t.api.signIn('leser')).rejects.toThrow(/INVALID_CREDENTIALS/);
    await admin.gql(`mutation($id: ID!) { reactivateUser(id: $id) { isActive } }`, { id: await userId('leser') });
    await expect(t.api.signIn('leser')).resolves.toBeTruthy();
  });

  it('resets a password: the temporary one works once, and must be changed', async () => {
    const leser = await t.api.signIn('leser');
    const result = await admin.gql<{ resetPassword: { temporaryPassword: string; user: { mustChangePassword: boolean } } }>(`mutation($id: ID!) { resetPassword(id: $id) { temporaryPassword user { mustChangePassword } } }`, { id: await userId('leser') });
    const temporary = result.data!.resetPassword.temporaryPassword;
    expect(temporary.length).toBeGreaterThanOrEqual(16);
    expect((await leser.gql(`{ me { username } }`)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const fresh = await t.api.signIn('leser', temporary);
    expect((await fresh.gql(`{ phases { name } }`)).errors?.[0]?.extensions?.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await fresh.gql(`mutation($input: ChangePasswordInput!) { changePassword(input: $input) { mustChangePassword } }`, { input: { currentPassword: temporary, newPassword: 'Mitt-eget-passord-2026' } });
    expect(changed.data).toEqual({ changePassword: { mustChangePassword: false } });
    expect((await fresh.gql(`{ phases { name } }`)).errors).toBeUndefined();
  });

  it('refuses an update based on a stale version and returns the current values', async () => {
    const id = await userId('leser');
    const update = `mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { displayName version } }`;
    expect((await admin.gql(update, { id, input: { displayName: 'Første', version: 1 } })).data).toEqual({ updateUser: { displayName: 'Første', version: 2 } });
    const stale = await admin.gql(update, { id, input: { displayName: 'Andre', version: 1 } });
    expect(stale.errors?.[0]).toMatchObject({ extensions: { code: 'VERSION_CONFLICT', current: expect.objectContaining({ displayName: 'Første', version: 2 }) } });
  });

  it('lists users by username with keyset pages, a filter and a total', async () => {
    const first = await admin.gql<{ users: { edges: { node: { username: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string }; totalCount: number } }>(`{ users(first: 2) { edges { node { username } } pageInfo { hasNextPage endCursor } totalCount } }`);
    expect(first.data!.users.edges.map((e) => e.node.username)).toEqual(['admin', 'arkivar']);
    expect(first.data!.users.totalCount).toBe(4);
    const second = await admin.gql<{ users: { edges: { node: { username: string } }[]; pageInfo: { hasNextPage: boolean } } }>(`query($after: String) { users(first: 2, after: $after) { edges { node { username } } pageInfo { hasNextPage } } }`, { after: first.data!.users.pageInfo.endCursor });
    expect(second.data!.users.edges.map((e) => e.node.username)).toEqual(['koordinator', 'leser']);
    expect(second.data!.users.pageInfo.hasNextPage).toBe(false);
    const filtered = await admin.gql<{ users: { edges: { node: { username: string } }[] } }>(`{ users(filter: { role: ARCHIVIST }) { edges { node { username } } } }`);
    expect(filtered.data!.users.edges.map((e) => e.node.username)).toEqual(['arkivar']);
    expect((await admin.gql(`{ users(first: 101) { totalCount } }`)).errors?.[0]?.extensions?.code).toBe('BAD_PAGE_SIZE');
  });
});
