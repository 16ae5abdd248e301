import { gql, type TypedDocumentNode } from '@apollo/client';
import { Heading } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCount } from '../../../lib/format.ts';
import { useRootFragment } from '../useRootFragment.ts';

type Factor = { __typename: 'Finding'; id: string; title: string; status: string | null };
export type SuccessFactorsPanel_query = { successFactors: { edges: { node: Factor }[] } };

export const SUCCESS_FACTORS_PANEL_FRAGMENT: TypedDocumentNode<SuccessFactorsPanel_query> = gql`
  fragment SuccessFactorsPanel_query on Query {
    successFactors: findings(kind: SUCCESS_FACTOR, first: 100) { edges { node { id title status } } }
  }
`;

const STATUSES = ['AT_RISK', 'NOT_STARTED', 'ON_TRACK', 'ACHIEVED'] as const;

/** Success factors grouped by status, the ones at risk first. */
export function SuccessFactorsPanel() {
  const { t } = useTranslation();
  const data = useRootFragment(SUCCESS_FACTORS_PANEL_FRAGMENT);
  if (!data) return null;
  const factors = data.successFactors.edges.map((e) => e.node);
  return (
    <section className="overview-panel" aria-labelledby="overview-success">
      <Heading level={2} data-size="sm" id="overview-success">
        {t('overview.successFactors.title')}
      </Heading>
      <dl className="overview-groups">
        {STATUSES.map((status) => {
          const ofStatus = factors.filter((f) => f.status === status);
          return (
            <div key={status} className={`overview-group overview-group--${status.toLowerCase()}`}>
              <dt>
                {t(`findingsBoard.status.${status}`)}: {formatCount(ofStatus.length)}
              </dt>
              {ofStatus.map((f) => (
                <dd key={f.id}>{f.title}</dd>
              ))}
            </div>
          );
        })}
      </dl>
      <p className="overview-note">
        <Link to="/funn">{t('overview.successFactors.open')}</Link>
      </p>
    </section>
  );
}
