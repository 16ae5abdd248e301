import type { ArchiveSeries } from '@samarkiv/db';

/** A `date` column (UTC midnight) as YYYY-MM-DD. */
export function day(value: Date | null): string | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

/** The series as a client sees it: for audit rows and the `current` of a version conflict. */
export function seriesView(row: ArchiveSeries) {
  return {
    ...row,
    periodStart: day(row.periodStart),
    periodEnd: day(row.periodEnd),
    depositDate: day(row.depositDate),
    extentShelfMetres: row.extentShelfMetres === null ? null : Number(row.extentShelfMetres),
    updatedAt: row.updatedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    deletedAt: row.deletedAt?.toISOString() ?? null,
  };
}
