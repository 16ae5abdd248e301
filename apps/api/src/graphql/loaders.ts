import DataLoader from 'dataloader';
import type { Archive, ArchiveCreator, ArchiveSeries, BenefitMeasurement, Finding, Milestone, Municipality, Phase, PrismaClient, Purpose, Risk, Role, TargetSeries } from '@samarkiv/db';
import { norwegianSortKey } from '@samarkiv/shared';
import { createRiskLoaders } from '../modules/risk/risk.loaders.ts';

/** A benefit measurement with the name of who recorded it. */
export type MeasurementRow = BenefitMeasurement & { recordedBy: { displayName: string } | null };

// Built per request so that no cached row outlives the request that read it.
export function createLoaders(prisma: PrismaClient) {
  return {
    municipalityById: new DataLoader<number, Municipality | null>(async (ids) => {
      const rows = await prisma.municipality.findMany({ where: { id: { in: [...ids] } } });
      return ids.map((id) => rows.find((row) => row.id === id) ?? null);
    }),
    /** Live series, archives and risks per municipality (risks for all count for each): three grouped queries. */
    countsByMunicipality: new DataLoader<number, { series: number; archives: number; risks: number }>(async (ids) => {
      const where = { municipalityId: { in: [...ids] }, deletedAt: null };
      const [series, archives, named, forAll] = await Promise.all([
        // From the facet summary (live series only), not a GROUP BY over a million series rows.
        prisma.archiveSeriesFacetCount.groupBy({ by: ['municipalityId'], where: { municipalityId: { in: [...ids] } }, _sum: { count: true } }),
        prisma.archive.groupBy({ by: ['municipalityId'], where, _count: { _all: true } }),
        prisma.riskMunicipality.groupBy({ by: ['municipalityId'], where: { municipalityId: { in: [...ids] }, risk: { deletedAt: null, appliesToAll: false } }, _count: { _all: true } }),
        prisma.risk.count({ where: { deletedAt: null, appliesToAll: true } }),
      ]);
      const count = (rows: { municipalityId: number; _count: { _all: number } }[], id: number) => rows.find((r) => r.municipalityId === id)?._count._all ?? 0;
      const seriesOf = (id: number) => series.find((r) => r.municipalityId === id)?._sum.count ?? 0;
      return ids.map((id) => ({ series: seriesOf(id), archives: count(archives, id), risks: count(named, id) + forAll }));
    }),
    archiveById: byId<Archive>((ids) => prisma.archive.findMany({ where: { id: { in: ids } } })),
    archiveCreatorById: byId<ArchiveCreator>((ids) => prisma.archiveCreator.findMany({ where: { id: { in: ids } } })),
    targetSeriesById: byId<TargetSeries>((ids) => prisma.targetSeries.findMany({ where: { id: { in: ids } } })),
    // archive-series: predecessor and successor of the rows on a page.
    archiveSeriesById: byId<ArchiveSeries>((ids) => prisma.archiveSeries.findMany({ where: { id: { in: ids } } })),
    membershipsByUser: new DataLoader<number, { municipalityId: number; role: Role }[]>(async (userIds) => {
      const rows = await prisma.membership.findMany({ where: { userId: { in: [...userIds] } }, select: { userId: true, municipalityId: true, role: true }, orderBy: { id: 'asc' } });
      return userIds.map((id) => rows.filter((row) => row.userId === id));
    }),
    // users list: whether each user on the page has a confirmed second factor.
    mfaEnabledByUser: new DataLoader<number, boolean>(async (userIds) => {
      const rows = await prisma.userTotp.findMany({ where: { userId: { in: [...userIds] }, confirmedAt: { not: null } }, select: { userId: true } });
      const enabled = new Set(rows.map((row) => row.userId));
      return userIds.map((id) => enabled.has(id));
    }),
    risksByArea: new DataLoader<number, Risk[]>(async (areaIds) => {
      const risks = await prisma.risk.findMany({
        where: { areaId: { in: [...areaIds] }, deletedAt: null },
        orderBy: [{ reference: 'asc' }, { id: 'asc' }],
      });
      return areaIds.map((id) => risks.filter((risk) => risk.areaId === id));
    }),
    milestonesByPhase: new DataLoader<number, Milestone[]>(async (phaseIds) => {
      const milestones = await prisma.milestone.findMany({
        where: { phaseId: { in: [...phaseIds] }, deletedAt: null },
        orderBy: [{ dateStart: 'asc' }, { sortOrder: 'asc' }, { id: 'asc' }],
      });
      return phaseIds.map((id) => milestones.filter((milestone) => milestone.phaseId === id));
    }),
    // --- timeline, target series, findings (modules milestone, target-series, success-factor) ---
    phaseById: byId<Phase>((ids) => prisma.phase.findMany({ where: { id: { in: ids } } })),
    /** Live series mapped to each target series: one grouped query. */
    mappedSeriesCountByTarget: new DataLoader<number, number>(async (ids) => {
      const rows = await prisma.archiveSeries.groupBy({ by: ['targetSeriesId'], where: { targetSeriesId: { in: [...ids] }, deletedAt: null }, _count: { _all: true } });
      return ids.map((id) => rows.find((row) => row.targetSeriesId === id)?._count._all ?? 0);
    }),
    /** Live risks of each finding, by reference. */
    risksByFinding: new DataLoader<number, Risk[]>(async (findingIds) => {
      const links = await prisma.findingRisk.findMany({
        where: { findingId: { in: [...findingIds] }, risk: { deletedAt: null } },
        select: { findingId: true, risk: true },
        orderBy: [{ risk: { reference: 'asc' } }, { riskId: 'asc' }],
      });
      return findingIds.map((id) => links.filter((link) => link.findingId === id).map((link) => link.risk));
    }),
    /** Live findings of each risk, in the findings' own order. */
    findingsByRisk: new DataLoader<number, Finding[]>(async (riskIds) => {
      const links = await prisma.findingRisk.findMany({
        where: { riskId: { in: [...riskIds] }, finding: { deletedAt: null } },
        select: { riskId: true, finding: true },
        orderBy: [{ finding: { kind: 'asc' } }, { finding: { sortOrder: 'asc' } }, { findingId: 'asc' }],
      });
      return riskIds.map((id) => links.filter((link) => link.riskId === id).map((link) => link.finding));
    }),
    // risk module: risks, areas, measures, assessments, acceptance criteria
    ...createRiskLoaders(prisma),
    // --- service catalogue, benefits (modules service, benefit) ---
    /** Live municipalities of each service, by name (æ, ø, å after z): one query. */
    municipalitiesByService: new DataLoader<number, Municipality[]>(async (serviceIds) => {
      const rows = await prisma.serviceMunicipality.findMany({ where: { serviceId: { in: [...serviceIds] }, municipality: { deletedAt: null } }, include: { municipality: true } });
      const byName = (a: Municipality, b: Municipality) => norwegianSortKey(a.name).localeCompare(norwegianSortKey(b.name)) || a.id - b.id;
      return serviceIds.map((id) => rows.filter((row) => row.serviceId === id).map((row) => row.municipality).sort(byName));
    }),
    purposeById: byId<Purpose>((ids) => prisma.purpose.findMany({ where: { id: { in: ids } } })),
    /** Live measurements of each benefit, oldest first, with who recorded them: one query. */
    measurementsByBenefit: new DataLoader<number, MeasurementRow[]>(async (benefitIds) => {
      const rows = await prisma.benefitMeasurement.findMany({
        where: { benefitId: { in: [...benefitIds] }, deletedAt: null },
        include: { recordedBy: { select: { displayName: true } } },
        orderBy: [{ measuredOn: 'asc' }, { id: 'asc' }],
      });
      return benefitIds.map((id) => rows.filter((row) => row.benefitId === id));
    }),
  };
}

/** A loader of rows by id, soft-deleted ones included: a relation still names what it named. */
function byId<T extends { id: number }>(fetch: (ids: number[]) => Promise<T[]>) {
  return new DataLoader<number, T | null>(async (ids) => {
    const rows = new Map((await fetch([...ids])).map((row) => [row.id, row]));
    return ids.map((id) => rows.get(id) ?? null);
  });
}

export type Loaders = ReturnType<typeof createLoaders>;

/** For a non-null relation: a row its foreign key points at must exist, so a miss is a server fault. */
export function required<T>(row: T | null | undefined): T {
  if (row === null || row === undefined) throw new Error('a row that a foreign key points at is missing');
  return row;
}
