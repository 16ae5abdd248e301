import ExcelJS from 'exceljs';
import { norwegianSortKey } from '@samarkiv/shared';
import { describe, expect, it } from 'vitest';
import { useTestApi } from '../../testing/useTestApi.ts';
import type { PrismaClient } from '@samarkiv/db';
import { buildComparison, CELL_SERIES_LIMIT, SERIES_CUTOVER_DATE } from './comparison.ts';
import { makeSeries, municipalityIdOf } from './fixtures.ts';

const GRID = /* GraphQL */ `
  query Grid {
    archiveSeriesComparison {
      cutoverDate
      columns { municipality { id number name } unmappedSeriesCount }
      rows {
        targetSeries { id code }
        commonRetentionDecision
        commonClassificationType
        cells {
          municipality { id }
          series { id identifier targetSeries { id } municipality { id } }
          seriesCount statuses retentionDecisions retentionDecisionMissing classificationTypes periodStart periodEnd differences
        }
      }
    }
  }
`;

type Cell = {
  municipality: { id: string };
  series: { id: string; identifier: string; targetSeries: { id: string } | null; municipality: { id: string } }[];
  seriesCount: number;
  statuses: string[];
  retentionDecisions: string[];
  retentionDecisionMissing: boolean;
  classificationTypes: string[];
  periodStart: string | null;
  periodEnd: string | null;
  differences: string[];
};
type Grid = {
  archiveSeriesComparison: {
    cutoverDate: string;
    columns: { municipality: { id: string; number: string; name: string }; unmappedSeriesCount: number }[];
    rows: { targetSeries: { id: string; code: string }; commonRetentionDecision: string | null; commonClassificationType: string | null; cells: Cell[] }[];
  };
};

