import { beforeEach, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/testApi.ts';
import { useTestApi } from '../../testing/useTestApi.ts';

// One database copy for the file: each test makes its own findings, and only links its own
// findings to seeded risks.
const t = useTestApi({ per: 'file' });
let coordinator: TestClient;
let admin: TestClient;
beforeEach(async () => {
  coordinator = await t.api.signIn('koordinator');
  admin = await t.api.signIn('admin');
});

const FIELDS = `id kind title description status sortOrder version risks { id reference }`;
const LIST = `query Findings($kind: FindingKind, $first: Int, $after: String) { findings(kind: $kind, first: $first, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { ${FIELDS} } } } }`;
const CREATE = `mutation CreateFinding($input: FindingInput!) { createFinding(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation UpdateFinding($id: ID!, $input: UpdateFindingInput!) { updateFinding(id: $id, input: $input) { ${FIELDS} } }`;
const DELETE = `mutation DeleteFinding($id: ID!) { deleteFinding(id: $id) { id } }`;
const RESTORE = `mutation RestoreFinding($id: ID!) { restoreFinding(id: $id) { id version } }`;
const LINK = `mutation LinkFindingToRisk($f: ID!, $r: ID!) { linkFindingToRisk(findingId: $f, riskId: $r) { id risks { reference } } }`;
const UNLINK = `mutation UnlinkFindingFromRisk($f: ID!, $r: ID!) { unlinkFindingFromRisk(findingId: $f, riskId: $r) { id risks { reference } } }`;

type Out = { id: string; kind: string; title: string; status: string | null; sortOrder: number; version: number; risks: { id: string; reference: string }[] };
type Page = { totalCount: number; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null }; edges: { cursor: string; node: Out }[] };

async function create(input: Record<string, unknown>): Promise<Out> {
  const result = await coordinator.gql<{ createFinding: Out }>(CREATE, { input: { kind: 'LESSON', title: 'Lærdom', ...input } });
  expect(result.errors).toBeUndefined();
  return result.data!.createFinding;
}

async function riskId(reference: string): Promise<string> {
  return String((await t.db.prisma.risk.findUniqueOrThrow({ where: { reference } })).id);
}

