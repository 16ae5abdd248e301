import type { Risk, RiskArea } from '@samarkiv/db';
import type { Context } from '../../graphql/context.ts';

export function listRiskAreas(ctx: Context): Promise<RiskArea[]> {
  return ctx.prisma.riskArea.findMany({ where: { deletedAt: null }, orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] });
}

export function risksOfArea(ctx: Context, areaId: number): Promise<Risk[]> {
  return ctx.loaders.risksByArea.load(areaId);
}
