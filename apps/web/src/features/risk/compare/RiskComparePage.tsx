import { useQuery } from '@apollo/client/react';
import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { TFunction } from 'i18next';
import { Page } from '../../../components/layout/Page.tsx';
import { PageLoading } from '../../../components/layout/PageLoading.tsx';
import { TableLoadError } from '../../../components/table/TableLoadError.tsx';
import { formatCount, formatDate, osloToday } from '../../../lib/format.ts';
import { BasisSwitch } from '../matrix/BasisSwitch.tsx';
import { MatrixLegend } from '../matrix/MatrixLegend.tsx';
import { MatrixPointPicker, usePointName } from '../matrix/MatrixTimeControls.tsx';
import { CELL_LIMIT, type MatrixData } from '../matrix/matrixQuery.ts';
import { RiskMatrixGrid } from '../matrix/RiskMatrixGrid.tsx';
import { riskName } from '../matrix/matrixWords.ts';
import { AfterRiskFilterChoices, RiskFilterBar } from '../shared/RiskFilterBar.tsx';
import { RiskLevelBadge } from '../shared/RiskLevelBadge.tsx';
import { riskFilterOf, useRiskViewState, type MatrixPoint, type RiskViewState } from '../shared/riskUrlState.ts';
import { RiskWorkspaceNav } from '../shared/RiskWorkspaceNav.tsx';
import { RISK_MATRIX_COMPARISON_QUERY, type RiskMatrixComparisonVariables, type RiskMatrixPointInput, type RiskMoveData, type RiskPositionData } from './compareQuery.ts';
import '../../../components/form/form.css';
import '../matrix/matrix.css';
import './compare.css';

function pointInput(point: MatrixPoint | null): RiskMatrixPointInput {
  if (!point) return { asOf: osloToday() };
  return point.kind === 'date' ? { asOf: point.date } : { baselineId: point.id };
}

/** The comparison's variables: from the view's date or baseline, to `mot` or today. */
export function comparisonVariables(state: RiskViewState, from: MatrixPoint): RiskMatrixComparisonVariables {
  return { from: pointInput(from), to: pointInput(state.compareTo), basis: state.basis, filter: riskFilterOf(state), cellLimit: CELL_LIMIT };
}

/**
 * Two pictures of the matrix side by side (a date or baseline against another or now), the
 * risks that moved marked in both and listed in words: "what changed since ROS mai 2024?".
 * Nothing moves here; moving belongs to the present matrix.
 */
export function RiskComparePage() {
  const { t } = useTranslation();
  const [state, update] = useRiskViewState();

  return (
    <Page title={t('riskMatrix.compare.title')}>
      <RiskWorkspaceNav />
      <AfterRiskFilterChoices>
        <RiskFilterBar />
        <div className="risk-matrix-controls">
          <BasisSwitch />
          <MatrixPointPicker
            idPrefix="risk-compare-from"
            legend={t('riskMatrix.compare.fromLegend')}
            point={state.at}
            onChange={(at) => update({ at })}
            nowLabel={t('riskMatrix.compare.clearFrom')}
            submitLabel={t('riskMatrix.compare.setFrom')}
            defaultOpen={!state.at}
          />
          <MatrixPointPicker
            idPrefix="risk-compare-to"
            legend={t('riskMatrix.compare.toLegend')}
            point={state.compareTo}
            onChange={(compareTo) => update({ compareTo })}
            nowLabel={t('riskMatrix.compare.toNow')}
            submitLabel={t('riskMatrix.compare.setTo')}
          />
        </div>
        {state.at ? <Comparison state={state} from={state.at} /> : <Paragraph>{t('riskMatrix.compare.pickFrom')}</Paragraph>}
      </AfterRiskFilterChoices>
    </Page>
  );
}

