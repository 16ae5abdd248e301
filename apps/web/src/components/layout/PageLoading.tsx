import { Spinner } from '@digdir/designsystemet-react';

/**
 * A spinner with a visible label; role="status" makes screen readers announce it. `fill` is for
 * a page's main content that is still to come: it keeps a screen's height of room, so the footer
 * starts below the fold and is not pushed down when the content arrives (a layout shift
 * Lighthouse counted on every busy page).
 */
export function PageLoading({ label, fill = false }: { label: string; fill?: boolean }) {
  return (
    <div role="status" className={fill ? 'page-loading page-loading--fill' : 'page-loading'}>
      <Spinner aria-hidden="true" data-size="sm" />
      <span>{label}</span>
    </div>
  );
}
