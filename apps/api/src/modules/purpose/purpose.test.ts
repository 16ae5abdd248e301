import { beforeEach, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/testApi.ts';
import { useTestApi } from '../../testing/useTestApi.ts';

// One database copy for the file: each test makes its own purposes (ordinals 100 and up).
const t = useTestApi({ per: 'file' });
let admin: TestClient;
beforeEach(async () => {
  admin = await t.api.signIn('admin');
});

const FIELDS = `id ordinal title description version`;
const LIST = `query Purposes { purposes { ${FIELDS} } }`;
const CREATE = `mutation CreatePurpose($input: PurposeInput!) { createPurpose(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation UpdatePurpose($id: ID!, $input: UpdatePurposeInput!) { updatePurpose(id: $id, input: $input) { ${FIELDS} } }`;
const DELETE = `mutation DeletePurpose($id: ID!) { deletePurpose(id: $id) { id } }`;
const RESTORE = `mutation RestorePurpose($id: ID!) { restorePurpose(id: $id) { id version } }`;
type Out = { id: string; ordinal: number; title: string; description: string | null; version: number };

async function create(ordinal: number, title = `Formål ${ordinal}`): Promise<Out> {
  const result = await admin.gql<{ createPurpose: Out }>(CREATE, { input: { ordinal, title } });
  expect(result.errors).toBeUndefined();
  return result.data!.createPurpose;
}

describe('purposes', () => {
  it('lists the seven purposes of the agreement by their number', async () => {
    const viewer = await t.api.signIn('leser');
    const { data } = await viewer.gql<{ purposes: Out[] }>(LIST);
    expect(data!.purposes.slice(0, 7).map((p) => p.ordinal)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('creates a purpose with an audit row, in its place in the list', async () => {
    await create(102, 'Etter');
    const created = await create(101, 'Før');
    expect(created).toMatchObject({ ordinal: 101, title: 'Før', description: null, version: 1 });
    expect(await t.db.prisma.auditEvent.count({ where: { entityType: 'Purpose', entityId: created.id, action: 'create' } })).toBe(1);
    const ordinals = (await admin.gql<{ purposes: Out[] }>(LIST)).data!.purposes.map((p) => p.ordinal);
    expect(ordinals.indexOf(101)).toBe(ordinals.indexOf(102) - 1);
  });

  it('rejects an ordinal below 1 and an empty title with field errors', async () => {
    const result = await admin.gql(CREATE, { input: { ordinal: 0, title: ' ' } });
    const issues = result.errors![0]!.extensions!.issues as { path: string[]; message: string }[];
    expect(issues).toEqual([
      { path: ['input', 'ordinal'], message: 'Nummeret må være minst 1.' },
      { path: ['input', 'title'], message: 'Fyll inn tittelen.' },
    ]);
  });

  it('refuses an ordinal in use with ALREADY_EXISTS, also when its holder is deleted', async () => {
    expect((await admin.gql(CREATE, { input: { ordinal: 1, title: 'Kopi' } })).errors?.[0]).toMatchObject({ extensions: { code: 'ALREADY_EXISTS', path: ['input', 'ordinal'], deleted: false } });
    const gone = await create(110);
    await admin.gql(DELETE, { id: gone.id });
    expect((await admin.gql(CREATE, { input: { ordinal: 110, title: 'Igjen' } })).errors?.[0]).toMatchObject({ extensions: { code: 'ALREADY_EXISTS', deleted: true } });
  });

  it('updates on its version and refuses a stale one with the current values', async () => {
    const created = await create(120);
    const updated = await admin.gql<{ updatePurpose: Out }>(UPDATE, { id: created.id, input: { ordinal: 121, title: 'Ny tittel', description: 'Mer', version: 1 } });
    expect(updated.data!.updatePurpose).toMatchObject({ ordinal: 121, title: 'Ny tittel', description: 'Mer', version: 2 });
    const stale = await admin.gql(UPDATE, { id: created.id, input: { ordinal: 121, title: 'X', version: 1 } });
    expect(stale.errors?.[0]).toMatchObject({ extensions: { code: 'VERSION_CONFLICT', current: { title: 'Ny tittel', version: 2 } } });
    const taken = await admin.gql(UPDATE, { id: created.id, input: { ordinal: 2, title: 'X', version: 2 } });
    expect(taken.errors?.[0]).toMatchObject({ extensions: { code: 'ALREADY_EXISTS', path: ['input', 'ordinal'] } });
  });

  it('soft-deletes a purpose out of the list and lets ADMIN restore it', async () => {
    const created = await create(130);
    await admin.gql(DELETE, { id: created.id });
    expect((await admin.gql<{ purposes: Out[] }>(LIST)).data!.purposes.map((p) => p.id)).not.toContain(created.id);
    expect((await admin.gql(RESTORE, { id: created.id })).data).toEqual({ restorePurpose: { id: created.id, version: 3 } });
    expect((await admin.gql(RESTORE, { id: created.id })).errors?.[0]?.extensions?.code).toBe('NOT_DELETED');
    expect((await admin.gql(DELETE, { id: '999999' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('leaves purpose changes to ADMIN', async () => {
    const coordinator = await t.api.signIn('koordinator');
    expect((await coordinator.gql(CREATE, { input: { ordinal: 140, title: 'X' } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('reads the list in one statement whatever its length', async () => {
    const count = async () => {
      let n = 0;
      const stop = t.db.onQuery(() => n++);
      const result = await admin.gql<{ purposes: Out[] }>(LIST);
      stop();
      return { rows: result.data!.purposes.length, statements: n };
    };
    const before = await count();
    for (let i = 0; i < 20; i++) await t.db.prisma.purpose.create({ data: { ordinal: 200 + i, title: `Q${i}` } });
    const after = await count();
    expect(after.rows).toBe(before.rows + 20);
    expect(after.statements).toBe(before.statements);
  });
});
