import { beforeEach, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/testApi.ts';
import { useTestApi } from '../../testing/useTestApi.ts';
import { cellsBy, expectCode, fullScale, makeManyRisks, makeRisk, municipalityId } from './risk.fixtures.ts';

const t = useTestApi({ per: 'test' });
let viewer: TestClient;
let admin: TestClient;
let area: number;
let kongsberg: number;
beforeEach(async () => {
  viewer = await t.api.signIn('leser');
  admin = await t.api.signIn('admin');
  kongsberg = await municipalityId(t.db, '3303');
  area = (await t.db.prisma.riskArea.create({ data: { code: 'MATRISE', name: 'Matrise' } })).id;
});

const MATRIX = /* GraphQL */ `
  query RiskMatrixPage($asOf: String, $basis: RiskBasis, $filter: RiskFilter, $cellLimit: Int) {
    riskMatrix(asOf: $asOf, basis: $basis, filter: $filter, cellLimit: $cellLimit) {
      asOf basis totalCount criteria { validFrom }
      cells { likelihood consequence level count risks { reference } }
    }
  }
`;

type Cell = { likelihood: number; consequence: number; level: string | null; count: number; risks: { reference: string }[] };
type Matrix = { asOf: string; basis: string; totalCount: number; criteria: { validFrom: string } | null; cells: Cell[] };

async function matrix(vars: Record<string, unknown> = {}): Promise<Matrix> {
  const { data, errors } = await viewer.gql<{ riskMatrix: Matrix }>(MATRIX, { filter: { areaIds: [String(area)] }, ...vars });
  expect(errors).toBeUndefined();
  return data!.riskMatrix;
}

const cell = (m: Matrix, l: number, c: number) => m.cells.find((x) => x.likelihood === l && x.consequence === c)!;
/** The occupied cells as "L×C:count". */
const occupied = (m: Matrix) => m.cells.filter((x) => x.count > 0).map((x) => `${x.likelihood}×${x.consequence}:${x.count}`);

describe('riskMatrix now', () => {
  it('has 25 cells coloured by today\'s criteria, with counts and the first risks of each cell by reference', async () => {
    for (const ref of ['M-04', 'M-02', 'M-03', 'M-01']) await makeRisk(t.db, { reference: ref, areaId: area, municipalityIds: [kongsberg], scores: [4, 4] });
    await makeRisk(t.db, { reference: 'M-05', areaId: area, municipalityIds: [kongsberg], scores: [1, 2] });
    await makeRisk(t.db, { reference: 'M-06', areaId: area, municipalityIds: [kongsberg], scores: [5, 5], deletedAt: new Date() });
    const m = await matrix();
    expect(m.cells).toHaveLength(25);
    expect(m.totalCount).toBe(5);
    expect(m.basis).toBe('INHERENT');
    expect(m.criteria).toEqual({ validFrom: '2024-05-01' });
    expect(cell(m, 4, 4)).toEqual({ likelihood: 4, consequence: 4, level: 'HIGH', count: 4, risks: [{ reference: 'M-01' }, { reference: 'M-02' }, { reference: 'M-03' }] });
    expect(cell(m, 1, 2)).toMatchObject({ level: 'LOW', count: 1 });
    expect(cell(m, 2, 3)).toMatchObject({ level: 'MEDIUM', count: 0, risks: [] });
    expect(cell(m, 5, 5).count).toBe(0);
    expect((await matrix({ cellLimit: 0 })).cells.every((x) => x.risks.length === 0)).toBe(true);
  });

  it('places risks by residual scores, falling back to inherent where none is given', async () => {
    await makeRisk(t.db, { reference: 'M-01', areaId: area, municipalityIds: [kongsberg], scores: [4, 4], residual: [2, 2] });
    await makeRisk(t.db, { reference: 'M-02', areaId: area, municipalityIds: [kongsberg], scores: [3, 3] });
    expect(occupied(await matrix({ basis: 'RESIDUAL' }))).toEqual(['2×2:1', '3×3:1']);
  });

  it('refuses a date that is not one and a cell limit outside 0..20', async () => {
    expectCode(await viewer.gql(MATRIX, { asOf: '2025-13-01' }), 'VALIDATION_FAILED', ['asOf']);
    expectCode(await viewer.gql(MATRIX, { cellLimit: 21 }), 'VALIDATION_FAILED', ['cellLimit']);
  });
});

describe('riskMatrix as of a past date', () => {
  it('takes scores and status from the latest assessment of that Oslo day, and leaves out risks not yet assessed or already deleted', async () => {
    await makeRisk(t.db, {
      reference: 'M-01', areaId: area, municipalityIds: [kongsberg], scores: [5, 5],
      assessments: [
        { at: '2025-01-10T10:00:00Z', scores: [2, 2] },
        // 23:30 in Oslo on 15 January (winter time, UTC+1) still belongs to that day.
        { at: '2025-01-15T22:30:00Z', scores: [3, 3] },
        // 00:30 in Oslo on 16 January does not.
        { at: '2025-01-15T23:30:00Z', scores: [4, 4] },
        { at: '2025-06-01T10:00:00Z', scores: [5, 5], status: 'MONITORING' },
      ],
    });
    // Created after the dates looked at: not in their matrices.
    await makeRisk(t.db, { reference: 'M-02', areaId: area, municipalityIds: [kongsberg], scores: [1, 1], assessments: [{ at: '2025-03-01T10:00:00Z', scores: [1, 1] }] });
    // Deleted today: still in the past matrices, gone from today's.
    await makeRisk(t.db, { reference: 'M-03', areaId: area, municipalityIds: [kongsberg], scores: [2, 5], deletedAt: new Date(), assessments: [{ at: '2025-01-01T10:00:00Z', scores: [2, 5] }] });
    // Deleted before the date looked at: gone.
    await makeRisk(t.db, { reference: 'M-04', areaId: area, municipalityIds: [kongsberg], scores: [1, 5], deletedAt: new Date('2025-01-05T10:00:00Z'), assessments: [{ at: '2025-01-01T10:00:00Z', scores: [1, 5] }] });

    expect(occupied(await matrix({ asOf: '2025-01-12' }))).toEqual(['2×2:1', '2×5:1']);
    expect(occupied(await matrix({ asOf: '2025-01-15' }))).toEqual(['2×5:1', '3×3:1']);
    expect(occupied(await matrix({ asOf: '2025-01-16' }))).toEqual(['2×5:1', '4×4:1']);
    expect(occupied(await matrix({ asOf: '2025-03-01' }))).toEqual(['1×1:1', '2×5:1', '4×4:1']);
    expect(occupied(await matrix({ asOf: '2024-12-31' }))).toEqual([]);
    expect(occupied(await matrix())).toEqual(['1×1:1', '5×5:1']);
    // The status filter reads the status of that date too.
    expect(occupied(await matrix({ asOf: '2025-01-16', filter: { areaIds: [String(area)], statuses: ['MONITORING'] } }))).toEqual([]);
    expect(occupied(await matrix({ asOf: '2025-07-01', filter: { areaIds: [String(area)], statuses: ['MONITORING'] } }))).toEqual(['5×5:1']);
  });

  it('colours each date by the acceptance criteria in force on it', async () => {
    await makeRisk(t.db, { reference: 'M-01', areaId: area, municipalityIds: [kongsberg], scores: [2, 2], assessments: [{ at: '2024-06-01T10:00:00Z', scores: [2, 2] }] });
    const CREATE = /* GraphQL */ `mutation($input: CreateAcceptanceCriteriaInput!) { createAcceptanceCriteriaVersion(input: $input) { validFrom } }`;
    const strict = { validFrom: '2025-03-01', name: 'Strengere', cells: cellsBy((s) => (s >= 4 ? 'HIGH' : s >= 2 ? 'MEDIUM' : 'LOW')), scale: fullScale() };
    expect((await admin.gql(CREATE, { input: strict })).errors).toBeUndefined();
    const before = await matrix({ asOf: '2025-02-28' });
    expect(before.criteria).toEqual({ validFrom: '2024-05-01' });
    expect(cell(before, 2, 2).level).toBe('LOW');
    const after = await matrix({ asOf: '2025-03-01' });
    expect(after.criteria).toEqual({ validFrom: '2025-03-01' });
    expect(cell(after, 2, 2)).toMatchObject({ level: 'HIGH', count: 1 });
    // "Above the acceptance limit" follows the date's criteria as well.
    expect((await matrix({ asOf: '2025-02-28', filter: { areaIds: [String(area)], aboveAcceptance: true } })).totalCount).toBe(0);
    expect((await matrix({ asOf: '2025-03-01', filter: { areaIds: [String(area)], aboveAcceptance: true } })).totalCount).toBe(1);
    // Before any criteria the cells have no colour.
    expect((await matrix({ asOf: '2024-01-01' })).cells.every((x) => x.level === null)).toBe(true);
  });
});

describe('riskMatrix statements', () => {
  const NESTED = /* GraphQL */ `
    query RiskMatrixNested($asOf: String, $filter: RiskFilter) {
      riskMatrix(asOf: $asOf, filter: $filter) { totalCount cells { level count risks { reference area { name } municipalities { name } owner { displayName } inherentLevel canEdit } } }
    }
  `;

  async function statements(asOf: string | null): Promise<number> {
    let n = 0;
    const stop = t.db.onQuery(() => n++);
    try {
      const { errors } = await viewer.gql(NESTED, { asOf, filter: { areaIds: [String(area)] } });
      expect(errors).toBeUndefined();
    } finally {
      stop();
    }
    return n;
  }

  it('runs the same number of statements for 10 risks and for 250, now and as of a past date', async () => {
    const yesterday = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    await makeManyRisks(t.db, 'S-', 10, area, kongsberg);
    const few = [await statements(null), await statements(yesterday)];
    await makeManyRisks(t.db, 'T-', 240, area, kongsberg);
    const many = [await statements(null), await statements(yesterday)];
    expect(many).toEqual(few);
    const { data } = await viewer.gql<{ riskMatrix: { totalCount: number } }>(NESTED, { filter: { areaIds: [String(area)] } });
    expect(data!.riskMatrix.totalCount).toBe(250);
  });
});