function Comparison({ state, from }: { state: RiskViewState; from: MatrixPoint }) {
  const { t } = useTranslation();
  const pointName = usePointName();
  const variables = useMemo(() => comparisonVariables(state, from), [state, from]);
  const { data, previousData, loading, error, refetch } = useQuery(RISK_MATRIX_COMPARISON_QUERY, { variables, fetchPolicy: 'cache-and-network' });
  const shown = data ?? previousData;
  const marked = useMemo(() => new Set(shown?.riskMatrixComparison.moves.map((move) => move.risk.id) ?? []), [shown]);

  if (!shown) {
    if (loading) return <PageLoading label={t('riskMatrix.compare.loading')} />;
    return <TableLoadError title={t('riskMatrix.compare.errorTitle')} error={error} onRetry={() => void refetch().catch(() => {})} onFirstPage={() => {}} />;
  }

  // "now" names its date: the comparison is read later, in print too.
  const sideName = (point: MatrixPoint | null, matrix: MatrixData) => (point ? pointName(point) : t('riskMatrix.compare.now', { date: formatDate(matrix.asOf) }));
  const { from: fromMatrix, to: toMatrix, moves } = shown.riskMatrixComparison;
  const sides = [
    { key: 'from', heading: t('riskMatrix.compare.fromHeading', { point: sideName(from, fromMatrix) }), matrix: fromMatrix },
    { key: 'to', heading: t('riskMatrix.compare.toHeading', { point: sideName(state.compareTo, toMatrix) }), matrix: toMatrix },
  ];

  return (
    <div aria-busy={loading || undefined}>
      <div className="risk-compare">
        {sides.map((side) => (
          <section key={side.key} aria-labelledby={`risk-compare-${side.key}`} className="risk-compare__side">
            <Heading level={2} data-size="sm" id={`risk-compare-${side.key}`}>
              {side.heading}
            </Heading>
            <Paragraph data-size="sm">{t('riskMatrix.compare.count', { count: side.matrix.totalCount, total: formatCount(side.matrix.totalCount) })}</Paragraph>
            <RiskMatrixGrid
              cells={side.matrix.cells}
              scale={side.matrix.criteria?.scale ?? []}
              caption={`${side.heading}, ${t(`risk.basis.${state.basis}`).toLowerCase()}`}
              cellHref={() => null}
              captionHidden
              marked={marked}
              markedWords={t('riskMatrix.compare.markedWords')}
            />
          </section>
        ))}
      </div>
      <MatrixLegend criteria={toMatrix.criteria} />
      <Paragraph data-size="sm">{t('riskMatrix.compare.markExplained')}</Paragraph>
      <MoveList moves={moves} />
    </div>
  );
}

function positionText(t: TFunction, position: RiskPositionData | null) {
  if (!position) return <>{t('riskMatrix.compare.absent')}</>;
  return (
    <>
      {t('riskMatrix.move.position', { likelihood: position.likelihood, consequence: position.consequence })} <RiskLevelBadge level={position.level} /> <span className="risk-compare__status">{t(`risk.status.${position.status}`)}</span>
    </>
  );
}

function MoveList({ moves }: { moves: RiskMoveData[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="risk-compare-moves" className="risk-compare__moves">
      <Heading level={2} data-size="sm" id="risk-compare-moves">
        {t('riskMatrix.compare.movesHeading', { count: moves.length })}
      </Heading>
      {moves.length === 0 ? (
        <Paragraph>{t('riskMatrix.compare.noMoves')}</Paragraph>
      ) : (
        <table className="ds-table" data-size="sm">
          <caption className="ds-sr-only">{t('riskMatrix.compare.movesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('riskMatrix.compare.columns.risk')}</th>
              <th scope="col">{t('riskMatrix.compare.columns.from')}</th>
              <th scope="col">{t('riskMatrix.compare.columns.to')}</th>
              <th scope="col">{t('riskMatrix.compare.columns.kind')}</th>
            </tr>
          </thead>
          <tbody>
            {moves.map((move) => (
              <tr key={move.risk.id}>
                <th scope="row">
                  <Link asChild>
                    <RouterLink to={`/risiko/${move.risk.id}`}>{riskName(move.risk)}</RouterLink>
                  </Link>
                </th>
                <td>{positionText(t, move.from)}</td>
                <td>{positionText(t, move.to)}</td>
                <td>{t(`riskMatrix.compare.kind.${move.kind}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
