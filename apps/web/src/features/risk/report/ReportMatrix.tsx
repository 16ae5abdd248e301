import { useTranslation } from 'react-i18next';
import { formatCount, formatDate } from '../../../lib/format.ts';
import { riskLevelClass } from '../shared/RiskLevelBadge.tsx';
import type { ReportMatrix as Matrix } from './reportQuery.ts';
import { ReportSection } from './ReportSection.tsx';

const LEVELS = [1, 2, 3, 4, 5];
const HIGH_FIRST = [5, 4, 3, 2, 1];

/**
 * The matrix as a plain table that prints: each cell in its level's colour, with the level in
 * words, the count and the references (all of them up to the API's per-cell limit, then "+ n").
 */
export function ReportMatrix({ matrix }: { matrix: Matrix }) {
  const { t } = useTranslation();
  const label = (axis: 'LIKELIHOOD' | 'CONSEQUENCE', level: number) => {
    const found = matrix.criteria?.scale.find((item) => item.axis === axis && item.level === level);
    return found ? `${level} ${found.label}` : String(level);
  };
  const cell = (likelihood: number, consequence: number) =>
    matrix.cells.find((item) => item.likelihood === likelihood && item.consequence === consequence);
  return (
    <ReportSection title={t('riskReport.matrix.heading')}>
      <table className="report-matrix">
        <caption>
          {t('riskReport.matrix.caption', { basis: t(`risk.basis.${matrix.basis}`), date: formatDate(matrix.asOf), count: matrix.totalCount })}
        </caption>
        <thead>
          <tr>
            <td className="report-matrix__corner">{t('riskReport.matrix.corner')}</td>
            {LEVELS.map((consequence) => (
              <th key={consequence} scope="col">
                {t('risk.consequence')} {label('CONSEQUENCE', consequence)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {HIGH_FIRST.map((likelihood) => (
            <tr key={likelihood}>
              <th scope="row">
                {t('risk.likelihood')} {label('LIKELIHOOD', likelihood)}
              </th>
              {LEVELS.map((consequence) => {
                const found = cell(likelihood, consequence);
                const level = found?.level ?? null;
                const count = found?.count ?? 0;
                const shown = found?.risks ?? [];
                return (
                  <td key={consequence} className={`report-matrix__cell ${riskLevelClass(level)}`}>
                    <span className="report-matrix__level">{level ? t(`risk.level.${level}`) : t('risk.level.none')}</span>
                    <span className="report-matrix__count">{t('riskReport.matrix.count', { count, formatted: formatCount(count) })}</span>
                    {shown.length > 0 && (
                      <span className="report-matrix__refs">
                        {shown.map((risk) => risk.reference).join(', ')}
                        {count > shown.length && ` ${t('riskReport.matrix.more', { count: count - shown.length })}`}
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ReportSection>
  );
}
