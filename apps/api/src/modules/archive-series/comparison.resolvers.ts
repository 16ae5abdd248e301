import type { Resolvers } from '../../graphql/generated/resolvers.ts';
import { buildComparison, listUnmappedSeries } from './comparison.ts';

// The comparison grid's own resolvers; its series resolve through ArchiveSeries' field resolvers.
export const comparisonResolvers: Resolvers = {
  Query: {
    archiveSeriesComparison: (_, __, ctx) => buildComparison(ctx.prisma),
    unmappedArchiveSeries: (_, { municipalityId, first }, ctx) => listUnmappedSeries(ctx.prisma, municipalityId, first),
  },
};
