import type { Resolvers } from '../../graphql/generated/resolvers.ts';
import { createPurpose, deletePurpose, listPurposes, restorePurpose, updatePurpose } from './purpose.service.ts';

export const purposeResolvers: Resolvers = {
  Query: {
    purposes: (_, __, ctx) => listPurposes(ctx),
  },
  Mutation: {
    createPurpose: (_, { input }, ctx) => createPurpose(ctx, input),
    updatePurpose: (_, { id, input }, ctx) => updatePurpose(ctx, id, input),
    deletePurpose: (_, { id }, ctx) => deletePurpose(ctx, id),
    restorePurpose: (_, { id }, ctx) => restorePurpose(ctx, id),
  },
};
