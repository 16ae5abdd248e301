import { Link } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { AREAS } from './areas.ts';

export function MainNav() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('nav.label')} className="main-nav">
      <ul className="main-nav__list">
        {AREAS.map((area) => (
          <li key={area.id}>
            {/* NavLink sets aria-current="page" on the current area ("/" only matches itself). */}
            <Link asChild>
              <NavLink to={area.path}>
                {t(`nav.${area.id}`)}
              </NavLink>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
