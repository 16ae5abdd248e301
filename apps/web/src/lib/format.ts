// Counts follow the Norwegian convention (space as thousands separator) in both languages:
// the figures describe Norwegian municipalities and must read the same in exports and prints.
const countFormat = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });

export function formatCount(value: number): string {
  return countFormat.format(value);
}

// Times are shown as Norwegian users expect (dd.mm.åååå hh:mm) in Europe/Oslo, whatever the
// browser's own zone: a log entry must read the same on every machine and in every print.
const dateTimeParts = new Intl.DateTimeFormat('nb-NO', {
  timeZone: 'Europe/Oslo',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function partsOf(format: Intl.DateTimeFormat, date: Date): Record<string, string> {
  return Object.fromEntries(format.formatToParts(date).map((part) => [part.type, part.value]));
}

/** "05.03.2026 14:30" in Europe/Oslo; an unreadable value is returned as it came. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const { day, month, year, hour, minute } = partsOf(dateTimeParts, date);
  return `${day}.${month}.${year} ${hour}:${minute}`;
}

/** Today's date in Europe/Oslo as yyyy-mm-dd (the API's "today"). */
export function osloToday(now: Date = new Date()): string {
  const { day, month, year } = partsOf(dateTimeParts, now);
  return `${year}-${month}-${day}`;
}

const osloOffsetParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Minutes Oslo is ahead of UTC at `instant` (60 in winter, 120 in summer). */
function osloOffsetMinutes(instant: number): number {
  const { year, month, day, hour, minute, second } = partsOf(osloOffsetParts, new Date(instant));
  const asUtc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  return Math.round((asUtc - instant) / 60_000);
}

/**
 * The instant a calendar day (yyyy-mm-dd) starts in Europe/Oslo, as ISO 8601, or undefined for
 * anything that is not such a date. Filters "from 1 March" mean Oslo's 1 March, not UTC's.
 */
export function osloStartOfDay(date: string, addDays = 0): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const midnightUtc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + addDays);
  if (Number.isNaN(midnightUtc)) return undefined;
  // The offset at a guess one offset early settles it, also on the days clocks change (at 02/03).
  const guess = midnightUtc - osloOffsetMinutes(midnightUtc) * 60_000;
  return new Date(midnightUtc - osloOffsetMinutes(guess) * 60_000).toISOString();
}

/**
 * A calendar date as the API sends it (yyyy-mm-dd, already an Oslo day) as "05.03.2026";
 * no time zone conversion, which could move it a day. Anything else is returned as it came.
 */
export function formatDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : isoDate;
}
