import { beforeEach, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/testApi.ts';
import { useTestApi } from '../../testing/useTestApi.ts';
import { areaId, expectCode, makeRisk, municipalityId } from './risk.fixtures.ts';

const t = useTestApi({ per: 'test' });
let admin: TestClient;
let coordinator: TestClient;
let kongsberg: number;
let sigdal: number;
let flesberg: number;
let area: number;
beforeEach(async () => {
  admin = await t.api.signIn('admin');
  coordinator = await t.api.signIn('koordinator');
  kongsberg = await municipalityId(t.db, '3303');
  sigdal = await municipalityId(t.db, '3332');
  flesberg = await municipalityId(t.db, '3334');
  area = await areaId(t.db);
});

const CREATE = /* GraphQL */ `mutation CreateRisk($input: CreateRiskInput!) { createRisk(input: $input) { id reference version status inherentScore residualLevel appliesToAll municipalities { number } } }`;
const UPDATE = /* GraphQL */ `mutation UpdateRisk($id: ID!, $input: UpdateRiskInput!) { updateRisk(id: $id, input: $input) { id title version appliesToAll municipalities { number } area { code } nextReviewDate } }`;
const RESCORE = /* GraphQL */ `mutation RescoreRisk($id: ID!, $input: RescoreRiskInput!) { rescoreRisk(id: $id, input: $input) { id version status inherentLikelihood residualLikelihood isDemoAssessment assessments { inherentLikelihood comment } } }`;
const DELETE = /* GraphQL */ `mutation DeleteRisk($id: ID!) { deleteRisk(id: $id) { id version } }`;
const RESTORE = /* GraphQL */ `mutation RestoreRisk($id: ID!) { restoreRisk(id: $id) { id version } }`;

const input = (extra: Record<string, unknown> = {}) => ({ reference: 'N-01', title: 'Ny risiko', areaId: String(area), municipalityIds: [String(kongsberg)], inherentLikelihood: 4, inherentConsequence: 3, ...extra });

describe('createRisk', () => {
  it('creates a risk with its first assessment and an audit row', async () => {
    const { data, errors } = await admin.gql<{ createRisk: { id: string; reference: string; version: number; inherentScore: number } }>(CREATE, { input: input({ reference: ' n-01 ', residualLikelihood: 2, residualConsequence: 2, comment: 'Første' }) });
    expect(errors).toBeUndefined();
    expect(data!.createRisk).toMatchObject({ reference: 'N-01', version: 1, inherentScore: 12 });
    const id = Number(data!.createRisk.id);
    const assessments = await t.db.prisma.riskAssessment.findMany({ where: { riskId: id } });
    expect(assessments).toMatchObject([{ inherentLikelihood: 4, inherentConsequence: 3, residualLikelihood: 2, residualConsequence: 2, status: 'OPEN', comment: 'Første' }]);
    const audit = await t.db.prisma.auditEvent.findMany({ where: { entityType: 'Risk', entityId: String(id) } });
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('rejects each invalid field with its path and a Norwegian message', async () => {
    const cases: [Record<string, unknown>, (string | number)[]][] = [
      [{ reference: '' }, ['input', 'reference']],
      [{ reference: 'R 01!' }, ['input', 'reference']],
      [{ title: '   ' }, ['input', 'title']],
      [{ inherentLikelihood: 6 }, ['input', 'inherentLikelihood']],
      [{ inherentConsequence: 0 }, ['input', 'inherentConsequence']],
      [{ residualLikelihood: 2 }, ['input', 'residualConsequence']],
      [{ residualConsequence: 2 }, ['input', 'residualLikelihood']],
      [{ municipalityIds: [] }, ['input', 'municipalityIds']],
      [{ nextReviewDate: '2026-02-30' }, ['input', 'nextReviewDate']],
      [{ sourceScore: -1 }, ['input', 'sourceScore']],
      [{ areaId: 'x' }, ['input', 'areaId']],
    ];
    for (const [extra, path] of cases) {
      const result = await admin.gql(CREATE, { input: input(extra) });
      expectCode(result, 'VALIDATION_FAILED', path);
      expect(result.errors![0]!.message).toMatch(/[a-zæøå]/);
    }
    expect(await t.db.prisma.risk.count({ where: { reference: 'N-01' } })).toBe(0);
  });

  it('refuses a reference in use, also by a deleted risk, with ALREADY_EXISTS', async () => {
    await makeRisk(t.db, { reference: 'N-01', areaId: area, municipalityIds: [kongsberg] });
    expectCode(await admin.gql(CREATE, { input: input() }), 'ALREADY_EXISTS', ['input', 'reference']);
    await makeRisk(t.db, { reference: 'N-02', areaId: area, municipalityIds: [kongsberg], deletedAt: new Date() });
    expectCode(await admin.gql(CREATE, { input: input({ reference: 'N-02' }) }), 'ALREADY_EXISTS', ['input', 'reference']);
  });

  it('refuses an area, municipality or owner that does not exist', async () => {
    const deletedArea = await t.db.prisma.riskArea.create({ data: { code: 'BORTE', name: 'Borte', deletedAt: new Date() } });
    expectCode(await admin.gql(CREATE, { input: input({ areaId: String(deletedArea.id) }) }), 'VALIDATION_FAILED', ['input', 'areaId']);
    expectCode(await admin.gql(CREATE, { input: input({ municipalityIds: [String(kongsberg), '99999'] }) }), 'VALIDATION_FAILED', ['input', 'municipalityIds', 1]);
    expectCode(await admin.gql(CREATE, { input: input({ ownerId: '99999' }) }), 'VALIDATION_FAILED', ['input', 'ownerId']);
  });

  it('lets a coordinator create a risk for one of their municipalities or for all, not only for others', async () => {
    expect((await coordinator.gql(CREATE, { input: input({ municipalityIds: [String(sigdal)] }) })).errors).toBeUndefined();
    expect((await coordinator.gql(CREATE, { input: input({ reference: 'N-02', municipalityIds: [], appliesToAll: true }) })).errors).toBeUndefined();
    expect((await coordinator.gql(CREATE, { input: input({ reference: 'N-03', municipalityIds: [String(flesberg), String(kongsberg)] }) })).errors).toBeUndefined();
    expectCode(await coordinator.gql(CREATE, { input: input({ reference: 'N-04', municipalityIds: [String(flesberg)] }) }), 'FORBIDDEN');
    const denial = await t.db.prisma.auditEvent.findFirst({ where: { action: 'access-denied', entityId: 'createRisk' } });
    expect(denial).not.toBeNull();
  });

  it('refuses an archivist and a viewer', async () => {
    expectCode(await (await t.api.signIn('arkivar')).gql(CREATE, { input: input() }), 'FORBIDDEN');
    expectCode(await (await t.api.signIn('leser')).gql(CREATE, { input: input() }), 'FORBIDDEN');
  });
});

describe('updateRisk', () => {
  it('changes fields, area and municipalities, raises the version and audits before and after', async () => {
    const risk = await makeRisk(t.db, { reference: 'N-01', areaId: area, municipalityIds: [kongsberg] });
    const other = await areaId(t.db, 'ARBEIDSGIVER');
    const { data, errors } = await admin.gql<{ updateRisk: Record<string, unknown> }>(UPDATE, {
      id: String(risk.id),
      input: { title: 'Endret', areaId: String(other), municipalityIds: [String(flesberg), String(sigdal)], nextReviewDate: '2027-05-01', version: 1 },
    });
    expect(errors).toBeUndefined();
    expect(data!.updateRisk).toMatchObject({ title: 'Endret', version: 2, area: { code: 'ARBEIDSGIVER' }, nextReviewDate: '2027-05-01' });
    expect((data!.updateRisk.municipalities as { number: string }[]).map((m) => m.number).sort()).toEqual(['3332', '3334']);
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { entityType: 'Risk', entityId: String(risk.id), action: 'update' } });
    expect(audit.before).toMatchObject({ title: risk.title, municipalityIds: [kongsberg] });
    expect(audit.after).toMatchObject({ title: 'Endret', version: 2 });
  });

  it('records a status change in the assessment history with the unchanged scores', async () => {
    const risk = await makeRisk(t.db, { reference: 'N-01', areaId: area, municipalityIds: [kongsberg], scores: [4, 2] });
    expect((await admin.gql(UPDATE, { id: String(risk.id), input: { status: 'ACCEPTED', version: 1 } })).errors).toBeUndefined();
    expect((await admin.gql(UPDATE, { id: String(risk.id), input: { title: 'Bare tittel', version: 2 } })).errors).toBeUndefined();
    const history = await t.db.prisma.riskAssessment.findMany({ where: { riskId: risk.id }, orderBy: { id: 'asc' } });
    expect(history.map((a) => [a.status, a.inherentLikelihood, a.inherentConsequence])).toEqual([['OPEN', 4, 2], ['ACCEPTED', 4, 2]]);
  });

  it('clears an optional field with null and keeps fields left out', async () => {
    const risk = await makeRisk(t.db, { reference: 'N-01', areaId: area, municipalityIds: [kongsberg], nextReviewDate: '2027-01-01' });
    const { data } = await admin.gql<{ updateRisk: { nextReviewDate: string | null; title: string } }>(UPDATE, { id: String(risk.id), input: { nextReviewDate: null, version: 1 } });
    expect(data!.updateRisk).toMatchObject({ nextReviewDate: null, title: risk.title });
  });

  it('answers NOT_FOUND for a risk that does not exist or is deleted, and field errors for bad input', async () => {
    const risk = await makeRisk(t.db, { reference: 'N-01', areaId: area, municipalityIds: [kongsberg] });
    const gone = await makeRisk(t.db, { reference: 'N-02', areaId: area, municipalityIds: [kongsberg], deletedAt: new Date() });
    expectCode(await admin.gql(UPDATE, { id: '999999', input: { title: 'X', version: 1 } }), 'NOT_FOUND', ['id']);
    expectCode(await admin.gql(UPDATE, { id: String(gone.id), input: { title: 'X', version: 1 } }), 'NOT_FOUND', ['id']);
    expectCode(await admin.gql(RESCORE, { id: String(gone.id), input: { inherentLikelihood: 2, inherentConsequence: 2, version: 1 } }), 'NOT_FOUND', ['id']);
    expectCode(await admin.gql(UPDATE, { id: String(risk.id), input: { title: '', version: 1 } }), 'VALIDATION_FAILED', ['input', 'title']);
    expectCode(await admin.gql(UPDATE, { id: String(risk.id), input: { version: 0 } }), 'VALIDATION_FAILED', ['input', 'version']);
    expectCode(await admin.gql(UPDATE, { id: String(risk.id), input: { nextReviewDate: 'snart', version: 1 } }), 'VALIDATION_FAILED', ['input', 'nextReviewDate']);
    expectCode(await admin.gql(UPDATE, { id: String(risk.id), input: { areaId: '99999', version: 1 } }), 'VALIDATION_FAILED', ['input', 'areaId']);
    expectCode(await admin.gql(UPDATE, { id: String(risk.id), input: { title: 'X', version: 5 } }), 'VERSION_CONFLICT', ['input', 'version']);
  });

  it('refuses a risk left with no municipality and not for all', async () => {
    const risk = await makeRisk(t.db, { reference: 'N-01', areaId: area, municipalityIds: [kongsberg] });
    expectCode(await admin.gql(UPDATE, { id: String(risk.id), input: { municipalityIds: [], version: 1 } }), 'VALIDATION_FAILED', ['input', 'municipalityIds']);
  });

  it('lets one of two clients with the same version win; the other gets VERSION_CONFLICT with the current values', async () => {
    const risk = await makeRisk(t.db, { reference: 'N-01', areaId: area, municipalityIds: [kongsberg] });
    const other = await t.api.signIn('admin');
    const results = await Promise.all([admin.gql(UPDATE, { id: String(risk.id), input: { title: 'Første', version: 1 } }), other.gql(UPDATE, { id: String(risk.id), input: { title: 'Andre', version: 1 } })]);
    const winners = results.filter((r) => !r.errors);
    const losers = results.filter((r) => r.errors);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expectCode(losers[0]!, 'VERSION_CONFLICT', ['input', 'version']);
    const current = losers[0]!.errors![0]!.extensions!.current as { version: number; title: string };
    const row = await t.db.prisma.risk.findUniqueOrThrow({ where: { id: risk.id } });
    expect(current).toMatchObject({ version: 2, title: row.title });
    expect(['Første', 'Andre']).toContain(row.title);
  });

  it('keeps a coordinator to risks of their municipalities, before and after the change', async () => {
    const own = await makeRisk(t.db, { reference: 'N-01', areaId: area, municipalityIds: [kongsberg] });
    const forAll = await makeRisk(t.db, { reference: 'N-02', areaId: area, appliesToAll: true });
    const others = await makeRisk(t.db, { reference: 'N-03', areaId: area, municipalityIds: [flesberg] });
    expect((await coordinator.gql(UPDATE, { id: String(own.id), input: { title: 'Egen', version: 1 } })).errors).toBeUndefined();
    expect((await coordinator.gql(UPDATE, { id: String(forAll.id), input: { title: 'Alle', version: 1 } })).errors).toBeUndefined();
    expectCode(await coordinator.gql(UPDATE, { id: String(others.id), input: { title: 'Andres', version: 1 } }), 'FORBIDDEN');
    // Moving a risk out of reach is refused, and nothing changes.
    expectCode(await coordinator.gql(UPDATE, { id: String(own.id), input: { municipalityIds: [String(flesberg)], version: 2 } }), 'FORBIDDEN');
    expectCode(await coordinator.gql(UPDATE, { id: String(forAll.id), input: { appliesToAll: false, municipalityIds: [String(flesberg)], version: 2 } }), 'FORBIDDEN');
    expect(await t.db.prisma.riskMunicipality.findMany({ where: { riskId: own.id } })).toMatchObject([{ municipalityId: kongsberg }]);
    // Sharing one's own risk with another municipality is fine.
    expect((await coordinator.gql(UPDATE, { id: String(own.id), input: { municipalityIds: [String(flesberg), String(kongsberg)], version: 2 } })).errors).toBeUndefined();
  });
});

describe('rescoreRisk', () => {
  it('appends an assessment and makes its values current', async () => {
    const risk = await makeRisk(t.db, { reference: 'N-01', areaId: area, municipalityIds: [kongsberg], scores: [2, 2] });
    await t.db.prisma.risk.update({ where: { id: risk.id }, data: { isDemoAssessment: true } });
    const { data, errors } = await coordinator.gql<{ rescoreRisk: Record<string, unknown> & { assessments: { inherentLikelihood: number; comment: string | null }[] } }>(RESCORE, {
      id: String(risk.id),
      input: { inherentLikelihood: 5, inherentConsequence: 4, residualLikelihood: 3, residualConsequence: 3, status: 'MONITORING', comment: 'Ny vurdering', version: 1 },
    });
    expect(errors).toBeUndefined();
    expect(data!.rescoreRisk).toMatchObject({ version: 2, status: 'MONITORING', inherentLikelihood: 5, residualLikelihood: 3, isDemoAssessment: false });
    expect(data!.rescoreRisk.assessments[0]).toEqual({ inherentLikelihood: 5, comment: 'Ny vurdering' });
    expect(data!.rescoreRisk.assessments).toHaveLength(2);
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { entityType: 'Risk', entityId: String(risk.id), action: 'rescore' } });
    expect(audit.before).toMatchObject({ inherentLikelihood: 2 });
  });

  it('refuses a stale version, half a residual score and a score outside 1..5', async () => {
    const risk = await makeRisk(t.db, { reference: 'N-01', areaId: area, municipalityIds: [kongsberg] });
    expectCode(await admin.gql(RESCORE, { id: String(risk.id), input: { inherentLikelihood: 3, inherentConsequence: 3, version: 7 } }), 'VERSION_CONFLICT', ['input', 'version']);
    expectCode(await admin.gql(RESCORE, { id: String(risk.id), input: { inherentLikelihood: 3, inherentConsequence: 3, residualLikelihood: 1, version: 1 } }), 'VALIDATION_FAILED', ['input', 'residualConsequence']);
    expectCode(await admin.gql(RESCORE, { id: String(risk.id), input: { inherentLikelihood: 3, inherentConsequence: 9, version: 1 } }), 'VALIDATION_FAILED', ['input', 'inherentConsequence']);
    expect(await t.db.prisma.riskAssessment.count({ where: { riskId: risk.id } })).toBe(1);
  });
});

