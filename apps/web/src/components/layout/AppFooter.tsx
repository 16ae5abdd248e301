import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

export function AppFooter() {
  const { t } = useTranslation();
  return (
    <footer className="app-footer">
      <Paragraph data-size="sm">{t('layout.footer')}</Paragraph>
    </footer>
  );
}
