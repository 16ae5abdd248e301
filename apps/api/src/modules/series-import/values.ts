import { ARCHIVE_SERIES_STATUS, DOCUMENT_MEDIUM, RETENTION_DECISION } from '@samarkiv/shared';

// Values of the Noark 5 metadata catalogue as they stand in an extraction, checked and turned
// into Samarkiv's columns.

/** M001 systemID from Noark 5 v5.0 on (the catalogue's regular expression). */
const UUID = /^[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}$/;

export const isUuid = (value: string): boolean => UUID.test(value);

export type CodeMatch<K> = { key: K; exact: boolean } | null;

/** A code-list value: exact (as the catalogue writes it), in other letter case, or not in the list. */
function matchCode<T extends Record<string, string>>(codes: T, value: string): CodeMatch<keyof T & string> {
  for (const [key, label] of Object.entries(codes)) {
    if (label === value) return { key, exact: true };
  }
  const lower = value.toLocaleLowerCase('nb');
  for (const [key, label] of Object.entries(codes)) {
    if (label.toLocaleLowerCase('nb') === lower) return { key, exact: false };
  }
  return null;
}

/** M051 arkivdelstatus */
export const matchStatus = (value: string) => matchCode(ARCHIVE_SERIES_STATUS, value);
/** M300 dokumentmedium */
export const matchMedium = (value: string) => matchCode(DOCUMENT_MEDIUM, value);
/** M450 kassasjonsvedtak */
export const matchRetention = (value: string) => matchCode(RETENTION_DECISION, value);

export const STATUS_LABELS = Object.values(ARCHIVE_SERIES_STATUS);
export const MEDIUM_LABELS = Object.values(DOCUMENT_MEDIUM);
export const RETENTION_LABELS = Object.values(RETENTION_DECISION);

/** «A», «B» og «C»: a code list in a Norwegian sentence. */
export function listing(values: readonly string[]): string {
  const quoted = values.map((v) => `«${v}»`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} og ${quoted.at(-1)}` : (quoted[0] ?? '');
}

/**
 * An xs:date or xs:dateTime (the catalogue's «Dato og klokkeslett», also as a bare date in older
 * extractions) as YYYY-MM-DD, or null when it is neither or names no real day.
 */
export function calendarDate(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}:\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?$/.exec(value);
  if (!match) return null;
  const day = `${match[1]}-${match[2]}-${match[3]}`;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day ? day : null;
}

/** A Noark 5 version as the arkivuttrekk writes it («5.0», «v4.0», «3.1») in the form Samarkiv knows, or null. */
export function normaliseVersion(value: string): NoarkVersion | null {
  const match = /^v?\s*(\d)(?:\.(\d))?/i.exec(value.trim());
  if (!match) return null;
  const version = `${match[1]}.${match[2] ?? '0'}`;
  return (KNOWN_VERSIONS as readonly string[]).includes(version) ? (version as NoarkVersion) : null;
}

export const KNOWN_VERSIONS = ['3.1', '4.0', '5.0'] as const;
export type NoarkVersion = (typeof KNOWN_VERSIONS)[number];
