import { beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/testApi.ts';
import { useTestApi } from '../../testing/useTestApi.ts';
import { expectCode, makeManyRisks, makeRisk, municipalityId, osloDay, userId } from './risk.fixtures.ts';

// The register's additions of the risk workspace: the cell, overdue review and overdue measure
// filters, ordering by owner and by open measures, and the per-risk counts. Read-only after setup.

const t = useTestApi({ per: 'file' });
let viewer: TestClient;
let area: string;
let bulkArea: string;
const ids: Record<string, string> = {};

const LIST = /* GraphQL */ `
  query($first: Int, $after: String, $filter: RiskFilter, $orderBy: RiskOrder) {
    risks(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id reference openMeasureCount overdueMeasureCount isReviewOverdue } }
    }
  }
`;

type Node = { id: string; reference: string; openMeasureCount: number; overdueMeasureCount: number; isReviewOverdue: boolean };
type Page = { risks: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: Node }[] } };

async function nodes(filter: Record<string, unknown>, orderBy?: Record<string, unknown>): Promise<Node[]> {
  const { data, errors } = await viewer.gql<Page>(LIST, { first: 100, filter: { areaIds: [area], ...filter }, orderBy });
  expect(errors).toBeUndefined();
  return data!.risks.edges.map((e) => e.node);
}
const refs = async (filter: Record<string, unknown>, orderBy?: Record<string, unknown>) => (await nodes(filter, orderBy)).map((n) => n.reference);