describe('findings', () => {
  it('lists the findings of a kind in their order, with their linked risks', async () => {
    const { data, errors } = await coordinator.gql<{ findings: Page }>(LIST, { kind: 'VULNERABILITY', first: 100 });
    expect(errors).toBeUndefined();
    const nodes = data!.findings.edges.map((e) => e.node);
    expect(nodes[0]).toMatchObject({ kind: 'VULNERABILITY', title: 'Manglende forankring og kunnskapsgrunnlag for hva etableringen innebærer', status: null });
    expect(nodes[0]!.risks.map((r) => r.reference)).toEqual(['R-01', 'R-03', 'R-09']);
    expect(new Set(nodes.map((n) => n.kind))).toEqual(new Set(['VULNERABILITY']));
    expect(data!.findings.totalCount).toBe(nodes.length);
  });

  it('walks every finding once over pages, ordered by kind, sort order and id', async () => {
    await create({ kind: 'STRENGTH', title: 'Lik rekkefølge A', sortOrder: 0 });
    await create({ kind: 'STRENGTH', title: 'Lik rekkefølge B', sortOrder: 0 });
    const seen: Out[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const page: { findings: Page } = (await coordinator.gql<{ findings: Page }>(LIST, { first: 3, after })).data!;
      total = page.findings.totalCount;
      seen.push(...page.findings.edges.map((e) => e.node));
      expect(page.findings.pageInfo.hasPreviousPage).toBe(after !== null);
      after = page.findings.pageInfo.hasNextPage ? page.findings.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((n) => n.id)).size).toBe(total);
    const kinds = ['SUCCESS_FACTOR', 'VULNERABILITY', 'STRENGTH', 'OPPORTUNITY', 'INSIGHT_NEED', 'LESSON', 'PRIORITY'];
    const keys = seen.map((n) => [kinds.indexOf(n.kind), n.sortOrder, Number(n.id)]);
    const sorted = [...keys].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!);
    expect(keys).toEqual(sorted);
  });

  it('refuses a cursor it did not hand out and a page over 100', async () => {
    expect((await coordinator.gql(LIST, { after: 'bm9wZQ' })).errors?.[0]?.extensions?.code).toBe('BAD_CURSOR');
    expect((await coordinator.gql(LIST, { first: 101 })).errors?.[0]?.extensions?.code).toBe('BAD_PAGE_SIZE');
  });

  it('creates a success factor with a status and an audit row, and finds it by id', async () => {
    const created = await create({ kind: 'SUCCESS_FACTOR', title: ' Forankring ', status: 'ON_TRACK', description: 'Politisk', sortOrder: 4 });
    expect(created).toMatchObject({ kind: 'SUCCESS_FACTOR', title: 'Forankring', status: 'ON_TRACK', sortOrder: 4, version: 1, risks: [] });
    expect(await t.db.prisma.auditEvent.count({ where: { entityType: 'Finding', entityId: created.id, action: 'create' } })).toBe(1);
    const byId = await coordinator.gql<{ finding: { title: string } }>(`query($id: ID!) { finding(id: $id) { title } }`, { id: created.id });
    expect(byId.data!.finding).toEqual({ title: 'Forankring' });
  });

  it('requires a status for a success factor and refuses one for other kinds, as the database does', async () => {
    const missing = await coordinator.gql(CREATE, { input: { kind: 'SUCCESS_FACTOR', title: 'X' } });
    expect(missing.errors?.[0]).toMatchObject({ message: 'En suksessfaktor må ha en status.', extensions: { code: 'VALIDATION_FAILED', path: ['input', 'status'] } });
    const extra = await coordinator.gql(CREATE, { input: { kind: 'LESSON', title: 'X', status: 'AT_RISK' } });
    expect(extra.errors?.[0]).toMatchObject({ message: 'Bare suksessfaktorer har status.', extensions: { code: 'VALIDATION_FAILED', path: ['input', 'status'] } });
    const created = await create({ kind: 'SUCCESS_FACTOR', status: 'AT_RISK' });
    const toLesson = await coordinator.gql(UPDATE, { id: created.id, input: { kind: 'LESSON', title: 'X', status: 'AT_RISK', version: 1 } });
    expect(toLesson.errors?.[0]).toMatchObject({ extensions: { code: 'VALIDATION_FAILED', path: ['input', 'status'] } });
  });

  it('rejects an empty title and a negative sort order with field errors', async () => {
    const result = await coordinator.gql(CREATE, { input: { kind: 'LESSON', title: '', sortOrder: -1 } });
    const issues = result.errors![0]!.extensions!.issues as { path: string[] }[];
    expect(issues.map((i) => i.path.join('.'))).toEqual(['input.title', 'input.sortOrder']);
  });

  it('updates on its version and refuses a stale one with the current values', async () => {
    const created = await create({ kind: 'SUCCESS_FACTOR', status: 'NOT_STARTED' });
    const updated = await coordinator.gql<{ updateFinding: Out }>(UPDATE, { id: created.id, input: { kind: 'SUCCESS_FACTOR', title: 'Oppnådd', status: 'ACHIEVED', version: 1 } });
    expect(updated.data!.updateFinding).toMatchObject({ title: 'Oppnådd', status: 'ACHIEVED', version: 2 });
    const stale = await coordinator.gql(UPDATE, { id: created.id, input: { kind: 'SUCCESS_FACTOR', title: 'X', status: 'AT_RISK', version: 1 } });
    expect(stale.errors?.[0]).toMatchObject({ extensions: { code: 'VERSION_CONFLICT', current: { title: 'Oppnådd', status: 'ACHIEVED', version: 2 } } });
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { entityType: 'Finding', entityId: created.id, action: 'update' } });
    expect(audit.before).toMatchObject({ status: 'NOT_STARTED' });
  });

  it('soft-deletes a finding out of the list, the lookup and its risks, and lets only ADMIN restore it with its links', async () => {
    const created = await create({ title: 'Slettes' });
    const r = await riskId('R-02');
    await coordinator.gql(LINK, { f: created.id, r });
    await coordinator.gql(DELETE, { id: created.id });
    const list = await coordinator.gql<{ findings: Page }>(LIST, { kind: 'LESSON', first: 100 });
    expect(list.data!.findings.edges.map((e) => e.node.id)).not.toContain(created.id);
    expect((await coordinator.gql(`query($id: ID!) { finding(id: $id) { id } }`, { id: created.id })).data).toEqual({ finding: null });
    expect((await coordinator.gql(UPDATE, { id: created.id, input: { kind: 'LESSON', title: 'X', version: 2 } })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await coordinator.gql(RESTORE, { id: created.id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await admin.gql(RESTORE, { id: created.id })).data).toEqual({ restoreFinding: { id: created.id, version: 3 } });
    const back = await coordinator.gql<{ finding: Out }>(`query($id: ID!) { finding(id: $id) { ${FIELDS} } }`, { id: created.id });
    expect(back.data!.finding.risks.map((x) => x.reference)).toEqual(['R-02']);
  });

  it('links a finding to a risk once however often it is asked, auditing the change only', async () => {
    const created = await create({ title: 'Lenkes' });
    const r = await riskId('R-05');
    const first = await coordinator.gql<{ linkFindingToRisk: Out }>(LINK, { f: created.id, r });
    expect(first.data!.linkFindingToRisk.risks.map((x) => x.reference)).toEqual(['R-05']);
    const again = await coordinator.gql<{ linkFindingToRisk: Out }>(LINK, { f: created.id, r });
    expect(again.data!.linkFindingToRisk.risks.map((x) => x.reference)).toEqual(['R-05']);
    expect(await t.db.prisma.auditEvent.count({ where: { entityType: 'Finding', entityId: created.id, action: 'link-risk' } })).toBe(1);
    const unlinked = await coordinator.gql<{ unlinkFindingFromRisk: Out }>(UNLINK, { f: created.id, r });
    expect(unlinked.data!.unlinkFindingFromRisk.risks).toEqual([]);
    expect((await coordinator.gql(UNLINK, { f: created.id, r })).errors).toBeUndefined();
    expect(await t.db.prisma.auditEvent.count({ where: { entityType: 'Finding', entityId: created.id, action: 'unlink-risk' } })).toBe(1);
  });

  it('refuses a link to a deleted or unknown risk with NOT_FOUND at riskId', async () => {
    const created = await create({ title: 'Ingen risiko' });
    const risk = await t.db.prisma.risk.findUniqueOrThrow({ where: { reference: 'R-06' } });
    await t.db.prisma.risk.update({ where: { id: risk.id }, data: { deletedAt: new Date() } });
    for (const r of [String(risk.id), '999999']) {
      expect((await coordinator.gql(LINK, { f: created.id, r })).errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND', path: ['riskId'] } });
    }
    await t.db.prisma.risk.update({ where: { id: risk.id }, data: { deletedAt: null } });
  });

  it("refuses a coordinator's link to a risk of other municipalities only, and audits the refusal", async () => {
    const created = await create({ title: 'Utenfor' });
    // R-08 affects Flesberg, Rollag and Hjartdal; R-05 affects Kongsberg, where koordinator is coordinator.
    const refused = await coordinator.gql(LINK, { f: created.id, r: await riskId('R-08') });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await t.db.prisma.auditEvent.count({ where: { action: 'access-denied', entityId: 'linkFindingToRisk' } })).toBeGreaterThan(0);
    expect((await coordinator.gql(LINK, { f: created.id, r: await riskId('R-05') })).errors).toBeUndefined();
    expect((await admin.gql(LINK, { f: created.id, r: await riskId('R-08') })).errors).toBeUndefined();
    expect((await coordinator.gql(UNLINK, { f: created.id, r: await riskId('R-08') })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('shows a risk its live findings', async () => {
    const created = await create({ kind: 'PRIORITY', title: 'Prioritet for R-07' });
    const r = await riskId('R-07');
    await coordinator.gql(LINK, { f: created.id, r });
    const { data, errors } = await coordinator.gql<{ riskAreas: { risks: { reference: string; findings: { id: string }[] }[] }[] }>(`{ riskAreas { risks { reference findings { id } } } }`);
    expect(errors).toBeUndefined();
    const risk = data!.riskAreas.flatMap((a) => a.risks).find((x) => x.reference === 'R-07')!;
    expect(risk.findings.map((f) => f.id)).toContain(created.id);
    await coordinator.gql(DELETE, { id: created.id });
    const after = (await coordinator.gql<{ riskAreas: { risks: { reference: string; findings: { id: string }[] }[] }[] }>(`{ riskAreas { risks { reference findings { id } } } }`)).data!;
    expect(after.riskAreas.flatMap((a) => a.risks).find((x) => x.reference === 'R-07')!.findings.map((f) => f.id)).not.toContain(created.id);
  });

  it('leaves finding changes to ADMIN and COORDINATOR', async () => {
    for (const username of ['arkivar', 'leser']) {
      const client = await t.api.signIn(username);
      expect((await client.gql(CREATE, { input: { kind: 'LESSON', title: 'X' } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('answers a full page of 100 findings with their risks within the query limits', async () => {
    const result = await coordinator.gql<{ findings: Page }>(LIST, { first: 100 });
    expect(result.errors).toBeUndefined();
  });

  it('reads a page with linked risks in the same number of statements at 2 and 20 rows', async () => {
    const count = async (first: number) => {
      let n = 0;
      const stop = t.db.onQuery(() => n++);
      const result = await coordinator.gql<{ findings: Page }>(LIST, { first });
      stop();
      return { rows: result.data!.findings.edges.length, linked: result.data!.findings.edges.filter((e) => e.node.risks.length).length, statements: n };
    };
    const small = await count(2);
    const large = await count(20);
    expect([small.rows, large.rows]).toEqual([2, 20]);
    expect(large.linked).toBeGreaterThan(2);
    expect(large.statements).toBe(small.statements);
  });
});
