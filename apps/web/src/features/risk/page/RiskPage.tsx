import { gql, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { Page } from '../../../components/layout/Page.tsx';
import { PageLoading } from '../../../components/layout/PageLoading.tsx';
import { apiError, describeApiError } from '../../../lib/errors.ts';
import { HistoryPanel } from '../../audit/HistoryPanel.tsx';
import { RiskWorkspaceNav } from '../shared/RiskWorkspaceNav.tsx';
import { AssessmentHistory } from './AssessmentHistory.tsx';
import { ConsequenceScores } from './ConsequenceScores.tsx';
import { RiskAcceptance } from './RiskAcceptance.tsx';
import { RiskFacts } from './RiskFacts.tsx';
import { RiskFindings } from './RiskFindings.tsx';
import { RiskMeasures } from './RiskMeasures.tsx';
import { RISK_PAGE_RISK_FRAGMENT, type RiskPageChoices, type RiskRef } from './riskPageFragments.ts';
import { RiskScores } from './RiskScores.tsx';
import '../../../components/form/form.css';
import './risk-page.css';

type RiskPageQuery = RiskPageChoices & {
  risk: (RiskRef & { reference: string; title: string; canEdit: boolean }) | null;
};

// One query for the page: the risk with every component's fragment, and the few lists its
// forms choose from (small, fixed-size lists; the findings picker loads its list on demand).
export const RISK_PAGE_QUERY: TypedDocumentNode<RiskPageQuery, { id: string }> = gql`
  query RiskPage($id: ID!) {
    risk(id: $id) {
      id
      reference
      title
      canEdit
      ...RiskPage_risk
    }
    riskAreas {
      id
      name
    }
    municipalities {
      id
      name
    }
    consequenceDimensions {
      id
      name
      description
    }
    acceptanceCriteriaVersions {
      id
      validFrom
      cells {
        likelihood
        consequence
        level
      }
    }
  }
  ${RISK_PAGE_RISK_FRAGMENT}
`;

const NUMERIC_ID = /^[1-9]\d{0,9}$/;

/** A risk's page (/risiko/:id): every field, its scores, measures, findings and history. */
export function RiskPage() {
  const { id = '' } = useParams();
  if (!NUMERIC_ID.test(id)) return <RiskNotFound />;
  return <RiskPageContent id={id} />;
}

function RiskPageContent({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(RISK_PAGE_QUERY, { variables: { id } });

  if (!data) {
    if (loading) return <PageLoading label={t('riskPage.loading')} />;
    const problem = apiError(error);
    if (problem.code === 'NOT_FOUND') return <RiskNotFound />;
    return (
      <Page title={t('riskPage.title')}>
        <Alert data-color="danger" role="alert">
          <Paragraph>{t('riskPage.loadFailed', { reason: describeApiError(t, problem) })}</Paragraph>
          <Button type="button" variant="secondary" data-size="sm" onClick={() => void refetch().catch(() => {})}>
            {t('common.retry')}
          </Button>
        </Alert>
      </Page>
    );
  }
  if (!data.risk) return <RiskNotFound />;

  const { risk } = data;
  const canEdit = risk.canEdit;
  return (
    <Page title={t('riskPage.heading', { reference: risk.reference, title: risk.title })}>
      <RiskWorkspaceNav />
      <div className="risk-page">
        <RiskFacts risk={risk} canEdit={canEdit} choices={data} />
        <RiskScores risk={risk} canEdit={canEdit} />
        <ConsequenceScores risk={risk} canEdit={canEdit} dimensions={data.consequenceDimensions} />
        <RiskAcceptance risk={risk} canEdit={canEdit} />
        <RiskMeasures risk={risk} canEdit={canEdit} />
        <RiskFindings risk={risk} canEdit={canEdit} />
        <AssessmentHistory risk={risk} criteriaVersions={data.acceptanceCriteriaVersions} />
        <HistoryPanel entityType="Risk" entityId={risk.id} />
      </div>
    </Page>
  );
}

/** A risk that does not exist, or was deleted: say so and offer the way back. */
function RiskNotFound() {
  const { t } = useTranslation();
  return (
    <Page title={t('riskPage.notFound.title')}>
      <Paragraph>{t('riskPage.notFound.text')}</Paragraph>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/risiko/register">{t('riskPage.notFound.toRegister')}</RouterLink>
        </Link>
      </Paragraph>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/risiko">{t('riskPage.notFound.toMatrix')}</RouterLink>
        </Link>
      </Paragraph>
    </Page>
  );
}
