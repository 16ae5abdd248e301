import type { BenefitMeasurement, BenefitPageData } from './benefitQueries.ts';
import type { TrendMonth } from './OperatingFiguresPanel.tsx';

// The example: lower is better, 10 days on 2025-01-01 down to 2 days on 2027-01-01.
export function measurement(id: string, measuredOn: string, value: number): BenefitMeasurement {
  return { __typename: 'BenefitMeasurement', id, measuredOn, value, comment: null, recordedByName: 'Lars Bakken' };
}

export function exampleBenefit(measurements: BenefitMeasurement[], fields: Partial<BenefitPageData> = {}): BenefitPageData {
  return {
    __typename: 'Benefit',
    id: 'b1',
    title: 'Kortere tid fra mottak til registrering',
    description: null,
    type: 'EFFICIENCY',
    ownerName: 'Daglig leder',
    indicator: 'Mediantid fra mottak til registrering',
    unit: 'dager',
    direction: 'LOWER_IS_BETTER',
    baselineValue: 10,
    baselineDate: '2025-01-01',
    targetValue: 2,
    targetDate: '2027-01-01',
    municipality: null,
    purpose: { __typename: 'Purpose', id: 'p1', ordinal: 1, title: 'Gevinster av digitale verktøy og mer automatisering' },
    measurements,
    version: 3,
    ...fields,
  };
}

export const ON_TRACK = [measurement('m1', '2025-07-01', 8), measurement('m2', '2026-01-01', 6), measurement('m3', '2026-07-01', 4)];

export function trendMonth(month: string, incomingPost: number | null): TrendMonth {
  return { __typename: 'OperatingFigureMonth', month, incomingPost, journalEntries: incomingPost === null ? null : incomingPost * 2, medianRegistrationDays: 3.5, overdueItems: 10, digitalOutgoingPercent: 62.5, municipalitiesReporting: incomingPost === null ? 0 : 8 };
}
