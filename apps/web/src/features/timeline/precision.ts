import type { TFunction } from 'i18next';
import { formatDate } from '../../lib/format.ts';

export type DatePrecision = 'DAY' | 'MONTH' | 'SEASON' | 'YEAR' | 'RANGE';
export type FuzzyDate = { start: string; end: string; precision: DatePrecision; note?: string | null };

const MONTHS = [
  'timeline.months.1', 'timeline.months.2', 'timeline.months.3', 'timeline.months.4', 'timeline.months.5', 'timeline.months.6',
  'timeline.months.7', 'timeline.months.8', 'timeline.months.9', 'timeline.months.10', 'timeline.months.11', 'timeline.months.12',
] as const;

const year = (iso: string) => iso.slice(0, 4);
const isWholeYears = (d: FuzzyDate) => d.start.slice(5) === '01-01' && d.end.slice(5) === '12-31';

/** The season of a window's first month (meteorological, as the API stores it). */
function season(month: number): 'spring' | 'summer' | 'autumn' | 'winter' {
  if (month >= 3 && month <= 5) return 'spring';
  if (month >= 6 && month <= 8) return 'summer';
  if (month >= 9 && month <= 11) return 'autumn';
  return 'winter';
}

/**
 * A date in words at the precision it is known, never finer: "26.01.2024", "mai 2024",
 * "vår 2025", "2020", "2017–2018" (a range of whole years), "01.03.2025–15.06.2025".
 */
export function precisionLabel(t: TFunction, date: FuzzyDate): string {
  switch (date.precision) {
    case 'DAY':
      return formatDate(date.start);
    case 'MONTH':
      return t('timeline.month', { month: t(MONTHS[Number(date.start.slice(5, 7)) - 1] ?? 'timeline.months.1'), year: year(date.start) });
    case 'SEASON': {
      const name = season(Number(date.start.slice(5, 7)));
      const years = year(date.start) === year(date.end) ? year(date.start) : `${year(date.start)}–${year(date.end)}`;
      return t('timeline.season', { season: t(`timeline.seasons.${name}`), year: years });
    }
    case 'YEAR':
      return year(date.start);
    case 'RANGE':
      if (isWholeYears(date)) return year(date.start) === year(date.end) ? year(date.start) : `${year(date.start)}–${year(date.end)}`;
      return `${formatDate(date.start)}–${formatDate(date.end)}`;
  }
}
