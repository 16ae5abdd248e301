import DataLoader from 'dataloader';
import type { Milestone, Municipality, PrismaClient, Risk, Role } from '@samarkiv/db';

// Built per request so that no cached row outlives the request that read it.
export function createLoaders(prisma: PrismaClient) {
  return {
    municipalityById: new DataLoader<number, Municipality | null>(async (ids) => {
      const rows = await prisma.municipality.findMany({ where: { id: { in: [...ids] } } });
      return ids.map((id) => rows.find((row) => row.id === id) ?? null);
    }),
    membershipsByUser: new DataLoader<number, { municipalityId: number; role: Role }[]>(async (userIds) => {
      const rows = await prisma.membership.findMany({ where: { userId: { in: [...userIds] } }, select: { userId: true, municipalityId: true, role: true }, orderBy: { id: 'asc' } });
      return userIds.map((id) => rows.filter((row) => row.userId === id));
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
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
