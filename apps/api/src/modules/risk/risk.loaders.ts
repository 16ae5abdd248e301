import DataLoader from 'dataloader';
import { type ConsequenceDimension, type Measure, type Municipality, Prisma, type PrismaClient, type Risk, type RiskArea, type RiskAssessment } from '@samarkiv/db';
import { osloDate } from '../../graphql/dates.ts';
import { type CriteriaView, loadCriteriaVersions } from './criteria.service.ts';
import { openMeasure, overdueMeasure } from './risk-filter.ts';

export interface Person {
  id: number;
  displayName: string;
}

export interface MeasureCounts {
  open: number;
  overdue: number;
}

// The risk register's per-request loaders; graphql/loaders.ts spreads them in. Rows by id include
// soft-deleted ones (a relation still names what it named); lists hold live rows only.
export function createRiskLoaders(prisma: PrismaClient) {
  return {
    riskById: byId<Risk>((ids) => prisma.risk.findMany({ where: { id: { in: ids } } })),
    riskAreaById: byId<RiskArea>((ids) => prisma.riskArea.findMany({ where: { id: { in: ids } } })),
    personById: byId<Person>((ids) => prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } })),
    municipalitiesByRisk: new DataLoader<number, Municipality[]>(async (riskIds) => {
      const rows = await prisma.riskMunicipality.findMany({ where: { riskId: { in: [...riskIds] } }, include: { municipality: true }, orderBy: [{ municipality: { name: 'asc' } }, { municipalityId: 'asc' }] });
      return riskIds.map((id) => rows.filter((row) => row.riskId === id).map((row) => row.municipality));
    }),
    measuresByRisk: new DataLoader<number, Measure[]>(async (riskIds) => {
      const rows = await prisma.measure.findMany({ where: { riskId: { in: [...riskIds] }, deletedAt: null }, orderBy: [{ deadline: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }] });
      return riskIds.map((id) => rows.filter((row) => row.riskId === id));
    }),
    assessmentsByRisk: new DataLoader<number, RiskAssessment[]>(async (riskIds) => {
      const rows = await prisma.riskAssessment.findMany({ where: { riskId: { in: [...riskIds] } }, orderBy: [{ assessedAt: 'desc' }, { id: 'desc' }] });
      return riskIds.map((id) => rows.filter((row) => row.riskId === id));
    }),
    liveRiskCountByArea: new DataLoader<number, number>(async (areaIds) => {
      const rows = await prisma.risk.groupBy({ by: ['areaId'], where: { areaId: { in: [...areaIds] }, deletedAt: null }, _count: { _all: true } });
      return areaIds.map((id) => rows.find((row) => row.areaId === id)?._count._all ?? 0);
    }),
    /** Scores of live dimensions, in dimension order. */
    consequenceScoresByRisk: new DataLoader<number, { dimension: ConsequenceDimension; consequence: number }[]>(async (riskIds) => {
      const rows = await prisma.riskConsequenceScore.findMany({
        where: { riskId: { in: [...riskIds] }, dimension: { deletedAt: null } },
        include: { dimension: true },
        orderBy: [{ dimension: { sortOrder: 'asc' } }, { dimensionId: 'asc' }],
      });
      return riskIds.map((id) => rows.filter((row) => row.riskId === id).map((row) => ({ dimension: row.dimension, consequence: row.consequence })));
    }),
    /** Open and overdue (Oslo today) live measures per risk: one grouped statement. */
    measureCountsByRisk: new DataLoader<number, MeasureCounts>(async (riskIds) => {
      const today = osloDate();
      const rows = await prisma.$queryRaw<{ risk_id: number; open: number; overdue: number }[]>`
        SELECT m.risk_id, count(*)::int AS open, (count(*) FILTER (WHERE ${overdueMeasure(Prisma.sql`m`, today)}))::int AS overdue
          FROM measure m WHERE m.risk_id = ANY(${[...riskIds]}::int[]) AND ${openMeasure(Prisma.sql`m`)} GROUP BY m.risk_id`;
      return riskIds.map((id) => {
        const row = rows.find((r) => Number(r.risk_id) === id);
        return { open: row?.open ?? 0, overdue: row?.overdue ?? 0 };
      });
    }),
    /** One key ('all'): the versions are few, and a request that colours risks needs them once. */
    criteriaVersions: new DataLoader<'all', CriteriaView[]>(async (keys) => {
      const versions = await loadCriteriaVersions(prisma);
      return keys.map(() => versions);
    }),
  };
}

function byId<T extends { id: number }>(fetch: (ids: number[]) => Promise<T[]>) {
  return new DataLoader<number, T | null>(async (ids) => {
    const rows = new Map((await fetch([...ids])).map((row) => [row.id, row]));
    return ids.map((id) => rows.get(id) ?? null);
  });
}
