import { beforeEach, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/testApi.ts';
import { useTestApi } from '../../testing/useTestApi.ts';
import { areaId, expectCode, makeManyRisks, makeRisk, municipalityId, osloDay, userId } from './risk.fixtures.ts';

const t = useTestApi({ per: 'test' });
let admin: TestClient;
let coordinator: TestClient;
let kongsberg: number;
let flesberg: number;
let area: number;
beforeEach(async () => {
  admin = await t.api.signIn('admin');
  coordinator = await t.api.signIn('koordinator');
  kongsberg = await municipalityId(t.db, '3303');
  flesberg = await municipalityId(t.db, '3334');
  area = await areaId(t.db);
});

const LIST = /* GraphQL */ `
  query MeasuresPage($first: Int, $after: String, $filter: MeasureFilter) {
    measures(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id title deadline status isOverdue completedAt risk { reference } } }
    }
  }
`;
type Node = { id: string; title: string; deadline: string | null; status: string; isOverdue: boolean; completedAt: string | null; risk: { reference: string } };
type Page = { measures: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: Node }[] } };

async function titles(client: TestClient, filter: Record<string, unknown>): Promise<string[]> {
  const { data, errors } = await client.gql<Page>(LIST, { first: 100, filter });
  expect(errors).toBeUndefined();
  return data!.measures.edges.map((e) => e.node.title);
}

