import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/testApi.ts';
import { useTestApi } from '../../testing/useTestApi.ts';
import { expectCode, makeManyRisks, makeRisk, municipalityId, userId } from './risk.fixtures.ts';

// Reads of the register on one database for the file: the rows live in areas of their own, and
// every query filters on them, so the demo risks never get in the way.
const t = useTestApi({ per: 'file' });
let viewer: TestClient;
let coordinator: TestClient;
let area: string;
let bulkArea: string;
const ids: Record<string, string> = {};

const LIST = /* GraphQL */ `
  query RisksPage($first: Int, $after: String, $filter: RiskFilter, $orderBy: RiskOrder) {
    risks(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id reference } }
    }
  }
`;

type Page = { risks: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { cursor: string; node: { id: string; reference: string } }[] } };

async function references(filter: Record<string, unknown>, orderBy?: Record<string, unknown>): Promise<string[]> {
  const { data, errors } = await viewer.gql<Page>(LIST, { first: 100, filter: { areaIds: [area], ...filter }, orderBy });
  expect(errors).toBeUndefined();
  return data!.risks.edges.map((e) => e.node.reference);
}

beforeAll(async () => {
  viewer = await t.api.signIn('leser');
  coordinator = await t.api.signIn('koordinator');
  const db = t.db;
  const kongsberg = await municipalityId(db, '3303');
  const flesberg = await municipalityId(db, '3334');
  const owner = await userId(db, 'koordinator');
  const a = await db.prisma.riskArea.create({ data: { code: 'LISTE', name: 'Listetest', sortOrder: 50 } });
  const b = await db.prisma.riskArea.create({ data: { code: 'BULK', name: 'Mange', sortOrder: 60 } });
  area = String(a.id);
  bulkArea = String(b.id);
  const specs = [
    { reference: 'T-01', title: 'Alfa', municipalityIds: [kongsberg], status: 'OPEN', ownerId: owner, scores: [5, 5], residual: [1, 1], nextReviewDate: '2027-03-01' },
    { reference: 'T-02', title: 'Zebra', appliesToAll: true, status: 'MONITORING', scores: [2, 2] },
    { reference: 'T-03', title: 'Ærlig', municipalityIds: [flesberg], status: 'CLOSED', scores: [3, 3], residual: [4, 4], nextReviewDate: '2027-02-01' },
    { reference: 'T-04', title: 'Øst', municipalityIds: [flesberg], status: 'OPEN', scores: [1, 2], nextReviewDate: '2027-01-01' },
    { reference: 'T-05', title: 'Slettet', municipalityIds: [kongsberg], scores: [5, 5], deletedAt: new Date() },
  ] as const;
  for (const spec of specs) {
    const risk = await makeRisk(db, { ...spec, areaId: a.id, scores: [...spec.scores], residual: 'residual' in spec ? [...spec.residual] : null, municipalityIds: 'municipalityIds' in spec ? [...spec.municipalityIds] : [] });
    ids[spec.reference] = String(risk.id);
  }
  await db.prisma.measure.create({ data: { riskId: Number(ids['T-01']), title: 'Tiltak uten frist' } });
  await db.prisma.measure.create({ data: { riskId: Number(ids['T-01']), title: 'Tiltak med frist', deadline: new Date('2026-01-01T00:00:00Z') } });
  await makeManyRisks(db, 'B-', 40, b.id, kongsberg);
});

describe('risks: filters', () => {
  it('lists live risks only, by reference, with a total count', async () => {
    const { data } = await viewer.gql<Page>(LIST, { first: 2, filter: { areaIds: [area] } });
    expect(data!.risks.totalCount).toBe(4);
    expect(data!.risks.edges.map((e) => e.node.reference)).toEqual(['T-01', 'T-02']);
    expect(data!.risks.pageInfo.hasNextPage).toBe(true);
  });

  it('matches a risk for all municipalities under any municipality filter', async () => {
    const kongsberg = String(await municipalityId(t.db, '3303'));
    expect(await references({ municipalityIds: [kongsberg] })).toEqual(['T-01', 'T-02']);
    const tinn = String(await municipalityId(t.db, '4026'));
    expect(await references({ municipalityIds: [tinn] })).toEqual(['T-02']);
  });

  it('filters by status and owner', async () => {
    expect(await references({ statuses: ['OPEN'] })).toEqual(['T-01', 'T-04']);
    expect(await references({ statuses: ['MONITORING', 'CLOSED'] })).toEqual(['T-02', 'T-03']);
    expect(await references({ ownerIds: [String(await userId(t.db, 'koordinator'))] })).toEqual(['T-01']);
  });

  it('filters by level under today\'s criteria, inherent or residual (falling back to inherent)', async () => {
    expect(await references({ level: 'HIGH', levelBasis: 'INHERENT' })).toEqual(['T-01']);
    expect(await references({ level: 'HIGH', levelBasis: 'RESIDUAL' })).toEqual(['T-03']);
    expect(await references({ level: 'LOW' })).toEqual(['T-01', 'T-02', 'T-04']);
    expect(await references({ level: 'MEDIUM', levelBasis: 'INHERENT' })).toEqual(['T-03']);
  });

  it('filters above or within the acceptance limit', async () => {
    expect(await references({ aboveAcceptance: true })).toEqual(['T-03']);
    expect(await references({ aboveAcceptance: true, levelBasis: 'INHERENT' })).toEqual(['T-01']);
    expect(await references({ aboveAcceptance: false })).toEqual(['T-01', 'T-02', 'T-04']);
  });

  it('searches reference and title, case-insensitively, with % and _ taken literally', async () => {
    expect(await references({ search: 't-03' })).toEqual(['T-03']);
    expect(await references({ search: 'zeb' })).toEqual(['T-02']);
    expect(await references({ search: '%' })).toEqual([]);
  });

  it('refuses an id in a filter that can name no row', async () => {
    const result = await viewer.gql(LIST, { filter: { areaIds: ['x'] } });
    expectCode(result, 'NOT_FOUND', ['filter', 'areaIds', 0]);
  });
});

