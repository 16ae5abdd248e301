import type { Resolvers } from '../../graphql/generated/resolvers.ts';
import { createService, deleteService, listServices, updateService } from './service.service.ts';
import './service-export.ts';

export const serviceResolvers: Resolvers = {
  Query: {
    services: (_, __, ctx) => listServices(ctx),
  },
  Mutation: {
    createService: (_, { input }, ctx) => createService(ctx, input),
    updateService: (_, { id, input }, ctx) => updateService(ctx, id, input),
    deleteService: (_, { id }, ctx) => deleteService(ctx, id),
  },
  Service: {
    municipalities: (service, _, ctx) => ctx.loaders.municipalitiesByService.load(service.id),
  },
};
