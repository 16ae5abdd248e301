import DataLoader from 'dataloader';
import type { Milestone, PrismaClient, Risk } from '@samarkiv/db';

// Built per request so that no cached row outlives the request that read it.
export function createLoaders(prisma: PrismaClient) {
  return {
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
