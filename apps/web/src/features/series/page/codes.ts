import { ARCHIVE_SERIES_STATUS, DEPOSIT_STATUS, DOCUMENT_MEDIUM, RETENTION_DECISION } from '@samarkiv/shared';
import { formatDate } from '../../../lib/format.ts';

// Noark 5 code-list values are the standard's Norwegian words (packages/shared): shown as they
// are in both languages, like the field names archivists know them by.
export const STATUS_WORDS = ARCHIVE_SERIES_STATUS;
export const MEDIUM_WORDS = DOCUMENT_MEDIUM;
export const RETENTION_WORDS = RETENTION_DECISION;
export const DEPOSIT_WORDS = DEPOSIT_STATUS;

/** "01.01.2020–31.12.2025", or "01.01.2020–" while the period runs. */
export function periodText(start: string | null, end: string | null): string {
  if (!start) return '';
  return `${formatDate(start)}–${end ? formatDate(end) : ''}`;
}
