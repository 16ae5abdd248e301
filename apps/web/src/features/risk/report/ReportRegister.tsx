import { useTranslation } from 'react-i18next';
import { formatCount, formatDateTime, formatDate } from '../../../lib/format.ts';
import { RiskLevelBadge } from '../shared/RiskLevelBadge.tsx';
import type { ReportMeasure, ReportRisk } from './reportQuery.ts';
import { ReportSection } from './ReportSection.tsx';

function ownerOf(item: { owner: { displayName: string } | null; ownerName: string | null }): string {
  return item.owner?.displayName ?? item.ownerName ?? '–';
}

/** Every matching risk, in the order of the view (by reference unless the URL sorts otherwise). */
export function ReportRegister({ risks }: { risks: ReportRisk[] }) {
  const { t } = useTranslation();
  return (
    <ReportSection title={t('riskReport.register.heading', { count: formatCount(risks.length) })}>
      {risks.length === 0 ? (
        <p>{t('riskReport.register.none')}</p>
      ) : (
        <table className="report-table report-table--register">
          <caption>{t('riskReport.register.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('riskReport.register.reference')}</th>
              <th scope="col">{t('riskReport.register.title')}</th>
              <th scope="col">{t('riskReport.register.area')}</th>
              <th scope="col">{t('riskReport.register.municipalities')}</th>
              <th scope="col">{t('riskReport.register.owner')}</th>
              <th scope="col">{t('riskReport.register.status')}</th>
              <th scope="col">{t('riskReport.register.inherent')}</th>
              <th scope="col">{t('riskReport.register.residual')}</th>
              <th scope="col">{t('riskReport.register.accepted')}</th>
              <th scope="col">{t('riskReport.register.nextReview')}</th>
              <th scope="col">{t('riskReport.register.openMeasures')}</th>
            </tr>
          </thead>
          <tbody>
            {risks.map((risk) => {
              const open = risk.measures.filter((measure) => measure.status !== 'DONE' && measure.status !== 'CANCELLED');
              const overdue = open.filter((measure) => measure.isOverdue).length;
              return (
                <tr key={risk.id}>
                  <th scope="row">{risk.reference}</th>
                  <td>{risk.title}</td>
                  <td>{risk.area.name}</td>
                  <td>{risk.appliesToAll || risk.municipalities.length === 0 ? t('risk.allMunicipalities') : risk.municipalities.map((m) => m.name).join(', ')}</td>
                  <td>{ownerOf(risk)}</td>
                  <td>{t(`risk.status.${risk.status}`)}</td>
                  <td>
                    <RiskLevelBadge level={risk.inherentLevel} score={risk.inherentScore} />
                  </td>
                  <td>{risk.residualScore == null ? t('riskReport.register.noResidual') : <RiskLevelBadge level={risk.residualLevel} score={risk.residualScore} />}</td>
                  <td>
                    {risk.acceptance
                      ? t(risk.acceptance.isExpired ? 'riskReport.register.acceptanceExpired' : 'riskReport.register.acceptance', {
                          date: formatDate(risk.acceptance.expiresOn),
                          name: risk.acceptance.approverName,
                        })
                      : '–'}
                  </td>
                  <td>
                    {risk.nextReviewDate ? formatDate(risk.nextReviewDate) : '–'}
                    {risk.isReviewOverdue && <span className="report-flag"> {t('riskReport.register.overdue')}</span>}
                  </td>
                  <td className="numeric">
                    {formatCount(open.length)}
                    {overdue > 0 && <span className="report-flag"> {t('riskReport.register.overdueCount', { count: overdue })}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </ReportSection>
  );
}

/** The measures of the matching risks, risk by risk. */
export function ReportMeasures({ risks }: { risks: ReportRisk[] }) {
  const { t } = useTranslation();
  const rows: { risk: ReportRisk; measure: ReportMeasure }[] = risks.flatMap((risk) => risk.measures.map((measure) => ({ risk, measure })));
  return (
    <ReportSection title={t('riskReport.measures.heading', { count: formatCount(rows.length) })}>
      {rows.length === 0 ? (
        <p>{t('riskReport.measures.none')}</p>
      ) : (
        <table className="report-table">
          <caption>{t('riskReport.measures.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('riskReport.measures.risk')}</th>
              <th scope="col">{t('riskReport.measures.title')}</th>
              <th scope="col">{t('riskReport.measures.owner')}</th>
              <th scope="col">{t('riskReport.measures.deadline')}</th>
              <th scope="col">{t('riskReport.measures.status')}</th>
              <th scope="col">{t('riskReport.measures.overdue')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ risk, measure }) => (
              <tr key={measure.id}>
                <td>{risk.reference}</td>
                <th scope="row">{measure.title}</th>
                <td>{ownerOf(measure)}</td>
                <td>{measure.deadline ? formatDate(measure.deadline) : '–'}</td>
                <td>
                  {t(`risk.measureStatus.${measure.status}`)}
                  {measure.completedAt && ` ${formatDateTime(measure.completedAt)}`}
                </td>
                <td>{measure.isOverdue ? <span className="report-flag">{t('common.yes')}</span> : t('common.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ReportSection>
  );
}
