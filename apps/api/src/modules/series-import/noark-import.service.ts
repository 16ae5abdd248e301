import type { ImportJob } from '@samarkiv/db';
import type { Context } from '../../graphql/context.ts';
import { AppError } from '../../graphql/errors.ts';
import { assertRoleIn, toId } from '../../graphql/writes.ts';
import { openUpload } from '../../http/uploads.ts';
import type { ImportReport } from './report.ts';
import { startJob } from './job.ts';

// The GraphQL side of the Noark 5 import: checks who may import into which municipality, that
// the uploads are the caller's, then writes the job row and starts it. Archivists import into
// their own municipalities only (ADMIN anywhere); a dry run without a municipality is allowed
// (the report proposes one) since it writes nothing but its job.

export interface ImportJobView extends Omit<ImportJob, 'report'> {
  report: ImportReport | null;
}

interface StartArgs {
  uploadId: string;
  uttrekkUploadId?: string | null;
  municipalityId?: string | null;
}

export function startDryRun(ctx: Context, args: StartArgs): Promise<ImportJobView> {
  return start(ctx, args, true);
}

export function startImport(ctx: Context, args: StartArgs & { municipalityId: string }): Promise<ImportJobView> {
  return start(ctx, args, false);
}

async function start(ctx: Context, args: StartArgs, dryRun: boolean): Promise<ImportJobView> {
  const user = ctx.user!;
  const what = dryRun ? 'noarkImportDryRun' : 'runNoarkImport';
  let municipalityId: number | null = null;
  if (args.municipalityId != null) {
    municipalityId = toId(args.municipalityId, ['municipalityId']);
    await assertRoleIn(ctx, ['ARCHIVIST'], municipalityId, what);
    const municipality = await ctx.prisma.municipality.findUnique({ where: { id: municipalityId }, select: { deletedAt: true } });
    if (!municipality || municipality.deletedAt) throw new AppError('NOT_FOUND', 'Fant ikke kommunen.', { path: ['municipalityId'] });
  }
  const uploads = ctx.config.uploads;
  const struktur = await openUploadAt(uploads.dir, args.uploadId, user.id, uploads.retentionMs, 'uploadId');
  const uttrekk = args.uttrekkUploadId ? await openUploadAt(uploads.dir, args.uttrekkUploadId, user.id, uploads.retentionMs, 'uttrekkUploadId') : null;
  const job = await ctx.prisma.importJob.create({
    data: {
      kind: 'NOARK5',
      dryRun,
      municipalityId,
      createdById: user.id,
      uploadId: struktur.uploadId,
      uttrekkUploadId: uttrekk?.uploadId ?? null,
      bytesTotal: BigInt(struktur.size + (uttrekk?.size ?? 0)),
    },
  });
  startJob({ prisma: ctx.prisma, config: ctx.config, logger: ctx.logger }, job.id, { user: ctx.user, requestId: ctx.requestId, clientAddress: ctx.clientAddress });
  return view(job);
}

/** A job as its creator (or ADMIN) sees it; anyone else gets null, as for an unknown id. */
export async function getJob(ctx: Context, id: string): Promise<ImportJobView | null> {
  const job = await ctx.prisma.importJob.findUnique({ where: { id: toId(id) } });
  if (!job || (job.createdById !== ctx.user!.id && !ctx.user!.isAdmin)) return null;
  return view(job);
}

export function view(job: ImportJob): ImportJobView {
  return { ...job, report: (job.report as ImportReport | null) ?? null };
}

/** The caller's staged upload; an error names the argument (`field`) it came in. */
export async function openUploadAt(dir: string, uploadId: string, userId: number, retentionMs: number, field: string) {
  try {
    return await openUpload(dir, uploadId, userId, retentionMs);
  } catch (error) {
    if (error instanceof AppError) throw new AppError(error.code, error.code === 'NOT_FOUND' ? 'Fant ikke den opplastede filen. Den kan være slettet (opplastinger lagres i 24 timer); last den opp på nytt.' : undefined, { path: [field] });
    throw error;
  }
}
