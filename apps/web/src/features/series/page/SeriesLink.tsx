import { Link } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { periodText } from './codes.ts';

/** A link to another series' page, named by identifier, title and period. */
export function SeriesLink({ series }: { series: { id: string; identifier: string; title: string; periodStart: string; periodEnd: string | null } }) {
  return (
    <Link asChild>
      <RouterLink to={`/arkivserier/${series.id}`}>
        {`${series.identifier} ${series.title} (${periodText(series.periodStart, series.periodEnd)})`}
      </RouterLink>
    </Link>
  );
}
