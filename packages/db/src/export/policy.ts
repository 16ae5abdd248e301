/**
 * Which tables and columns an export leaves out, and why. Every other table of the schema is
 * exported whole, so a table added by a later migration is covered without a change here.
 */

/** The migration history belongs to the target: it is migrated before the import. */
export const HISTORY_TABLE = '_prisma_migrations';

/**
 * Kept by triggers on other tables: the import's inserts rebuild them, and REBUILD_DERIVED
 * recounts those whose triggers depend on rows imported later (the readiness summary counts
 * against a basis date in app_setting, which may arrive after the series).
 */
export const DERIVED_TABLES = new Set(['archive_series_facet_count', 'archive_series_readiness_count']);
export const REBUILD_DERIVED = [`SELECT "archive_series_readiness_rebuild"("archive_series_readiness_cut_over"())`];

/** Short-lived state of running processes (failed sign-in counters, the reminder lease). */
export const TRANSIENT_TABLES = new Set(['rate_limit', 'scheduler_lease']);

/** Credentials: only with --include-secrets. */
export const SECRET_TABLES = new Set(['session', 'user_totp', 'recovery_code']);
export const SECRET_COLUMNS: Record<string, string[]> = { app_user: ['password_hash'] };

export function isExported(table: string, includeSecrets: boolean): boolean {
  if (table === HISTORY_TABLE || DERIVED_TABLES.has(table) || TRANSIENT_TABLES.has(table)) return false;
  return includeSecrets || !SECRET_TABLES.has(table);
}

export function omittedColumns(table: string, includeSecrets: boolean): string[] {
  return includeSecrets ? [] : (SECRET_COLUMNS[table] ?? []);
}
