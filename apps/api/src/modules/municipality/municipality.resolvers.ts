import type { Context } from '../../graphql/context.ts';
import { listMunicipalities } from './municipality.service.ts';

export const municipalityResolvers = {
  Query: {
    municipalities: (_: unknown, __: unknown, ctx: Context) => listMunicipalities(ctx),
  },
};
