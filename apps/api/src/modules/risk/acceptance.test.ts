import { beforeEach, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/testApi.ts';
import { useTestApi } from '../../testing/useTestApi.ts';
import { areaId, expectCode, makeRisk, municipalityId, osloDay, userId } from './risk.fixtures.ts';

// The formal acceptance of a risk's residual level.

const t = useTestApi({ per: 'test' });
let admin: TestClient;
let coordinator: TestClient;
let kongsberg: number;
let flesberg: number;
let area: number;

const ACCEPTANCE = 'acceptance { approverName approver { displayName } acceptedOn expiresOn comment isExpired }';
const ACCEPT = /* GraphQL */ `mutation($id: ID!, $input: AcceptRiskInput!) { acceptRiskResidual(id: $id, input: $input) { id version ${ACCEPTANCE} } }`;
const REVOKE = /* GraphQL */ `mutation($id: ID!, $version: Int!) { revokeRiskAcceptance(id: $id, version: $version) { id version ${ACCEPTANCE} } }`;
const RESCORE = /* GraphQL */ `mutation($id: ID!, $input: RescoreRiskInput!) { rescoreRisk(id: $id, input: $input) { id version ${ACCEPTANCE} } }`;

type Acceptance = { approverName: string; approver: { displayName: string } | null; acceptedOn: string; expiresOn: string; comment: string | null; isExpired: boolean } | null;
type Accepted = { id: string; version: number; acceptance: Acceptance };

beforeEach(async () => {
  admin = await t.api.signIn('admin');
  coordinator = await t.api.signIn('koordinator');
  kongsberg = await municipalityId(t.db, '3303');
  flesberg = await municipalityId(t.db, '3334');
  area = await areaId(t.db);
});

const input = (extra: Record<string, unknown> = {}) => ({ approverName: 'Daglig leder, dokumentsenteret', acceptedOn: '2026-01-15', expiresOn: '2027-01-15', comment: 'Godtatt i ledermøtet', version: 1, ...extra });

async function residualRisk(reference = 'A-01', municipalityIds = [kongsberg]) {
  return makeRisk(t.db, { reference, areaId: area, municipalityIds, scores: [4, 4], residual: [2, 2] });
}

describe('acceptRiskResidual', () => {
  it('records the approver, dates and comment, with an audit event', async () => {
    const risk = await residualRisk();
    const approver = await userId(t.db, 'admin');
    const { data, errors } = await admin.gql<{ acceptRiskResidual: Accepted }>(ACCEPT, { id: String(risk.id), input: input({ approverId: String(approver), approverName: 'Ingrid Haugen' }) });
    expect(errors).toBeUndefined();
    expect(data!.acceptRiskResidual).toEqual({
      id: String(risk.id),
      version: 2,
      acceptance: { approverName: 'Ingrid Haugen', approver: { displayName: 'Ingrid Haugen' }, acceptedOn: '2026-01-15', expiresOn: '2027-01-15', comment: 'Godtatt i ledermøtet', isExpired: false },
    });
    const audit = await t.db.prisma.auditEvent.findMany({ where: { entityType: 'Risk', entityId: String(risk.id) } });
    expect(audit.map((a) => a.action)).toEqual(['accept-residual']);
    expect(audit[0]!.before).toEqual({ acceptance: null });
    expect(audit[0]!.after).toMatchObject({ acceptance: { approverName: 'Ingrid Haugen', expiresOn: '2027-01-15' } });
  });

  it('tells whether the acceptance has expired (before today in Oslo)', async () => {
    const risk = await residualRisk();
    const expired = await admin.gql<{ acceptRiskResidual: Accepted }>(ACCEPT, { id: String(risk.id), input: input({ acceptedOn: osloDay(-30), expiresOn: osloDay(-1) }) });
    expect(expired.data!.acceptRiskResidual.acceptance!.isExpired).toBe(true);
    const today = await admin.gql<{ acceptRiskResidual: Accepted }>(ACCEPT, { id: String(risk.id), input: input({ acceptedOn: osloDay(-30), expiresOn: osloDay(0), version: 2 }) });
    expect(today.data!.acceptRiskResidual.acceptance!.isExpired).toBe(false);
  });

  it('needs a residual assessment (NO_RESIDUAL)', async () => {
    const risk = await makeRisk(t.db, { reference: 'A-02', areaId: area, municipalityIds: [kongsberg] });
    const result = await admin.gql(ACCEPT, { id: String(risk.id), input: input() });
    expectCode(result, 'NO_RESIDUAL', ['id']);
    expect(result.errors![0]!.message).toMatch(/restrisiko/);
    expect((await t.db.prisma.risk.findUniqueOrThrow({ where: { id: risk.id } })).acceptedOn).toBeNull();
  });

  it('refuses bad input with paths and Norwegian messages', async () => {
    const risk = await residualRisk();
    const cases: [Record<string, unknown>, (string | number)[]][] = [
      [{ approverName: ' ' }, ['input', 'approverName']],
      [{ acceptedOn: '2026-02-30' }, ['input', 'acceptedOn']],
      [{ expiresOn: '15.01.2027' }, ['input', 'expiresOn']],
      [{ expiresOn: '2026-01-15' }, ['input', 'expiresOn']],
      [{ expiresOn: '2025-12-31' }, ['input', 'expiresOn']],
      [{ approverId: '99999' }, ['input', 'approverId']],
      [{ comment: 'x'.repeat(2001) }, ['input', 'comment']],
    ];
    for (const [extra, path] of cases) {
      const result = await admin.gql(ACCEPT, { id: String(risk.id), input: input(extra) });
      expectCode(result, 'VALIDATION_FAILED', path);
      expect(result.errors![0]!.message).toMatch(/[a-zæøå]/);
    }
    expect((await t.db.prisma.risk.findUniqueOrThrow({ where: { id: risk.id } })).version).toBe(1);
  });

  it('refuses a stale version with the current values', async () => {
    const risk = await residualRisk();
    await admin.gql(ACCEPT, { id: String(risk.id), input: input() });
    const stale = await admin.gql(ACCEPT, { id: String(risk.id), input: input({ approverName: 'Noen andre' }) });
    expectCode(stale, 'VERSION_CONFLICT', ['input', 'version']);
    expect(stale.errors![0]!.extensions!.current).toMatchObject({ version: 2, acceptanceApproverName: 'Daglig leder, dokumentsenteret' });
  });

  it('keeps a coordinator to risks in their reach', async () => {
    const theirs = await residualRisk('A-01');
    const other = await residualRisk('A-02', [flesberg]);
    expect((await coordinator.gql(ACCEPT, { id: String(theirs.id), input: input() })).errors).toBeUndefined();
    expectCode(await coordinator.gql(ACCEPT, { id: String(other.id), input: input() }), 'FORBIDDEN');
    expectCode(await coordinator.gql(REVOKE, { id: String(other.id), version: 1 }), 'FORBIDDEN');
    expect((await t.db.prisma.risk.findUniqueOrThrow({ where: { id: other.id } })).acceptedOn).toBeNull();
  });
});

describe('revokeRiskAcceptance', () => {
  it('removes the acceptance, with an audit event', async () => {
    const risk = await residualRisk();
    await admin.gql(ACCEPT, { id: String(risk.id), input: input() });
    const { data, errors } = await admin.gql<{ revokeRiskAcceptance: Accepted }>(REVOKE, { id: String(risk.id), version: 2 });
    expect(errors).toBeUndefined();
    expect(data!.revokeRiskAcceptance).toMatchObject({ version: 3, acceptance: null });
    const audit = await t.db.prisma.auditEvent.findMany({ where: { entityType: 'Risk', entityId: String(risk.id) }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['accept-residual', 'revoke-acceptance']);
  });

  it('answers NOT_FOUND when nothing is accepted, and VERSION_CONFLICT on a stale version', async () => {
    const risk = await residualRisk();
    expectCode(await admin.gql(REVOKE, { id: String(risk.id), version: 1 }), 'NOT_FOUND', ['id']);
    await admin.gql(ACCEPT, { id: String(risk.id), input: input() });
    expectCode(await admin.gql(REVOKE, { id: String(risk.id), version: 1 }), 'VERSION_CONFLICT');
  });
});

describe('rescoreRisk and the acceptance', () => {
  it('ends the acceptance when the residual assessment is cleared, keeps it on another residual score', async () => {
    const risk = await residualRisk();
    await admin.gql(ACCEPT, { id: String(risk.id), input: input() });
    const kept = await admin.gql<{ rescoreRisk: Accepted }>(RESCORE, { id: String(risk.id), input: { inherentLikelihood: 4, inherentConsequence: 4, residualLikelihood: 1, residualConsequence: 2, version: 2 } });
    expect(kept.errors).toBeUndefined();
    expect(kept.data!.rescoreRisk.acceptance).not.toBeNull();
    const cleared = await admin.gql<{ rescoreRisk: Accepted }>(RESCORE, { id: String(risk.id), input: { inherentLikelihood: 4, inherentConsequence: 4, version: 3 } });
    expect(cleared.errors).toBeUndefined();
    expect(cleared.data!.rescoreRisk.acceptance).toBeNull();
  });

  it('shows the seeded acceptance of R-06', async () => {
    const { data } = await admin.gql<{ risks: { edges: { node: { reference: string; acceptance: Acceptance } }[] } }>(`query { risks(first: 100) { edges { node { reference ${ACCEPTANCE} } } } }`);
    const accepted = data!.risks.edges.filter((e) => e.node.acceptance);
    expect(accepted.map((e) => e.node.reference)).toEqual(['R-06']);
    expect(accepted[0]!.node.acceptance).toMatchObject({ approverName: 'Ingrid Haugen', approver: { displayName: 'Ingrid Haugen' }, acceptedOn: '2025-11-20', expiresOn: '2027-11-20' });
  });
});
