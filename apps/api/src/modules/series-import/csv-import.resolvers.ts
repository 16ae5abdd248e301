import type { Resolvers } from '../../graphql/generated/resolvers.ts';
import { previewCsv, startCsvDryRun, startCsvImport } from './csv-import.service.ts';

export const csvImportResolvers: Resolvers = {
  Query: {
    csvImportPreview: (_, { uploadId }, ctx) => previewCsv(ctx, uploadId),
  },
  Mutation: {
    csvImportDryRun: (_, args, ctx) => startCsvDryRun(ctx, args),
    runCsvImport: (_, args, ctx) => startCsvImport(ctx, args),
  },
};
