import { gql, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Link, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation } from 'react-router';
import type { BenefitsPageState } from './BenefitActions.tsx';
import { Page } from '../../components/layout/Page.tsx';
import { useCan } from '../../lib/auth/useCan.ts';
import { CreateBenefitDialog } from './CreateBenefitDialog.tsx';
import { PageLoading } from '../../components/layout/PageLoading.tsx';
import { BENEFITS_PANEL_FRAGMENT, BenefitsPanel } from './BenefitsPanel.tsx';
import { OPERATING_FIGURES_PANEL_FRAGMENT, OperatingFiguresPanel } from './OperatingFiguresPanel.tsx';
import './benefits.css';

// /gevinster: the two overview panels in one round trip, as the overview will hold them.
export const BENEFITS_PAGE_QUERY: TypedDocumentNode<Record<string, never>> = gql`
  query BenefitsPage {
    ...BenefitsPanel_query
    ...OperatingFiguresPanel_query
  }
  ${BENEFITS_PANEL_FRAGMENT}
  ${OPERATING_FIGURES_PANEL_FRAGMENT}
`;

export function BenefitsPage() {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(BENEFITS_PAGE_QUERY);
  const { can } = useCan();
  const [creating, setCreating] = useState(false);
  // Told after a benefit's page deleted it (that navigation's router state; a fresh visit has none).
  const deleted = (useLocation().state as BenefitsPageState | null)?.deleted;
  return (
    <Page title={t('benefits.title')}>
      <div role="status">{deleted && <Alert data-color="success">{deleted}</Alert>}</div>
      <Paragraph className="page-lead">{t('benefits.lead')}</Paragraph>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/gevinster/driftstall">{t('benefits.figures.gridLink')}</RouterLink>
        </Link>
      </Paragraph>
      {can('editBenefit') && (
        <Button type="button" onClick={() => setCreating(true)}>
          {t('benefits.create.open')}
        </Button>
      )}
      <CreateBenefitDialog open={creating} onClose={() => setCreating(false)} />
      {loading ? (
        <PageLoading label={t('benefits.loading')} />
      ) : error || !data ? (
        <Alert data-color="danger" role="alert">{t('benefits.failed')}</Alert>
      ) : (
        <div className="benefits-panels">
          <BenefitsPanel />
          <OperatingFiguresPanel />
        </div>
      )}
    </Page>
  );
}
