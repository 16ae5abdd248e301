/** Whether `YYYY-MM-DD` names a day the calendar has (not 2026-02-30). Kept free of zod, so the web's pages that only read URLs do not load it. */
export function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
