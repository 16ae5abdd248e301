import { gql, type TypedDocumentNode } from '@apollo/client';
import { Heading } from '@digdir/designsystemet-react';
import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCount } from '../../../lib/format.ts';
import { OverviewVariablesContext, useRootFragment } from '../useRootFragment.ts';
import type { MatrixCellCount } from './levels.ts';
import '../../risk/shared/risk-level.css';

export type RiskMatrixPanel_query = { compactMatrix: { asOf: string; cells: MatrixCellCount[] } };

export const RISK_MATRIX_PANEL_FRAGMENT: TypedDocumentNode<RiskMatrixPanel_query> = gql`
  fragment RiskMatrixPanel_query on Query {
    compactMatrix: riskMatrix(basis: RESIDUAL, filter: { municipalityIds: $municipalityIds }, cellLimit: 0) {
      asOf
      cells { likelihood consequence level count }
    }
  }
`;

const SCALE = [5, 4, 3, 2, 1];

/**
 * The residual matrix as a real table (likelihood rows, consequence columns): each count is a
 * link into the risk workspace filtered to its cell, and says its level in words for screen readers.
 */
export function RiskMatrixPanel() {
  const { t } = useTranslation();
  const { municipalityIds } = useContext(OverviewVariablesContext);
  const data = useRootFragment(RISK_MATRIX_PANEL_FRAGMENT);
  if (!data) return null;
  const cell = (l: number, c: number) => data.compactMatrix.cells.find((x) => x.likelihood === l && x.consequence === c);
  const href = (l: number, c: number) => {
    const params = new URLSearchParams({ celle: `${l}-${c}` });
    if (municipalityIds?.length) params.set('kommune', municipalityIds.join(','));
    return `/risiko?${params.toString()}`;
  };
  return (
    <section className="overview-panel" aria-labelledby="overview-matrix">
      <Heading level={2} data-size="sm" id="overview-matrix">
        {t('overview.matrix.title')}
      </Heading>
      <table className="overview-matrix">
        <caption className="overview-caption">{t('overview.matrix.caption')}</caption>
        <thead>
          <tr>
            <td />
            {[1, 2, 3, 4, 5].map((c) => (
              <th key={c} scope="col">
                {t('overview.matrix.consequence', { value: c })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {SCALE.map((l) => (
            <tr key={l}>
              <th scope="row">{t('overview.matrix.likelihood', { value: l })}</th>
              {[1, 2, 3, 4, 5].map((c) => {
                const here = cell(l, c);
                const level = here?.level ?? null;
                const count = here?.count ?? 0;
                const words = t('overview.matrix.cell', { count, risks: formatCount(count), level: level ? t(`risk.level.${level}`) : t('risk.level.none') });
                return (
                  <td key={c} className={`risk-level-fill risk-level-fill--${level?.toLowerCase() ?? 'none'}`}>
                    {count > 0 ? (
                      <Link to={href(l, c)} aria-label={words}>
                        {formatCount(count)}
                      </Link>
                    ) : (
                      <>
                        <span aria-hidden="true">·</span>
                        <span className="overview-sr-only">{words}</span>
                      </>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="overview-note">
        <Link to={municipalityIds?.length ? `/risiko?kommune=${municipalityIds.join(',')}` : '/risiko'}>{t('overview.matrix.open')}</Link>
      </p>
    </section>
  );
}