describe('risks: ordering and pages', () => {
  it('orders titles the Norwegian way (æ, ø after z)', async () => {
    expect(await references({}, { field: 'TITLE' })).toEqual(['T-01', 'T-02', 'T-03', 'T-04']);
    expect(await references({}, { field: 'TITLE', direction: 'DESC' })).toEqual(['T-04', 'T-03', 'T-02', 'T-01']);
  });

  it('orders by scores, status and next review date (none last)', async () => {
    expect(await references({}, { field: 'INHERENT_SCORE', direction: 'DESC' })).toEqual(['T-01', 'T-03', 'T-02', 'T-04']);
    expect(await references({}, { field: 'RESIDUAL_SCORE' })).toEqual(['T-01', 'T-04', 'T-02', 'T-03']);
    expect(await references({}, { field: 'STATUS' })).toEqual(['T-01', 'T-04', 'T-02', 'T-03']);
    expect(await references({}, { field: 'NEXT_REVIEW_DATE' })).toEqual(['T-04', 'T-03', 'T-01', 'T-02']);
  });

  it('walks every ordering page by page, each risk once, in the same order as one page', async () => {
    const fields = ['REFERENCE', 'TITLE', 'AREA', 'STATUS', 'INHERENT_SCORE', 'RESIDUAL_SCORE', 'NEXT_REVIEW_DATE', 'OWNER', 'OPEN_MEASURES'];
    for (const field of fields) {
      for (const direction of ['ASC', 'DESC']) {
        const orderBy = { field, direction };
        const filter = { areaIds: [area, bulkArea] };
        const whole = (await viewer.gql<Page>(LIST, { first: 100, filter, orderBy })).data!.risks.edges.map((e) => e.node.id);
        const walked: string[] = [];
        let after: string | null = null;
        for (let i = 0; i < 50; i++) {
          const result: { data?: Page | null } = await viewer.gql<Page>(LIST, { first: 7, after, filter, orderBy });
          walked.push(...result.data!.risks.edges.map((e) => e.node.id));
          if (!result.data!.risks.pageInfo.hasNextPage) break;
          after = result.data!.risks.pageInfo.endCursor;
        }
        expect(whole, `${field} ${direction}`).toHaveLength(44);
        expect(walked, `${field} ${direction}`).toEqual(whole);
      }
    }
  });

  it('visits every matching risk once, in order, under random filters, orderings and page sizes', async () => {
    // The bulk rows share scores, statuses and dates, so most pages end inside a run of equal keys.
    const kongsberg = String(await municipalityId(t.db, '3303'));
    const filterArb = fc.record(
      {
        statuses: fc.subarray(['OPEN', 'MONITORING', 'CLOSED'], { minLength: 1 }),
        municipalityIds: fc.constant([kongsberg]),
        level: fc.constantFrom('LOW', 'MEDIUM', 'HIGH'),
        levelBasis: fc.constantFrom('INHERENT', 'RESIDUAL'),
        search: fc.constantFrom('B-00', 'masse', 'T-'),
      },
      { requiredKeys: [] },
    );
    const fields = ['REFERENCE', 'TITLE', 'AREA', 'STATUS', 'INHERENT_SCORE', 'RESIDUAL_SCORE', 'NEXT_REVIEW_DATE', 'OWNER', 'OPEN_MEASURES'] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), fc.constantFrom('ASC', 'DESC'), fc.integer({ min: 2, max: 9 }), filterArb, async (field, direction, size, extra) => {
        const filter = { areaIds: [area, bulkArea], ...extra };
        const orderBy = { field, direction };
        const whole = (await viewer.gql<Page>(LIST, { first: 100, filter, orderBy })).data!.risks;
        const walked: string[] = [];
        let after: string | null = null;
        for (let i = 0; i < 50; i++) {
          const page: Page['risks'] = (await viewer.gql<Page>(LIST, { first: size, after, filter, orderBy })).data!.risks;
          expect(page.totalCount).toBe(whole.totalCount);
          walked.push(...page.edges.map((e) => e.node.id));
          if (!page.pageInfo.hasNextPage) break;
          after = page.pageInfo.endCursor;
        }
        expect(walked).toEqual(whole.edges.map((e) => e.node.id));
        expect(new Set(walked).size).toBe(whole.totalCount);
      }),
      { numRuns: 25 },
    );
  });

  it('refuses a cursor it did not hand out, or one of another ordering', async () => {
    expectCode(await viewer.gql(LIST, { after: 'bm9wZQ' }), 'BAD_CURSOR', ['after']);
    const { data } = await viewer.gql<Page>(LIST, { first: 1, filter: { areaIds: [area] } });
    expectCode(await viewer.gql(LIST, { after: data!.risks.pageInfo.endCursor, orderBy: { field: 'TITLE' } }), 'BAD_CURSOR', ['after']);
  });
});

