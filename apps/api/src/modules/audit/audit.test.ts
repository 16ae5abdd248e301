import { beforeEach, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/testApi.ts';
import { useTestApi } from '../../testing/useTestApi.ts';
import { blankOldClientAddresses } from './audit.service.ts';

const t = useTestApi({ per: 'test' });
let admin: TestClient;
beforeEach(async () => {
  admin = await t.api.signIn('admin');
});

type Page = { auditEvents: { edges: { cursor: string; node: { id: string; action: string; entityType: string; entityId: string | null; actor: { username: string } | null; clientAddress: string | null; before: unknown; after: unknown } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
const LOG = `query AuditLog($first: Int, $after: String, $filter: AuditEventFilter) { auditEvents(first: $first, after: $after, filter: $filter) { edges { cursor node { id action entityType entityId actor { username } clientAddress before after requestId occurredAt } } pageInfo { hasNextPage endCursor } } }`;

describe('the audit trail', () => {
  it('writes the audit row in the same transaction as the change: when the audit row fails, the change is undone', async () => {
    const users = await t.db.prisma.user.count();
    // Make the database refuse this one audit row, as a full disk or a bug might.
    const sql = await t.db.session();
    await sql.exec(`
      CREATE FUNCTION refuse_user_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.entity_type = 'User' AND NEW.action = 'create' THEN RAISE EXCEPTION 'audit store unavailable'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER refuse_user_audit BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION refuse_user_audit();
    `);
    await sql.release();
    const result = await admin.gql(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, { input: { username: 'ny.bruker', displayName: 'Ny', password: 'Et-langt-passord-1', memberships: [] } });
    expect(result.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(result.errors?.[0]?.message).not.toMatch(/audit store unavailable/);
    expect(await t.db.prisma.user.count()).toBe(users);
    expect(await t.db.prisma.user.findUnique({ where: { username: 'ny.bruker' } })).toBeNull();
  });

  it('cannot be changed or deleted through the application\'s database client', async () => {
    const row = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'sign-in' } });
    await expect(t.db.prisma.auditEvent.update({ where: { id: row.id }, data: { action: 'forged' } })).rejects.toThrow(/audit events cannot be changed/);
    await expect(t.db.prisma.auditEvent.deleteMany({})).rejects.toThrow(/audit events cannot be deleted/);
    expect((await t.db.prisma.auditEvent.findUniqueOrThrow({ where: { id: row.id } })).action).toBe('sign-in');
  });

  it('blanks client addresses after the retention period and keeps the rest of the row', async () => {
    const row = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'sign-in' } });
    expect(row.clientAddress).toBeTruthy();
    expect(await blankOldClientAddresses(t.db.prisma, 90)).toBe(0);
    // Pretend the row is 91 days old by asking for a retention shorter than its age.
    expect(await blankOldClientAddresses(t.db.prisma, -1)).toBeGreaterThan(0);
    const after = await t.db.prisma.auditEvent.findUniqueOrThrow({ where: { id: row.id } });
    expect(after).toMatchObject({ clientAddress: null, action: 'sign-in', actorId: row.actorId, requestId: row.requestId });
  });

  it('records an authorization denial', async () => {
    const viewer = await t.api.signIn('leser');
    const result = await viewer.gql(`{ users { totalCount } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const denial = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'access-denied' }, include: { actor: true } });
    expect(denial).toMatchObject({ entityType: 'Operation', entityId: 'users', actor: { username: 'leser' } });
  });

  it('pages the full log newest first for an administrator, with filters', async () => {
    for (const name of ['leser', 'arkivar', 'koordinator']) await t.api.signIn(name);
    const first = await admin.gql<Page>(LOG, { first: 2, filter: { action: 'sign-in' } });
    expect(first.errors).toBeUndefined();
    const firstPage = first.data!.auditEvents;
    expect(firstPage.edges.map((e) => e.node.actor?.username)).toEqual(['koordinator', 'arkivar']);
    expect(firstPage.edges[0]!.node.clientAddress).toBeTruthy();
    const second = await admin.gql<Page>(LOG, { first: 2, after: firstPage.pageInfo.endCursor, filter: { action: 'sign-in' } });
    expect(second.data!.auditEvents.edges.map((e) => e.node.actor?.username)).toEqual(['leser', 'admin']);
    expect(second.data!.auditEvents.pageInfo.hasNextPage).toBe(false);
    const leserId = String((await t.db.prisma.user.findUniqueOrThrow({ where: { username: 'leser' } })).id);
    const byActor = await admin.gql<Page>(LOG, { filter: { actorId: leserId } });
    expect(byActor.data!.auditEvents.edges.every((e) => e.node.actor?.username === 'leser')).toBe(true);
    const future = await admin.gql<Page>(LOG, { filter: { from: '2999-01-01T00:00:00Z' } });
    expect(future.data!.auditEvents.edges).toEqual([]);
    expect((await admin.gql(LOG, { filter: { from: 'i går' } })).errors?.[0]).toMatchObject({ extensions: { code: 'VALIDATION_FAILED', path: ['filter', 'from'] } });
  });

  it('shows the history of one entity to those who may read it, without client addresses for non-admins', async () => {
    const leserId = String((await t.db.prisma.user.findUniqueOrThrow({ where: { username: 'leser' } })).id);
    await admin.gql(`mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id } }`, { id: leserId, input: { displayName: 'Lise Leser', version: 1 } });
    const HISTORY = `query($type: String!, $id: ID!) { entityHistory(entityType: $type, entityId: $id) { edges { node { action before after clientAddress } } } }`;
    const asAdmin = await admin.gql<{ entityHistory: { edges: { node: { action: string; before: { displayName: string }; after: { displayName: string } } }[] } }>(HISTORY, { type: 'User', id: leserId });
    expect(asAdmin.data!.entityHistory.edges[0]!.node).toMatchObject({ action: 'update', after: expect.objectContaining({ displayName: 'Lise Leser' }) });
    // User histories reveal who may do what: administrators only.
    const viewer = await t.api.signIn('leser');
    expect((await viewer.gql(HISTORY, { type: 'User', id: leserId })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const riskHistory = await viewer.gql<{ entityHistory: { edges: unknown[] } }>(HISTORY, { type: 'Risk', id: '1' });
    expect(riskHistory.errors).toBeUndefined();
  });

  it('is closed to everyone but administrators', async () => {
    for (const name of ['koordinator', 'arkivar', 'leser']) {
      const client = await t.api.signIn(name);
      expect((await client.gql(LOG)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});