beforeAll(async () => {
  const db = t.db;
  const kongsberg = await municipalityId(db, '3303');
  const a = await db.prisma.riskArea.create({ data: { code: 'ARBEIDSFLATE', name: 'Arbeidsflate', sortOrder: 70 } });
  const b = await db.prisma.riskArea.create({ data: { code: 'ARBEIDSFLATE-BULK', name: 'Mange', sortOrder: 71 } });
  area = String(a.id);
  bulkArea = String(b.id);
  const lars = await userId(db, 'koordinator');
  const ingrid = await userId(db, 'admin');
  const specs = [
    { reference: 'W-01', ownerId: lars, scores: [2, 3], residual: [1, 2], nextReviewDate: osloDay(-10) },
    { reference: 'W-02', ownerName: 'Åse Ødegård', scores: [2, 3], nextReviewDate: osloDay(30) },
    { reference: 'W-03', ownerName: 'Øystein Berg', scores: [4, 4], residual: [2, 3] },
    { reference: 'W-04', scores: [1, 1] },
    { reference: 'W-05', ownerId: ingrid, scores: [2, 3] },
    { reference: 'W-06', ownerName: 'Zeta', scores: [3, 3], nextReviewDate: osloDay(0) },
  ] as const;
  for (const spec of specs) {
    const risk = await makeRisk(db, { reference: spec.reference, areaId: a.id, municipalityIds: [kongsberg], scores: [...spec.scores], residual: 'residual' in spec ? [...spec.residual] : null, ownerId: 'ownerId' in spec ? spec.ownerId : null, nextReviewDate: 'nextReviewDate' in spec ? spec.nextReviewDate : null });
    if ('ownerName' in spec) await db.prisma.risk.update({ where: { id: risk.id }, data: { ownerName: spec.ownerName } });
    ids[spec.reference] = String(risk.id);
  }
  const day = (offset: number) => new Date(`${osloDay(offset)}T00:00:00Z`);
  const measure = (ref: string, data: { deadline?: Date; status?: 'PLANNED' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED'; deletedAt?: Date }) =>
    db.prisma.measure.create({ data: { riskId: Number(ids[ref]), title: `Tiltak ${ref}`, ...data, completedAt: data.status === 'DONE' ? new Date() : null } });
  await measure('W-01', { deadline: day(-1), status: 'IN_PROGRESS' });
  await measure('W-01', { deadline: day(10) });
  await measure('W-01', { deadline: day(-5), status: 'DONE' });
  await measure('W-01', { deadline: day(-5), deletedAt: new Date() });
  await measure('W-02', {});
  await measure('W-03', { deadline: day(-3), status: 'CANCELLED' });
  for (let i = 0; i < 3; i++) await measure('W-04', { deadline: day(0) });
  await makeManyRisks(db, 'WB-', 30, b.id, kongsberg);
  // The first bulk risk in both orderings carries every nested field, so a page of 2 and a page
  // of 20 ask the same loaders.
  const firstBulk = await db.prisma.risk.findUniqueOrThrow({ where: { reference: 'WB-0001' } });
  await db.prisma.risk.update({ where: { id: firstBulk.id }, data: { acceptanceApproverId: ingrid, acceptanceApproverName: 'Ingrid Haugen', acceptedOn: new Date('2026-01-01'), acceptanceExpiresOn: new Date('2027-01-01') } });
  const dimension = await db.prisma.consequenceDimension.findFirstOrThrow({ where: { deletedAt: null } });
  await db.prisma.riskConsequenceScore.create({ data: { riskId: firstBulk.id, dimensionId: dimension.id, consequence: 2 } });
  // Signed in last: a keep-alive connection left idle through a long setup can be closed by the
  // server just as the first test reuses it.
  viewer = await t.api.signIn('leser');
});

describe('risk fields: open and overdue measures, overdue review', () => {
  it('counts live open measures, and of those the ones past their deadline (Oslo)', async () => {
    const byRef = Object.fromEntries((await nodes({})).map((n) => [n.reference, n]));
    expect(byRef['W-01']).toMatchObject({ openMeasureCount: 2, overdueMeasureCount: 1, isReviewOverdue: true });
    expect(byRef['W-02']).toMatchObject({ openMeasureCount: 1, overdueMeasureCount: 0, isReviewOverdue: false });
    expect(byRef['W-03']).toMatchObject({ openMeasureCount: 0, overdueMeasureCount: 0, isReviewOverdue: false });
    // A deadline or review date of today is not overdue yet.
    expect(byRef['W-04']).toMatchObject({ openMeasureCount: 3, overdueMeasureCount: 0 });
    expect(byRef['W-06']).toMatchObject({ isReviewOverdue: false });
  });
});

describe('risks: the new filters', () => {
  it('keeps the risks of one cell, under the residual basis (falling back to inherent) or the inherent one', async () => {
    expect(await refs({ likelihood: 2, consequence: 3 })).toEqual(['W-02', 'W-03', 'W-05']);
    expect(await refs({ likelihood: 2, consequence: 3, levelBasis: 'INHERENT' })).toEqual(['W-01', 'W-02', 'W-05']);
    expect(await refs({ likelihood: 2, levelBasis: 'INHERENT' })).toEqual(['W-01', 'W-02', 'W-05']);
    expect(await refs({ consequence: 3, levelBasis: 'INHERENT' })).toEqual(['W-01', 'W-02', 'W-05', 'W-06']);
  });

  it('filters overdue reviews and risks with overdue measures, both ways', async () => {
    expect(await refs({ reviewOverdue: true })).toEqual(['W-01']);
    expect(await refs({ reviewOverdue: false })).toEqual(['W-02', 'W-03', 'W-04', 'W-05', 'W-06']);
    expect(await refs({ hasOverdueMeasures: true })).toEqual(['W-01']);
    expect(await refs({ hasOverdueMeasures: false })).toEqual(['W-02', 'W-03', 'W-04', 'W-05', 'W-06']);
  });

  it('refuses a cell outside 1..5', async () => {
    expectCode(await viewer.gql(LIST, { filter: { likelihood: 6 } }), 'VALIDATION_FAILED', ['filter', 'likelihood']);
    expectCode(await viewer.gql(LIST, { filter: { consequence: 0 } }), 'VALIDATION_FAILED', ['filter', 'consequence']);
  });

  it('narrows the matrix to one cell', async () => {
    const MATRIX = /* GraphQL */ `query($filter: RiskFilter) { riskMatrix(filter: $filter, basis: INHERENT) { totalCount cells { likelihood consequence count } } }`;
    const { data } = await viewer.gql<{ riskMatrix: { totalCount: number; cells: { likelihood: number; consequence: number; count: number }[] } }>(MATRIX, { filter: { areaIds: [area], likelihood: 2, consequence: 3, levelBasis: 'INHERENT' } });
    expect(data!.riskMatrix.totalCount).toBe(3);
    expect(data!.riskMatrix.cells.filter((c) => c.count > 0)).toEqual([{ likelihood: 2, consequence: 3, count: 3 }]);
  });
});

describe('risks: ordering by owner and by open measures', () => {
  it('orders owners the Norwegian way (Ø before Å after Z), display name or typed name, none last', async () => {
    expect(await refs({}, { field: 'OWNER' })).toEqual(['W-05', 'W-01', 'W-06', 'W-03', 'W-02', 'W-04']);
    expect(await refs({}, { field: 'OWNER', direction: 'DESC' })).toEqual(['W-04', 'W-02', 'W-03', 'W-06', 'W-01', 'W-05']);
  });

  it('orders by the number of open measures, then the reference', async () => {
    expect(await refs({}, { field: 'OPEN_MEASURES' })).toEqual(['W-03', 'W-05', 'W-06', 'W-02', 'W-01', 'W-04']);
    expect(await refs({}, { field: 'OPEN_MEASURES', direction: 'DESC' })).toEqual(['W-04', 'W-01', 'W-02', 'W-06', 'W-05', 'W-03']);
  });

  it('walks both orderings page by page, each risk once, in the same order as one page', async () => {
    for (const field of ['OWNER', 'OPEN_MEASURES']) {
      for (const direction of ['ASC', 'DESC']) {
        const filter = { areaIds: [area, bulkArea] };
        const orderBy = { field, direction };
        const whole = (await viewer.gql<Page>(LIST, { first: 100, filter, orderBy })).data!.risks.edges.map((e) => e.node.id);
        const walked: string[] = [];
        let after: string | null = null;
        for (let i = 0; i < 20; i++) {
          const page: Page['risks'] = (await viewer.gql<Page>(LIST, { first: 4, after, filter, orderBy })).data!.risks;
          walked.push(...page.edges.map((e) => e.node.id));
          if (!page.pageInfo.hasNextPage) break;
          after = page.pageInfo.endCursor;
        }
        expect(whole, `${field} ${direction}`).toHaveLength(36);
        expect(walked, `${field} ${direction}`).toEqual(whole);
      }
    }
  });
});

describe('risks: statements with the new fields', () => {
  const NESTED = /* GraphQL */ `
    query($first: Int, $filter: RiskFilter, $orderBy: RiskOrder) {
      risks(first: $first, filter: $filter, orderBy: $orderBy) {
        edges { node { reference openMeasureCount overdueMeasureCount isReviewOverdue consequenceReason consequenceScores { dimension { name } consequence } acceptance { approverName approver { displayName } isExpired } } }
      }
    }
  `;

  it('does not grow with the page size, ordered by owner or open measures', async () => {
    for (const field of ['OWNER', 'OPEN_MEASURES']) {
      const count = async (first: number) => {
        let n = 0;
        const stop = t.db.onQuery(() => n++);
        try {
          const { data, errors } = await viewer.gql<{ risks: { edges: unknown[] } }>(NESTED, { first, filter: { areaIds: [bulkArea], hasOverdueMeasures: false, reviewOverdue: false }, orderBy: { field } });
          expect(errors).toBeUndefined();
          expect(data!.risks.edges).toHaveLength(first);
        } finally {
          stop();
        }
        return n;
      };
      expect(await count(20), field).toBe(await count(2));
    }
  });
});
