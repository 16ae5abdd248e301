import { useCallback, useMemo, useRef, useState, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatrixCell } from '../shared/riskUrlState.ts';
import { MatrixCellView, type Handlers } from './MatrixCellView.tsx';
import { cellKey, type MatrixCellData, type MatrixRisk, type ScaleLevelData } from './matrixQuery.ts';
import { cellWords, riskName } from './matrixWords.ts';
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

  const handlers: Handlers | null = useMemo(
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