describe('deleteRisk and restoreRisk', () => {
  const GONE = /* GraphQL */ `query Gone($id: ID!, $area: ID!) { risk(id: $id) { id } risks(filter: { areaIds: [$area] }) { totalCount } riskMatrix(filter: { areaIds: [$area] }) { totalCount } }`;

  it('soft-deletes a risk out of lists, lookups and the matrix, and ADMIN brings it back', async () => {
    const own = await t.db.prisma.riskArea.create({ data: { code: 'SLETT', name: 'Slett' } });
    const risk = await makeRisk(t.db, { reference: 'N-01', areaId: own.id, municipalityIds: [kongsberg] });
    const vars = { id: String(risk.id), area: String(own.id) };
    expect((await admin.gql(GONE, vars)).data).toEqual({ risk: { id: String(risk.id) }, risks: { totalCount: 1 }, riskMatrix: { totalCount: 1 } });
    expect((await coordinator.gql(DELETE, { id: String(risk.id) })).errors).toBeUndefined();
    expect((await admin.gql(GONE, vars)).data).toEqual({ risk: null, risks: { totalCount: 0 }, riskMatrix: { totalCount: 0 } });
    expectCode(await coordinator.gql(DELETE, { id: String(risk.id) }), 'NOT_FOUND');
    expectCode(await coordinator.gql(RESTORE, { id: String(risk.id) }), 'FORBIDDEN');
    expect((await admin.gql(RESTORE, { id: String(risk.id) })).errors).toBeUndefined();
    expect((await admin.gql(GONE, vars)).data).toEqual({ risk: { id: String(risk.id) }, risks: { totalCount: 1 }, riskMatrix: { totalCount: 1 } });
    expectCode(await admin.gql(RESTORE, { id: String(risk.id) }), 'NOT_DELETED');
    const actions = (await t.db.prisma.auditEvent.findMany({ where: { entityType: 'Risk', entityId: String(risk.id) }, orderBy: { id: 'asc' } })).map((a) => a.action);
    expect(actions).toEqual(['delete', 'restore']);
  });

  it('refuses a coordinator deleting a risk of other municipalities', async () => {
    const risk = await makeRisk(t.db, { reference: 'N-01', areaId: area, municipalityIds: [flesberg] });
    expectCode(await coordinator.gql(DELETE, { id: String(risk.id) }), 'FORBIDDEN');
    expect((await t.db.prisma.risk.findUniqueOrThrow({ where: { id: risk.id } })).deletedAt).toBeNull();
  });
});

