import type { Database } from '../connection.ts';
import type { Sql } from '../sql.ts';
import { writeArchiveSeries, writeArchives } from './writeArchive.ts';
import { writeMunicipalities, writeTargetSeries, writeUsers } from './writeOrganisation.ts';
import { writeAcceptanceCriteria, writeFindings, writePurposes, writeRiskRegister, writeRiskWorkspace } from './writeRos.ts';
import { writeTimeline } from './writeTimeline.ts';
import { writeBenefits, writeOperatingFigures, writeServices } from './writeBenefits.ts';

export { DEMO_PASSWORDS, DEMO_USERS } from './users.ts';
export { MUNICIPALITIES } from './municipalities.ts';
export { RISKS } from './risks.ts';

/** The app_setting key that marks a database as holding the demo data. */
export const DEMO_SEED_KEY = 'demo_seed';
export const DEMO_SEED_VERSION = 1;

export type SeedStep =
  | 'municipalities'
  | 'users'
  | 'acceptance-criteria'
  | 'risks'
  | 'findings'
  | 'purposes'
  | 'timeline'
  | 'target-series'
  | 'archives'
  | 'archive-series'
  | 'benefits';

export interface SeedOptions {
  log?: (line: string) => void;
  /** Called after each step inside the transaction; a throw rolls the whole seed back (tests use it). */
  afterStep?: (step: SeedStep) => void | Promise<void>;
}

/**
 * Writes the demo data in one transaction, so a process killed half-way leaves nothing behind.
 * A marker row in app_setting makes it idempotent; a database with municipalities but no
 * marker holds someone's real data and is refused.
 */
export async function seedDemo(db: Database, options: SeedOptions = {}): Promise<'seeded' | 'already-seeded'> {
  const log = options.log ?? (() => {});
  const session = await db.session();
  try {
    return await session.transaction(async (sql) => {
      // Two processes starting at once (two API replicas on one server) must not both seed.
      await sql.query(`SELECT pg_advisory_xact_lock(hashtext('samarkiv:demo_seed'))`);
      if (await hasMarker(sql)) return 'already-seeded';
      await refuseRealData(sql);
      const started = Date.now();
      await writeAll(sql, new Date().toISOString(), log, options.afterStep ?? (() => {}));
      await sql.query(`INSERT INTO app_setting (key, value, updated_at) VALUES ($1, $2, now())`, [
        DEMO_SEED_KEY,
        JSON.stringify({ version: DEMO_SEED_VERSION, seededAt: new Date().toISOString() }),
      ]);
      log(`demo data written in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return 'seeded';
    });
  } finally {
    await session.release();
  }
}

async function hasMarker(sql: Sql): Promise<boolean> {
  const rows = await sql.query(`SELECT 1 FROM app_setting WHERE key = $1`, [DEMO_SEED_KEY]);
  return rows.length > 0;
}

async function refuseRealData(sql: Sql): Promise<void> {
  const [row] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM municipality`);
  if ((row?.n ?? 0) > 0) {
    throw new Error(
      `The database already holds ${row?.n} municipalities but no demo-seed marker (app_setting '${DEMO_SEED_KEY}'): ` +
        'it looks like real data, so the demo seed will not write into it. Use an empty database for the demo.',
    );
  }
}

async function writeAll(sql: Sql, now: string, log: (line: string) => void, afterStep: (step: SeedStep) => void | Promise<void>): Promise<void> {
  const done = async (step: SeedStep, detail: string) => {
    log(`seeded ${step}: ${detail}`);
    await afterStep(step);
  };
  const municipalities = await writeMunicipalities(sql, now);
  await done('municipalities', `${municipalities.size}`);
  const users = await writeUsers(sql, now, municipalities);
  await done('users', `${users.size}`);
  await writeAcceptanceCriteria(sql, users);
  await done('acceptance-criteria', '25 cells');
  const risks = await writeRiskRegister(sql, now, municipalities, users);
  await writeRiskWorkspace(sql, now, risks, users);
  await done('risks', `${risks.size}`);
  await writeFindings(sql, now, risks);
  await done('findings', 'ok');
  await writePurposes(sql, now);
  await done('purposes', 'ok');
  await writeTimeline(sql, now);
  await done('timeline', 'ok');
  const targets = await writeTargetSeries(sql, now);
  await done('target-series', `${targets.size}`);
  const archives = await writeArchives(sql, now, municipalities);
  await done('archives', `${archives.archive.size}`);
  const series = await writeArchiveSeries(sql, now, municipalities, archives, targets);
  await done('archive-series', `${series}`);
  const services = await writeServices(sql, now, municipalities);
  const benefits = await writeBenefits(sql, now, municipalities);
  const figures = await writeOperatingFigures(sql, now, municipalities);
  await done('benefits', `${services} services, ${benefits} benefits, ${figures} monthly figures`);
}
