import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScaleLevelData } from './matrixQuery.ts';

type ScaleHeaderProps = {
  axis: 'LIKELIHOOD' | 'CONSEQUENCE';
  level: number;
  scale: ScaleLevelData | undefined;
};

/**
 * A row or column header of the matrix: the level and its label, with the description behind a
 * disclosure button (keyboard: Enter/Space opens, Escape closes and returns focus; the open text
 * is announced as the button's controlled region). Hover alone never hides content from anyone.
 */
export function ScaleHeader({ axis, level, scale }: ScaleHeaderProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const axisWord = axis === 'LIKELIHOOD' ? t('risk.likelihood') : t('risk.consequence');

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  return (
    <div
      ref={rootRef}
      className="risk-scale"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <span className="risk-scale__level">{level}</span>
      {scale && <span className="risk-scale__label">{scale.label}</span>}
      {scale && (
        <>
          <button
            ref={buttonRef}
            type="button"
            className="risk-scale__toggle"
            aria-expanded={open}
            aria-controls={panelId}
            onClick={() => setOpen((value) => !value)}
          >
            <span aria-hidden="true">?</span>
            <span className="ds-sr-only">{t('riskMatrix.scale.explain', { axis: axisWord, level, label: scale.label })}</span>
          </button>
          <div id={panelId} className="risk-scale__panel" hidden={!open}>
            <strong>
              {axisWord} {level}: {scale.label}
            </strong>
            <p>{scale.description}</p>
          </div>
        </>
      )}
    </div>
  );
}
