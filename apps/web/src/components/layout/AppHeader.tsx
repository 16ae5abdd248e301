import { useTranslation } from 'react-i18next';
import { useAuth } from '../../lib/auth/authContext.ts';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { MainNav } from './MainNav.tsx';
import { UserMenu } from './UserMenu.tsx';

export function AppHeader() {
  const { t } = useTranslation();
  const auth = useAuth();
  const signedIn = auth.status === 'signedIn';
  return (
    <header className="app-header">
      <div className="app-header__bar">
        {/* Not a heading: every page has exactly one h1, its own title. */}
        <p className="app-header__brand">
          <span className="app-header__product">{t('app.name')}</span>
          <span className="app-header__organisation">{t('app.organisation')}</span>
        </p>
        <div className="app-header__tools">
          <LanguageSwitcher />
          {signedIn && <UserMenu user={auth.user} />}
        </div>
      </div>
      {/* A user who must change the password can go nowhere else until it is done. */}
      {signedIn && !auth.user.mustChangePassword && <MainNav />}
    </header>
  );
}