describe('archiveSeriesComparison on the demo data', () => {
  const t = useTestApi({ per: 'file' });

  it('has every target series by every municipality, each cell agreeing with the stored series', async () => {
    const viewer = await t.api.signIn('leser');
    const { data, errors } = await viewer.gql<Grid>(GRID);
    expect(errors).toBeUndefined();
    const grid = data!.archiveSeriesComparison;
    expect(grid.cutoverDate).toBe(SERIES_CUTOVER_DATE);
    expect(grid.rows).toHaveLength(14);
    expect(grid.columns).toHaveLength(8);
    const names = grid.columns.map((c) => c.municipality.name);
    expect(names).toEqual([...names].sort((a, b) => (norwegianSortKey(a) < norwegianSortKey(b) ? -1 : 1)));

    const stored = await t.db.prisma.archiveSeries.groupBy({ by: ['targetSeriesId', 'municipalityId'], where: { deletedAt: null, targetSeriesId: { not: null } }, _count: { _all: true } });
    let missing = 0;
    for (const row of grid.rows) {
      expect(row.cells.map((c) => c.municipality.id)).toEqual(grid.columns.map((c) => c.municipality.id));
      for (const cell of row.cells) {
        const count = stored.find((s) => String(s.targetSeriesId) === row.targetSeries.id && String(s.municipalityId) === cell.municipality.id)?._count._all ?? 0;
        expect(cell.seriesCount, `${row.targetSeries.code} × ${cell.municipality.id}`).toBe(count);
        expect(cell.series).toHaveLength(Math.min(count, CELL_SERIES_LIMIT));
        for (const s of cell.series) expect([s.targetSeries?.id, s.municipality.id]).toEqual([row.targetSeries.id, cell.municipality.id]);
        expect(cell.differences.includes('MISSING')).toBe(count === 0);
        if (count === 0) missing += 1;
      }
    }
    // The demo data leaves deliberate gaps.
    expect(missing).toBeGreaterThan(0);

    const unmapped = await t.db.prisma.archiveSeries.groupBy({ by: ['municipalityId'], where: { deletedAt: null, targetSeriesId: null }, _count: { _all: true } });
    for (const column of grid.columns) {
      expect(column.unmappedSeriesCount).toBe(unmapped.find((u) => String(u.municipalityId) === column.municipality.id)?._count._all ?? 0);
    }
  });

  it('lists a municipality\'s unmapped series in Norwegian title order, within the page size', async () => {
    const viewer = await t.api.signIn('leser');
    const kongsberg = await municipalityIdOf(t.db.prisma, '3303');
    const { data } = await viewer.gql<{ unmappedArchiveSeries: { id: string; title: string; targetSeries: null }[] }>(
      `query($m: ID!) { unmappedArchiveSeries(municipalityId: $m) { id title targetSeries { id } } }`, { m: String(kongsberg) });
    const expected = await t.db.prisma.archiveSeries.findMany({ where: { municipalityId: kongsberg, deletedAt: null, targetSeriesId: null }, orderBy: [{ titleSortKey: 'asc' }, { id: 'asc' }], take: 100 });
    expect(expected.length).toBeGreaterThan(0);
    expect(data!.unmappedArchiveSeries.map((s) => s.id)).toEqual(expected.map((s) => String(s.id)));
    const tooMany = await viewer.gql(`query($m: ID!) { unmappedArchiveSeries(municipalityId: $m, first: 101) { id } }`, { m: String(kongsberg) });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_PAGE_SIZE');
  });

  it('needs a session', async () => {
    const anonymous = t.api.anonymous();
    const { errors } = await anonymous.gql(GRID);
    expect(errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('exports the grid as XLSX that reads back with the same cells', async () => {
    const viewer = await t.api.signIn('leser');
    const response = await fetch(`${t.api.url}/exports/archive-series-comparison`, { headers: { cookie: viewer.cookie! } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toMatch(/filename\*=UTF-8''Sammenligning%20av%20arkivserier%20\d{2}\.\d{2}\.\d{4}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);

    const grid = (await viewer.gql<Grid>(GRID)).data!.archiveSeriesComparison;
    const sheet = workbook.getWorksheet('Sammenligning')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Målarkivdel', ...grid.columns.map((c) => c.municipality.name)]);
    grid.rows.forEach((row, r) => {
      const line = sheet.getRow(r + 2);
      expect(String(line.getCell(1).value)).toMatch(new RegExp(`^${row.targetSeries.code} `));
      row.cells.forEach((cell, c) => {
        const text = String(line.getCell(c + 2).value);
        if (cell.seriesCount === 0) {
          expect(text).toBe('Mangler arkivdel');
          expect((line.getCell(c + 2).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFF8D7DA');
        } else {
          for (const s of cell.series) expect(text).toContain(s.identifier);
        }
      });
    });

    const cells = workbook.getWorksheet('Celler')!;
    expect(cells.rowCount).toBe(1 + 14 * 8);
    const header = (cells.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['Kode', 'Målarkivdel', 'Kommunenummer', 'Kommune', 'Antall arkivdeler', 'Arkivdeler', 'Arkivdelstatus', 'Periode', 'Kassasjonsvedtak', 'Klassifikasjonstype', 'Avvik']);
    const first = grid.rows[0]!;
    const firstCell = first.cells[0]!;
    const line = (cells.getRow(2).values as unknown[]).slice(1);
    expect(line[0]).toBe(first.targetSeries.code);
    expect(line[2]).toBe(grid.columns[0]!.municipality.number);
    expect(line[4]).toBe(firstCell.seriesCount);
  });

  it('refuses the export without a session', async () => {
    const response = await fetch(`${t.api.url}/exports/archive-series-comparison`);
    expect(response.status).toBe(401);
  });
});

describe('archiveSeriesComparison differences', () => {
  const t = useTestApi({ per: 'test' });

  it('flags a different retention decision and classification type, missing series and active periods after the cut-over', async () => {
    const admin = await t.api.signIn('admin');
    const created = await admin.gql<{ createTargetSeries: { id: string } }>(`mutation { createTargetSeries(input: { code: "T-CMP", title: "Testrad", sortOrder: 999 }) { id } }`);
    const target = Number(created.data!.createTargetSeries.id);
    const [kongsberg, flesberg, rollag, sigdal] = await Promise.all(['3303', '3334', '3336', '3332'].map((n) => municipalityIdOf(t.db.prisma, n)));
    const common = { targetSeriesId: target, classificationType: 'K-koder', retentionDecision: 'BEVARES' as const };
    await makeSeries(t.db.prisma, kongsberg!, { ...common, periodStart: new Date('2010-01-01T00:00:00Z'), periodEnd: new Date('2019-12-31T00:00:00Z') });
    await makeSeries(t.db.prisma, flesberg!, { ...common, status: 'AKTIV_PERIODE', periodStart: new Date('2026-01-01T00:00:00Z') });
    // Rollag differs in decision and type, and an older period is still active.
    await makeSeries(t.db.prisma, rollag!, { ...common, retentionDecision: 'KASSERES', classificationType: 'Objektbasert', status: 'AKTIV_PERIODE', periodStart: new Date('2015-01-01T00:00:00Z') });
    // Sigdal's old series runs on, but it is continuous (løpende): no difference; mapped through the API.
    const sigdalSeries = await makeSeries(t.db.prisma, sigdal!, { ...common, status: 'AKTIV_PERIODE', isContinuous: true, retentionDecision: null, periodStart: new Date('1990-01-01T00:00:00Z'), targetSeriesId: null });
    const mapped = await admin.gql(`mutation($id: ID!, $t: ID, $v: Int!) { mapArchiveSeries(id: $id, targetSeriesId: $t, version: $v) { id } }`, { id: String(sigdalSeries.id), t: String(target), v: sigdalSeries.version });
    expect(mapped.errors).toBeUndefined();

    const { data } = await admin.gql<Grid>(GRID);
    const row = data!.archiveSeriesComparison.rows.find((r) => r.targetSeries.id === String(target))!;
    expect(row.commonRetentionDecision).toBe('BEVARES');
    expect(row.commonClassificationType).toBe('K-koder');
    const cellOf = (id: number) => row.cells.find((c) => c.municipality.id === String(id))!;
    expect(cellOf(kongsberg!)).toMatchObject({ seriesCount: 1, differences: [], periodStart: '2010-01-01', periodEnd: '2019-12-31', statuses: ['AVSLUTTET_PERIODE'], retentionDecisions: ['BEVARES'] });
    expect(cellOf(flesberg!)).toMatchObject({ differences: [], periodStart: '2026-01-01', periodEnd: null, statuses: ['AKTIV_PERIODE'] });
    expect(cellOf(rollag!).differences).toEqual(['RETENTION_DECISION_DIFFERS', 'CLASSIFICATION_TYPE_DIFFERS', 'ACTIVE_AFTER_CUTOVER']);
    expect(cellOf(sigdal!)).toMatchObject({ differences: [], retentionDecisions: [], retentionDecisionMissing: true });
    const others = row.cells.filter((c) => ![kongsberg, flesberg, rollag, sigdal].map(String).includes(c.municipality.id));
    expect(others).toHaveLength(4);
    for (const cell of others) expect(cell).toMatchObject({ seriesCount: 0, series: [], differences: ['MISSING'] });
  });

  it('reads the grid in the same number of statements however many series and target series there are', async () => {
    // Counts every database call the service makes: model methods and raw queries.
    const counting = (prisma: PrismaClient) => {
      const calls: string[] = [];
      const wrap = (target: object, path: string): unknown =>
        new Proxy(target, {
          get(object, key, receiver) {
            const value = Reflect.get(object, key, receiver) as unknown;
            if (typeof key !== 'string') return value;
            if (typeof value === 'function') return (...args: unknown[]) => { calls.push(`${path}${key}`); return (value as (...a: unknown[]) => unknown).apply(object, args); };
            if (value && typeof value === 'object' && !path) return wrap(value, `${key}.`);
            return value;
          },
        });
      return { prisma: wrap(prisma, '') as PrismaClient, calls };
    };
    const before = counting(t.db.prisma);
    await buildComparison(before.prisma);
    const kongsberg = await municipalityIdOf(t.db.prisma, '3303');
    for (let i = 0; i < 3; i++) {
      const target = await t.db.prisma.targetSeries.create({ data: { code: `T-N${i}`, title: `Ny ${i}`, titleSortKey: `ny ${i}`, sortOrder: 900 + i } });
      for (let j = 0; j < 12; j++) await makeSeries(t.db.prisma, kongsberg, { targetSeriesId: target.id });
    }
    const after = counting(t.db.prisma);
    const view = await buildComparison(after.prisma);
    expect(view.rows).toHaveLength(17);
    expect(view.rows.at(-1)!.cells.find((c) => c.municipality.id === kongsberg)).toMatchObject({ seriesCount: 12 });
    expect(view.rows.at(-1)!.cells.find((c) => c.municipality.id === kongsberg)!.series).toHaveLength(CELL_SERIES_LIMIT);
    expect(after.calls).toEqual(before.calls);
    expect(after.calls.length).toBeLessThanOrEqual(6);
  });
});
