import { gql, type TypedDocumentNode } from '@apollo/client';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RiskLevelBadge } from '../../risk/shared/RiskLevelBadge.tsx';
import { useRootFragment } from '../useRootFragment.ts';
import type { RiskLevelName } from './levels.ts';

type TopRisk = { __typename: 'Risk'; id: string; reference: string; title: string; residualScore: number | null; residualLevel: RiskLevelName | null; inherentScore: number; inherentLevel: RiskLevelName | null };
export type TopRisksPanel_query = { topRisks: { edges: { node: TopRisk }[] } };

export const TOP_RISKS_PANEL_FRAGMENT: TypedDocumentNode<TopRisksPanel_query> = gql`
  fragment TopRisksPanel_query on Query {
    topRisks: risks(first: 5, filter: { municipalityIds: $municipalityIds }, orderBy: { field: RESIDUAL_SCORE, direction: DESC }) {
      edges { node { id reference title residualScore residualLevel inherentScore inherentLevel } }
    }
  }
`;

/** The five highest residual risks (a risk without a residual assessment by its inherent score, as the API orders). */
export function TopRisksPanel() {
  const { t } = useTranslation();
  const data = useRootFragment(TOP_RISKS_PANEL_FRAGMENT);
  if (!data) return null;
  const risks = data.topRisks.edges.map((e) => e.node);
  return (
    <section className="overview-panel" aria-labelledby="overview-top-risks">
      <Heading level={2} data-size="sm" id="overview-top-risks">
        {t('overview.topRisks.title')}
      </Heading>
      {risks.length === 0 ? (
        <Paragraph>{t('overview.topRisks.none')}</Paragraph>
      ) : (
        <ol className="overview-list">
          {risks.map((risk) => (
            <li key={risk.id}>
              <Link to={`/risiko/${risk.id}`}>
                {risk.reference} {risk.title}
              </Link>{' '}
              <RiskLevelBadge level={risk.residualLevel ?? risk.inherentLevel} score={risk.residualScore ?? risk.inherentScore} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
