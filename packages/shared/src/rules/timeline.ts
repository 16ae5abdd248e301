import { z } from 'zod';
import { idRule, isoDateRule, optionalTextRule, textRule, versionRule } from './common.ts';

// Phases and milestones of the establishment. A date is kept at the precision the source gives
// it; the server stores the window [start, end] that precision covers, derived here so that the
// web shows the same window before it saves.

export const DATE_PRECISIONS = ['DAY', 'MONTH', 'SEASON', 'YEAR', 'RANGE'] as const;
export type DatePrecisionName = (typeof DATE_PRECISIONS)[number];
export const MILESTONE_KINDS = ['DECISION', 'AGREEMENT', 'ANALYSIS', 'HIRING', 'OPERATION', 'EVALUATION', 'PROCUREMENT', 'PREPARATION'] as const;
export const MILESTONE_STATUSES = ['PLANNED', 'DONE', 'CANCELLED'] as const;

/**
 * The window a date of some precision covers. Seasons are meteorological: spring March-May,
 * summer June-August, autumn September-November, winter December-February (a January or
 * February date belongs to the winter that began the December before).
 */
export function dateWindow(start: string, precision: DatePrecisionName, end?: string | null): { start: string; end: string } {
  const [y, m] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))];
  switch (precision) {
    case 'DAY':
      return { start, end: start };
    case 'MONTH':
      return { start: ymd(y, m, 1), end: ymd(y, m, daysIn(y, m)) };
    case 'YEAR':
      return { start: ymd(y, 1, 1), end: ymd(y, 12, 31) };
    case 'RANGE':
      return { start, end: end ?? start };
    case 'SEASON': {
      // Months since March of year y, so that December and the following two months share a season.
      const firstMonth = m === 12 ? 12 : m < 3 ? 12 : m - ((m - 3) % 3);
      const firstYear = m < 3 ? y - 1 : y;
      const lastMonth = ((firstMonth + 1) % 12) + 1;
      const lastYear = firstMonth === 12 ? firstYear + 1 : firstYear;
      return { start: ymd(firstYear, firstMonth, 1), end: ymd(lastYear, lastMonth, daysIn(lastYear, lastMonth)) };
    }
  }
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function ymd(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export const fuzzyDateRule = z
  .object({
    start: isoDateRule('datoen'),
    precision: z.enum(DATE_PRECISIONS, { error: 'Velg hvor presis datoen er.' }),
    end: isoDateRule('sluttdatoen').nullish(),
    note: optionalTextRule('merknaden til datoen', 500),
  })
  .superRefine((date, ctx) => {
    if (date.precision === 'RANGE' && !date.end) ctx.addIssue({ code: 'custom', path: ['end'], message: 'Fyll inn sluttdatoen for en periode.' });
    if (date.precision !== 'RANGE' && date.end) ctx.addIssue({ code: 'custom', path: ['end'], message: 'Bare en periode har sluttdato.' });
    if (date.precision === 'RANGE' && date.end && date.end < date.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'Sluttdatoen kan ikke være før startdatoen.' });
  })
  .transform((date) => ({ ...dateWindow(date.start, date.precision, date.end), precision: date.precision, note: date.note }));

const sortOrderRule = z.number({ error: 'Rekkefølgen må være et heltall.' }).int({ error: 'Rekkefølgen må være et heltall.' }).min(0, { error: 'Rekkefølgen kan ikke være negativ.' }).max(1_000_000, { error: 'Rekkefølgen er for stor.' });

const phaseFields = {
  name: textRule('navnet', 200),
  description: optionalTextRule('beskrivelsen', 5000),
  // A phase keeps no note on its date (the table has no column for one): refused, not dropped.
  date: fuzzyDateRule.refine((date) => date.note === null, { path: ['note'], error: 'En fase har ingen merknad til datoen.' }),
  sortOrder: sortOrderRule.optional().default(0),
};

export const createPhaseRules = z.object(phaseFields);
export const updatePhaseRules = z.object({ ...phaseFields, version: versionRule });

const milestoneFields = {
  phaseId: idRule('en fase').nullish().transform((v) => v ?? null),
  title: textRule('tittelen', 300),
  description: optionalTextRule('beskrivelsen', 5000),
  date: fuzzyDateRule,
  kind: z.enum(MILESTONE_KINDS, { error: 'Velg en type milepæl.' }),
  decidingBody: optionalTextRule('beslutningsorganet', 200),
  status: z.enum(MILESTONE_STATUSES, { error: 'Velg en status.' }).optional().default('PLANNED'),
  caseReference: optionalTextRule('saksnummeret', 100),
  sortOrder: sortOrderRule.optional().default(0),
};

export const createMilestoneRules = z.object(milestoneFields);
export const updateMilestoneRules = z.object({ ...milestoneFields, version: versionRule });

export const milestoneFilterRules = z
  .object({
    phaseId: idRule('en fase').nullish(),
    kinds: z.array(z.enum(MILESTONE_KINDS, { error: 'Ukjent type milepæl.' })).max(20).nullish(),
    statuses: z.array(z.enum(MILESTONE_STATUSES, { error: 'Ukjent status.' })).max(10).nullish(),
    from: isoDateRule('fra-datoen').nullish(),
    to: isoDateRule('til-datoen').nullish(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], error: 'Til-datoen kan ikke være før fra-datoen.' });
