import { describe, expect, it } from 'vitest';
import { type BenefitPlan, benefitProgress, benefitStatus, plannedValue } from './benefitStatus.ts';

// The stated example: lower is better, 10 days on 2025-01-01 down to 2 days on 2027-01-01.
const plan: BenefitPlan = { direction: 'LOWER_IS_BETTER', baselineValue: 10, baselineDate: '2025-01-01', targetValue: 2, targetDate: '2027-01-01' };
const onTrack = [
  { measuredOn: '2025-07-01', value: 8 },
  { measuredOn: '2026-01-01', value: 6 },
  { measuredOn: '2026-07-01', value: 4 },
];

describe('benefitStatus', () => {
  it('is on track with 8, 6 and 4 days at the half-years', () => {
    expect(benefitStatus(plan, onTrack)).toBe('ON_TRACK');
    // each measurement on its own date, too
    for (let i = 1; i <= onTrack.length; i++) expect(benefitStatus(plan, onTrack.slice(0, i))).toBe('ON_TRACK');
  });

  it('is behind with 5 days on 2026-07-01', () => {
    expect(benefitStatus(plan, [...onTrack.slice(0, 2), { measuredOn: '2026-07-01', value: 5 }])).toBe('BEHIND');
  });

  it('is achieved with 2 days on 2026-10-01', () => {
    expect(benefitStatus(plan, [...onTrack, { measuredOn: '2026-10-01', value: 2 }])).toBe('ACHIEVED');
  });

  it('is not measured without a measurement after the baseline date', () => {
    expect(benefitStatus(plan, [])).toBe('NOT_MEASURED');
    expect(benefitStatus(plan, [{ measuredOn: '2025-01-01', value: 10 }, { measuredOn: '2024-06-01', value: 1 }])).toBe('NOT_MEASURED');
  });

  it('judges by the latest measurement, whatever order they come in', () => {
    expect(benefitStatus(plan, [{ measuredOn: '2026-07-01', value: 5 }, { measuredOn: '2025-07-01', value: 8 }])).toBe('BEHIND');
  });

  it('turns the comparison round when higher is better', () => {
    const higher: BenefitPlan = { direction: 'HIGHER_IS_BETTER', baselineValue: 20, baselineDate: '2026-01-01', targetValue: 80, targetDate: '2027-01-01' };
    expect(benefitStatus(higher, [{ measuredOn: '2026-07-02', value: 51 }])).toBe('ON_TRACK');
    expect(benefitStatus(higher, [{ measuredOn: '2026-07-02', value: 49 }])).toBe('BEHIND');
    expect(benefitStatus(higher, [{ measuredOn: '2026-07-02', value: 85 }])).toBe('ACHIEVED');
  });

  it('is behind after the target date unless the target is reached', () => {
    expect(benefitStatus(plan, [{ measuredOn: '2027-06-01', value: 2.5 }])).toBe('BEHIND');
    expect(plannedValue(plan, '2030-01-01')).toBe(2);
  });
});

describe('benefitProgress', () => {
  it('gives realised and planned shares of the way from baseline to target', () => {
    expect(benefitProgress(plan, onTrack, '2026-01-01')).toEqual({ realised: 0.75, planned: 0.5 });
    expect(benefitProgress(plan, [], '2024-01-01')).toEqual({ realised: null, planned: 0 });
  });
});
