import { Link } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useCan } from '../../lib/auth/useCan.ts';
import { AREAS } from './areas.ts';

export function MainNav() {
  const { t } = useTranslation();
  const { isAdmin } = useCan();
  return (
    <nav aria-label={t('nav.label')} className="main-nav">
      <ul className="main-nav__list">
        {AREAS.filter((area) => isAdmin || !area.adminOnly).map((area) => (
          <li key={area.id}>
            {/* NavLink sets aria-current="page" on the current area ("/" only matches itself). */}
            <Link asChild>
              <NavLink to={area.path}>{'label' in area ? t(area.label) : t(`nav.${area.id}`)}</NavLink>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** As tall as the menu, with nothing to read or reach: shown while the session is checked. */
export function MainNavPlaceholder() {
  return (
    <div className="main-nav" aria-hidden="true" data-testid="main-nav-placeholder">
      <div className="main-nav__list">
        <span className="main-nav__pending">&nbsp;</span>
      </div>
    </div>
  );
}