const DETAIL = /* GraphQL */ `
  query RiskDetail($id: ID!) {
    risk(id: $id) {
      reference title area { code } municipalities { number } appliesToAll owner { displayName } ownerName
      nextReviewDate inherentScore inherentLevel residualScore residualLevel version canEdit
      measures { title deadline isOverdue }
      assessments { assessedAt inherentLikelihood status }
    }
  }
`;

describe('risk', () => {
  it('shows a risk with area, municipalities, owner, levels, measures and history', async () => {
    await t.db.prisma.riskAssessment.create({ data: { riskId: Number(ids['T-01']), assessedAt: new Date('2020-01-01T12:00:00Z'), inherentLikelihood: 2, inherentConsequence: 2, status: 'OPEN' } });
    const { data, errors } = await viewer.gql<{ risk: Record<string, unknown> & { assessments: { assessedAt: string }[] } }>(DETAIL, { id: ids['T-01'] });
    expect(errors).toBeUndefined();
    expect(data!.risk).toMatchObject({
      reference: 'T-01',
      area: { code: 'LISTE' },
      municipalities: [{ number: '3303' }],
      owner: { displayName: expect.any(String) },
      nextReviewDate: '2027-03-01',
      inherentScore: 25,
      inherentLevel: 'HIGH',
      residualScore: 1,
      residualLevel: 'LOW',
      canEdit: false,
      measures: [{ title: 'Tiltak med frist', deadline: '2026-01-01', isOverdue: true }, { title: 'Tiltak uten frist', deadline: null, isOverdue: false }],
    });
    const times = data!.risk.assessments.map((a) => a.assessedAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(times.at(-1)).toBe('2020-01-01T12:00:00.000Z');
  });

  it('tells a coordinator which risks they may edit: their own municipalities and risks for all', async () => {
    const canEdit = async (ref: string) => (await coordinator.gql<{ risk: { canEdit: boolean } }>(DETAIL, { id: ids[ref] })).data!.risk.canEdit;
    expect(await canEdit('T-01')).toBe(true);
    expect(await canEdit('T-02')).toBe(true);
    expect(await canEdit('T-03')).toBe(false);
  });

  it('answers null for a deleted risk and for an id that names none', async () => {
    expect((await viewer.gql<{ risk: unknown }>(DETAIL, { id: ids['T-05'] })).data!.risk).toBeNull();
    expect((await viewer.gql<{ risk: unknown }>(DETAIL, { id: '999999' })).data!.risk).toBeNull();
    expect((await viewer.gql<{ risk: unknown }>(DETAIL, { id: 'abc' })).data!.risk).toBeNull();
  });
});

describe('risks: statements', () => {
  const NESTED = /* GraphQL */ `
    query RisksNested($first: Int, $filter: RiskFilter) {
      risks(first: $first, filter: $filter) {
        totalCount
        edges { node { reference area { name } municipalities { name } owner { displayName } inherentLevel residualLevel canEdit measures { title isOverdue } assessments { status } } }
      }
    }
  `;

  it('does not grow with the page size, with area, municipalities, owner, levels and measures nested', async () => {
    const count = async (first: number) => {
      let n = 0;
      const stop = t.db.onQuery(() => n++);
      try {
        const { data, errors } = await coordinator.gql<{ risks: { edges: unknown[] } }>(NESTED, { first, filter: { areaIds: [bulkArea], level: 'HIGH', levelBasis: 'INHERENT' } });
        expect(errors).toBeUndefined();
        expect(data!.risks.edges.length).toBeGreaterThan(first === 2 ? 1 : 2);
      } finally {
        stop();
      }
      return n;
    };
    const small = await count(2);
    const large = await count(20);
    expect(large).toBe(small);
  });
});
