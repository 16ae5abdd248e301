import type { Database } from '../connection.ts';
import { MigrationError } from '../errors.ts';
import type { Sql } from '../sql.ts';
import type { MigrationFile } from './files.ts';

// Any constant works; it only has to be the same for every Samarkiv process.
const MIGRATION_LOCK_KEY = 7_305_447_001;

const CREATE_HISTORY_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export interface AppliedMigration {
  name: string;
  checksum: string;
  finished: boolean;
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
  /** Applied, but the file changed since: a landed migration must never be edited. */
  edited: string[];
  /** Recorded in the database but not among the files (a newer Samarkiv ran here?). */
  unknown: string[];
  /** Started but never finished (left by another tool; Samarkiv's own deploy is transactional). */
  failed: string[];
}

export async function readHistory(sql: Sql): Promise<AppliedMigration[]> {
  const [exists] = await sql.query<{ present: boolean }>(
    `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`,
  );
  if (!exists?.present) return [];
  const rows = await sql.query<{ migration_name: string; checksum: string; finished_at: unknown }>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"
      WHERE rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((row) => ({ name: row.migration_name, checksum: row.checksum, finished: row.finished_at !== null }));
}

export function compareHistory(files: MigrationFile[], history: AppliedMigration[]): MigrationStatus {
  const byName = new Map(history.map((row) => [row.name, row]));
  const fileNames = new Set(files.map((file) => file.name));
  const status: MigrationStatus = { applied: [], pending: [], edited: [], unknown: [], failed: [] };
  for (const file of files) {
    const row = byName.get(file.name);
    if (!row) status.pending.push(file.name);
    else if (!row.finished) status.failed.push(file.name);
    else if (row.checksum !== file.checksum) status.edited.push(file.name);
    else status.applied.push(file.name);
  }
  for (const row of history) if (!fileNames.has(row.name)) status.unknown.push(row.name);
  return status;
}

export async function migrationStatus(db: Database, files: MigrationFile[]): Promise<MigrationStatus> {
  const session = await db.session();
  try {
    return compareHistory(files, await readHistory(session));
  } finally {
    await session.release();
  }
}

/**
 * Applies pending migrations, each in its own transaction, under an advisory lock so that
 * several processes starting at once against one PostgreSQL migrate exactly once: the others
 * wait for the lock, then find nothing pending. A failing migration is rolled back whole and
 * reported with its name and the database's message.
 */
export async function deployMigrations(db: Database, files: MigrationFile[]): Promise<string[]> {
  const session = await db.session();
  try {
    await session.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await session.exec(CREATE_HISTORY_TABLE);
      const status = compareHistory(files, await readHistory(session));
      refuseInconsistentHistory(status);
      const applied: string[] = [];
      for (const file of files.filter((f) => status.pending.includes(f.name))) {
        await applyOne(session, file);
        applied.push(file.name);
      }
      return applied;
    } finally {
      await session.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    }
  } finally {
    await session.release();
  }
}

function refuseInconsistentHistory(status: MigrationStatus): void {
  const problems: string[] = [];
  if (status.edited.length) problems.push(`migrations edited after they were applied: ${status.edited.join(', ')}`);
  if (status.failed.length) problems.push(`migrations left unfinished: ${status.failed.join(', ')}`);
  if (status.unknown.length) problems.push(`migrations this version of Samarkiv does not have: ${status.unknown.join(', ')}`);
  if (problems.length) throw new MigrationError('(history)', problems.join('; '));
}

async function applyOne(session: Awaited<ReturnType<Database['session']>>, file: MigrationFile): Promise<void> {
  const started = new Date();
  try {
    await session.transaction(async (tx) => {
      await tx.exec(file.sql);
      await tx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
         VALUES (gen_random_uuid()::text, $1, now(), $2, $3, 1)`,
        [file.checksum, file.name, started],
      );
    });
  } catch (error) {
    throw new MigrationError(file.name, error instanceof Error ? error.message : String(error));
  }
}
