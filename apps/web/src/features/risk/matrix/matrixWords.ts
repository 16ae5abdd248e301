import type { TFunction } from 'i18next';
import type { MatrixCell, RiskLevel } from '../shared/riskUrlState.ts';
import type { MatrixRisk } from './matrixQuery.ts';

/** "sannsynlighet 3, konsekvens 4, nivå Høy" — the words a chip and the announcements use. */
export function cellWords(t: TFunction, cell: MatrixCell, level: RiskLevel | null | undefined): string {
  return t('riskMatrix.cellWords', {
    likelihood: cell.likelihood,
    consequence: cell.consequence,
    level: level ? t(`risk.level.${level}`) : t('risk.level.none'),
  });
}

export function riskName(risk: Pick<MatrixRisk, 'reference' | 'title' | 'shortTitle'>): string {
  return `${risk.reference} ${risk.shortTitle || risk.title}`;
}
