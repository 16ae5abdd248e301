// Pure functions: no database.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateWindow, fuzzyDateRule, isRealDate } from '@samarkiv/shared';
import { osloDate } from '../../graphql/dates.ts';
import { isDelayed } from './milestone.service.ts';

const day = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('date windows', () => {
  it.each([
    ['DAY', '2030-05-14', null, '2030-05-14', '2030-05-14'],
    ['MONTH', '2028-02-10', null, '2028-02-01', '2028-02-29'],
    ['MONTH', '2030-12-31', null, '2030-12-01', '2030-12-31'],
    ['YEAR', '2030-07-01', null, '2030-01-01', '2030-12-31'],
    ['SEASON', '2030-04-20', null, '2030-03-01', '2030-05-31'],
    ['SEASON', '2030-07-01', null, '2030-06-01', '2030-08-31'],
    ['SEASON', '2030-11-30', null, '2030-09-01', '2030-11-30'],
    ['SEASON', '2030-12-05', null, '2030-12-01', '2031-02-28'],
    ['SEASON', '2032-01-15', null, '2031-12-01', '2032-02-29'],
    ['RANGE', '2030-03-01', '2030-09-30', '2030-03-01', '2030-09-30'],
  ] as const)('derives the window of %s %s', (precision, start, end, wantStart, wantEnd) => {
    expect(dateWindow(start, precision, end)).toEqual({ start: wantStart, end: wantEnd });
  });

  it('calls a planned milestone delayed only when its window ended before today in Oslo', () => {
    // 23:30 UTC on 31 December is already 1 January in Oslo.
    const today = osloDate(new Date('2029-12-31T23:30:00Z'));
    expect(today).toBe('2030-01-01');
    const ended = new Date('2029-12-31T00:00:00Z');
    expect(isDelayed({ status: 'PLANNED', dateEnd: ended }, today)).toBe(true);
    expect(isDelayed({ status: 'PLANNED', dateEnd: new Date('2030-01-01T00:00:00Z') }, today)).toBe(false);
    expect(isDelayed({ status: 'DONE', dateEnd: ended }, today)).toBe(false);
  });

  it('always cover the given day, run forward, and hold what the database CHECK holds', () => {
    fc.assert(
      fc.property(day, fc.constantFrom('DAY', 'MONTH', 'SEASON', 'YEAR') as fc.Arbitrary<'DAY' | 'MONTH' | 'SEASON' | 'YEAR'>, (start, precision) => {
        const w = dateWindow(start, precision);
        expect(isRealDate(w.start) && isRealDate(w.end)).toBe(true);
        expect(w.start <= start && start <= w.end).toBe(true);
        if (precision === 'DAY') expect(w).toEqual({ start, end: start });
        if (precision === 'MONTH') expect([w.start.slice(0, 7), w.end.slice(0, 7), w.start.slice(8)]).toEqual([start.slice(0, 7), start.slice(0, 7), '01']);
        if (precision === 'YEAR') expect(w).toEqual({ start: `${start.slice(0, 4)}-01-01`, end: `${start.slice(0, 4)}-12-31` });
        if (precision === 'SEASON') {
          expect(['03', '06', '09', '12']).toContain(w.start.slice(5, 7));
          const months = (Number(w.end.slice(0, 4)) - Number(w.start.slice(0, 4))) * 12 + Number(w.end.slice(5, 7)) - Number(w.start.slice(5, 7));
          expect(months).toBe(2);
        }
      }),
    );
  });

  it('gives every parsed range an end on or after its start', () => {
    fc.assert(
      fc.property(day, day, (a: string, b: string) => {
        const parsed = fuzzyDateRule.safeParse({ start: a, end: b, precision: 'RANGE' });
        expect(parsed.success).toBe(b >= a);
        if (parsed.success) expect(parsed.data).toMatchObject({ start: a, end: b });
      }),
    );
  });
});
