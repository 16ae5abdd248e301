import type { Resolvers } from '../../graphql/generated/resolvers.ts';
import { dataUpdatedAt, nextMilestone, overview, overviewReadiness, riskProfile, seriesCounts } from './overview.service.ts';
import { readOverviewSettings, updateOverviewSettings } from './settings.ts';

export const overviewResolvers: Resolvers = {
  Query: {
    overview: (_, { municipalityId }, ctx) => overview(ctx, municipalityId),
    overviewSettings: (_, __, ctx) => readOverviewSettings(ctx.prisma),
  },
  Mutation: {
    updateOverviewSettings: (_, { input }, ctx) => updateOverviewSettings(ctx, input),
  },
  Overview: {
    asOf: (view) => view.asOf,
    dataUpdatedAt: (_, __, ctx) => dataUpdatedAt(ctx),
    municipality: async (view) => (view.municipalityId === null ? null : ((await view.municipalities())[0] ?? null)),
    settings: (view) => view.settings(),
    nextMilestone: (view, _, ctx) => nextMilestone(ctx, view.asOf),
    riskProfile: (view, _, ctx) => riskProfile(ctx, view),
    readiness: (view, _, ctx) => overviewReadiness(ctx, view),
    seriesCounts: (view, _, ctx) => seriesCounts(ctx, view),
  },
};
