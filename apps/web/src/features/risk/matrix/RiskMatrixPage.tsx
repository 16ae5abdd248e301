import { useQuery } from '@apollo/client/react';
import { Alert, Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { CheckboxField } from '../../../components/form/fields.tsx';
import { Page } from '../../../components/layout/Page.tsx';
import { PageLoading } from '../../../components/layout/PageLoading.tsx';
import { TableLoadError } from '../../../components/table/TableLoadError.tsx';
import { useCan } from '../../../lib/auth/useCan.ts';
import { formatCount, formatDate } from '../../../lib/format.ts';
import { AfterRiskFilterChoices, RiskFilterBar } from '../shared/RiskFilterBar.tsx';
import { riskFilterOf, riskViewSearch, useRiskViewState, type MatrixCell, type RiskViewState } from '../shared/riskUrlState.ts';
import { RiskWorkspaceNav } from '../shared/RiskWorkspaceNav.tsx';
import { BasisSwitch } from './BasisSwitch.tsx';
import { FreezeBaselineDialog } from './FreezeBaselineDialog.tsx';
import { ArrowList, arrowsOf, MatrixArrowsOverlay } from './MatrixArrows.tsx';
import { MatrixLegend } from './MatrixLegend.tsx';
import { MatrixPointPicker, usePointName } from './MatrixTimeControls.tsx';
import { CELL_LIMIT, cellKey, RISK_MATRIX_QUERY, type MatrixData, type RiskMatrixVariables } from './matrixQuery.ts';
import { MoveRiskDialog } from './MoveRiskDialog.tsx';
import { RiskMatrixGrid } from './RiskMatrixGrid.tsx';
import { useMatrixRenderTiming } from './useMatrixRenderTiming.ts';
import { useRiskMove, withMoves } from './useRiskMove.ts';
import '../../../components/form/form.css';
import './matrix.css';

/** The variables of riskMatrix for a view of the workspace. */
export function matrixVariables(state: RiskViewState): RiskMatrixVariables {
  return {
    ...(state.at?.kind === 'date' ? { asOf: state.at.date } : {}),
    ...(state.at?.kind === 'baseline' ? { baselineId: state.at.id } : {}),
    basis: state.basis,
    filter: riskFilterOf(state),
    cellLimit: CELL_LIMIT,
  };
}

/** The register filtered to one cell, carrying the view's filters and basis. */
export function registerHref(state: RiskViewState, cell: MatrixCell): string {
  return `/risiko/register${riskViewSearch({ ...state, at: null, compareTo: null, sort: null, cell })}`;
}

export function RiskMatrixPage() {
  const { t } = useTranslation();
  const [state, update] = useRiskViewState();
  const { can } = useCan();
  const [freezing, setFreezing] = useState(false);
  const [frozen, setFrozen] = useState<string | null>(null);
  const [showArrows, setShowArrows] = useState(false);
  const pointName = usePointName();
  const isPresent = state.at === null;
  const mayEdit = can('editRisk');

  return (
    <Page title={t('riskMatrix.title')}>
      <RiskWorkspaceNav />
      <AfterRiskFilterChoices>
        <RiskFilterBar />
        <div className="risk-matrix-controls">
          <BasisSwitch />
          <CheckboxField
            label={t('riskMatrix.arrows.toggle')}
            checked={showArrows && isPresent}
            disabled={!isPresent}
            aria-describedby={!isPresent ? 'risk-arrows-past' : undefined}
            onChange={(event) => setShowArrows(event.target.checked)}
          />
          {!isPresent && (
            <span id="risk-arrows-past" className="ds-sr-only">
              {t('riskMatrix.arrows.onlyNow')}
            </span>
          )}
          <MatrixPointPicker
            idPrefix="risk-matrix-at"
            legend={t('riskMatrix.time.legend')}
            point={state.at}
            onChange={(at) => update({ at })}
            nowLabel={t('riskMatrix.time.now')}
            submitLabel={t('riskMatrix.time.show')}
          />
          {mayEdit && isPresent && (
            <Button type="button" variant="secondary" onClick={() => setFreezing(true)}>
              {t('riskMatrix.baseline.open')}
            </Button>
          )}
        </div>
        <div role="status">
          {frozen && (
            <Alert data-color="success" className="form-alert">
              <Paragraph>
                {t('riskMatrix.baseline.done', { name: frozen })}{' '}
                <Link asChild>
                  <RouterLink to={`/risiko/sammenlign${riskViewSearch({ ...state, at: null, cell: null, sort: null })}`}>
                    {t('riskMatrix.baseline.compare')}
                  </RouterLink>
                </Link>
              </Paragraph>
            </Alert>
          )}
        </div>
        {state.at && (
          <Alert data-color="info" className="form-alert">
            <Paragraph>
              {state.at.kind === 'baseline'
                ? t('riskMatrix.time.pastBaseline', { name: pointName(state.at) })
                : t('riskMatrix.time.pastDate', { date: pointName(state.at) })}
            </Paragraph>
            <Button type="button" variant="secondary" data-size="sm" onClick={() => update({ at: null })}>
              {t('riskMatrix.time.backToNow')}
            </Button>
          </Alert>
        )}
        <MatrixView state={state} movable={mayEdit && isPresent} showArrows={showArrows && isPresent} />
      </AfterRiskFilterChoices>
      <FreezeBaselineDialog
        open={freezing}
        onClose={() => setFreezing(false)}
        onFrozen={(baseline) => {
          setFreezing(false);
          setFrozen(baseline.name);
        }}
      />
    </Page>
  );
}

function MatrixView({ state, movable, showArrows }: { state: RiskViewState; movable: boolean; showArrows: boolean }) {
  const { t } = useTranslation();
  const variables = useMemo(() => matrixVariables(state), [state]);
  const { data, previousData, loading, error, refetch } = useQuery(RISK_MATRIX_QUERY, {
    variables,
    // Others move risks too, and a move here changes the matrices of other filters and bases:
    // show what is cached at once, and the server's current picture when it arrives.
    fetchPolicy: 'cache-and-network',
  });
  const shown = data ?? previousData;
  useMatrixRenderTiming(data?.riskMatrix);

  if (!shown) {
    if (loading) return <PageLoading label={t('riskMatrix.loading')} fill />;
    return <TableLoadError title={t('riskMatrix.errorTitle')} error={error} onRetry={() => void refetch().catch(() => {})} onFirstPage={() => {}} />;
  }
  return <MatrixBody matrix={shown.riskMatrix} state={state} busy={loading} movable={movable} showArrows={showArrows} onReload={() => void refetch().catch(() => {})} />;
}

type MatrixBodyProps = { matrix: MatrixData; state: RiskViewState; busy: boolean; movable: boolean; showArrows: boolean; onReload(): void };

function MatrixBody({ matrix, state, busy, movable, showArrows, onReload }: MatrixBodyProps) {
  const { t } = useTranslation();
  const wrapper = useRef<HTMLDivElement>(null);
  const levels = useMemo(() => new Map(matrix.cells.map((cell) => [cellKey(cell.likelihood, cell.consequence), cell.level])), [matrix.cells]);
  const levelAt = useCallback((cell: MatrixCell) => levels.get(cellKey(cell.likelihood, cell.consequence)) ?? null, [levels]);
  const moving = useRiskMove(state.basis, levelAt);
  const cells = useMemo(() => withMoves(matrix.cells, moving.moves), [matrix.cells, moving.moves]);
  // The register lists risks as they are now, so a past matrix's counts would not match it.
  const cellHref = useCallback((cell: MatrixCell) => (state.at ? null : registerHref(state, cell)), [state]);
  useFocusMovedChip(wrapper, moving.focusRiskId, cells);
  const arrows = useMemo(() => (showArrows ? arrowsOf(cells.flatMap((cell) => cell.risks)) : []), [cells, showArrows]);

  return (
    <section aria-labelledby="risk-matrix-heading" aria-busy={busy || undefined} className="risk-matrix-section">
      <Heading level={2} data-size="sm" id="risk-matrix-heading">
        {t(`risk.basis.${state.basis}`)}
      </Heading>
      <Paragraph data-size="sm">
        {t('riskMatrix.summary', { count: matrix.totalCount, total: formatCount(matrix.totalCount), date: formatDate(matrix.asOf) })}
      </Paragraph>
      {/* Always present, so each announcement is read when its text changes. */}
      <div role="status" aria-live="polite" className="ds-sr-only" data-testid="risk-matrix-live">
        {moving.announcement}
      </div>
      {moving.failure && (
        <Alert key={moving.failure.attempt} data-color="danger" role="alert" className="form-alert">
          <Paragraph>{moving.failure.message}</Paragraph>
          <Button type="button" variant="secondary" data-size="sm" onClick={onReload}>
            {t('riskMatrix.move.reload')}
          </Button>
        </Alert>
      )}
      {!matrix.criteria && <Paragraph>{t('riskMatrix.noCriteria')}</Paragraph>}
      <RiskMatrixGrid
        cells={cells}
        scale={matrix.criteria?.scale ?? []}
        caption={t('riskMatrix.caption', { basis: t(`risk.basis.${state.basis}`), date: formatDate(matrix.asOf) })}
        cellHref={cellHref}
        mover={movable ? moving.mover : null}
        wrapperRef={wrapper}
        overlay={showArrows ? <MatrixArrowsOverlay arrows={arrows} wrapper={wrapper} /> : null}
      />
      <MatrixLegend criteria={matrix.criteria} />
      {showArrows && <ArrowList arrows={arrows} />}
      <MoveRiskDialog move={moving.confirming} basis={state.basis} onCancel={moving.cancel} onConfirm={(comment) => void moving.confirm(comment)} />
    </section>
  );
}

/**
 * Keeps keyboard focus on a moved risk: its chip is re-rendered in another cell (and back again
 * when the server refuses), which would otherwise drop focus to the page.
 */
function useFocusMovedChip(wrapper: RefObject<HTMLDivElement | null>, riskId: string | null, cells: unknown) {
  useEffect(() => {
    if (!riskId) return;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    wrapper.current?.querySelector<HTMLElement>(`[data-risk-id="${riskId}"]`)?.focus();
  }, [wrapper, riskId, cells]);
}
