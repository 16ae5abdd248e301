import type { ImportJob } from '@samarkiv/db';
import { openUpload } from '../../http/uploads.ts';
import { applyCsvPlan } from './csvApply.ts';
import { planCsvImport, type CsvPlan } from './csvPlan.ts';
import { readCsvRows, type CsvMapping } from './csvRows.ts';
import { blocked, finish, importInOneTransaction, progressWriter, type Actor, type JobDeps, type Progress } from './jobKit.ts';
import type { PlanItem } from './plan.ts';
import { Problems } from './problems.ts';
import { buildReport } from './report.ts';

// A CSV import job (kind CSV): the upload read with the column mapping the job was started with
// (import_job.options), planned against the chosen municipality, and for a real import written
// in one transaction, through the runner and the transaction every import shares.

export interface CsvJobOptions {
  mapping: CsvMapping[];
}

const WHAT = 'filen';

export async function processCsv(deps: JobDeps, job: ImportJob, actor: Actor, progress: Progress): Promise<void> {
  const { prisma } = deps;
  const started = Date.now();
  const problems = new Problems();
  const { mapping } = job.options as unknown as CsvJobOptions;
  const municipalityId = job.municipalityId!;
  const upload = await openUpload(deps.config.uploads.dir, job.uploadId, job.createdById, deps.config.uploads.retentionMs);
  const writer = progressWriter(prisma, job.id);
  const csv = await readCsvRows(upload.path, upload.filename, mapping, problems, writer.tick);
  await writer.done(csv.outcome.bytesRead);
  const parseMilliseconds = Date.now() - started;
  const readable = csv.outcome.fault === null && csv.headers.length > 0;
  const report = (plan: CsvPlan | null) => buildReport({ dryRun: job.dryRun, extraction: null, version: null, plan, details, readable, problems, municipalityId, proposal: null, parseMilliseconds });

  // A file that could not be read whole is reported without a plan: half a file is no import.
  if (!readable) {
    await finish(prisma, job.id, job.dryRun ? 'SUCCEEDED' : 'FAILED', { ...report(null), failure: job.dryRun ? null : blocked(problems, WHAT) });
    return;
  }
  const args = { rows: csv.rows, headers: csv.headers, mapping, municipalityId, file: upload.filename };
  if (job.dryRun || problems.hasErrors) {
    const plan = await planCsvImport(prisma, args, problems);
    await finish(prisma, job.id, job.dryRun ? 'SUCCEEDED' : 'FAILED', { ...report(plan), failure: job.dryRun ? null : blocked(problems, WHAT) });
    return;
  }
  await importInOneTransaction<CsvPlan>(deps, job, actor, problems, progress, {
    plan: (tx) => planCsvImport(tx, args, problems),
    report,
    apply: (tx, plan) => applyCsvPlan(tx, actor, plan),
    summary: { entityType: 'CsvImport', details: { file: upload.filename, sha256: upload.sha256, rows: csv.rows.length } },
    what: WHAT,
  });
}

/** A series item's extent and classification type, from the values it is stored with. */
function details(item: PlanItem<unknown, unknown>) {
  const data = item.data as Record<string, unknown>;
  const count = (v: unknown) => (typeof v === 'number' ? v : null);
  return { extentFiles: count(data.extentFiles), extentRecords: count(data.extentRecords), classes: null, classificationType: (data.classificationType as string | null) ?? null };
}
