import type { RiskArea } from '@samarkiv/db';
import type { Context } from '../../graphql/context.ts';
import { listRiskAreas, risksOfArea } from './risk.service.ts';

export const riskResolvers = {
  Query: {
    riskAreas: (_: unknown, __: unknown, ctx: Context) => listRiskAreas(ctx),
  },
  RiskArea: {
    risks: (area: RiskArea, _: unknown, ctx: Context) => risksOfArea(ctx, area.id),
  },
};
