import { beforeEach, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/testApi.ts';
import { useTestApi } from '../../testing/useTestApi.ts';

// One database copy for the file: each test makes its own target series (codes unique to it).
const t = useTestApi({ per: 'file' });
let admin: TestClient;
beforeEach(async () => {
  admin = await t.api.signIn('admin');
});

const FIELDS = `id code title description sortOrder mappedSeriesCount version`;
const LIST = `query TargetSeriesList { targetSeries { ${FIELDS} } }`;
const CREATE = `mutation CreateTargetSeries($input: TargetSeriesInput!) { createTargetSeries(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation UpdateTargetSeries($id: ID!, $input: UpdateTargetSeriesInput!) { updateTargetSeries(id: $id, input: $input) { ${FIELDS} } }`;
const DELETE = `mutation DeleteTargetSeries($id: ID!) { deleteTargetSeries(id: $id) { id } }`;
const RESTORE = `mutation RestoreTargetSeries($id: ID!) { restoreTargetSeries(id: $id) { id version } }`;
type Out = { id: string; code: string; title: string; sortOrder: number; mappedSeriesCount: number; version: number };

async function create(input: Record<string, unknown>): Promise<Out> {
  const result = await admin.gql<{ createTargetSeries: Out }>(CREATE, { input: { title: 'Mål', ...input } });
  expect(result.errors).toBeUndefined();
  return result.data!.createTargetSeries;
}

describe('target series', () => {
  it('counts the live series mapped to each target series', async () => {
    const viewer = await t.api.signIn('leser');
    const { data } = await viewer.gql<{ targetSeries: Out[] }>(LIST);
    const sak = data!.targetSeries.find((s) => s.code === 'SAK-FOR-2026')!;
    const expected = await t.db.prisma.archiveSeries.count({ where: { targetSeriesId: Number(sak.id), deletedAt: null } });
    expect(expected).toBeGreaterThan(0);
    expect(sak.mappedSeriesCount).toBe(expected);
  });

  it('creates one with an audit row and its Norwegian sort key, and finds it by id', async () => {
    const created = await create({ code: 'T-NEW', title: 'Ærlige saker', description: 'Ny', sortOrder: 7 });
    expect(created).toMatchObject({ code: 'T-NEW', title: 'Ærlige saker', sortOrder: 7, mappedSeriesCount: 0, version: 1 });
    const row = await t.db.prisma.targetSeries.findUniqueOrThrow({ where: { id: Number(created.id) } });
    expect(row.titleSortKey).not.toBe('');
    expect(await t.db.prisma.auditEvent.count({ where: { entityType: 'TargetSeries', entityId: created.id, action: 'create' } })).toBe(1);
    const byId = await admin.gql<{ targetSeriesById: { code: string } }>(`query($id: ID!) { targetSeriesById(id: $id) { code } }`, { id: created.id });
    expect(byId.data!.targetSeriesById).toEqual({ code: 'T-NEW' });
  });

  it('orders by sort order, then Norwegian title order', async () => {
    for (const title of ['Å-serie', 'Ø-serie', 'Æ-serie', 'Z-serie']) await create({ code: `T-ORD-${title[0]}`, title, sortOrder: 900 });
    await create({ code: 'T-ORD-FIRST', title: 'Å først', sortOrder: 899 });
    const { data } = await admin.gql<{ targetSeries: Out[] }>(LIST);
    expect(data!.targetSeries.filter((s) => s.code.startsWith('T-ORD')).map((s) => s.title)).toEqual(['Å først', 'Z-serie', 'Æ-serie', 'Ø-serie', 'Å-serie']);
  });

  it('rejects a code with spaces and an empty title with field errors', async () => {
    const result = await admin.gql(CREATE, { input: { code: 'har mellomrom', title: '' } });
    const issues = result.errors![0]!.extensions!.issues as { path: string[]; message: string }[];
    expect(issues.map((i) => i.path.join('.'))).toEqual(['input.code', 'input.title']);
    expect(issues[0]!.message).toBe('Koden kan bare ha bokstaver, tall, punktum, bindestrek og understrek.');
  });

  it('refuses a code in use with ALREADY_EXISTS', async () => {
    const result = await admin.gql(CREATE, { input: { code: 'MOTEBOK', title: 'Kopi' } });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'ALREADY_EXISTS', path: ['input', 'code'] } });
  });

  it('updates on its version, recomputes the sort key, and refuses a stale version with the current values', async () => {
    const created = await create({ code: 'T-UPD', title: 'Før' });
    const updated = await admin.gql<{ updateTargetSeries: Out }>(UPDATE, { id: created.id, input: { code: 'T-UPD2', title: 'Øvrige', version: 1 } });
    expect(updated.data!.updateTargetSeries).toMatchObject({ code: 'T-UPD2', title: 'Øvrige', version: 2 });
    const row = await t.db.prisma.targetSeries.findUniqueOrThrow({ where: { id: Number(created.id) } });
    const before = await t.db.prisma.targetSeries.findFirstOrThrow({ where: { code: 'MOTEBOK' } });
    expect(row.titleSortKey > before.titleSortKey).toBe(true);
    const stale = await admin.gql(UPDATE, { id: created.id, input: { code: 'T-UPD3', title: 'X', version: 1 } });
    expect(stale.errors?.[0]).toMatchObject({ extensions: { code: 'VERSION_CONFLICT', current: { code: 'T-UPD2', version: 2 } } });
  });

  it('refuses to delete a target series that live series map to with IN_USE', async () => {
    const used = await t.db.prisma.targetSeries.findFirstOrThrow({ where: { code: 'SAK-FOR-2026' } });
    const result = await admin.gql(DELETE, { id: String(used.id) });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'IN_USE', dependents: { series: expect.any(Number) } } });
  });

  it('soft-deletes one out of the list and lookup, and restores it', async () => {
    const created = await create({ code: 'T-DEL' });
    expect((await admin.gql(DELETE, { id: created.id })).errors).toBeUndefined();
    expect((await admin.gql<{ targetSeries: Out[] }>(LIST)).data!.targetSeries.map((s) => s.code)).not.toContain('T-DEL');
    expect((await admin.gql(`query($id: ID!) { targetSeriesById(id: $id) { id } }`, { id: created.id })).data).toEqual({ targetSeriesById: null });
    expect((await admin.gql(RESTORE, { id: created.id })).data).toEqual({ restoreTargetSeries: { id: created.id, version: 3 } });
    expect((await admin.gql(RESTORE, { id: created.id })).errors?.[0]?.extensions?.code).toBe('NOT_DELETED');
  });

  it('leaves target series changes to ADMIN', async () => {
    for (const username of ['koordinator', 'arkivar', 'leser']) {
      const client = await t.api.signIn(username);
      expect((await client.gql(CREATE, { input: { code: `T-${username}`, title: 'X' } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('reads the list with its counts in a constant number of statements', async () => {
    const count = async () => {
      let n = 0;
      const stop = t.db.onQuery(() => n++);
      const result = await admin.gql<{ targetSeries: Out[] }>(LIST);
      stop();
      return { rows: result.data!.targetSeries.length, statements: n };
    };
    const before = await count();
    for (let i = 0; i < 20; i++) await t.db.prisma.targetSeries.create({ data: { code: `T-Q${i}`, title: `Q${i}`, titleSortKey: `q${i}` } });
    const after = await count();
    expect(after.rows).toBe(before.rows + 20);
    expect(after.statements).toBe(before.statements);
  });
});
