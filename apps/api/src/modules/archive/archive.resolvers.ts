import type { Resolvers } from '../../graphql/generated/resolvers.ts';
import { required } from '../../graphql/loaders.ts';
import { createArchive, deleteArchive, getArchive, listArchives, restoreArchive, updateArchive } from './archive.service.ts';
import { createArchiveCreator, deleteArchiveCreator, getArchiveCreator, listArchiveCreators, restoreArchiveCreator, updateArchiveCreator } from './archiveCreator.service.ts';

export const archiveResolvers: Resolvers = {
  Query: {
    archives: (_, { municipalityId }, ctx) => listArchives(ctx, municipalityId),
    archive: (_, { id }, ctx) => getArchive(ctx, id),
    archiveCreators: (_, { municipalityId }, ctx) => listArchiveCreators(ctx, municipalityId),
    archiveCreator: (_, { id }, ctx) => getArchiveCreator(ctx, id),
  },
  Mutation: {
    createArchive: (_, { input }, ctx) => createArchive(ctx, input),
    updateArchive: (_, { id, input }, ctx) => updateArchive(ctx, id, input),
    deleteArchive: (_, { id }, ctx) => deleteArchive(ctx, id),
    restoreArchive: (_, { id }, ctx) => restoreArchive(ctx, id),
    createArchiveCreator: (_, { input }, ctx) => createArchiveCreator(ctx, input),
    updateArchiveCreator: (_, { id, input }, ctx) => updateArchiveCreator(ctx, id, input),
    deleteArchiveCreator: (_, { id }, ctx) => deleteArchiveCreator(ctx, id),
    restoreArchiveCreator: (_, { id }, ctx) => restoreArchiveCreator(ctx, id),
  },
  Archive: {
    municipality: (archive, _, ctx) => ctx.loaders.municipalityById.load(archive.municipalityId).then(required),
  },
  ArchiveCreator: {
    municipality: (creator, _, ctx) => ctx.loaders.municipalityById.load(creator.municipalityId).then(required),
    archive: (creator, _, ctx) => (creator.archiveId === null ? null : ctx.loaders.archiveById.load(creator.archiveId)),
  },
};
