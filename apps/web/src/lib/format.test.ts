import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, osloStartOfDay, osloToday } from './format.ts';

describe('formatDateTime', () => {
  it('shows an instant as dd.mm.åååå hh:mm in Oslo time, summer and winter', () => {
    expect(formatDateTime('2026-01-15T23:30:00.000Z')).toBe('16.01.2026 00:30');
    expect(formatDateTime('2026-07-01T08:05:00.000Z')).toBe('01.07.2026 10:05');
  });
});

describe('osloStartOfDay', () => {
  it('gives the instant a day starts in Oslo, also across a change of clocks', () => {
    expect(osloStartOfDay('2026-01-15')).toBe('2026-01-14T23:00:00.000Z');
    expect(osloStartOfDay('2026-07-01')).toBe('2026-06-30T22:00:00.000Z');
    expect(osloStartOfDay('2026-03-29')).toBe('2026-03-28T23:00:00.000Z');
    expect(osloStartOfDay('2026-03-29', 1)).toBe('2026-03-29T22:00:00.000Z');
  });

  it('ignores a value that is not a date', () => {
    expect(osloStartOfDay('i går')).toBeUndefined();
  });
});

describe('formatDate', () => {
  it('shows an API date as dd.mm.åååå without moving it across a time zone', () => {
    expect(formatDate('2026-03-05')).toBe('05.03.2026');
    expect(formatDate('2026-12-31')).toBe('31.12.2026');
  });

  it('returns anything that is not such a date as it came', () => {
    expect(formatDate('2026-03-05T10:00:00Z')).toBe('2026-03-05T10:00:00Z');
  });
});

describe('osloToday', () => {
  it('is the Oslo calendar day, which is ahead of UTC late in the evening', () => {
    expect(osloToday(new Date('2026-01-15T23:30:00.000Z'))).toBe('2026-01-16');
    expect(osloToday(new Date('2026-07-01T08:05:00.000Z'))).toBe('2026-07-01');
  });
});
