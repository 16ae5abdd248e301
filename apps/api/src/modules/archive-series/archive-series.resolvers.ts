import type { Resolvers } from '../../graphql/generated/resolvers.ts';
import { required } from '../../graphql/loaders.ts';
import { canEditSeries, createSeries, deleteSeries, getSeries, listSeries, mapSeries, restoreSeries, seriesFacets, updateSeries } from './archive-series.service.ts';
import { isoDate } from '../../graphql/dates.ts';
// Registers GET /exports/archive-series (the browser's view as CSV) with the schema's modules.
import './export.ts';

export const archiveSeriesResolvers: Resolvers = {
  Query: {
    archiveSeries: (_, args, ctx) => listSeries(ctx, args),
    archiveSeriesById: (_, { id }, ctx) => getSeries(ctx, id),
    archiveSeriesFacets: (_, { filter }, ctx) => seriesFacets(ctx, filter),
  },
  Mutation: {
    createArchiveSeries: (_, { input }, ctx) => createSeries(ctx, input),
    updateArchiveSeries: (_, { id, input }, ctx) => updateSeries(ctx, id, input),
    deleteArchiveSeries: (_, { id }, ctx) => deleteSeries(ctx, id),
    restoreArchiveSeries: (_, { id }, ctx) => restoreSeries(ctx, id),
    mapArchiveSeries: (_, { id, targetSeriesId, version }, ctx) => mapSeries(ctx, id, targetSeriesId, version),
  },
  ArchiveSeriesConnection: {
    totalCount: async (connection) => (await connection.count()).count,
    totalCountIsEstimate: async (connection) => (await connection.count()).estimate,
  },
  ArchiveSeries: {
    municipality: (series, _, ctx) => ctx.loaders.municipalityById.load(series.municipalityId).then(required),
    archive: (series, _, ctx) => (series.archiveId === null ? null : ctx.loaders.archiveById.load(series.archiveId)),
    archiveCreator: (series, _, ctx) => (series.archiveCreatorId === null ? null : ctx.loaders.archiveCreatorById.load(series.archiveCreatorId)),
    predecessor: (series, _, ctx) => (series.predecessorId === null ? null : ctx.loaders.archiveSeriesById.load(series.predecessorId)),
    successor: (series, _, ctx) => (series.successorId === null ? null : ctx.loaders.archiveSeriesById.load(series.successorId)),
    targetSeries: (series, _, ctx) => (series.targetSeriesId === null ? null : ctx.loaders.targetSeriesById.load(series.targetSeriesId)),
    periodStart: (series) => isoDate(series.periodStart),
    periodEnd: (series) => isoDate(series.periodEnd),
    depositDate: (series) => isoDate(series.depositDate),
    extentShelfMetres: (series) => (series.extentShelfMetres === null ? null : Number(series.extentShelfMetres)),
    updatedAt: (series) => series.updatedAt.toISOString(),
    canEdit: (series, _, ctx) => canEditSeries(ctx, series),
  },
};
