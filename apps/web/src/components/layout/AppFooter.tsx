import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function AppFooter() {
  const { t } = useTranslation();
  return (
    <footer className="app-footer">
      <Paragraph data-size="sm">{t('layout.footer')}</Paragraph>
      <nav aria-label={t('statements.footerLabel')}>
        <ul className="app-footer__links">
          <li>
            <Link to="/tilgjengelighet">{t('statements.accessibility.link')}</Link>
          </li>
          <li>
            <Link to="/personvern">{t('statements.privacy.link')}</Link>
          </li>
        </ul>
      </nav>
    </footer>
  );
}
