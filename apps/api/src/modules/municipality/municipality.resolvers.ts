import type { Resolvers } from '../../graphql/generated/resolvers.ts';
import { listMunicipalities } from './municipality.service.ts';

export const municipalityResolvers: Resolvers = {
  Query: {
    municipalities: (_, __, ctx) => listMunicipalities(ctx),
  },
  Municipality: {
    seriesCount: (m, _, ctx) => ctx.loaders.countsByMunicipality.load(m.id).then((c) => c.series),
    archiveCount: (m, _, ctx) => ctx.loaders.countsByMunicipality.load(m.id).then((c) => c.archives),
    riskCount: (m, _, ctx) => ctx.loaders.countsByMunicipality.load(m.id).then((c) => c.risks),
  },
};
