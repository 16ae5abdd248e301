import type { ArchiveSeries } from '@samarkiv/db';
import { isoDate } from '../../graphql/dates.ts';


/** The series as a client sees it: for audit rows and the `current` of a version conflict. */
export function seriesView(row: ArchiveSeries) {
  // The search key is the database's own derivative of identifier, title and description: in an
  // audit entry it would only repeat their change in other spelling.
  const { searchKey: _derived, ...fields } = row;
  return {
    ...fields,
    periodStart: isoDate(row.periodStart),
    periodEnd: isoDate(row.periodEnd),
    depositDate: isoDate(row.depositDate),
    extentShelfMetres: row.extentShelfMetres === null ? null : Number(row.extentShelfMetres),
    updatedAt: row.updatedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    deletedAt: row.deletedAt?.toISOString() ?? null,
  };
}
