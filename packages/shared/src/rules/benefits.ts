import { z } from 'zod';
import { idRule, isoDateRule, optionalTextRule, textRule, versionRule } from './common.ts';

// tjenestekatalog, gevinster and driftstall: the service catalogue, benefits with their
// measurements, and the monthly operating figures per municipality.

export const COST_SHARING_KEYS = ['POPULATION', 'VOLUME', 'FIXED'] as const;
export const SERVICE_STATUSES = ['PLANNED', 'ACTIVE', 'DISCONTINUED'] as const;
export const BENEFIT_TYPES = ['EFFICIENCY', 'QUALITY', 'OTHER'] as const;
export const BENEFIT_DIRECTIONS = ['LOWER_IS_BETTER', 'HIGHER_IS_BETTER'] as const;
export const OPERATING_FIGURE_FIELDS = ['INCOMING_POST', 'JOURNAL_ENTRIES', 'MEDIAN_REGISTRATION_DAYS', 'OVERDUE_ITEMS', 'DIGITAL_OUTGOING_PERCENT'] as const;
export type OperatingFigureField = (typeof OPERATING_FIGURE_FIELDS)[number];
/** The column (and GraphQL field) of each figure. */
export const OPERATING_FIGURE_COLUMN = {
  INCOMING_POST: 'incomingPost',
  JOURNAL_ENTRIES: 'journalEntries',
  MEDIAN_REGISTRATION_DAYS: 'medianRegistrationDays',
  OVERDUE_ITEMS: 'overdueItems',
  DIGITAL_OUTGOING_PERCENT: 'digitalOutgoingPercent',
} as const satisfies Record<OperatingFigureField, string>;

const enumOf = <T extends readonly [string, ...string[]]>(values: T, label: string) => z.enum(values, { error: `Velg ${label}.` });
const municipalityIds = z.array(idRule('en kommune'), { error: 'Velg kommuner.' }).max(100, { error: 'For mange kommuner.' });
const finite = (label: string) => z.number({ error: `Fyll inn ${label}.` }).min(-1e12, { error: 'Tallet er for lavt.' }).max(1e12, { error: 'Tallet er for høyt.' });

const serviceFields = {
  name: textRule('navnet', 200),
  description: optionalTextRule('beskrivelsen', 5000),
  serviceLevel: optionalTextRule('tjenestenivået', 1000),
  costSharingKey: enumOf(COST_SHARING_KEYS, 'fordelingsnøkkel'),
  contact: optionalTextRule('kontakten', 300),
  status: enumOf(SERVICE_STATUSES, 'status'),
  municipalityIds,
};
export const createServiceRules = z.object(serviceFields);
export const updateServiceRules = z.object({ ...serviceFields, version: versionRule });

const benefitFields = {
  purposeId: idRule('et formål'),
  municipalityId: idRule('en kommune').nullish().transform((v) => v ?? null),
  title: textRule('tittelen', 300),
  description: optionalTextRule('beskrivelsen', 5000),
  type: enumOf(BENEFIT_TYPES, 'gevinsttype'),
  ownerName: textRule('eieren', 200),
  indicator: textRule('indikatoren', 300),
  unit: textRule('enheten', 50),
  direction: enumOf(BENEFIT_DIRECTIONS, 'retning'),
  baselineValue: finite('nullpunktet'),
  baselineDate: isoDateRule('datoen for nullpunktet'),
  targetValue: finite('målet'),
  targetDate: isoDateRule('måldatoen'),
};

type BenefitShape = { baselineValue: number; baselineDate: string; targetValue: number; targetDate: string };
const planIsLine = <T extends z.ZodType<BenefitShape>>(rule: T) =>
  rule
    .refine((b) => b.targetDate > b.baselineDate, { error: 'Måldatoen må være etter datoen for nullpunktet.', path: ['targetDate'] })
    .refine((b) => b.targetValue !== b.baselineValue, { error: 'Målet må være et annet enn nullpunktet.', path: ['targetValue'] });

export const createBenefitRules = planIsLine(z.object(benefitFields));
export const updateBenefitRules = planIsLine(z.object({ ...benefitFields, version: versionRule }));

export const addBenefitMeasurementRules = z.object({
  benefitId: idRule('en gevinst'),
  measuredOn: isoDateRule('datoen'),
  value: finite('verdien'),
  comment: optionalTextRule('kommentaren', 2000),
});

/** A month as YYYY-MM. */
export const monthRule = z.string({ error: 'Fyll inn måneden.' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'Måneden må skrives ÅÅÅÅ-MM.' });

/** The rule each operating figure follows: counts are whole and not negative; the digital share is 0..100 %. */
export function operatingFigureValueRule(field: OperatingFigureField) {
  const base = z.number({ error: 'Skriv et tall.' }).min(0, { error: 'Tallet kan ikke være negativt.' });
  if (field === 'DIGITAL_OUTGOING_PERCENT') return base.max(100, { error: 'Andelen kan være høyst 100 %.' });
  if (field === 'MEDIAN_REGISTRATION_DAYS') return base.max(3650, { error: 'Mediantiden kan være høyst 3650 dager.' });
  return base.int({ error: 'Skriv et heltall.' }).max(10_000_000, { error: 'Tallet er for stort.' });
}

export const setOperatingFigureRules = z.object({
  municipalityId: idRule('en kommune'),
  month: monthRule,
  field: enumOf(OPERATING_FIGURE_FIELDS, 'et driftstall'),
  value: z.number().nullish().transform((v) => v ?? null),
});
