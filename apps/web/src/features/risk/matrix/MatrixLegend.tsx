import { Heading } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format.ts';
import { RiskLevelBadge } from '../shared/RiskLevelBadge.tsx';
import type { MatrixData } from './matrixQuery.ts';

const LEVELS = ['LOW', 'MEDIUM', 'HIGH'] as const;

/** What the colours mean, and which version of the acceptance criteria set them. */
export function MatrixLegend({ criteria }: { criteria: MatrixData['criteria'] }) {
  const { t } = useTranslation();
  return (
    <section className="risk-matrix-legend" aria-labelledby="risk-matrix-legend-title">
      <Heading level={2} data-size="xs" id="risk-matrix-legend-title">
        {t('riskMatrix.legend.title')}
      </Heading>
      <ul>
        {LEVELS.map((level) => (
          <li key={level}>
            <RiskLevelBadge level={level} /> {t(`riskMatrix.legend.${level}`)}
          </li>
        ))}
      </ul>
      {criteria && <p>{t('riskMatrix.legend.criteria', { name: criteria.name, date: formatDate(criteria.validFrom) })}</p>}
    </section>
  );
}
