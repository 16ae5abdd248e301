import { randomUUID } from 'node:crypto';
import type { ImportJob } from '@samarkiv/db';
import { AppError } from '../../graphql/errors.ts';
import { openUpload } from '../../http/uploads.ts';
import { applyPlan } from './apply.ts';
import { processCsv } from './csvJob.ts';
import { blocked, finish, importInOneTransaction, progressWriter, type Actor, type JobDeps, type JobProcessor, type Progress } from './jobKit.ts';
import { readArkivstruktur, STRUKTUR } from './arkivstruktur.ts';
import { planImport } from './plan.ts';
import { Problems } from './problems.ts';
import { proposeMunicipality } from './propose.ts';
import { buildReport, type ImportReport } from './report.ts';
import { readUttrekk, type UttrekkInfo } from './uttrekk.ts';
import { decideVersion, validate } from './validate.ts';

// An import runs as a job outside the request (a file of several hundred MB takes longer than
// GraphQL's 15 s): the mutation writes an import_job row and starts the work; the client polls
// the row for progress (bytes read of the total) and, at the end, the report. The row is the
// only state: the work is claimed with a conditional update (QUEUED → RUNNING), so one process
// runs it, and housekeeping in any process takes over a job whose heartbeat has stopped.

export type { JobDeps } from './jobKit.ts';

/** A RUNNING job whose heartbeat is older than this lost its process. */
export const STALE_AFTER_MS = 2 * 60_000;

/** The work of each kind of job (import_job.kind). */
const PROCESSORS: Record<string, JobProcessor> = { NOARK5: processNoark, CSV: processCsv };

const inFlight = new Set<Promise<void>>();

/** Starts a claimed-or-not job in the background of this process. */
export function startJob(deps: JobDeps, jobId: number, actor: Actor | null): void {
  const work: Promise<void> = runJob(deps, jobId, actor)
    .catch((error: unknown) => deps.logger.error({ err: error, jobId }, 'import job failed outside its own error handling'))
    .finally(() => inFlight.delete(work));
  inFlight.add(work);
}

/** Resolves when every job this process runs has ended (for a graceful stop and for tests). */
export async function settleJobs(): Promise<void> {
  while (inFlight.size) await Promise.allSettled([...inFlight]);
}

/**
 * Housekeeping: a job left QUEUED (its process stopped before claiming it) or RUNNING with a
 * stale heartbeat is requeued and run here; the conditional update makes one process win.
 */
export async function resumeStaleJobs(deps: JobDeps, now = new Date()): Promise<number> {
  const stale = new Date(now.getTime() - STALE_AFTER_MS);
  const rows = await deps.prisma.importJob.findMany({ where: { OR: [{ status: 'QUEUED', createdAt: { lt: stale } }, { status: 'RUNNING', heartbeatAt: { lt: stale } }] }, select: { id: true, status: true, heartbeatAt: true } });
  let resumed = 0;
  for (const row of rows) {
    const { count } = await deps.prisma.importJob.updateMany({ where: { id: row.id, status: row.status, heartbeatAt: row.heartbeatAt }, data: { status: 'QUEUED', bytesRead: 0 } });
    if (count === 1) {
      startJob(deps, row.id, null);
      resumed++;
    }
  }
  return resumed;
}

async function runJob(deps: JobDeps, jobId: number, actor: Actor | null): Promise<void> {
  const { prisma, logger } = deps;
  const claimed = await prisma.importJob.updateMany({ where: { id: jobId, status: 'QUEUED' }, data: { status: 'RUNNING', startedAt: new Date(), heartbeatAt: new Date() } });
  if (claimed.count !== 1) return;
  const job = await prisma.importJob.findUniqueOrThrow({ where: { id: jobId } });
  const who: Actor = actor ?? { user: { id: job.createdById } as Actor['user'], requestId: `import-job-${job.id}`, clientAddress: null };
  const progress: Progress = { report: null };
  try {
    const processor = PROCESSORS[job.kind];
    if (!processor) throw new Error(`no processor for import jobs of kind ${job.kind}`);
    await processor(deps, job, who, progress);
  } catch (error) {
    const correlationId = randomUUID();
    logger.error({ err: error, jobId, correlationId }, 'import job failed');
    const failure =
      error instanceof AppError
        ? { code: error.code, message: error.message }
        : { code: 'INTERNAL_SERVER_ERROR', message: `Importen stoppet på grunn av en uventet feil (feil-id ${correlationId}). Ingenting er lagret.` };
    await finish(prisma, jobId, 'FAILED', { ...(progress.report ?? emptyReport(job.dryRun)), failure, created: null, updated: null });
  }
}

