/**
 * Fixes every setting that changes PostgreSQL's text form of a value, so one row reads the same
 * from any server and casts back to exactly the value it was.
 */
export const CANONICAL_SETTINGS = `SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL IntervalStyle = 'postgres';
SET LOCAL extra_float_digits = 3; SET LOCAL bytea_output = 'hex'`;

/** The latest migration a database records as applied, or null when it has none. */
export function latestMigration(history: { name: string; finished: boolean }[]): string | null {
  const names = history.filter((row) => row.finished).map((row) => row.name).sort();
  return names.at(-1) ?? null;
}
