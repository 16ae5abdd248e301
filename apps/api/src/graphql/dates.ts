// Samarkiv's calendar is Europe/Oslo: "today", "overdue", "delayed" and "as of a date" are Oslo
// days, whatever the server's own time zone. `date` columns are calendar days, read and written
// as UTC midnight so that no time zone shifts them.

const OSLO_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });
const OSLO_PARTS = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** The Oslo calendar day of an instant, as YYYY-MM-DD. */
export function osloDate(at: Date = new Date()): string {
  return OSLO_DATE.format(at);
}

/** Milliseconds Oslo is ahead of UTC at the instant. */
function osloOffset(at: number): number {
  const p = Object.fromEntries(OSLO_PARTS.formatToParts(at).map((part) => [part.type, part.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - Math.floor(at / 1000) * 1000;
}

/** The instant an Oslo calendar day begins. */
export function osloStartOfDay(date: string): Date {
  const midnightUtc = Date.parse(`${date}T00:00:00Z`);
  // Midnight never falls in a DST gap in Oslo (the switch is at 02:00/03:00), so two rounds settle it.
  let guess = midnightUtc - osloOffset(midnightUtc);
  guess = midnightUtc - osloOffset(guess);
  return new Date(guess);
}

/** The first instant after an Oslo calendar day: "at or before the end of the day" is "before this". */
export function osloEndOfDay(date: string): Date {
  const next = isoDate(new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000));
  return osloStartOfDay(next);
}

/** A `@db.Date` column (UTC midnight) as YYYY-MM-DD. */
export function isoDate(value: Date): string;
export function isoDate(value: Date | null): string | null;
export function isoDate(value: Date | null): string | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

/** YYYY-MM-DD as the Date Prisma writes to a `@db.Date` column. */
export function toDbDate(value: string): Date;
export function toDbDate(value: string | null): Date | null;
export function toDbDate(value: string | null): Date | null {
  return value ? new Date(`${value}T00:00:00Z`) : null;
}
