import type { Resolvers } from '../../graphql/generated/resolvers.ts';
import { createMunicipality, deleteMunicipality, getMunicipality, listMunicipalities, restoreMunicipality, updateMunicipality } from './municipality.service.ts';

export const municipalityResolvers: Resolvers = {
  Query: {
    municipalities: (_, __, ctx) => listMunicipalities(ctx),
    municipality: (_, { id }, ctx) => getMunicipality(ctx, id),
  },
  Mutation: {
    createMunicipality: (_, { input }, ctx) => createMunicipality(ctx, input),
    updateMunicipality: (_, { id, input }, ctx) => updateMunicipality(ctx, id, input),
    deleteMunicipality: (_, { id }, ctx) => deleteMunicipality(ctx, id),
    restoreMunicipality: (_, { id }, ctx) => restoreMunicipality(ctx, id),
  },
  Municipality: {
    seriesCount: (m, _, ctx) => ctx.loaders.countsByMunicipality.load(m.id).then((c) => c.series),
    archiveCount: (m, _, ctx) => ctx.loaders.countsByMunicipality.load(m.id).then((c) => c.archives),
    riskCount: (m, _, ctx) => ctx.loaders.countsByMunicipality.load(m.id).then((c) => c.risks),
  },
};
