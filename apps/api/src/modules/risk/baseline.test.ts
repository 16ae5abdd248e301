import { beforeEach, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/testApi.ts';
import { useTestApi } from '../../testing/useTestApi.ts';
import { expectCode, makeManyRisks, makeRisk, municipalityId, osloDay } from './risk.fixtures.ts';

// Baselines (a named instant of the assessment history), the matrix at a baseline, and the
// comparison of two points in time.

const t = useTestApi({ per: 'test' });
let admin: TestClient;
let coordinator: TestClient;
let viewer: TestClient;
let kongsberg: number;
let area: number;

beforeEach(async () => {
  admin = await t.api.signIn('admin');
  coordinator = await t.api.signIn('koordinator');
  viewer = await t.api.signIn('leser');
  kongsberg = await municipalityId(t.db, '3303');
  area = (await t.db.prisma.riskArea.create({ data: { code: 'HISTORIE', name: 'Historie' } })).id;
});

const BASELINES = /* GraphQL */ `query { riskBaselines { id name description takenAt takenBy { displayName } } }`;
const CREATE = /* GraphQL */ `mutation($input: RiskBaselineInput!) { createRiskBaseline(input: $input) { id name description takenAt takenBy { displayName } } }`;
const DELETE = /* GraphQL */ `mutation($id: ID!) { deleteRiskBaseline(id: $id) { id name } }`;
const MATRIX = /* GraphQL */ `
  query($asOf: String, $baselineId: ID, $basis: RiskBasis, $filter: RiskFilter) {
    riskMatrix(asOf: $asOf, baselineId: $baselineId, basis: $basis, filter: $filter, cellLimit: 5) {
      asOf basis totalCount criteria { validFrom }
      cells { likelihood consequence level count risks { reference } }
    }
  }
`;
const COMPARE = /* GraphQL */ `
  query($from: RiskMatrixPoint!, $to: RiskMatrixPoint!, $basis: RiskBasis, $filter: RiskFilter) {
    riskMatrixComparison(from: $from, to: $to, basis: $basis, filter: $filter, cellLimit: 5) {
      from { asOf totalCount cells { likelihood consequence count risks { reference } } }
      to { asOf totalCount cells { likelihood consequence count risks { reference } } }
      moves { risk { reference } kind from { likelihood consequence level status } to { likelihood consequence level status } }
    }
  }
`;

type Baseline = { id: string; name: string; description: string | null; takenAt: string; takenBy: { displayName: string } | null };
type Matrix = { asOf: string; totalCount: number; cells: { likelihood: number; consequence: number; count: number; risks: { reference: string }[] }[] };
type Move = { risk: { reference: string }; kind: string; from: Record<string, unknown> | null; to: Record<string, unknown> | null };

const own = () => ({ areaIds: [String(area)] });

async function matrix(vars: Record<string, unknown>): Promise<Matrix> {
  const { data, errors } = await viewer.gql<{ riskMatrix: Matrix }>(MATRIX, { filter: own(), ...vars });
  expect(errors).toBeUndefined();
  return data!.riskMatrix;
}

describe('baselines', () => {
  it('lists the seeded "ROS mai 2024" and creates new ones newest first, taken now by the caller, with an audit event', async () => {
    const before = (await viewer.gql<{ riskBaselines: Baseline[] }>(BASELINES)).data!.riskBaselines;
    expect(before).toEqual([{ id: expect.any(String), name: 'ROS mai 2024', description: expect.any(String), takenAt: '2024-05-31T14:00:00.000Z', takenBy: { displayName: 'Lars Bakken' } }]);
    const started = Date.now();
    const { data, errors } = await coordinator.gql<{ createRiskBaseline: Baseline }>(CREATE, { input: { name: ' ROS november 2026 ', description: 'Etter første driftsår' } });
    expect(errors).toBeUndefined();
    const created = data!.createRiskBaseline;
    expect(created).toMatchObject({ name: 'ROS november 2026', description: 'Etter første driftsår', takenBy: { displayName: 'Lars Bakken' } });
    expect(Date.parse(created.takenAt)).toBeGreaterThanOrEqual(started - 1000);
    expect((await viewer.gql<{ riskBaselines: Baseline[] }>(BASELINES)).data!.riskBaselines.map((b) => b.name)).toEqual(['ROS november 2026', 'ROS mai 2024']);
    const audit = await t.db.prisma.auditEvent.findMany({ where: { entityType: 'RiskBaseline', entityId: created.id } });
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('refuses a name in use (ALREADY_EXISTS) and an empty one', async () => {
    expectCode(await admin.gql(CREATE, { input: { name: 'ROS mai 2024' } }), 'ALREADY_EXISTS', ['input', 'name']);
    expectCode(await admin.gql(CREATE, { input: { name: '   ' } }), 'VALIDATION_FAILED', ['input', 'name']);
    expect(await t.db.prisma.riskBaseline.count()).toBe(1);
  });

  it('deletes a baseline (not the history), with an audit event, and NOT_FOUND the second time', async () => {
    const baseline = await t.db.prisma.riskBaseline.create({ data: { name: 'Midlertidig', takenAt: new Date('2025-01-01T12:00:00Z') } });
    const assessments = await t.db.prisma.riskAssessment.count();
    const { data, errors } = await coordinator.gql<{ deleteRiskBaseline: Baseline }>(DELETE, { id: String(baseline.id) });
    expect(errors).toBeUndefined();
    expect(data!.deleteRiskBaseline.name).toBe('Midlertidig');
    expect(await t.db.prisma.riskAssessment.count()).toBe(assessments);
    expectCode(await coordinator.gql(DELETE, { id: String(baseline.id) }), 'NOT_FOUND', ['id']);
    const audit = await t.db.prisma.auditEvent.findMany({ where: { entityType: 'RiskBaseline', entityId: String(baseline.id) } });
    expect(audit.map((a) => a.action)).toEqual(['delete']);
    expect(audit[0]!.before).toMatchObject({ name: 'Midlertidig' });
  });

  it('lets a viewer read baselines but not make or delete them', async () => {
    expectCode(await viewer.gql(CREATE, { input: { name: 'Ny' } }), 'FORBIDDEN');
    const [seeded] = (await viewer.gql<{ riskBaselines: Baseline[] }>(BASELINES)).data!.riskBaselines;
    expectCode(await viewer.gql(DELETE, { id: seeded!.id }), 'FORBIDDEN');
  });
});

describe('riskMatrix at a baseline', () => {
  async function history() {
    await makeRisk(t.db, {
      reference: 'H-01', areaId: area, municipalityIds: [kongsberg], scores: [5, 5],
      assessments: [
        { at: '2025-03-01T10:00:00Z', scores: [2, 2] },
        // Later on the baseline's own day: the day's matrix has it, the baseline does not.
        { at: '2025-03-10T15:00:00Z', scores: [3, 3] },
        { at: '2025-04-01T10:00:00Z', scores: [5, 5] },
      ],
    });
    await makeRisk(t.db, { reference: 'H-02', areaId: area, municipalityIds: [kongsberg], scores: [4, 2], assessments: [{ at: '2025-02-01T10:00:00Z', scores: [4, 2] }] });
    await makeRisk(t.db, { reference: 'H-03', areaId: area, municipalityIds: [kongsberg], scores: [1, 1], assessments: [{ at: '2025-05-01T10:00:00Z', scores: [1, 1] }] });
  }

  it('equals the matrix as of its instant: the history up to takenAt, not the rest of that day', async () => {
    await history();
    const atNoon = await t.db.prisma.riskBaseline.create({ data: { name: 'Mars 2025', takenAt: new Date('2025-03-10T12:00:00Z') } });
    const atEvening = await t.db.prisma.riskBaseline.create({ data: { name: 'Mars 2025 kveld', takenAt: new Date('2025-03-10T22:59:59.999Z') } });
    const noon = await matrix({ baselineId: String(atNoon.id) });
    const day = await matrix({ asOf: '2025-03-10' });
    const dayBefore = await matrix({ asOf: '2025-03-09' });
    expect(noon.asOf).toBe('2025-03-10');
    // At noon H-01 still stood at 2x2, as at the end of the day before.
    expect(noon.cells).toEqual(dayBefore.cells);
    expect(noon.cells.find((c) => c.likelihood === 2 && c.consequence === 2)!.risks).toEqual([{ reference: 'H-01' }]);
    // The last millisecond of the Oslo day (23:59:59.999 CET) includes the whole day.
    expect(await matrix({ baselineId: String(atEvening.id) })).toEqual(day);
    expect(day.cells.find((c) => c.likelihood === 3 && c.consequence === 3)!.risks).toEqual([{ reference: 'H-01' }]);
    expect(day.totalCount).toBe(2);
  });

  it('equals today\'s matrix for a baseline taken now', async () => {
    await history();
    const { data } = await coordinator.gql<{ createRiskBaseline: Baseline }>(CREATE, { input: { name: 'Nå' } });
    expect(await matrix({ baselineId: data!.createRiskBaseline.id, basis: 'RESIDUAL' })).toEqual(await matrix({ basis: 'RESIDUAL' }));
  });

  it('shows the whole seeded register at "ROS mai 2024", at the first assessments', async () => {
    const [seeded] = (await viewer.gql<{ riskBaselines: Baseline[] }>(BASELINES)).data!.riskBaselines;
    const { data } = await viewer.gql<{ riskMatrix: Matrix }>(MATRIX, { baselineId: seeded!.id });
    expect(data!.riskMatrix.asOf).toBe('2024-05-31');
    const first = await t.db.prisma.$queryRaw<{ l: number; c: number; n: number }[]>`
      SELECT inherent_likelihood::int AS l, inherent_consequence::int AS c, count(*)::int AS n
        FROM (SELECT DISTINCT ON (risk_id) * FROM risk_assessment ORDER BY risk_id, assessed_at) a GROUP BY 1, 2`;
    const counted = data!.riskMatrix.cells.filter((c) => c.count > 0).map((c) => `${c.likelihood}x${c.consequence}:${c.count}`);
    expect(counted.sort()).toEqual(first.map((r) => `${r.l}x${r.c}:${r.n}`).sort());
    expect(data!.riskMatrix.totalCount).toBe(await t.db.prisma.risk.count());
  });

  it('refuses both a date and a baseline, and a baseline that does not exist', async () => {
    expectCode(await viewer.gql(MATRIX, { asOf: '2025-01-01', baselineId: '1' }), 'VALIDATION_FAILED', ['baselineId']);
    expectCode(await viewer.gql(MATRIX, { baselineId: '99999' }), 'NOT_FOUND', ['baselineId']);
  });
});

describe('riskMatrixComparison', () => {
  async function scenario() {
    const spec = (reference: string, assessments: { at: string; scores: [number, number]; status?: 'OPEN' | 'MONITORING' }[], deletedAt: Date | null = null) =>
      makeRisk(t.db, { reference, areaId: area, municipalityIds: [kongsberg], scores: assessments.at(-1)!.scores, status: assessments.at(-1)!.status ?? 'OPEN', assessments, deletedAt });
    await spec('C-01', [{ at: '2025-01-10T10:00:00Z', scores: [2, 2] }, { at: '2025-03-10T10:00:00Z', scores: [4, 4] }]);
    await spec('C-02', [{ at: '2025-01-10T10:00:00Z', scores: [4, 4] }, { at: '2025-03-10T10:00:00Z', scores: [2, 2] }]);
    await spec('C-03', [{ at: '2025-01-10T10:00:00Z', scores: [2, 3] }, { at: '2025-03-10T10:00:00Z', scores: [3, 2] }]);
    await spec('C-04', [{ at: '2025-01-10T10:00:00Z', scores: [3, 3] }, { at: '2025-03-10T10:00:00Z', scores: [3, 3], status: 'MONITORING' }]);
    await spec('C-05', [{ at: '2025-01-10T10:00:00Z', scores: [3, 3] }]);
    await spec('C-06', [{ at: '2025-02-10T10:00:00Z', scores: [5, 1] }]);
    await spec('C-07', [{ at: '2025-01-10T10:00:00Z', scores: [1, 5] }], new Date('2025-02-15T10:00:00Z'));
  }

  async function compare(vars: Record<string, unknown>) {
    const { data, errors } = await viewer.gql<{ riskMatrixComparison: { from: Matrix; to: Matrix; moves: Move[] } }>(COMPARE, { filter: own(), ...vars });
    expect(errors).toBeUndefined();
    return data!.riskMatrixComparison;
  }

  it('marks every risk that moved between two dates, by reference, with where it stood', async () => {
    await scenario();
    const result = await compare({ from: { asOf: '2025-01-31' }, to: { asOf: '2025-06-30' } });
    expect(result.moves.map((m) => `${m.risk.reference} ${m.kind}`)).toEqual(['C-01 HIGHER', 'C-02 LOWER', 'C-03 SAME_SCORE', 'C-04 SAME_SCORE', 'C-06 ADDED', 'C-07 REMOVED']);
    const move = (ref: string) => result.moves.find((m) => m.risk.reference === ref)!;
    expect(move('C-01')).toMatchObject({ from: { likelihood: 2, consequence: 2, level: 'LOW', status: 'OPEN' }, to: { likelihood: 4, consequence: 4, level: 'HIGH', status: 'OPEN' } });
    expect(move('C-04')).toMatchObject({ from: { status: 'OPEN' }, to: { status: 'MONITORING' } });
    expect(move('C-06')).toMatchObject({ from: null, to: { likelihood: 5, consequence: 1 } });
    expect(move('C-07')).toMatchObject({ from: { likelihood: 1, consequence: 5 }, to: null });
    // Both sides are the matrices of their dates (residual basis by default).
    const fromMatrix = await matrix({ asOf: '2025-01-31', basis: 'RESIDUAL' });
    expect(result.from.totalCount).toBe(fromMatrix.totalCount);
    expect(result.from.cells).toEqual(fromMatrix.cells.map(({ likelihood, consequence, count, risks }) => ({ likelihood, consequence, count, risks })));
    expect(result.to.asOf).toBe('2025-06-30');
    expect(result.to.totalCount).toBe(6);
  });

  it('compares against a baseline, and the other way round', async () => {
    await scenario();
    const baseline = await t.db.prisma.riskBaseline.create({ data: { name: 'Januar 2025', takenAt: new Date('2025-01-31T12:00:00Z') } });
    const forwards = await compare({ from: { baselineId: String(baseline.id) }, to: { asOf: '2025-06-30' } });
    expect(forwards.moves.map((m) => `${m.risk.reference} ${m.kind}`)).toEqual(['C-01 HIGHER', 'C-02 LOWER', 'C-03 SAME_SCORE', 'C-04 SAME_SCORE', 'C-06 ADDED', 'C-07 REMOVED']);
    const backwards = await compare({ from: { asOf: '2025-06-30' }, to: { baselineId: String(baseline.id) } });
    expect(backwards.moves.map((m) => `${m.risk.reference} ${m.kind}`)).toEqual(['C-01 LOWER', 'C-02 HIGHER', 'C-03 SAME_SCORE', 'C-04 SAME_SCORE', 'C-06 REMOVED', 'C-07 ADDED']);
  });

  it('has no moves between two points where nothing changed', async () => {
    await scenario();
    expect((await compare({ from: { asOf: '2025-04-01' }, to: { asOf: '2025-05-01' } })).moves).toEqual([]);
  });

  it('applies the filter on each side as it stood then', async () => {
    await scenario();
    const result = await compare({ from: { asOf: '2025-01-31' }, to: { asOf: '2025-06-30' }, filter: { ...own(), statuses: ['OPEN'] } });
    // C-04 left OPEN for MONITORING, so it is gone from the filtered picture.
    expect(result.moves.find((m) => m.risk.reference === 'C-04')).toMatchObject({ kind: 'REMOVED', to: null });
  });

  it('refuses a side with neither or both of a date and a baseline', async () => {
    expectCode(await viewer.gql(COMPARE, { from: {}, to: { asOf: '2025-01-01' } }), 'VALIDATION_FAILED', ['from']);
    expectCode(await viewer.gql(COMPARE, { from: { asOf: '2025-01-01' }, to: { asOf: '2025-01-01', baselineId: '1' } }), 'VALIDATION_FAILED', ['to', 'baselineId']);
    expectCode(await viewer.gql(COMPARE, { from: { asOf: '2025-02-30' }, to: { asOf: '2025-01-01' } }), 'VALIDATION_FAILED', ['from', 'asOf']);
    expectCode(await viewer.gql(COMPARE, { from: { asOf: '2025-01-01' }, to: { baselineId: '99999' } }), 'NOT_FOUND', ['to', 'baselineId']);
  });

  it('runs the same number of statements for 40 moved risks and for 100', async () => {
    const other = (await t.db.prisma.riskArea.create({ data: { code: 'HISTORIE-2', name: 'Historie 2' } })).id;
    // Both more than the matrices show (cellLimit 5 in six residual cells), so both sides load moved risks the cells did not.
    await makeManyRisks(t.db, 'S-', 40, area, kongsberg);
    await makeManyRisks(t.db, 'L-', 100, other, kongsberg);
    // The bulk risks were first assessed yesterday: every one is ADDED since three days ago.
    const count = async (areaId: number, moved: number) => {
      let n = 0;
      const stop = t.db.onQuery(() => n++);
      try {
        const result = await compare({ from: { asOf: osloDay(-3) }, to: { asOf: osloDay(0) }, filter: { areaIds: [String(areaId)] } });
        expect(result.moves).toHaveLength(moved);
        expect(result.moves.every((m) => m.kind === 'ADDED')).toBe(true);
      } finally {
        stop();
      }
      return n;
    };
    expect(await count(other, 100)).toBe(await count(area, 40));
  });
});
