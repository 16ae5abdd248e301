import type { Resolvers } from '../../graphql/generated/resolvers.ts';
import type { RiskArea } from '@samarkiv/db';
import { listRiskAreas, risksOfArea } from './risk.service.ts';

export const riskResolvers: Resolvers = {
  Query: {
    riskAreas: (_, __, ctx) => listRiskAreas(ctx),
  },
  RiskArea: {
    risks: (area, _, ctx) => risksOfArea(ctx, area.id),
  },
};
