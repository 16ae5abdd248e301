import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import nb from '../locales/nb.json';

export const LANGUAGES = ['nb', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'nb';

const STORAGE_KEY = 'samarkiv.language';

// nb.json is the source catalogue: typing `t` from it turns a missing or misspelt key into
// a type error instead of a raw key on screen.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof nb };
  }
}

export type Catalogue = typeof nb;

// Only bokmål, the default, is bundled: English arrives on demand, so a first visit does not
// download a catalogue it does not show (about 23 kB gzip of the initial-JS budget, issue #10).
const loaders: Record<Language, () => Promise<Catalogue>> = {
  nb: async () => nb,
  en: async () => (await import('../locales/en.json')).default as Catalogue,
};

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.includes(value as Language);
}

export function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    // Storage can be blocked (privacy settings); the default language still works.
    return DEFAULT_LANGUAGE;
  }
}

/** Switches the language the user chose and remembers it for the next visit. */
export async function chooseLanguage(i18n: I18n, language: Language): Promise<void> {
  if (!i18n.hasResourceBundle(language, 'translation')) i18n.addResourceBundle(language, 'translation', await loaders[language]());
  await i18n.changeLanguage(language);
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered, but the switch itself has happened.
  }
}

/**
 * The app's instance, in the language stored from an earlier visit, with that language's
 * catalogue loaded before the first render (no bokmål flashes past an English reader).
 */
export async function startI18n(): Promise<I18n> {
  const language = readStoredLanguage();
  return createI18n(language, { [language]: await loaders[language]() });
}

/**
 * One instance per app (and per test), so no test inherits another's language. Bokmål is always
 * there; `catalogues` adds others (a test in English passes en.json), and `chooseLanguage` loads
 * a missing one on demand.
 */
export function createI18n(language: Language = readStoredLanguage(), catalogues: Partial<Record<Language, Catalogue>> = {}): I18n {
  const instance = i18next.createInstance();
  // Screen readers pick pronunciation from <html lang>, so it must follow every switch.
  instance.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  void instance.use(initReactI18next).init({
    resources: Object.fromEntries(Object.entries({ ...catalogues, nb }).map(([lng, translation]) => [lng, { translation }])),
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    // React escapes what it renders; escaping here too would show &amp; to users.
    interpolation: { escapeValue: false },
    // The catalogues given are already here, so the first render can be translated.
    initAsync: false,
  });
  return instance;
}
