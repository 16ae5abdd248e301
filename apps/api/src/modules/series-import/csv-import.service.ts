import type { Prisma } from '@samarkiv/db';
import type { Context } from '../../graphql/context.ts';
import { AppError } from '../../graphql/errors.ts';
import { assertRoleIn, toId } from '../../graphql/writes.ts';
import { CSV_FIELDS, REQUIRED_FIELDS, type CsvField } from './csvFields.ts';
import type { CsvJobOptions } from './csvJob.ts';
import { readCsvHeaders, readCsvPreview, type CsvMapping } from './csvRows.ts';
import { startJob } from './job.ts';
import { openUploadAt, view, type ImportJobView } from './noark-import.service.ts';
import { Problems, type Problem } from './problems.ts';

// The GraphQL side of the CSV import: a preview of the caller's upload for the mapping step,
// then a dry run or an import with the column mapping. The same rules as the Noark import:
// archivists import into their own municipalities (ADMIN anywhere), only their own uploads;
// the mapping is checked before any job starts.

export interface CsvPreviewView {
  uploadId: string;
  filename: string;
  delimiter: string;
  columns: { index: number; header: string; samples: string[]; proposedField: CsvField | null }[];
  requiredFields: CsvField[];
  problems: Problem[];
}

export async function previewCsv(ctx: Context, uploadId: string): Promise<CsvPreviewView> {
  const uploads = ctx.config.uploads;
  const upload = await openUploadAt(uploads.dir, uploadId, ctx.user!.id, uploads.retentionMs, 'uploadId');
  const problems = new Problems();
  const { delimiter, columns } = await readCsvPreview(upload.path, upload.filename, problems);
  return { uploadId: upload.uploadId, filename: upload.filename, delimiter, columns, requiredFields: REQUIRED_FIELDS, problems: problems.list };
}

interface StartArgs {
  uploadId: string;
  municipalityId: string;
  mapping: CsvMapping[];
}

export function startCsvDryRun(ctx: Context, args: StartArgs): Promise<ImportJobView> {
  return start(ctx, args, true);
}

export function startCsvImport(ctx: Context, args: StartArgs): Promise<ImportJobView> {
  return start(ctx, args, false);
}

async function start(ctx: Context, args: StartArgs, dryRun: boolean): Promise<ImportJobView> {
  const user = ctx.user!;
  const municipalityId = toId(args.municipalityId, ['municipalityId']);
  await assertRoleIn(ctx, ['ARCHIVIST'], municipalityId, dryRun ? 'csvImportDryRun' : 'runCsvImport');
  const municipality = await ctx.prisma.municipality.findUnique({ where: { id: municipalityId }, select: { deletedAt: true } });
  if (!municipality || municipality.deletedAt) throw new AppError('NOT_FOUND', 'Fant ikke kommunen.', { path: ['municipalityId'] });
  const uploads = ctx.config.uploads;
  const upload = await openUploadAt(uploads.dir, args.uploadId, user.id, uploads.retentionMs, 'uploadId');
  const mapping = args.mapping.map(({ column, field }) => ({ column, field }));
  checkMapping(mapping, await readCsvHeaders(upload.path));
  const options: CsvJobOptions = { mapping };
  const job = await ctx.prisma.importJob.create({
    data: { kind: 'CSV', dryRun, municipalityId, createdById: user.id, uploadId: upload.uploadId, options: options as unknown as Prisma.InputJsonValue, bytesTotal: BigInt(upload.size) },
  });
  startJob({ prisma: ctx.prisma, config: ctx.config, logger: ctx.logger }, job.id, { user: ctx.user, requestId: ctx.requestId, clientAddress: ctx.clientAddress });
  return view(job);
}

/**
 * The mapping's errors, all at once, each at its place in `mapping`. Without readable headers
 * (a file that is not UTF-8, an empty file) the columns are not checked: the job reports why.
 */
function checkMapping(mapping: CsvMapping[], headers: string[] | null): void {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const seen = new Map<CsvField, number>();
  mapping.forEach(({ column, field }, i) => {
    if (!Number.isInteger(column) || column < 0 || (headers !== null && column >= headers.length)) {
      issues.push({ path: ['mapping', i, 'column'], message: headers === null ? `Kolonne ${column + 1} finnes ikke.` : `Kolonne ${column + 1} finnes ikke: filen har ${headers.length} kolonner.` });
    }
    const first = seen.get(field);
    if (first !== undefined) issues.push({ path: ['mapping', i, 'field'], message: `Feltet «${CSV_FIELDS[field].label}» er koblet til mer enn én kolonne (kolonne ${mapping[first]!.column + 1} og ${column + 1}). Koble det til bare én.` });
    else seen.set(field, i);
  });
  for (const field of REQUIRED_FIELDS) {
    if (seen.has(field) || (field === 'IDENTIFIER' && seen.has('SYSTEM_ID'))) continue;
    issues.push({ path: ['mapping'], message: field === 'IDENTIFIER' ? 'Koble en kolonne til identifikator eller system-ID: uten den kan arkivdelene verken finnes eller opprettes.' : `Koble en kolonne til feltet «${CSV_FIELDS[field].label}»: en ny arkivdel kan ikke lagres uten.` });
  }
  if (issues[0]) throw new AppError('VALIDATION_FAILED', issues[0].message, { path: issues[0].path, issues });
}
