import { Spinner } from '@digdir/designsystemet-react';

/** A spinner with a visible label; role="status" makes screen readers announce it. */
export function PageLoading({ label }: { label: string }) {
  return (
    <div role="status" className="page-loading">
      <Spinner aria-hidden="true" data-size="sm" />
      <span>{label}</span>
    </div>
  );
}
