import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import './table.css';

type CursorPagerProps = {
  /** Names the navigation landmark, e.g. "Sider i brukerlisten". */
  label: string;
  /** What is shown, e.g. "Viser 26–50 av 73"; announced politely when it changes. */
  status: string;
  hasPrevious: boolean;
  hasNext: boolean;
  busy: boolean;
  onPrevious(): void;
  onNext(): void;
};

/**
 * Previous / next buttons for keyset paging. A button that cannot be used is marked with
 * aria-disabled instead of disabled, so keyboard focus stays on it after the last page loads.
 */
export function CursorPager({ label, status, hasPrevious, hasNext, busy, onPrevious, onNext }: CursorPagerProps) {
  const { t } = useTranslation();
  if (!hasPrevious && !hasNext) {
    return (
      <Paragraph data-size="sm" role="status" className="cursor-pager__status">
        {status}
      </Paragraph>
    );
  }
  return (
    <nav aria-label={label} className="cursor-pager">
      <Button
        type="button"
        variant="secondary"
        data-size="sm"
        aria-disabled={!hasPrevious || busy || undefined}
        onClick={() => hasPrevious && !busy && onPrevious()}
      >
        {t('paging.previous')}
      </Button>
      <Button type="button" variant="secondary" data-size="sm" aria-disabled={!hasNext || busy || undefined} onClick={() => hasNext && !busy && onNext()}>
        {t('paging.next')}
      </Button>
      <Paragraph data-size="sm" role="status" className="cursor-pager__status">
        {status}
      </Paragraph>
    </nav>
  );
}
