import { Heading } from '@digdir/designsystemet-react';
import { useId, type ReactNode } from 'react';

/** One part of the report: it starts on a new printed page. */
export function ReportSection({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="report-section">
      <Heading level={2} data-size="sm" id={headingId}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
