import { Button } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseLanguage, LANGUAGES } from '../../lib/i18n.ts';

/**
 * Two toggle buttons rather than a select: a select that switches the language as soon as
 * it changes would alter the page on input (WCAG 3.2.2).
 */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const labelId = useId();
  const current = i18n.resolvedLanguage;
  return (
    <div role="group" aria-labelledby={labelId} className="language-switcher">
      <span id={labelId} className="language-switcher__label">
        {t('language.label')}
      </span>
      {LANGUAGES.map((language) => (
        <Button
          key={language}
          type="button"
          data-size="sm"
          variant={language === current ? 'primary' : 'tertiary'}
          aria-pressed={language === current}
          // Each language name is written in that language and read out in it.
          lang={language}
          onClick={() => void chooseLanguage(i18n, language)}
        >
          {t(`language.${language}`)}
        </Button>
      ))}
    </div>
  );
}
