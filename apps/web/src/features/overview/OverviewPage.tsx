import { gql, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SelectField } from '../../components/form/fields.tsx';
import { Page } from '../../components/layout/Page.tsx';
import { PageLoading } from '../../components/layout/PageLoading.tsx';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { KEY_FIGURES_FRAGMENT, KeyFigures } from './panels/KeyFigures.tsx';
import { OVERDUE_MEASURES_PANEL_FRAGMENT, OverdueMeasuresPanel } from './panels/OverdueMeasuresPanel.tsx';
import { READINESS_PANEL_FRAGMENT, ReadinessPanel } from './panels/ReadinessPanel.tsx';
import { RISK_MATRIX_PANEL_FRAGMENT, RiskMatrixPanel } from './panels/RiskMatrixPanel.tsx';
import { RISK_PROFILE_PANEL_FRAGMENT, RiskProfilePanel } from './panels/RiskProfilePanel.tsx';
import { SERIES_COUNTS_PANEL_FRAGMENT, SeriesCountsPanel } from './panels/SeriesCountsPanel.tsx';
import { SUCCESS_FACTORS_PANEL_FRAGMENT, SuccessFactorsPanel } from './panels/SuccessFactorsPanel.tsx';
import { TOP_RISKS_PANEL_FRAGMENT, TopRisksPanel } from './panels/TopRisksPanel.tsx';
import { BENEFITS_PANEL_FRAGMENT, BenefitsPanel } from '../benefits/BenefitsPanel.tsx';
import { OPERATING_FIGURES_PANEL_FRAGMENT, OperatingFiguresPanel } from '../benefits/OperatingFiguresPanel.tsx';
import { OverviewVariablesContext, type OverviewVariables } from './useRootFragment.ts';
import './overview.css';

// The overview is a list of panels, each owning a fragment on Query; the page's one query
// spreads them and knows none of their fields. A new panel: one spread here, one entry below.
const PANELS = [KeyFigures, RiskMatrixPanel, TopRisksPanel, RiskProfilePanel, OverdueMeasuresPanel, SuccessFactorsPanel, ReadinessPanel, SeriesCountsPanel, BenefitsPanel, OperatingFiguresPanel];

type OverviewPageQuery = {
  municipalities: { __typename: 'Municipality'; id: string; name: string; participates: boolean }[];
  overview: { asOf: string; dataUpdatedAt: string | null; municipality: { __typename: 'Municipality'; id: string; name: string } | null };
};

export const OVERVIEW_PAGE_QUERY: TypedDocumentNode<OverviewPageQuery, OverviewVariables> = gql`
  query OverviewPage($municipalityId: ID, $municipalityIds: [ID!]) {
    municipalities { id name participates }
    overview(municipalityId: $municipalityId) {
      asOf
      dataUpdatedAt
      municipality { id name }
    }
    ...KeyFigures_query
    ...RiskMatrixPanel_query
    ...TopRisksPanel_query
    ...RiskProfilePanel_query
    ...OverdueMeasuresPanel_query
    ...SuccessFactorsPanel_query
    ...ReadinessPanel_query
    ...SeriesCountsPanel_query
    ...BenefitsPanel_query
    ...OperatingFiguresPanel_query
  }
  ${KEY_FIGURES_FRAGMENT}
  ${RISK_MATRIX_PANEL_FRAGMENT}
  ${TOP_RISKS_PANEL_FRAGMENT}
  ${RISK_PROFILE_PANEL_FRAGMENT}
  ${OVERDUE_MEASURES_PANEL_FRAGMENT}
  ${SUCCESS_FACTORS_PANEL_FRAGMENT}
  ${READINESS_PANEL_FRAGMENT}
  ${SERIES_COUNTS_PANEL_FRAGMENT}
  ${BENEFITS_PANEL_FRAGMENT}
  ${OPERATING_FIGURES_PANEL_FRAGMENT}
`;

/** `?kommune=<id>` narrows the overview to one municipality, so a printed or shared link shows the same view. */
export const MUNICIPALITY_PARAM = 'kommune';

export function OverviewPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const raw = params.get(MUNICIPALITY_PARAM);
  const municipalityId = raw && /^[1-9]\d{0,9}$/.test(raw) ? raw : null;
  const variables = useMemo<OverviewVariables>(() => ({ municipalityId, municipalityIds: municipalityId ? [municipalityId] : null }), [municipalityId]);
  const { data, previousData, loading, error, refetch } = useQuery(OVERVIEW_PAGE_QUERY, { variables });
  const shown = data ?? previousData;

  const choose = (id: string) => {
    const next = new URLSearchParams(params);
    if (id) next.set(MUNICIPALITY_PARAM, id);
    else next.delete(MUNICIPALITY_PARAM);
    setParams(next);
  };

  let body;
  if (error && !data) {
    body = (
      <Alert data-color="danger" role="alert">
        <Heading level={2} data-size="xs">
          {t('overview.errorTitle')}
        </Heading>
        <Paragraph>{t('overview.errorText')}</Paragraph>
        <Button type="button" variant="secondary" data-size="sm" onClick={() => void refetch().catch(() => {})}>
          {t('common.retry')}
        </Button>
      </Alert>
    );
  } else if (!shown) {
    body = <PageLoading label={t('overview.loading')} fill />;
  } else {
    body = (
      <OverviewVariablesContext value={variables}>
        <div className="overview-grid" aria-busy={loading || undefined}>
          {PANELS.map((Panel, i) => (
            <Panel key={i} />
          ))}
        </div>
      </OverviewVariablesContext>
    );
  }

  return (
    <Page title={t('overview.title')}>
      <div className="overview-toolbar">
        {/* There from the start (disabled until the municipalities are in), so the toolbar
            keeps its height and the print button does not move when the data arrives. */}
        <SelectField
          label={t('overview.municipality')}
          name="kommune"
          value={shown ? (municipalityId ?? '') : ''}
          disabled={!shown}
          onChange={(event) => choose(event.target.value)}
          className="overview-filter"
        >
          <option value="">{t('overview.allMunicipalities')}</option>
          {(shown?.municipalities ?? [])
            .filter((m) => m.participates || m.id === municipalityId)
            .map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
        </SelectField>
        <Button type="button" variant="secondary" data-size="sm" className="overview-print-button" onClick={() => window.print()}>
          {t('overview.print')}
        </Button>
      </div>
      {/* A line's room while loading, for the same reason. */}
      <Paragraph data-size="sm" className="overview-stamp" aria-hidden={shown ? undefined : true}>
        {shown
          ? t('overview.stamp', {
              scope: shown.overview.municipality?.name ?? t('overview.allMunicipalities'),
              date: formatDate(shown.overview.asOf),
              updated: shown.overview.dataUpdatedAt ? formatDateTime(shown.overview.dataUpdatedAt) : t('overview.noData'),
            })
          : '\u00a0'}
      </Paragraph>
      {body}
    </Page>
  );
}
