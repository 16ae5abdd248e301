import { Heading } from '@digdir/designsystemet-react';
import { useLayoutEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatrixCell } from '../shared/riskUrlState.ts';
import { cellKey, type MatrixRisk } from './matrixQuery.ts';
import { riskName } from './matrixWords.ts';

export type RiskArrow = { risk: MatrixRisk; from: MatrixCell; to: MatrixCell | null };

/** Inherent to residual position of each risk, from the risk's own current scores. */
export function arrowsOf(risks: MatrixRisk[]): RiskArrow[] {
  return risks.map((risk) => ({
    risk,
    from: { likelihood: risk.inherentLikelihood, consequence: risk.inherentConsequence },
    to:
      risk.residualLikelihood != null && risk.residualConsequence != null
        ? { likelihood: risk.residualLikelihood, consequence: risk.residualConsequence }
        : null,
  }));
}

type Line = { id: string; x1: number; y1: number; x2: number; y2: number };

/**
 * Arrows drawn over the grid from each cell centre to another, measured from the rendered cells
 * (so they follow the table's real layout) and re-measured when the window is resized. Hidden
 * from assistive technology: ArrowList says the same in words.
 */
export function MatrixArrowsOverlay({ arrows, wrapper }: { arrows: RiskArrow[]; wrapper: RefObject<HTMLDivElement | null> }) {
  const [lines, setLines] = useState<Line[]>([]);
  const [size, setSize] = useState({ width: 0, height: 0 });

  useLayoutEffect(() => {
    const root = wrapper.current;
    if (!root) return;
    const measure = () => {
      const box = root.getBoundingClientRect();
      const centre = (cell: MatrixCell) => {
        const element = root.querySelector<HTMLElement>(`[data-cell="${cellKey(cell.likelihood, cell.consequence)}"]`);
        if (!element) return null;
        const rect = element.getBoundingClientRect();
        return { x: rect.left - box.left + rect.width / 2, y: rect.top - box.top + rect.height / 2 };
      };
      const next: Line[] = [];
      arrows.forEach((arrow, index) => {
        if (!arrow.to || (arrow.to.likelihood === arrow.from.likelihood && arrow.to.consequence === arrow.from.consequence)) return;
        const start = centre(arrow.from);
        const end = centre(arrow.to);
        if (!start || !end) return;
        // Arrows between the same cells would lie on top of each other: spread them a little.
        const offset = ((index % 5) - 2) * 4;
        next.push({ id: arrow.risk.id, x1: start.x + offset, y1: start.y + offset, x2: end.x + offset, y2: end.y + offset });
      });
      setSize({ width: box.width, height: box.height });
      setLines(next);
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [arrows, wrapper]);

  return (
    <svg className="risk-matrix__arrows" width={size.width} height={size.height} aria-hidden="true" focusable="false">
      <defs>
        <marker id="risk-arrow-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" />
        </marker>
      </defs>
      {lines.map((line) => (
        <line key={line.id} data-risk-id={line.id} x1={line.x1} y1={line.y1} x2={line.x2} y2={line.y2} markerEnd="url(#risk-arrow-head)" />
      ))}
    </svg>
  );
}

/** The arrows in words: the text alternative of the drawing. */
export function ArrowList({ arrows }: { arrows: RiskArrow[] }) {
  const { t } = useTranslation();
  return (
    <section className="risk-matrix__arrow-list" aria-labelledby="risk-arrow-list-title">
      <Heading level={2} data-size="xs" id="risk-arrow-list-title">
        {t('riskMatrix.arrows.listTitle')}
      </Heading>
      {arrows.length === 0 ? (
        <p>{t('riskMatrix.arrows.none')}</p>
      ) : (
        <ul>
          {arrows.map(({ risk, from, to }) => (
            <li key={risk.id}>
              {to
                ? to.likelihood === from.likelihood && to.consequence === from.consequence
                  ? t('riskMatrix.arrows.same', { risk: riskName(risk), likelihood: from.likelihood, consequence: from.consequence })
                  : t('riskMatrix.arrows.item', {
                      risk: riskName(risk),
                      fromLikelihood: from.likelihood,
                      fromConsequence: from.consequence,
                      toLikelihood: to.likelihood,
                      toConsequence: to.consequence,
                    })
                : t('riskMatrix.arrows.noResidual', { risk: riskName(risk), likelihood: from.likelihood, consequence: from.consequence })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
