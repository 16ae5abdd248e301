import { gql, type TypedDocumentNode } from '@apollo/client';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCount, formatDate } from '../../../lib/format.ts';
import { useRootFragment } from '../useRootFragment.ts';

type OverdueMeasure = {
  __typename: 'Measure';
  id: string;
  title: string;
  deadline: string | null;
  ownerName: string | null;
  owner: { __typename: 'Person'; id: string; displayName: string } | null;
  risk: { __typename: 'Risk'; id: string; reference: string };
};
export type OverdueMeasuresPanel_query = { overdueMeasureList: { totalCount: number; edges: { node: OverdueMeasure }[] } };

export const OVERDUE_MEASURES_PANEL_FRAGMENT: TypedDocumentNode<OverdueMeasuresPanel_query> = gql`
  fragment OverdueMeasuresPanel_query on Query {
    overdueMeasureList: measures(first: 10, filter: { municipalityIds: $municipalityIds, overdue: true }) {
      totalCount
      edges { node { id title deadline ownerName owner { id displayName } risk { id reference } } }
    }
  }
`;

/** Overdue measures (deadline before today in Oslo), oldest deadline first, with owner and deadline. */
export function OverdueMeasuresPanel() {
  const { t } = useTranslation();
  const data = useRootFragment(OVERDUE_MEASURES_PANEL_FRAGMENT);
  if (!data) return null;
  const { totalCount, edges } = data.overdueMeasureList;
  return (
    <section className="overview-panel" aria-labelledby="overview-overdue">
      <Heading level={2} data-size="sm" id="overview-overdue">
        {t('overview.overdue.title', { count: totalCount, n: formatCount(totalCount) })}
      </Heading>
      {edges.length === 0 ? (
        <Paragraph>{t('overview.overdue.none')}</Paragraph>
      ) : (
        <table className="overview-table">
          <thead>
            <tr>
              <th scope="col">{t('overview.overdue.measure')}</th>
              <th scope="col">{t('overview.overdue.owner')}</th>
              <th scope="col">{t('overview.overdue.deadline')}</th>
            </tr>
          </thead>
          <tbody>
            {edges.map(({ node }) => (
              <tr key={node.id}>
                <th scope="row">
                  <Link to={`/risiko/${node.risk.id}`}>{node.risk.reference}</Link> {node.title}
                </th>
                <td>{node.owner?.displayName ?? node.ownerName ?? t('overview.overdue.noOwner')}</td>
                <td>{node.deadline ? formatDate(node.deadline) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {totalCount > edges.length && (
        <p className="overview-note">
          <Link to="/risiko/register">{t('overview.overdue.more', { n: formatCount(totalCount - edges.length) })}</Link>
        </p>
      )}
    </section>
  );
}