async function processNoark(deps: JobDeps, job: ImportJob, actor: Actor, progress: Progress): Promise<void> {
  const { prisma } = deps;
  const started = Date.now();
  const problems = new Problems();
  const struktur = await openUpload(deps.config.uploads.dir, job.uploadId, job.createdById, deps.config.uploads.retentionMs);
  let uttrekk: UttrekkInfo | null = null;
  let offset = 0;
  if (job.uttrekkUploadId) {
    const file = await openUpload(deps.config.uploads.dir, job.uttrekkUploadId, job.createdById, deps.config.uploads.retentionMs);
    uttrekk = await readUttrekk(file.path, problems);
    offset = file.size;
    if (uttrekk.arkivstrukturSha256 && /^[0-9a-f]{64}$/.test(uttrekk.arkivstrukturSha256) && uttrekk.arkivstrukturSha256 !== struktur.sha256) {
      problems.add({ severity: 'WARNING', code: 'CHECKSUM_MISMATCH', path: '/addml', line: null, file: 'arkivuttrekk.xml', message: 'Sjekksummen (SHA-256) som arkivuttrekk.xml oppgir for arkivstruktur.xml, stemmer ikke med filen som er lastet opp. Kontroller at filene hører sammen.' });
    }
  }

  const writer = progressWriter(prisma, job.id, offset);
  const content = await readArkivstruktur(struktur.path, problems, writer.tick);
  await writer.done(content.outcome.bytesRead);
  const parseMilliseconds = Date.now() - started;

  const fatal = fileProblem(content.outcome);
  if (fatal) problems.add({ severity: 'ERROR', code: fatal.code, path: '/', line: fatal.line, file: STRUKTUR, message: fatal.message });
  if (fatal || !content.rootOk) {
    const report = buildReport({ dryRun: job.dryRun, extraction: null, version: null, plan: null, problems, municipalityId: job.municipalityId, proposal: null, parseMilliseconds });
    if (!job.dryRun) report.failure = blocked(problems, 'uttrekket');
    await finish(prisma, job.id, job.dryRun ? 'SUCCEEDED' : 'FAILED', report);
    return;
  }

  const version = decideVersion(content, uttrekk, problems);
  const extraction = validate(content, version, problems, uttrekk);
  const proposal = await proposeMunicipality(prisma, extraction);
  const municipalityId = job.municipalityId ?? (job.dryRun ? (proposal?.municipalityId ?? null) : null);
  const systemName = uttrekk?.systemName ?? null;
  const report = (plan: Awaited<ReturnType<typeof planImport>> | null, found: Problems) =>
    buildReport({ dryRun: job.dryRun, extraction, version, plan, problems: found, municipalityId, proposal, parseMilliseconds });

  if (job.dryRun) {
    const plan = await planImport(prisma, extraction, municipalityId, problems, systemName);
    await finish(prisma, job.id, 'SUCCEEDED', report(plan, problems));
    return;
  }
  if (problems.hasErrors) {
    const plan = await planImport(prisma, extraction, municipalityId, problems, systemName);
    await finish(prisma, job.id, 'FAILED', { ...report(plan, problems), failure: blocked(problems, 'uttrekket') });
    return;
  }
  await importInOneTransaction(deps, job, actor, problems, progress, {
    plan: (tx) => planImport(tx, extraction, municipalityId, problems, systemName),
    report: (plan) => report(plan, problems),
    apply: (tx, plan) => applyPlan(tx, actor, plan),
    summary: { entityType: 'NoarkImport', details: { file: struktur.filename, sha256: struktur.sha256, version: version.version } },
    what: 'uttrekket',
  });
}

function fileProblem(outcome: { syntaxError: { message: string; line: number } | null; truncated: boolean }): { code: string; line: number | null; message: string } | null {
  if (outcome.syntaxError) return { code: 'NOT_WELL_FORMED_XML', line: outcome.syntaxError.line, message: `Filen er ikke velformet XML (linje ${outcome.syntaxError.line}): ${outcome.syntaxError.message}. Lesingen stoppet her; det som står etter, er ikke kontrollert.` };
  if (outcome.truncated) return { code: 'TRUNCATED', line: null, message: 'Filen slutter før alle elementer er avsluttet. Den er trolig avkortet (for eksempel en opplasting som ble avbrutt). Last opp hele filen på nytt.' };
  return null;
}

function emptyReport(dryRun: boolean): ImportReport {
  return buildReport({ dryRun, extraction: null, version: null, plan: null, problems: new Problems(), municipalityId: null, proposal: null, parseMilliseconds: 0 });
}
