import { beforeEach, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/testApi.ts';
import { useTestApi } from '../../testing/useTestApi.ts';
import { areaId, expectCode, makeRisk, municipalityId } from './risk.fixtures.ts';

// Consequence dimensions (ADMIN) and a risk's consequence per dimension (ADMIN, coordinators in reach).

const t = useTestApi({ per: 'test' });
let admin: TestClient;
let coordinator: TestClient;
let viewer: TestClient;
let kongsberg: number;
let flesberg: number;
let area: number;
let dims: { id: string; name: string; version: number }[];

const DIMENSIONS = /* GraphQL */ `query { consequenceDimensions { id name description sortOrder version } }`;
const CREATE = /* GraphQL */ `mutation($input: ConsequenceDimensionInput!) { createConsequenceDimension(input: $input) { id name description sortOrder version } }`;
const UPDATE = /* GraphQL */ `mutation($id: ID!, $input: UpdateConsequenceDimensionInput!) { updateConsequenceDimension(id: $id, input: $input) { id name sortOrder version } }`;
const DELETE = /* GraphQL */ `mutation($id: ID!) { deleteConsequenceDimension(id: $id) { id version } }`;
const SET = /* GraphQL */ `
  mutation($id: ID!, $input: RiskConsequenceScoresInput!) {
    setRiskConsequenceScores(id: $id, input: $input) {
      id version inherentConsequence consequenceReason
      consequenceScores { dimension { name } consequence }
      assessments { inherentConsequence comment }
    }
  }
`;

type Scored = { id: string; version: number; inherentConsequence: number; consequenceReason: string | null; consequenceScores: { dimension: { name: string }; consequence: number }[]; assessments: { inherentConsequence: number; comment: string | null }[] };

beforeEach(async () => {
  admin = await t.api.signIn('admin');
  coordinator = await t.api.signIn('koordinator');
  viewer = await t.api.signIn('leser');
  kongsberg = await municipalityId(t.db, '3303');
  flesberg = await municipalityId(t.db, '3334');
  area = await areaId(t.db);
  dims = (await viewer.gql<{ consequenceDimensions: { id: string; name: string; version: number }[] }>(DIMENSIONS)).data!.consequenceDimensions;
});

const scores = (...values: number[]) => values.map((consequence, i) => ({ dimensionId: dims[i]!.id, consequence }));

describe('consequenceDimensions', () => {
  it('lists the six seeded dimensions in their order, live ones only', async () => {
    expect(dims.map((d) => d.name)).toEqual(['Tjenesteleveranse', 'Etterlevelse av regelverk (arkivlov, personvern)', 'Økonomi', 'Omdømme og tillit', 'Medarbeidere', 'Informasjonssikkerhet']);
    await t.db.prisma.consequenceDimension.create({ data: { name: 'Borte', sortOrder: 0, deletedAt: new Date() } });
    expect((await viewer.gql<{ consequenceDimensions: unknown[] }>(DIMENSIONS)).data!.consequenceDimensions).toHaveLength(6);
  });
});

describe('creating, changing and deleting a dimension', () => {
  it('creates one last in the order, with an audit event', async () => {
    const { data, errors } = await admin.gql<{ createConsequenceDimension: { id: string; name: string; sortOrder: number; version: number } }>(CREATE, { input: { name: ' Miljø ', description: 'Ytre miljø' } });
    expect(errors).toBeUndefined();
    expect(data!.createConsequenceDimension).toMatchObject({ name: 'Miljø', sortOrder: 7, version: 1 });
    const audit = await t.db.prisma.auditEvent.findMany({ where: { entityType: 'ConsequenceDimension', entityId: data!.createConsequenceDimension.id } });
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('refuses an empty or too long name and a negative order, with paths', async () => {
    expectCode(await admin.gql(CREATE, { input: { name: '  ' } }), 'VALIDATION_FAILED', ['input', 'name']);
    expectCode(await admin.gql(CREATE, { input: { name: 'x'.repeat(201) } }), 'VALIDATION_FAILED', ['input', 'name']);
    expectCode(await admin.gql(CREATE, { input: { name: 'Ny', sortOrder: -1 } }), 'VALIDATION_FAILED', ['input', 'sortOrder']);
  });

  it('refuses a live name in any case, but takes the name of a deleted one', async () => {
    expectCode(await admin.gql(CREATE, { input: { name: 'økonomi' } }), 'ALREADY_EXISTS', ['input', 'name']);
    await t.db.prisma.consequenceDimension.create({ data: { name: 'Gammel', deletedAt: new Date() } });
    expect((await admin.gql(CREATE, { input: { name: 'Gammel' } })).errors).toBeUndefined();
    expectCode(await admin.gql(UPDATE, { id: dims[0]!.id, input: { name: 'ØKONOMI', version: 1 } }), 'ALREADY_EXISTS', ['input', 'name']);
    // Its own name in another case is no clash.
    expect((await admin.gql(UPDATE, { id: dims[2]!.id, input: { name: 'ØKONOMI', version: 1 } })).errors).toBeUndefined();
  });

  it('updates with the version it was based on and refuses a stale one with the current values', async () => {
    const first = await admin.gql<{ updateConsequenceDimension: { version: number; sortOrder: number } }>(UPDATE, { id: dims[4]!.id, input: { sortOrder: 0, version: 1 } });
    expect(first.data!.updateConsequenceDimension).toMatchObject({ version: 2, sortOrder: 0 });
    const stale = await admin.gql(UPDATE, { id: dims[4]!.id, input: { name: 'Ansatte', version: 1 } });
    expectCode(stale, 'VERSION_CONFLICT', ['input', 'version']);
    expect(stale.errors![0]!.extensions!.current).toMatchObject({ name: 'Medarbeidere', version: 2 });
    expect((await viewer.gql<{ consequenceDimensions: { name: string }[] }>(DIMENSIONS)).data!.consequenceDimensions[0]!.name).toBe('Medarbeidere');
  });

  it('refuses to delete a dimension live risks are scored in (IN_USE), and deletes an unused one', async () => {
    // The seed scores R-01 in every dimension.
    const used = await admin.gql(DELETE, { id: dims[0]!.id });
    expectCode(used, 'IN_USE', ['id']);
    expect(used.errors![0]!.extensions!.dependents).toEqual({ risks: 4 });
    const unused = (await t.db.prisma.consequenceDimension.create({ data: { name: 'Ubrukt' } })).id;
    const { data, errors } = await admin.gql<{ deleteConsequenceDimension: { version: number } }>(DELETE, { id: String(unused) });
    expect(errors).toBeUndefined();
    expect(data!.deleteConsequenceDimension.version).toBe(2);
    expectCode(await admin.gql(DELETE, { id: String(unused) }), 'NOT_FOUND', ['id']);
    expect((await t.db.prisma.auditEvent.findMany({ where: { entityType: 'ConsequenceDimension', entityId: String(unused) } })).map((a) => a.action)).toEqual(['delete']);
  });

  it('lets only ADMIN change dimensions', async () => {
    expectCode(await coordinator.gql(CREATE, { input: { name: 'Ny' } }), 'FORBIDDEN');
    expectCode(await viewer.gql(UPDATE, { id: dims[0]!.id, input: { name: 'Ny', version: 1 } }), 'FORBIDDEN');
  });
});

describe('setRiskConsequenceScores', () => {
  async function risk(extra: Partial<Parameters<typeof makeRisk>[1]> = {}) {
    return makeRisk(t.db, { reference: 'K-01', areaId: area, municipalityIds: [kongsberg], scores: [3, 2], ...extra });
  }

  it('makes the highest score the overall consequence and appends an assessment with the comment', async () => {
    const r = await risk();
    const { data, errors } = await admin.gql<{ setRiskConsequenceScores: Scored }>(SET, { id: String(r.id), input: { scores: scores(2, 4, 1), comment: 'Juridisk vurdering', version: 1 } });
    expect(errors).toBeUndefined();
    const after = data!.setRiskConsequenceScores;
    expect(after).toMatchObject({ version: 2, inherentConsequence: 4, consequenceReason: null });
    expect(after.consequenceScores).toEqual([
      { dimension: { name: 'Tjenesteleveranse' }, consequence: 2 },
      { dimension: { name: 'Etterlevelse av regelverk (arkivlov, personvern)' }, consequence: 4 },
      { dimension: { name: 'Økonomi' }, consequence: 1 },
    ]);
    expect(after.assessments[0]).toEqual({ inherentConsequence: 4, comment: 'Juridisk vurdering' });
    expect(after.assessments).toHaveLength(2);
    const audit = await t.db.prisma.auditEvent.findMany({ where: { entityType: 'Risk', entityId: String(r.id) } });
    expect(audit.map((a) => a.action)).toEqual(['set-consequence-scores']);
    expect(audit[0]!.after).toMatchObject({ inherentConsequence: 4, scores: [{ consequence: 2 }, { consequence: 4 }, { consequence: 1 }] });
  });

  it('appends no assessment when the overall consequence stays', async () => {
    const r = await risk();
    const { data } = await admin.gql<{ setRiskConsequenceScores: Scored }>(SET, { id: String(r.id), input: { scores: scores(2, 1), version: 1 } });
    expect(data!.setRiskConsequenceScores).toMatchObject({ inherentConsequence: 2, version: 2 });
    expect(data!.setRiskConsequenceScores.assessments).toHaveLength(1);
  });

  it('needs a reason when the overall consequence differs from the highest score (REASON_REQUIRED), and keeps it', async () => {
    const r = await risk();
    const refused = await admin.gql(SET, { id: String(r.id), input: { scores: scores(2, 4), overallConsequence: 3, version: 1 } });
    expectCode(refused, 'REASON_REQUIRED', ['input', 'consequenceReason']);
    expect(refused.errors![0]!.message).toMatch(/begrunnelse/);
    expect(await t.db.prisma.riskConsequenceScore.count({ where: { riskId: r.id } })).toBe(0);
    const { data, errors } = await admin.gql<{ setRiskConsequenceScores: Scored }>(SET, { id: String(r.id), input: { scores: scores(2, 4), overallConsequence: 3, consequenceReason: 'Kort varighet', version: 1 } });
    expect(errors).toBeUndefined();
    expect(data!.setRiskConsequenceScores).toMatchObject({ inherentConsequence: 3, consequenceReason: 'Kort varighet' });
    // The same as the highest needs no reason, and a given one is not kept.
    const same = await admin.gql<{ setRiskConsequenceScores: Scored }>(SET, { id: String(r.id), input: { scores: scores(2, 4), overallConsequence: 4, consequenceReason: 'Unødvendig', version: 2 } });
    expect(same.data!.setRiskConsequenceScores).toMatchObject({ inherentConsequence: 4, consequenceReason: null });
  });

  it('clears the scores and the reason when given none', async () => {
    const r = await risk();
    await admin.gql(SET, { id: String(r.id), input: { scores: scores(5, 1), overallConsequence: 4, consequenceReason: 'Begrunnet', version: 1 } });
    const { data } = await admin.gql<{ setRiskConsequenceScores: Scored }>(SET, { id: String(r.id), input: { scores: [], version: 2 } });
    expect(data!.setRiskConsequenceScores).toMatchObject({ consequenceScores: [], consequenceReason: null, inherentConsequence: 4 });
  });

  it('refuses bad input with paths: a score outside 1..5, a dimension twice, an unknown or deleted dimension', async () => {
    const r = await risk();
    expectCode(await admin.gql(SET, { id: String(r.id), input: { scores: scores(2, 6), version: 1 } }), 'VALIDATION_FAILED', ['input', 'scores', 1, 'consequence']);
    expectCode(await admin.gql(SET, { id: String(r.id), input: { scores: [...scores(2), { dimensionId: dims[0]!.id, consequence: 3 }], version: 1 } }), 'VALIDATION_FAILED', ['input', 'scores', 1, 'dimensionId']);
    expectCode(await admin.gql(SET, { id: String(r.id), input: { scores: [...scores(2), { dimensionId: '99999', consequence: 3 }], version: 1 } }), 'VALIDATION_FAILED', ['input', 'scores', 1, 'dimensionId']);
    const gone = await t.db.prisma.consequenceDimension.create({ data: { name: 'Borte', deletedAt: new Date() } });
    expectCode(await admin.gql(SET, { id: String(r.id), input: { scores: [{ dimensionId: String(gone.id), consequence: 3 }], version: 1 } }), 'VALIDATION_FAILED', ['input', 'scores', 0, 'dimensionId']);
    expectCode(await admin.gql(SET, { id: String(r.id), input: { scores: [], overallConsequence: 0, version: 1 } }), 'VALIDATION_FAILED', ['input', 'overallConsequence']);
    const row = await t.db.prisma.risk.findUniqueOrThrow({ where: { id: r.id } });
    expect(row.version).toBe(1);
    expect(await t.db.prisma.riskConsequenceScore.count({ where: { riskId: r.id } })).toBe(0);
  });

  it('refuses a stale version with the current values', async () => {
    const r = await risk();
    await admin.gql(SET, { id: String(r.id), input: { scores: scores(3), version: 1 } });
    const stale = await admin.gql(SET, { id: String(r.id), input: { scores: scores(5), version: 1 } });
    expectCode(stale, 'VERSION_CONFLICT', ['input', 'version']);
    expect(stale.errors![0]!.extensions!.current).toMatchObject({ version: 2, inherentConsequence: 3 });
  });

  it('keeps a coordinator to risks of their municipalities (or for all), and audits the refusal', async () => {
    const theirs = await risk();
    const other = await makeRisk(t.db, { reference: 'K-02', areaId: area, municipalityIds: [flesberg] });
    const forAll = await makeRisk(t.db, { reference: 'K-03', areaId: area, appliesToAll: true });
    expect((await coordinator.gql(SET, { id: String(theirs.id), input: { scores: scores(3), version: 1 } })).errors).toBeUndefined();
    expect((await coordinator.gql(SET, { id: String(forAll.id), input: { scores: scores(3), version: 1 } })).errors).toBeUndefined();
    expectCode(await coordinator.gql(SET, { id: String(other.id), input: { scores: scores(3), version: 1 } }), 'FORBIDDEN');
    expect(await t.db.prisma.riskConsequenceScore.count({ where: { riskId: other.id } })).toBe(0);
    const denial = await t.db.prisma.auditEvent.findFirst({ where: { action: 'access-denied', entityId: 'setRiskConsequenceScores' } });
    expect(denial).not.toBeNull();
    expectCode(await viewer.gql(SET, { id: String(theirs.id), input: { scores: scores(3), version: 2 } }), 'FORBIDDEN');
  });

  it('shows the seeded scores in dimension order, and leaves out a deleted dimension', async () => {
    const R01 = /* GraphQL */ `query { risks(filter: { search: "R-01" }) { edges { node { reference inherentConsequence consequenceScores { dimension { name } consequence } } } } }`;
    type R = { risks: { edges: { node: { inherentConsequence: number; consequenceScores: { dimension: { name: string }; consequence: number }[] } }[] } };
    const node = (await viewer.gql<R>(R01)).data!.risks.edges[0]!.node;
    expect(node.consequenceScores.map((s) => s.consequence)).toEqual([4, 2, 4, 5, 3, 1]);
    expect(Math.max(...node.consequenceScores.map((s) => s.consequence))).toBe(node.inherentConsequence);
    await t.db.prisma.consequenceDimension.update({ where: { id: Number(dims[5]!.id) }, data: { deletedAt: new Date() } });
    expect((await viewer.gql<R>(R01)).data!.risks.edges[0]!.node.consequenceScores).toHaveLength(5);
  });
});
