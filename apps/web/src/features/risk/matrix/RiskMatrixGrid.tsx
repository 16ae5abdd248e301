import { memo, useCallback, useMemo, useRef, useState, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { TFunction } from 'i18next';
import { riskLevelClass } from '../shared/RiskLevelBadge.tsx';
import type { MatrixCell, RiskLevel } from '../shared/riskUrlState.ts';
import { cellKey, type MatrixCellData, type MatrixRisk, type ScaleLevelData } from './matrixQuery.ts';
import { ScaleHeader } from './ScaleHeader.tsx';

const LEVELS = [1, 2, 3, 4, 5] as const;
const ROWS = [5, 4, 3, 2, 1] as const;

/** What the grid needs from its page to let a user move risks; absent, the chips are plain links. */
export type MatrixMover = {
  /** The user let go of a risk over another cell (by keyboard or mouse): confirm and save. */
  request(risk: MatrixRisk, from: MatrixCell, to: MatrixCell): void;
  /** Text for the page's live region. */
  announce(text: string): void;
};

type RiskMatrixGridProps = {
  cells: MatrixCellData[];
  scale: ScaleLevelData[];
  caption: ReactNode;
  /** The register filtered to a cell, or null where the cell has no such link. */
  cellHref(cell: MatrixCell): string | null;
  /** Risks to mark (the comparison's moved ones) and the words that say why. */
  marked?: ReadonlySet<string>;
  markedWords?: string;
  mover?: MatrixMover | null;
  /** Drawn over the grid (the arrows); positioned against the grid's wrapper. */
  overlay?: ReactNode;
  /** The wrapper, for an overlay that measures cells. */
  wrapperRef?: React.Ref<HTMLDivElement>;
  /** The caption only for assistive technology, where a visible heading already says it. */
  captionHidden?: boolean;
};

/** "sannsynlighet 3, konsekvens 4, nivå Høy" — the words a chip and the announcements use. */
export function cellWords(t: TFunction, cell: MatrixCell, level: RiskLevel | null | undefined): string {
  return t('riskMatrix.cellWords', {
    likelihood: cell.likelihood,
    consequence: cell.consequence,
    level: level ? t(`risk.level.${level}`) : t('risk.level.none'),
  });
}

export function riskName(risk: Pick<MatrixRisk, 'reference' | 'title' | 'shortTitle'>): string {
  return `${risk.reference} ${risk.shortTitle || risk.title}`;
}

type Moving = { risk: MatrixRisk; from: MatrixCell; target: MatrixCell };

/**
 * The 5x5 matrix as a real table: likelihood 5..1 as row headers, consequence 1..5 as column
 * headers, each cell coloured AND named by its level. With a mover, a chip can be dragged to
 * another cell, or moved by keyboard: an arrow key picks it up and moves a target, Enter drops it
 * there (the page confirms), Escape or leaving the chip cancels.
 */
export function RiskMatrixGrid({ cells, scale, caption, cellHref, marked, markedWords, mover, overlay, wrapperRef, captionHidden = false }: RiskMatrixGridProps) {
  const { t } = useTranslation();
  const [moving, setMoving] = useState<Moving | null>(null);
  const [dragOver, setDragOver] = useState<string | null>(null);
  const dragging = useRef<{ risk: MatrixRisk; from: MatrixCell } | null>(null);
  const byKey = useMemo(() => new Map(cells.map((cell) => [cellKey(cell.likelihood, cell.consequence), cell])), [cells]);
  const levelAt = useCallback((cell: MatrixCell) => byKey.get(cellKey(cell.likelihood, cell.consequence))?.level ?? null, [byKey]);
  const scaleOf = (axis: ScaleLevelData['axis'], level: number) => scale.find((item) => item.axis === axis && item.level === level);
  // Handlers read the latest state through a ref, so the memoised cells keep stable callbacks.
  const latest = useRef({ moving, mover, levelAt, t });
  latest.current = { moving, mover, levelAt, t };

  const onChipKeyDown = useCallback((risk: MatrixRisk, from: MatrixCell, event: KeyboardEvent<HTMLAnchorElement>) => {
    const { moving: current, mover: activeMover, levelAt: level, t: tr } = latest.current;
    if (!activeMover) return;
    const mine = current?.risk.id === risk.id ? current : null;
    const step: Record<string, [number, number]> = { ArrowUp: [1, 0], ArrowDown: [-1, 0], ArrowRight: [0, 1], ArrowLeft: [0, -1] };
    const delta = step[event.key];
    if (delta) {
      event.preventDefault();
      const base = mine?.target ?? from;
      const target = {
        likelihood: Math.min(5, Math.max(1, base.likelihood + delta[0])),
        consequence: Math.min(5, Math.max(1, base.consequence + delta[1])),
      };
      setMoving({ risk, from, target });
      const targetText = tr('riskMatrix.move.target', { cell: cellWords(tr, target, level(target)) });
      activeMover.announce(
        mine ? targetText : `${tr('riskMatrix.move.pickedUp', { risk: riskName(risk), cell: cellWords(tr, from, level(from)) })} ${targetText}`,
      );
      return;
    }
    if (!mine) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      setMoving(null);
      if (mine.target.likelihood === from.likelihood && mine.target.consequence === from.consequence) {
        activeMover.announce(tr('riskMatrix.move.sameCell'));
      } else {
        activeMover.request(risk, from, mine.target);
      }
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setMoving(null);
      activeMover.announce(tr('riskMatrix.move.cancelled', { risk: riskName(risk) }));
    }
  }, []);

  const onChipBlur = useCallback((risk: MatrixRisk) => {
    const { moving: current, mover: activeMover, t: tr } = latest.current;
    if (current?.risk.id !== risk.id) return;
    setMoving(null);
    activeMover?.announce(tr('riskMatrix.move.cancelled', { risk: riskName(risk) }));
  }, []);

  const onChipDragStart = useCallback((risk: MatrixRisk, from: MatrixCell, event: DragEvent<HTMLAnchorElement>) => {
    const { mover: activeMover, levelAt: level, t: tr } = latest.current;
    if (!activeMover) return;
    dragging.current = { risk, from };
    event.dataTransfer?.setData('text/plain', risk.reference);
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
    activeMover.announce(tr('riskMatrix.move.pickedUp', { risk: riskName(risk), cell: cellWords(tr, from, level(from)) }));
  }, []);

  const onCellDragOver = useCallback((cell: MatrixCell, event: DragEvent<HTMLTableCellElement>) => {
    if (!dragging.current) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
    const key = cellKey(cell.likelihood, cell.consequence);
    setDragOver((current) => (current === key ? current : key));
  }, []);

  const onCellDrop = useCallback((cell: MatrixCell, event: DragEvent<HTMLTableCellElement>) => {
    const picked = dragging.current;
    dragging.current = null;
    setDragOver(null);
    if (!picked) return;
    event.preventDefault();
    const { mover: activeMover, t: tr } = latest.current;
    if (picked.from.likelihood === cell.likelihood && picked.from.consequence === cell.consequence) {
      activeMover?.announce(tr('riskMatrix.move.sameCell'));
      return;
    }
    activeMover?.request(picked.risk, picked.from, cell);
  }, []);

  const onDragEnd = useCallback(() => {
    dragging.current = null;
    setDragOver(null);
  }, []);

  const handlers = useMemo(
    () => (mover ? { onChipKeyDown, onChipBlur, onChipDragStart, onCellDragOver, onCellDrop, onDragEnd } : null),
    [mover, onChipKeyDown, onChipBlur, onChipDragStart, onCellDragOver, onCellDrop, onDragEnd],
  );
  const targetKey = moving ? cellKey(moving.target.likelihood, moving.target.consequence) : dragOver;

  return (
    <div className="risk-matrix" ref={wrapperRef}>
      {mover && (
        <p id="risk-matrix-move-hint" className="ds-sr-only">
          {t('riskMatrix.move.hint')}
        </p>
      )}
      <table className="risk-matrix__table">
        <caption className={captionHidden ? 'ds-sr-only' : undefined}>{caption}</caption>
        <thead>
          <tr>
            <td className="risk-matrix__corner">
              <span>{t('risk.likelihood')} ↓</span>
              <span>{t('risk.consequence')} →</span>
            </td>
            {LEVELS.map((consequence) => (
              <th key={consequence} scope="col" className="risk-matrix__colhead">
                <span className="ds-sr-only">{t('risk.consequence')} </span>
                <ScaleHeader axis="CONSEQUENCE" level={consequence} scale={scaleOf('CONSEQUENCE', consequence)} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.map((likelihood) => (
            <tr key={likelihood}>
              <th scope="row" className="risk-matrix__rowhead">
                <span className="ds-sr-only">{t('risk.likelihood')} </span>
                <ScaleHeader axis="LIKELIHOOD" level={likelihood} scale={scaleOf('LIKELIHOOD', likelihood)} />
              </th>
              {LEVELS.map((consequence) => {
                const key = cellKey(likelihood, consequence);
                const cell = byKey.get(key);
                return (
                  <MatrixCellView
                    key={key}
                    likelihood={likelihood}
                    consequence={consequence}
                    cell={cell}
                    href={cellHref({ likelihood, consequence })}
                    isTarget={targetKey === key}
                    movingId={moving?.risk.id ?? null}
                    marked={marked}
                    markedWords={markedWords}
                    handlers={handlers}
                  />
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {overlay}
    </div>
  );
}

type Handlers = {
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
const MatrixCellView = memo(function MatrixCellView({
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
