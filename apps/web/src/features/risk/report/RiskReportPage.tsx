import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/layout/Page.tsx';
import { PageLoading } from '../../../components/layout/PageLoading.tsx';
import { apiError, describeApiError } from '../../../lib/errors.ts';
import { formatCount, formatDateTime, formatDate } from '../../../lib/format.ts';
import { MarkingChooser } from '../register/RegisterExports.tsx';
import { RiskWorkspaceNav } from '../shared/RiskWorkspaceNav.tsx';
import { useRiskViewState, type RiskViewState } from '../shared/riskUrlState.ts';
import { useMarking } from '../shared/marking.ts';
import { ReportFindings } from './ReportFindings.tsx';
import { ReportMatrix } from './ReportMatrix.tsx';
import { ReportMeasures, ReportRegister } from './ReportRegister.tsx';
import type { ReportData } from './reportQuery.ts';
import { useRiskReport } from './useRiskReport.ts';
import '../../../components/table/table.css';
import './report.css';

/**
 * The printable ROS report: the matrix, the register, the measures and the findings of the view
 * in the URL, under a header saying when, what and with which marking. Made for the browser's
 * "print to PDF"; the print stylesheet hides the app around it.
 */
export function RiskReportPage() {
  const { t } = useTranslation();
  const [state] = useRiskViewState();
  const { marking } = useMarking();
  const report = useRiskReport(state);
  // The moment the report was made, fixed for this view so every printed page says the same.
  const [printedAt] = useState(() => new Date().toISOString());

  let body: ReactNode;
  if (!report.data && report.loading) body = <PageLoading label={t('riskReport.loading')} />;
  else if (!report.data || report.error) {
    body = (
      <Alert data-color="danger" role="alert">
        <Heading level={2} data-size="xs">
          {t('riskReport.errorTitle')}
        </Heading>
        <Paragraph>{describeApiError(t, apiError(report.error))}</Paragraph>
        <Button type="button" variant="secondary" data-size="sm" onClick={() => void report.refetch().catch(() => {})}>
          {t('common.retry')}
        </Button>
      </Alert>
    );
  } else {
    const { data } = report;
    body = (
      <>
        <ReportHeader data={data} state={state} printedAt={printedAt} marking={marking} />
        <ReportMatrix matrix={data.riskMatrix} />
        <ReportRegister risks={report.risks} />
        <ReportMeasures risks={report.risks} />
        <ReportFindings findings={report.findings} />
      </>
    );
  }

  return (
    <Page title={t('riskReport.title')}>
      <RiskWorkspaceNav />
      <div className="report-actions">
        <MarkingChooser />
        <Button type="button" onClick={() => window.print()} disabled={!report.complete}>
          {t('riskReport.print')}
        </Button>
        <Paragraph role="status" data-size="sm">
          {report.data && !report.complete && !report.error ? t('riskReport.loadingRest') : ''}
        </Paragraph>
      </div>
      {/* Print only: the marking at the top and bottom of every printed page (the header says it once on screen). */}
      {marking && (
        <>
          <div className="report-running report-running--top" aria-hidden="true">
            {marking}
          </div>
          <div className="report-running report-running--bottom" aria-hidden="true">
            {marking}
          </div>
        </>
      )}
      {/* A layout table: in print its header and footer repeat on every page and keep room for the marking. */}
      <table role="presentation" className="report-frame">
        <thead aria-hidden="true">
          <tr>
            <td className="report-frame__space" />
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>
              <div className="risk-report">{body}</div>
            </td>
          </tr>
        </tbody>
        <tfoot aria-hidden="true">
          <tr>
            <td className="report-frame__space" />
          </tr>
        </tfoot>
      </table>
    </Page>
  );
}

type ReportHeaderProps = { data: ReportData; state: RiskViewState; printedAt: string; marking: string | null };

/** When, what and how: the date, the filters in words, the basis, the matrix date or baseline, the marking. */
function ReportHeader({ data, state, printedAt, marking }: ReportHeaderProps) {
  const { t } = useTranslation();
  const names = (ids: string[], all: { id: string; name: string }[]) =>
    ids.length === 0 ? t('riskReport.header.all') : ids.map((id) => all.find((item) => item.id === id)?.name ?? `#${id}`).join(', ');
  const at = state.at;
  const baseline = at?.kind === 'baseline' ? data.riskBaselines?.find((item) => item.id === at.id) : undefined;
  const matrix = data.riskMatrix;
  const rows: [string, string][] = [
    [t('riskReport.header.printedAt'), formatDateTime(printedAt)],
    [
      t('riskReport.header.matrixAt'),
      baseline
        ? t('riskReport.header.baseline', { name: baseline.name, date: formatDateTime(baseline.takenAt) })
        : formatDate(matrix.asOf),
    ],
    [t('riskReport.header.basis'), t(`risk.basis.${state.basis}`)],
    [t('riskReport.header.areas'), names(state.areaIds, data.riskAreas)],
    [t('riskReport.header.municipalities'), names(state.municipalityIds, data.municipalities)],
    [
      t('riskReport.header.statuses'),
      state.statuses.length ? state.statuses.map((status) => t(`risk.status.${status}`)).join(', ') : t('riskReport.header.all'),
    ],
  ];
  if (state.search.trim()) rows.push([t('riskReport.header.search'), `«${state.search.trim()}»`]);
  rows.push([t('riskReport.header.criteria'), matrix.criteria?.name ?? t('riskReport.header.noCriteria')]);
  rows.push([t('riskReport.header.riskCount'), formatCount(matrix.totalCount)]);
  return (
    <header className="report-header">
      {marking && <p className="report-marking">{marking}</p>}
      <dl className="report-header__facts">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}
