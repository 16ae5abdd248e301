import { describe, expect, it } from 'vitest';
import { createI18n } from '../../lib/i18n.ts';
import english from '../../locales/en.json';
import { precisionLabel, type FuzzyDate } from './precision.ts';

const nb = createI18n('nb').t;
const en = createI18n('en', { en: english }).t;

describe('precisionLabel', () => {
  const cases: [FuzzyDate, string, string][] = [
    [{ start: '2024-01-26', end: '2024-01-26', precision: 'DAY' }, '26.01.2024', '26.01.2024'],
    [{ start: '2024-05-01', end: '2024-05-31', precision: 'MONTH' }, 'mai 2024', 'May 2024'],
    [{ start: '2025-03-01', end: '2025-05-31', precision: 'SEASON' }, 'vår 2025', 'spring 2025'],
    [{ start: '2025-12-01', end: '2026-02-28', precision: 'SEASON' }, 'vinter 2025–2026', 'winter 2025–2026'],
    [{ start: '2020-01-01', end: '2020-12-31', precision: 'YEAR' }, '2020', '2020'],
    [{ start: '2017-01-01', end: '2018-12-31', precision: 'RANGE' }, '2017–2018', '2017–2018'],
    [{ start: '2025-02-01', end: '2025-06-15', precision: 'RANGE' }, '01.02.2025–15.06.2025', '01.02.2025–15.06.2025'],
  ];
  it.each(cases)('shows %j at its own precision', (date, bokmål, english) => {
    expect(precisionLabel(nb, date)).toBe(bokmål);
    expect(precisionLabel(en, date)).toBe(english);
  });
});
