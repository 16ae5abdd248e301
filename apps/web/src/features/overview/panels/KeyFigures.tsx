import { gql, type TypedDocumentNode } from '@apollo/client';
import { Heading } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../../lib/format.ts';
import { useRootFragment } from '../useRootFragment.ts';
import { levelTotals, type MatrixCellCount } from './levels.ts';

export type KeyFigures_query = {
  inherentLevels: { cells: MatrixCellCount[] };
  residualLevels: { cells: MatrixCellCount[] };
  aboveAcceptance: { totalCount: number };
  overdueMeasures: { totalCount: number };
  successFactorStatuses: { edges: { node: { __typename: 'Finding'; id: string; status: string | null } }[] };
  overview: {
    nextMilestone: { daysUntil: number; approximate: boolean; milestone: { __typename: 'Milestone'; id: string; title: string } } | null;
    seriesCounts: { municipality: { __typename: 'Municipality'; id: string }; byStatus: { status: string; count: number }[] }[];
  };
};

export const KEY_FIGURES_FRAGMENT: TypedDocumentNode<KeyFigures_query> = gql`
  fragment KeyFigures_query on Query {
    inherentLevels: riskMatrix(basis: INHERENT, filter: { municipalityIds: $municipalityIds }, cellLimit: 0) {
      cells { likelihood consequence level count }
    }
    residualLevels: riskMatrix(basis: RESIDUAL, filter: { municipalityIds: $municipalityIds }, cellLimit: 0) {
      cells { likelihood consequence level count }
    }
    aboveAcceptance: risks(first: 1, filter: { municipalityIds: $municipalityIds, aboveAcceptance: true }) { totalCount }
    overdueMeasures: measures(first: 1, filter: { municipalityIds: $municipalityIds, overdue: true }) { totalCount }
    successFactorStatuses: findings(kind: SUCCESS_FACTOR, first: 100) { edges { node { id status } } }
    overview(municipalityId: $municipalityId) {
      nextMilestone { daysUntil approximate milestone { id title } }
      seriesCounts { municipality { id } byStatus { status count } }
    }
  }
`;

const STATUSES = ['AKTIV_PERIODE', 'OVERLAPPINGSPERIODE', 'AVSLUTTET_PERIODE', 'UAKTUELLE_MAPPER'] as const;

/** The figures a meeting asks first, each a number with its words (no colour carries meaning). */
export function KeyFigures() {
  const { t } = useTranslation();
  const data = useRootFragment(KEY_FIGURES_FRAGMENT);
  if (!data) return null;
  const inherent = levelTotals(data.inherentLevels.cells);
  const residual = levelTotals(data.residualLevels.cells);
  const atRisk = data.successFactorStatuses.edges.filter((e) => e.node.status === 'AT_RISK').length;
  const next = data.overview.nextMilestone;
  const seriesByStatus = STATUSES.map((status) => ({
    status,
    count: data.overview.seriesCounts.reduce((sum, m) => sum + (m.byStatus.find((s) => s.status === status)?.count ?? 0), 0),
  }));
  const levels = (totals: ReturnType<typeof levelTotals>) =>
    t('overview.keyFigures.levels', { high: formatCount(totals.HIGH), medium: formatCount(totals.MEDIUM), low: formatCount(totals.LOW) });
  return (
    <section className="overview-panel overview-panel--wide" aria-labelledby="overview-key-figures">
      <Heading level={2} data-size="sm" id="overview-key-figures">
        {t('overview.keyFigures.title')}
      </Heading>
      <dl className="overview-figures">
        <Figure text label={t('overview.keyFigures.inherent')} value={levels(inherent)} />
        <Figure text label={t('overview.keyFigures.residual')} value={levels(residual)} />
        <Figure label={t('overview.keyFigures.aboveAcceptance')} value={formatCount(data.aboveAcceptance.totalCount)} />
        <Figure label={t('overview.keyFigures.overdueMeasures')} value={formatCount(data.overdueMeasures.totalCount)} />
        <Figure label={t('overview.keyFigures.successFactorsAtRisk')} value={formatCount(atRisk)} />
        <Figure
          label={t('overview.keyFigures.nextMilestone')}
          value={
            next
              ? t(next.approximate ? 'overview.keyFigures.daysApprox' : 'overview.keyFigures.days', { count: next.daysUntil, days: formatCount(next.daysUntil) })
              : t('overview.keyFigures.noMilestone')
          }
          detail={next?.milestone.title}
        />
        <Figure
          text
          label={t('overview.keyFigures.seriesByStatus')}
          value={seriesByStatus.map((s) => `${t(`overview.seriesStatus.${s.status}`)}: ${formatCount(s.count)}`).join(' · ')}
        />
      </dl>
    </section>
  );
}

function Figure({ label, value, detail, text = false }: { label: string; value: string; detail?: string; text?: boolean }) {
  return (
    <div className={text ? 'overview-figure overview-figure--text' : 'overview-figure'}>
      <dt>{label}</dt>
      <dd>
        <span className="overview-figure__value">{value}</span>
        {detail && <span className="overview-figure__detail">{detail}</span>}
      </dd>
    </div>
  );
}
