import { memo, useMemo, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { riskLevelClass } from '../shared/RiskLevelBadge.tsx';
import type { MatrixCell } from '../shared/riskUrlState.ts';
import { cellKey, type MatrixCellData, type MatrixRisk } from './matrixQuery.ts';
import { cellWords } from './matrixWords.ts';

/** The grid's moving handlers; null when nothing can be moved. */
export type Handlers = {
  onChipKeyDown(risk: MatrixRisk, from: MatrixCell, event: KeyboardEvent<HTMLAnchorElement>): void;
  onChipBlur(risk: MatrixRisk): void;
  onChipDragStart(risk: MatrixRisk, from: MatrixCell, event: DragEvent<HTMLAnchorElement>): void;
  onCellDragOver(cell: MatrixCell, event: DragEvent<HTMLTableCellElement>): void;
  onCellDrop(cell: MatrixCell, event: DragEvent<HTMLTableCellElement>): void;
  onDragEnd(): void;
};

type MatrixCellViewProps = {
  likelihood: number;
  consequence: number;
  cell: MatrixCellData | undefined;
  href: string | null;
  isTarget: boolean;
  movingId: string | null;
  marked?: ReadonlySet<string>;
  markedWords?: string;
  handlers: Handlers | null;
};

// Memoised: a filter change or a keyboard step re-renders only the cells whose props changed.
export const MatrixCellView = memo(function MatrixCellView({
  likelihood,
  consequence,
  cell,
  href,
  isTarget,
  movingId,
  marked,
  markedWords,
  handlers,
}: MatrixCellViewProps) {
  const { t } = useTranslation();
  const position = useMemo(() => ({ likelihood, consequence }), [likelihood, consequence]);
  const level = cell?.level ?? null;
  const count = cell?.count ?? 0;
  const risks = cell?.risks ?? [];
  const more = count - risks.length;
  const words = cellWords(t, position, level);
  const classes = ['risk-matrix__cell', riskLevelClass(level), isTarget ? 'risk-matrix__cell--target' : ''].filter(Boolean).join(' ');

  return (
    <td
      className={classes}
      data-cell={cellKey(likelihood, consequence)}
      onDragOver={handlers ? (event) => handlers.onCellDragOver(position, event) : undefined}
      onDrop={handlers ? (event) => handlers.onCellDrop(position, event) : undefined}
    >
      <div className="risk-matrix__cell-head">
        <span className="risk-matrix__level">{level ? t(`risk.level.${level}`) : t('risk.level.none')}</span>
        {count > 0 && href ? (
          <RouterLink className="risk-matrix__count" to={href} aria-label={t('riskMatrix.cell.count', { count, cell: words })}>
            {count}
          </RouterLink>
        ) : (
          <span className="risk-matrix__count">
            <span aria-hidden="true">{count}</span>
            <span className="ds-sr-only">{t('riskMatrix.cell.count', { count, cell: words })}</span>
          </span>
        )}
      </div>
      {risks.length > 0 && (
        <ul className="risk-matrix__chips">
          {risks.map((risk) => {
            const isMarked = marked?.has(risk.id) ?? false;
            const movable = Boolean(handlers && risk.canEdit);
            return (
              <li key={risk.id}>
                <RouterLink
                  to={`/risiko/${risk.id}`}
                  className={[
                    'risk-chip',
                    isMarked ? 'risk-chip--marked' : '',
                    movingId === risk.id ? 'risk-chip--moving' : '',
                    movable ? 'risk-chip--movable' : '',
                  ]
                    .filter(Boolean)
                    .join(' ')}
                  data-risk-id={risk.id}
                  // The whole title on hover where the chip shows the short one.
                  title={risk.shortTitle ? risk.title : undefined}
                  draggable={movable ? true : undefined}
                  aria-describedby={movable ? 'risk-matrix-move-hint' : undefined}
                  onKeyDown={movable ? (event) => handlers!.onChipKeyDown(risk, position, event) : undefined}
                  onBlur={movable ? () => handlers!.onChipBlur(risk) : undefined}
                  onDragStart={movable ? (event) => handlers!.onChipDragStart(risk, position, event) : undefined}
                  onDragEnd={movable ? handlers!.onDragEnd : undefined}
                >
                  <span className="risk-chip__ref">{risk.reference}</span> <span className="risk-chip__title">{risk.shortTitle || risk.title}</span>
                  <span className="ds-sr-only">
                    {', '}
                    {words}
                    {isMarked && markedWords ? `, ${markedWords}` : ''}
                  </span>
                </RouterLink>
              </li>
            );
          })}
        </ul>
      )}
      {more > 0 &&
        (href ? (
          <RouterLink className="risk-matrix__more" to={href} aria-label={t('riskMatrix.cell.moreLabel', { count: more, cell: words })}>
            {t('riskMatrix.cell.more', { count: more })}
          </RouterLink>
        ) : (
          <span className="risk-matrix__more">{t('riskMatrix.cell.more', { count: more })}</span>
        ))}
    </td>
  );
});
