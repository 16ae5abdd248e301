import type { Database } from '@samarkiv/db';
import type { ApiConfig } from './config.ts';
import type { Logger } from './logger.ts';
import { blankOldClientAddresses } from './modules/audit/audit.service.ts';
import { resumeStaleJobs } from './modules/series-import/job.ts';

const HOUR = 60 * 60_000;
/** An import job whose process died is taken over within STALE_AFTER_MS plus this, not an hour later. */
const JOB_TAKEOVER_EVERY_MS = 60_000;

/**
 * Housekeeping each process runs hourly (idempotent, so several processes may run it too):
 * blank client addresses past their retention, delete sessions past their absolute timeout and
 * rate-limit counters past their window; take over import jobs whose process stopped.
 */
export async function runHousekeeping(db: Database, config: ApiConfig, logger: Logger): Promise<void> {
  const now = new Date();
  const blanked = await blankOldClientAddresses(db.prisma, config.auditAddressRetentionDays);
  const sessions = await db.prisma.session.deleteMany({ where: { expiresAt: { lt: now } } });
  const limits = await db.prisma.rateLimiterFlexible.deleteMany({ where: { expire: { lt: now } } });
  const importJobs = await resumeStaleJobs({ prisma: db.prisma, config, logger }, now);
  if (blanked || sessions.count || limits.count || importJobs) logger.info({ blanked, sessions: sessions.count, rateLimits: limits.count, importJobs }, 'housekeeping');
}

export function startHousekeeping(db: Database, config: ApiConfig, logger: Logger): () => void {
  const run = () => runHousekeeping(db, config, logger).catch((error: unknown) => logger.warn({ err: error }, 'housekeeping failed'));
  void run();
  const timer = setInterval(run, HOUR);
  timer.unref();
  // One indexed query a minute: cheap enough to run more often than the rest.
  const takeover = setInterval(() => {
    resumeStaleJobs({ prisma: db.prisma, config, logger })
      .then((resumed) => resumed && logger.info({ importJobs: resumed }, 'took over stale import jobs'))
      .catch((error: unknown) => logger.warn({ err: error }, 'import job takeover failed'));
  }, JOB_TAKEOVER_EVERY_MS);
  takeover.unref();
  return () => {
    clearInterval(timer);
    clearInterval(takeover);
  };
}
