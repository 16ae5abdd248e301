import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A chart's table alternative: on screen behind a disclosure (for screen readers and anyone who
 * wants the numbers), and always in print, where a closed disclosure would print nothing. The
 * print copy is display:none on screen, so assistive technology meets the table once.
 */
export function ChartTable({ children, print }: { children: ReactNode; /** A more compact table for paper, if the screen's is too long. */ print?: ReactNode }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
      <details className="overview-alt" id={id}>
        <summary>{t('overview.showTable')}</summary>
        {children}
      </details>
      <div className="overview-print-only">{print ?? children}</div>
    </>
  );
}
