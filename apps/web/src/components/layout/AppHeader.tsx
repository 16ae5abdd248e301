import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { MainNav } from './MainNav.tsx';

export function AppHeader() {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <div className="app-header__bar">
        {/* Not a heading: every page has exactly one h1, its own title. */}
        <p className="app-header__brand">
          <span className="app-header__product">{t('app.name')}</span>
          <span className="app-header__organisation">{t('app.organisation')}</span>
        </p>
        <LanguageSwitcher />
      </div>
      <MainNav />
    </header>
  );
}
