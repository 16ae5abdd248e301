import type { Resolvers } from '../../graphql/generated/resolvers.ts';
import { createTargetSeries, deleteTargetSeries, getTargetSeries, listTargetSeries, restoreTargetSeries, updateTargetSeries } from './target-series.service.ts';

export const targetSeriesResolvers: Resolvers = {
  Query: {
    targetSeries: (_, __, ctx) => listTargetSeries(ctx),
    targetSeriesById: (_, { id }, ctx) => getTargetSeries(ctx, id),
  },
  Mutation: {
    createTargetSeries: (_, { input }, ctx) => createTargetSeries(ctx, input),
    updateTargetSeries: (_, { id, input }, ctx) => updateTargetSeries(ctx, id, input),
    deleteTargetSeries: (_, { id }, ctx) => deleteTargetSeries(ctx, id),
    restoreTargetSeries: (_, { id }, ctx) => restoreTargetSeries(ctx, id),
  },
  TargetSeries: {
    mappedSeriesCount: (target, _, ctx) => ctx.loaders.mappedSeriesCountByTarget.load(target.id),
  },
};
