import type { Resolvers } from '../../graphql/generated/resolvers.ts';
import { dryRunImport, runImport } from './operating-figure.import.ts';
import { monthGrid, setFigure, trend } from './operating-figure.service.ts';

export const operatingFigureResolvers: Resolvers = {
  Query: {
    operatingFigureGrid: (_, { month }, ctx) => monthGrid(ctx, month),
    operatingFigureTrend: (_, { months }, ctx) => trend(ctx, months ?? 12),
  },
  Mutation: {
    setOperatingFigure: (_, { input }, ctx) => setFigure(ctx, input),
    operatingFiguresImportDryRun: (_, { uploadId }, ctx) => dryRunImport(ctx, uploadId),
    runOperatingFiguresImport: (_, { uploadId }, ctx) => runImport(ctx, uploadId),
  },
};
