import { describe, expect, it } from 'vitest';
import en from '../locales/en.json';
import nb from '../locales/nb.json';
import { chooseLanguage, createI18n, startI18n } from './i18n.ts';

function keys(catalogue: object, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('i18n', () => {
  it('has an English text for every Norwegian key and no extra ones', () => {
    expect(keys(en).sort()).toEqual(keys(nb).sort());
  });

  it('starts in Norwegian bokmål when nothing is stored', () => {
    const i18n = createI18n();

    expect(i18n.language).toBe('nb');
    expect(document.documentElement.lang).toBe('nb');
  });

  it('starts in the language stored from an earlier visit, its catalogue loaded before the first render', async () => {
    window.localStorage.setItem('samarkiv.language', 'en');

    const i18n = await startI18n();

    expect(i18n.t('nav.municipalities')).toBe('Municipalities');
    expect(document.documentElement.lang).toBe('en');
  });

  it('loads the English catalogue when English is chosen, and remembers the choice', async () => {
    const i18n = createI18n('nb');
    expect(i18n.hasResourceBundle('en', 'translation')).toBe(false);

    await chooseLanguage(i18n, 'en');

    expect(i18n.t('nav.municipalities')).toBe('Municipalities');
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem('samarkiv.language')).toBe('en');
  });

  it('ignores a stored value that is not a supported language', () => {
    window.localStorage.setItem('samarkiv.language', 'sv');

    expect(createI18n().language).toBe('nb');
  });
});
