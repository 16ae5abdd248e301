import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { NavLabelledAreaId } from './areas.ts';
import { Page } from './Page.tsx';

/** Stands in for an area not built yet: its title and one honest sentence, nothing made up. */
export function ComingLaterPage({ area }: { area: NavLabelledAreaId }) {
  const { t } = useTranslation();
  return (
    <Page title={t(`nav.${area}`)}>
      <Paragraph>{t('comingLater.text')}</Paragraph>
    </Page>
  );
}
