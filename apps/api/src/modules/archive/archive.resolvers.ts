import type { Resolvers } from '../../graphql/generated/resolvers.ts';
import { required } from '../../graphql/loaders.ts';

export const archiveResolvers: Resolvers = {
  Archive: {
    municipality: (archive, _, ctx) => ctx.loaders.municipalityById.load(archive.municipalityId).then(required),
  },
  ArchiveCreator: {
    municipality: (creator, _, ctx) => ctx.loaders.municipalityById.load(creator.municipalityId).then(required),
    archive: (creator, _, ctx) => (creator.archiveId === null ? null : ctx.loaders.archiveById.load(creator.archiveId)),
  },
};
