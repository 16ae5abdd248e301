import type { ImportJob, Prisma, PrismaClient } from '@samarkiv/db';
import type { ApiConfig } from '../../config.ts';
import type { Context } from '../../graphql/context.ts';
import type { Logger } from '../../logger.ts';
import { failpoint } from '../../failpoints.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { lockForImport, type Applied } from './apply.ts';
import type { Problems } from './problems.ts';
import type { ImportReport } from './report.ts';

// What every kind of import job (NOARK5, CSV) shares once its file is read: the progress
// heartbeat, the end of the job, and the one transaction that plans again under the locks,
// writes, audits and finishes, or writes nothing.

export interface JobDeps {
  prisma: PrismaClient;
  config: Pick<ApiConfig, 'uploads'>;
  logger: Logger;
}

export type Actor = Pick<Context, 'user' | 'requestId' | 'clientAddress'>;
type Tx = Prisma.TransactionClient;

/** What a failing job can still report: the last report made before the failure. */
export interface Progress {
  report: ImportReport | null;
}

/** Reads one kind of import file and plans (dry run) or imports it. */
export type JobProcessor = (deps: JobDeps, job: ImportJob, actor: Actor, progress: Progress) => Promise<void>;

const PROGRESS_EVERY_MS = 500;
/** The import's one transaction may run long on a big file with many series. */
const TRANSACTION = { timeout: 10 * 60_000, maxWait: 60_000 };

/** A progress callback for a reader: bytes read (plus `offset` of files read before), at most every half second. */
export function progressWriter(prisma: PrismaClient, jobId: number, offset = 0): { tick(bytes: number): Promise<void>; done(bytes: number): Promise<void> } {
  let lastWrite = Date.now();
  const write = (bytes: number) => prisma.importJob.update({ where: { id: jobId }, data: { bytesRead: BigInt(offset + bytes), heartbeatAt: new Date() } });
  return {
    async tick(bytes) {
      if (Date.now() - lastWrite < PROGRESS_EVERY_MS) return;
      lastWrite = Date.now();
      await write(bytes);
    },
    async done(bytes) {
      await write(bytes);
    },
  };
}

export async function finish(db: PrismaClient | Tx, jobId: number, status: 'SUCCEEDED' | 'FAILED', report: ImportReport): Promise<void> {
  await db.importJob.update({ where: { id: jobId }, data: { status, report: report as unknown as Prisma.InputJsonValue, finishedAt: new Date(), heartbeatAt: new Date() } });
}

/** The failure of an import that found errors; `what` is the file in Norwegian («uttrekket», «filen»). */
export function blocked(problems: Problems, what: string): { code: string; message: string } {
  return { code: 'IMPORT_HAS_ERRORS', message: `Importen ble ikke kjørt fordi ${what} har ${problems.counts.ERROR} feil. Ingenting er lagret. Rett feilene og last opp filen på nytt.` };
}

class ImportBlocked extends Error {
  constructor(readonly report: ImportReport) {
    super('import blocked');
  }
}

export interface ImportSteps<P> {
  plan(tx: Tx): Promise<P>;
  report(plan: P): ImportReport;
  apply(tx: Tx, plan: P): Promise<Applied>;
  /** The summary audit event's entity type and details (written only when something changed). */
  summary: { entityType: string; details: Record<string, unknown> };
  /** The file in Norwegian, for the failure message. */
  what: string;
}

/**
 * The import itself: the plan is made again inside the transaction, under the locks of the
 * unique checks, so what is written is what the database holds at that moment. Errors found
 * there roll everything back and end the job FAILED with the report; any other failure
 * propagates (the runner records it) and also writes nothing.
 */
export async function importInOneTransaction<P>(deps: JobDeps, job: ImportJob, actor: Actor, problems: Problems, progress: Progress, steps: ImportSteps<P>): Promise<void> {
  const { prisma } = deps;
  await prisma
    .$transaction(async (tx) => {
      await lockForImport(tx);
      const plan = await steps.plan(tx);
      progress.report = steps.report(plan);
      if (problems.hasErrors) throw new ImportBlocked(progress.report);
      const applied = await steps.apply(tx, plan);
      await failpoint('import-applied');
      const changed = Object.values(applied.created).some(Boolean) || Object.values(applied.updated).some(Boolean);
      if (changed) {
        await recordAudit(tx, actor, { action: 'import', entityType: steps.summary.entityType, entityId: job.id, after: { municipalityId: job.municipalityId, ...steps.summary.details, created: applied.created, updated: applied.updated } });
      }
      await finish(tx, job.id, 'SUCCEEDED', { ...progress.report, created: applied.created, updated: applied.updated });
    }, TRANSACTION)
    .catch(async (error: unknown) => {
      if (!(error instanceof ImportBlocked)) throw error;
      await finish(prisma, job.id, 'FAILED', { ...error.report, failure: blocked(problems, steps.what) });
    });
}
