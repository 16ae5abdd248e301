import type { Resolvers } from '../../graphql/generated/resolvers.ts';
import { getJob, startDryRun, startImport } from './noark-import.service.ts';

export const noarkImportResolvers: Resolvers = {
  Query: {
    noarkImportJob: (_, { id }, ctx) => getJob(ctx, id),
  },
  Mutation: {
    noarkImportDryRun: (_, args, ctx) => startDryRun(ctx, args),
    runNoarkImport: (_, args, ctx) => startImport(ctx, args),
  },
  NoarkImportJob: {
    bytesRead: (job) => Number(job.bytesRead),
    bytesTotal: (job) => Number(job.bytesTotal),
    progress: (job) => (job.bytesTotal > 0n ? Math.min(1, Number(job.bytesRead) / Number(job.bytesTotal)) : 0),
    municipality: (job, _, ctx) => (job.municipalityId === null ? null : ctx.loaders.municipalityById.load(job.municipalityId)),
    createdAt: (job) => job.createdAt.toISOString(),
    finishedAt: (job) => job.finishedAt?.toISOString() ?? null,
    // The report only once the job has ended (a running job has none yet).
    report: (job) => (job.status === 'SUCCEEDED' || job.status === 'FAILED' ? job.report : null),
  },
  NoarkImportReport: {
    municipality: (report, _, ctx) => (report.municipalityId === null ? null : ctx.loaders.municipalityById.load(report.municipalityId)),
    proposedMunicipality: (report, _, ctx) => (report.proposedMunicipalityId === null ? null : ctx.loaders.municipalityById.load(report.proposedMunicipalityId)),
  },
};
