import { beforeEach, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/testApi.ts';
import { useTestApi } from '../../testing/useTestApi.ts';

const t = useTestApi({ per: 'test' });
let viewer: TestClient;
beforeEach(async () => {
  viewer = await t.api.signIn('leser');
});

const QUERY = /* GraphQL */ `
  query MunicipalitiesPage {
    municipalities { id number name role participates seriesCount archiveCount riskCount }
  }
`;

type Row = { id: string; number: string; name: string; role: string; participates: boolean; seriesCount: number; archiveCount: number; riskCount: number };

describe('municipalities', () => {
  it('lists the region with official numbers in Norwegian order, Kongsberg as host', async () => {
    const { data, errors } = await viewer.gql<{ municipalities: Row[] }>(QUERY);
    expect(errors).toBeUndefined();
    const rows = data!.municipalities;
    expect(rows.map((m) => `${m.number} ${m.name}`)).toEqual([
      '3334 Flesberg',
      '4024 Hjartdal',
      '3303 Kongsberg',
      '3338 Nore og Uvdal',
      '4005 Notodden',
      '3336 Rollag',
      '3332 Sigdal',
      '4026 Tinn',
    ]);
    expect(rows.filter((m) => m.role === 'HOST').map((m) => m.name)).toEqual(['Kongsberg']);
  });

  it('counts live series, archives and affecting risks per municipality', async () => {
    const kongsberg = await t.db.prisma.municipality.findUniqueOrThrow({ where: { number: '3303' } });
    const series = await t.db.prisma.archiveSeries.count({ where: { municipalityId: kongsberg.id, deletedAt: null } });
    const archives = await t.db.prisma.archive.count({ where: { municipalityId: kongsberg.id, deletedAt: null } });
    const risks = await t.db.prisma.risk.count({
      where: { deletedAt: null, OR: [{ appliesToAll: true }, { municipalities: { some: { municipalityId: kongsberg.id } } }] },
    });
    const { data } = await viewer.gql<{ municipalities: Row[] }>(QUERY);
    const row = data!.municipalities.find((m) => m.number === '3303')!;
    expect(series).toBeGreaterThan(100);
    expect({ seriesCount: row.seriesCount, archiveCount: row.archiveCount, riskCount: row.riskCount }).toEqual({ seriesCount: series, archiveCount: archives, riskCount: risks });
  });

  it('leaves soft-deleted series out of the count', async () => {
    const rollag = await t.db.prisma.municipality.findUniqueOrThrow({ where: { number: '3336' } });
    const before = (await viewer.gql<{ municipalities: Row[] }>(QUERY)).data!.municipalities.find((m) => m.number === '3336')!;
    const victim = await t.db.prisma.archiveSeries.findFirstOrThrow({ where: { municipalityId: rollag.id } });
    await t.db.prisma.archiveSeries.update({ where: { id: victim.id }, data: { deletedAt: new Date() } });
    const after = (await viewer.gql<{ municipalities: Row[] }>(QUERY)).data!.municipalities.find((m) => m.number === '3336')!;
    expect(after.seriesCount).toBe(before.seriesCount - 1);
  });
});