describe('risk areas', () => {
  const CREATE_AREA = /* GraphQL */ `mutation CreateRiskArea($input: CreateRiskAreaInput!) { createRiskArea(input: $input) { id code name sortOrder version riskCount } }`;
  const UPDATE_AREA = /* GraphQL */ `mutation UpdateRiskArea($id: ID!, $input: UpdateRiskAreaInput!) { updateRiskArea(id: $id, input: $input) { id name version } }`;
  const DELETE_AREA = /* GraphQL */ `mutation DeleteRiskArea($id: ID!) { deleteRiskArea(id: $id) { id } }`;
  const RESTORE_AREA = /* GraphQL */ `mutation RestoreRiskArea($id: ID!) { restoreRiskArea(id: $id) { id } }`;

  it('creates an area last in order, renames it, deletes and restores it, each with an audit row', async () => {
    const { data, errors } = await coordinator.gql<{ createRiskArea: { id: string; code: string; sortOrder: number; riskCount: number } }>(CREATE_AREA, { input: { code: 'nytt', name: 'Nytt område' } });
    expect(errors).toBeUndefined();
    expect(data!.createRiskArea).toMatchObject({ code: 'NYTT', riskCount: 0 });
    const id = data!.createRiskArea.id;
    const maxOther = await t.db.prisma.riskArea.aggregate({ where: { code: { not: 'NYTT' } }, _max: { sortOrder: true } });
    expect(data!.createRiskArea.sortOrder).toBe(maxOther._max.sortOrder! + 1);
    expect((await coordinator.gql(UPDATE_AREA, { id, input: { name: 'Omdøpt', version: 1 } })).data).toEqual({ updateRiskArea: { id, name: 'Omdøpt', version: 2 } });
    expectCode(await coordinator.gql(UPDATE_AREA, { id, input: { name: 'Gammel', version: 1 } }), 'VERSION_CONFLICT', ['input', 'version']);
    expect((await coordinator.gql(DELETE_AREA, { id })).errors).toBeUndefined();
    expect((await coordinator.gql<{ riskAreas: { id: string }[] }>(`{ riskAreas { id } }`)).data!.riskAreas.map((a) => a.id)).not.toContain(id);
    expectCode(await coordinator.gql(RESTORE_AREA, { id }), 'FORBIDDEN');
    expect((await admin.gql(RESTORE_AREA, { id })).errors).toBeUndefined();
    expectCode(await admin.gql(RESTORE_AREA, { id }), 'NOT_DELETED');
    const actions = (await t.db.prisma.auditEvent.findMany({ where: { entityType: 'RiskArea', entityId: id }, orderBy: { id: 'asc' } })).map((a) => a.action);
    expect(actions).toEqual(['create', 'update', 'delete', 'restore']);
  });

  it('refuses a code in use with ALREADY_EXISTS and bad input with field errors', async () => {
    expectCode(await admin.gql(CREATE_AREA, { input: { code: 'FORMELT', name: 'Dobbel' } }), 'ALREADY_EXISTS', ['input', 'code']);
    expectCode(await admin.gql(CREATE_AREA, { input: { code: 'ny kode', name: 'X' } }), 'VALIDATION_FAILED', ['input', 'code']);
    expectCode(await admin.gql(CREATE_AREA, { input: { code: 'NY', name: '' } }), 'VALIDATION_FAILED', ['input', 'name']);
    expectCode(await admin.gql(CREATE_AREA, { input: { code: 'NY', name: 'X', sortOrder: -1 } }), 'VALIDATION_FAILED', ['input', 'sortOrder']);
    const formelt = await t.db.prisma.riskArea.findUniqueOrThrow({ where: { code: 'ARBEIDSGIVER' } });
    expectCode(await admin.gql(UPDATE_AREA, { id: String(formelt.id), input: { code: 'FORMELT', version: formelt.version } }), 'ALREADY_EXISTS', ['input', 'code']);
  });

  it('never leaves a live risk in a deleted area when a create and the delete race', async () => {
    for (let i = 0; i < 3; i++) {
      const own = await t.db.prisma.riskArea.create({ data: { code: `KAPP${i}`, name: 'Kappløp' } });
      const [created, deleted] = await Promise.all([
        admin.gql(CREATE, { input: input({ reference: `K-${i}`, areaId: String(own.id) }) }),
        coordinator.gql(DELETE_AREA, { id: String(own.id) }),
      ]);
      if (created.errors) {
        expectCode(created, 'VALIDATION_FAILED', ['input', 'areaId']);
        expect(deleted.errors).toBeUndefined();
      } else {
        expectCode(deleted, 'IN_USE');
      }
      const area = await t.db.prisma.riskArea.findUniqueOrThrow({ where: { id: own.id }, include: { risks: { where: { deletedAt: null } } } });
      expect(Boolean(area.deletedAt) && area.risks.length > 0).toBe(false);
    }
  });

  it('refuses to delete an area that still has live risks with IN_USE naming them', async () => {
    const own = await t.db.prisma.riskArea.create({ data: { code: 'BRUKT', name: 'Brukt' } });
    const risk = await makeRisk(t.db, { reference: 'N-01', areaId: own.id, municipalityIds: [kongsberg] });
    const result = await admin.gql(DELETE_AREA, { id: String(own.id) });
    expectCode(result, 'IN_USE', ['id']);
    expect(result.errors![0]!.extensions!.dependents).toEqual({ risks: 1 });
    await t.db.prisma.risk.update({ where: { id: risk.id }, data: { deletedAt: new Date() } });
    expect((await admin.gql(DELETE_AREA, { id: String(own.id) })).errors).toBeUndefined();
    // A risk cannot come back into a deleted area.
    expectCode(await admin.gql(RESTORE, { id: String(risk.id) }), 'VALIDATION_FAILED', ['id']);
  });
});
