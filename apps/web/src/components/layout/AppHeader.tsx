import { useTranslation } from 'react-i18next';
import { useAuth } from '../../lib/auth/authContext.ts';
import { wasSignedIn } from '../../lib/auth/sessionHint.ts';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { MainNav, MainNavPlaceholder } from './MainNav.tsx';
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
      {/* While the session is checked, room for the menu a returning user will get, so the page
          below does not move down when it arrives (Lighthouse measured a shift of 0.087). */}
      {auth.status === 'loading' && wasSignedIn() && <MainNavPlaceholder />}
    </header>
  );
}