const measure = (riskId: number, title: string, extra: { deadline?: string | null; status?: 'PLANNED' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED'; ownerId?: number; deletedAt?: Date } = {}) =>
  t.db.prisma.measure.create({
    data: { riskId, title, deadline: extra.deadline ? new Date(`${extra.deadline}T00:00:00Z`) : null, status: extra.status ?? 'PLANNED', completedAt: extra.status === 'DONE' ? new Date() : null, ownerId: extra.ownerId ?? null, deletedAt: extra.deletedAt ?? null },
  });

describe('measures', () => {
  it('lists live measures of live risks by deadline (none last), then id, and filters them', async () => {
    const a = await makeRisk(t.db, { reference: 'TM-01', areaId: area, municipalityIds: [kongsberg] });
    const b = await makeRisk(t.db, { reference: 'TM-02', areaId: area, municipalityIds: [flesberg] });
    const all = await makeRisk(t.db, { reference: 'TM-03', areaId: area, appliesToAll: true });
    const gone = await makeRisk(t.db, { reference: 'TM-04', areaId: area, municipalityIds: [kongsberg], deletedAt: new Date() });
    const owner = await userId(t.db, 'koordinator');
    await measure(a.id, 'a-uten-frist');
    await measure(a.id, 'a-2030', { deadline: '2030-01-01', ownerId: owner });
    await measure(b.id, 'b-2029', { deadline: '2029-01-01', status: 'IN_PROGRESS' });
    await measure(all.id, 'alle-2030', { deadline: '2030-01-01' });
    await measure(a.id, 'slettet', { deadline: '2029-01-01', deletedAt: new Date() });
    await measure(gone.id, 'risiko-slettet', { deadline: '2029-01-01' });
    const riskIds = [a, b, all, gone].map((r) => String(r.id));
    expect(await titles(admin, { riskIds })).toEqual(['b-2029', 'a-2030', 'alle-2030', 'a-uten-frist']);
    expect(await titles(admin, { riskIds, statuses: ['IN_PROGRESS'] })).toEqual(['b-2029']);
    expect(await titles(admin, { riskIds, ownerIds: [String(owner)] })).toEqual(['a-2030']);
    expect(await titles(admin, { riskIds, municipalityIds: [String(kongsberg)] })).toEqual(['a-2030', 'alle-2030', 'a-uten-frist']);
    // Page by page gives the same order.
    const walked: string[] = [];
    let after: string | null = null;
    do {
      const result: { data?: Page | null } = await admin.gql<Page>(LIST, { first: 1, after, filter: { riskIds } });
      walked.push(...result.data!.measures.edges.map((e) => e.node.title));
      after = result.data!.measures.pageInfo.hasNextPage ? result.data!.measures.pageInfo.endCursor : null;
    } while (after);
    expect(walked).toEqual(['b-2029', 'a-2030', 'alle-2030', 'a-uten-frist']);
  });

  it('counts a measure overdue from the day after its deadline in Oslo, unless done or cancelled', async () => {
    const risk = await makeRisk(t.db, { reference: 'TM-01', areaId: area, municipalityIds: [kongsberg] });
    await measure(risk.id, 'i-går', { deadline: osloDay(-1) });
    await measure(risk.id, 'i-dag', { deadline: osloDay(0) });
    await measure(risk.id, 'ferdig-i-går', { deadline: osloDay(-1), status: 'DONE' });
    await measure(risk.id, 'avlyst-i-går', { deadline: osloDay(-1), status: 'CANCELLED' });
    await measure(risk.id, 'uten-frist');
    const { data } = await admin.gql<Page>(LIST, { filter: { riskIds: [String(risk.id)] } });
    const overdue = Object.fromEntries(data!.measures.edges.map((e) => [e.node.title, e.node.isOverdue]));
    expect(overdue).toEqual({ 'i-går': true, 'i-dag': false, 'ferdig-i-går': false, 'avlyst-i-går': false, 'uten-frist': false });
    expect(await titles(admin, { riskIds: [String(risk.id)], overdue: true })).toEqual(['i-går']);
    expect((await titles(admin, { riskIds: [String(risk.id)], overdue: false })).sort()).toEqual(['avlyst-i-går', 'ferdig-i-går', 'i-dag', 'uten-frist']);
  });

  it('runs as many statements for a page of 2 as for a page of 20, with risk, area and owner nested', async () => {
    const own = await t.db.prisma.riskArea.create({ data: { code: 'TILTAK', name: 'Tiltak' } });
    await makeManyRisks(t.db, 'MM-', 30, own.id, kongsberg);
    const QUERY = /* GraphQL */ `query MeasuresNested($first: Int, $filter: MeasureFilter) { measures(first: $first, filter: $filter) { totalCount edges { node { title isOverdue owner { displayName } risk { reference area { name } municipalities { name } canEdit } } } } }`;
    const riskIds = (await t.db.prisma.risk.findMany({ where: { areaId: own.id }, select: { id: true } })).map((r) => String(r.id));
    const count = async (first: number) => {
      let n = 0;
      const stop = t.db.onQuery(() => n++);
      try {
        const { data, errors } = await coordinator.gql<{ measures: { edges: unknown[] } }>(QUERY, { first, filter: { riskIds } });
        expect(errors).toBeUndefined();
        expect(data!.measures.edges).toHaveLength(first);
      } finally {
        stop();
      }
      return n;
    };
    expect(await count(20)).toBe(await count(2));
  });
});

const CREATE = /* GraphQL */ `mutation CreateMeasure($input: CreateMeasureInput!) { createMeasure(input: $input) { id title status deadline completedAt version } }`;
const UPDATE = /* GraphQL */ `mutation UpdateMeasure($id: ID!, $input: UpdateMeasureInput!) { updateMeasure(id: $id, input: $input) { id title status completedAt version } }`;
const COMPLETE = /* GraphQL */ `mutation CompleteMeasure($id: ID!, $version: Int!) { completeMeasure(id: $id, version: $version) { id status completedAt version } }`;
const DELETE = /* GraphQL */ `mutation DeleteMeasure($id: ID!) { deleteMeasure(id: $id) { id } }`;
const RESTORE = /* GraphQL */ `mutation RestoreMeasure($id: ID!) { restoreMeasure(id: $id) { id } }`;

describe('measure writes', () => {
  it('creates, completes and reopens a measure, keeping DONE and the completion time together, with audit rows', async () => {
    const risk = await makeRisk(t.db, { reference: 'TM-01', areaId: area, municipalityIds: [kongsberg] });
    const created = await coordinator.gql<{ createMeasure: { id: string; status: string; deadline: string; version: number } }>(CREATE, { input: { riskId: String(risk.id), title: 'Rutine', deadline: '2027-01-31' } });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createMeasure).toMatchObject({ status: 'PLANNED', deadline: '2027-01-31', version: 1 });
    const id = created.data!.createMeasure.id;
    const done = await coordinator.gql<{ completeMeasure: { status: string; completedAt: string | null; version: number } }>(COMPLETE, { id, version: 1 });
    expect(done.data!.completeMeasure).toMatchObject({ status: 'DONE', version: 2 });
    expect(done.data!.completeMeasure.completedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const reopened = await coordinator.gql<{ updateMeasure: { status: string; completedAt: string | null } }>(UPDATE, { id, input: { status: 'IN_PROGRESS', version: 2 } });
    expect(reopened.data!.updateMeasure).toMatchObject({ status: 'IN_PROGRESS', completedAt: null });
    const actions = (await t.db.prisma.auditEvent.findMany({ where: { entityType: 'Measure', entityId: id }, orderBy: { id: 'asc' } })).map((a) => a.action);
    expect(actions).toEqual(['create', 'complete', 'update']);
  });

  it('rejects bad input with field errors and an unknown risk with NOT_FOUND', async () => {
    const risk = await makeRisk(t.db, { reference: 'TM-01', areaId: area, municipalityIds: [kongsberg] });
    expectCode(await admin.gql(CREATE, { input: { riskId: String(risk.id), title: '' } }), 'VALIDATION_FAILED', ['input', 'title']);
    expectCode(await admin.gql(CREATE, { input: { riskId: String(risk.id), title: 'X', deadline: '31.01.2027' } }), 'VALIDATION_FAILED', ['input', 'deadline']);
    expectCode(await admin.gql(CREATE, { input: { riskId: String(risk.id), title: 'X', ownerId: '99999' } }), 'VALIDATION_FAILED', ['input', 'ownerId']);
    expectCode(await admin.gql(CREATE, { input: { riskId: '99999', title: 'X' } }), 'NOT_FOUND', ['input', 'riskId']);
    const m = await measure(risk.id, 'Tiltak');
    expectCode(await admin.gql(UPDATE, { id: String(m.id), input: { title: ' ', version: 1 } }), 'VALIDATION_FAILED', ['input', 'title']);
    expectCode(await admin.gql(UPDATE, { id: String(m.id), input: { deadline: '2027-02-30', version: 1 } }), 'VALIDATION_FAILED', ['input', 'deadline']);
    expectCode(await admin.gql(UPDATE, { id: '999999', input: { title: 'X', version: 1 } }), 'NOT_FOUND', ['id']);
    expectCode(await admin.gql(COMPLETE, { id: String(m.id), version: 3 }), 'VERSION_CONFLICT', ['input', 'version']);
  });

  it('refuses a stale version with VERSION_CONFLICT and the current values', async () => {
    const risk = await makeRisk(t.db, { reference: 'TM-01', areaId: area, municipalityIds: [kongsberg] });
    const m = await measure(risk.id, 'Original');
    const other = await t.api.signIn('admin');
    const results = await Promise.all([admin.gql(UPDATE, { id: String(m.id), input: { title: 'En', version: 1 } }), other.gql(COMPLETE, { id: String(m.id), version: 1 })]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    const loser = results.find((r) => r.errors)!;
    expectCode(loser, 'VERSION_CONFLICT', ['input', 'version']);
    expect(loser.errors![0]!.extensions!.current).toMatchObject({ version: 2 });
  });

  it('keeps a coordinator to measures of risks in their reach', async () => {
    const others = await makeRisk(t.db, { reference: 'TM-01', areaId: area, municipalityIds: [flesberg] });
    const m = await measure(others.id, 'Andres');
    expectCode(await coordinator.gql(CREATE, { input: { riskId: String(others.id), title: 'X' } }), 'FORBIDDEN');
    expectCode(await coordinator.gql(UPDATE, { id: String(m.id), input: { title: 'X', version: 1 } }), 'FORBIDDEN');
    expectCode(await coordinator.gql(COMPLETE, { id: String(m.id), version: 1 }), 'FORBIDDEN');
    expectCode(await coordinator.gql(DELETE, { id: String(m.id) }), 'FORBIDDEN');
  });

  it('soft-deletes a measure out of lists and ADMIN restores it', async () => {
    const risk = await makeRisk(t.db, { reference: 'TM-01', areaId: area, municipalityIds: [kongsberg] });
    const m = await measure(risk.id, 'Borte');
    const filter = { riskIds: [String(risk.id)] };
    expect((await coordinator.gql(DELETE, { id: String(m.id) })).errors).toBeUndefined();
    expect(await titles(admin, filter)).toEqual([]);
    expectCode(await coordinator.gql(UPDATE, { id: String(m.id), input: { title: 'X', version: 2 } }), 'NOT_FOUND');
    expectCode(await coordinator.gql(RESTORE, { id: String(m.id) }), 'FORBIDDEN');
    expect((await admin.gql(RESTORE, { id: String(m.id) })).errors).toBeUndefined();
    expect(await titles(admin, filter)).toEqual(['Borte']);
    expectCode(await admin.gql(RESTORE, { id: String(m.id) }), 'NOT_DELETED');
  });
});
