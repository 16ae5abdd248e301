import type { TFunction } from 'i18next';
import { gql } from '@apollo/client';
import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../../lib/format.ts';
import { useChangedFieldWords } from './changedFields.ts';

export type ImportSeverity = 'ERROR' | 'WARNING' | 'NOTICE';
export type ImportCounts = { __typename: 'NoarkImportCounts'; archives: number; archiveCreators: number; series: number };
export type ImportProblem = {
  __typename: 'NoarkImportProblem';
  severity: ImportSeverity;
  code: string;
  path: string;
  line: number | null;
  file: string;
  message: string;
};
export type ImportItem = {
  __typename: 'NoarkImportItem';
  kind: 'ARCHIVE' | 'ARCHIVE_CREATOR' | 'ARCHIVE_SERIES';
  action: 'CREATE' | 'UPDATE' | 'UNCHANGED';
  key: string;
  title: string;
  line: number | null;
  existingId: string | null;
  changedFields: string[];
  extentFiles: number | null;
  extentRecords: number | null;
  classes: number | null;
};
type MunicipalityRef = { __typename: 'Municipality'; id: string; name: string };

// Written by hand until codegen generates web types; keep in step with the fragment below.
export type ImportReport_report = {
  __typename: 'NoarkImportReport';
  dryRun: boolean;
  version: string | null;
  versionSource: 'ARKIVUTTREKK' | 'CONTENT' | 'UNKNOWN';
  municipality: MunicipalityRef | null;
  proposedMunicipality: MunicipalityRef | null;
  proposalReason: string | null;
  items: ImportItem[];
  toCreate: ImportCounts;
  toUpdate: ImportCounts;
  unchanged: ImportCounts;
  problems: ImportProblem[];
  errorCount: number;
  warningCount: number;
  noticeCount: number;
  omittedProblemCount: number;
  canImport: boolean;
};

// The report has no id of its own (it lives inside its job), so the job query reads it with
// @unmask; this component still owns the fields.
export const IMPORT_REPORT_FRAGMENT = gql`
  fragment ImportReport_report on NoarkImportReport {
    dryRun
    version
    versionSource
    municipality {
      id
      name
    }
    proposedMunicipality {
      id
      name
    }
    proposalReason
    items {
      kind
      action
      key
      title
      line
      existingId
      changedFields
      extentFiles
      extentRecords
      classes
    }
    toCreate {
      archives
      archiveCreators
      series
    }
    toUpdate {
      archives
      archiveCreators
      series
    }
    unchanged {
      archives
      archiveCreators
      series
    }
    problems {
      severity
      code
      path
      line
      file
      message
    }
    errorCount
    warningCount
    noticeCount
    omittedProblemCount
    canImport
  }
`;

const SEVERITIES: ImportSeverity[] = ['ERROR', 'WARNING', 'NOTICE'];

/** The dry run's report: the version, what would be created or changed, and every problem. */
export function ImportReport({ report, format }: { report: ImportReport_report; format: 'NOARK5' | 'CSV' }) {
  const { t } = useTranslation();
  return (
    <div className="import-report">
      {format === 'NOARK5' && (
        <Paragraph>
          {report.version
            ? t('seriesImport.report.version', { version: report.version, source: t(`seriesImport.report.versionSource.${report.versionSource}`) })
            : t('seriesImport.report.versionUnknown')}
        </Paragraph>
      )}
      <CountsTable report={report} />
      <ItemsTable items={report.items} />
      <ProblemList report={report} />
    </div>
  );
}

function CountsTable({ report }: { report: ImportReport_report }) {
  const { t } = useTranslation();
  const rows: [string, ImportCounts][] = [
    [t('seriesImport.report.toCreate'), report.toCreate],
    [t('seriesImport.report.toUpdate'), report.toUpdate],
    [t('seriesImport.report.unchanged'), report.unchanged],
  ];
  return (
    <Table zebra border data-size="sm" className="import-counts">
      <caption>{t('seriesImport.report.countsCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('seriesImport.report.what')}</th>
          <th scope="col">{t('seriesImport.kind.ARCHIVE_plural')}</th>
          <th scope="col">{t('seriesImport.kind.ARCHIVE_CREATOR_plural')}</th>
          <th scope="col">{t('seriesImport.kind.ARCHIVE_SERIES_plural')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, counts]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{formatCount(counts.archives)}</td>
            <td>{formatCount(counts.archiveCreators)}</td>
            <td>{formatCount(counts.series)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function ItemsTable({ items }: { items: ImportItem[] }) {
  const { t } = useTranslation();
  const words = useChangedFieldWords();
  if (items.length === 0) return <Paragraph>{t('seriesImport.report.noItems')}</Paragraph>;
  return (
    <div className="import-table-scroll">
      <Table zebra border data-size="sm">
        <caption>{t('seriesImport.report.itemsCaption', { count: items.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('seriesImport.report.kind')}</th>
            <th scope="col">{t('seriesImport.report.action')}</th>
            <th scope="col">{t('seriesImport.report.key')}</th>
            <th scope="col">{t('seriesImport.report.itemTitle')}</th>
            <th scope="col">{t('seriesImport.report.changedFields')}</th>
            <th scope="col">{t('seriesImport.report.extent')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={`${item.kind}:${item.key}`}>
              <td>{t(`seriesImport.kind.${item.kind}`)}</td>
              <td>{t(`seriesImport.action.${item.action}`)}</td>
              <td>
                <code>{item.key}</code>
              </td>
              <td>{item.title}</td>
              <td>{item.changedFields.length ? item.changedFields.map(words).join(', ') : '–'}</td>
              <td>{item.kind === 'ARCHIVE_SERIES' ? extentText(t, item) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}

function extentText(t: TFunction, item: ImportItem): string {
  const parts = [];
  if (item.extentFiles !== null) parts.push(t('seriesImport.report.files', { count: item.extentFiles, formatted: formatCount(item.extentFiles) }));
  if (item.extentRecords !== null) parts.push(t('seriesImport.report.records', { count: item.extentRecords, formatted: formatCount(item.extentRecords) }));
  if (item.classes !== null) parts.push(t('seriesImport.report.classes', { count: item.classes, formatted: formatCount(item.classes) }));
  return parts.length ? parts.join(', ') : '–';
}

function ProblemList({ report }: { report: ImportReport_report }) {
  const { t } = useTranslation();
  const headingId = useId();
  const counts: Record<ImportSeverity, number> = { ERROR: report.errorCount, WARNING: report.warningCount, NOTICE: report.noticeCount };
  // Errors first when there are any: they are what stops the import.
  const [shown, setShown] = useState<ImportSeverity | 'ALL'>('ALL');
  const total = report.errorCount + report.warningCount + report.noticeCount;
  return (
    <section aria-labelledby={headingId} className="import-problems">
      <Heading level={3} data-size="xs" id={headingId}>
        {t('seriesImport.report.problemsHeading')}
      </Heading>
      {total === 0 ? (
        <Paragraph>{t('seriesImport.report.noProblems')}</Paragraph>
      ) : (
        <>
          <fieldset className="import-severity-filter">
            <legend>{t('seriesImport.report.showSeverity')}</legend>
            {(['ALL', ...SEVERITIES] as const).map((severity) => (
              <label key={severity}>
                <input type="radio" name={`${headingId}-severity`} value={severity} checked={shown === severity} onChange={() => setShown(severity)} />{' '}
                {severity === 'ALL'
                  ? t('seriesImport.report.allSeverities', { count: total, formatted: formatCount(total) })
                  : t(`seriesImport.severityCount.${severity}`, { count: counts[severity], formatted: formatCount(counts[severity]) })}
              </label>
            ))}
          </fieldset>
          {SEVERITIES.filter((severity) => shown === 'ALL' || shown === severity).map((severity) => (
            <ProblemGroup key={severity} severity={severity} problems={report.problems.filter((problem) => problem.severity === severity)} />
          ))}
        </>
      )}
      {report.omittedProblemCount > 0 && (
        <Paragraph>{t('seriesImport.report.omitted', { count: report.omittedProblemCount, formatted: formatCount(report.omittedProblemCount) })}</Paragraph>
      )}
    </section>
  );
}

const SEVERITY_COLOR: Record<ImportSeverity, 'danger' | 'warning' | 'info'> = { ERROR: 'danger', WARNING: 'warning', NOTICE: 'info' };

function ProblemGroup({ severity, problems }: { severity: ImportSeverity; problems: ImportProblem[] }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <div className="import-table-scroll">
      <Table zebra border data-size="sm" data-severity={severity}>
        <caption>{t(`seriesImport.severityCount.${severity}`, { count: problems.length, formatted: formatCount(problems.length) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('seriesImport.report.severity')}</th>
            <th scope="col">{t('seriesImport.report.file')}</th>
            <th scope="col">{t('seriesImport.report.path')}</th>
            <th scope="col">{t('seriesImport.report.line')}</th>
            <th scope="col">{t('seriesImport.report.message')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((problem, index) => (
            <tr key={`${problem.code}:${problem.path}:${index}`}>
              <td>
                <Tag data-color={SEVERITY_COLOR[severity]} data-size="sm">
                  {t(`seriesImport.severity.${severity}`)}
                </Tag>
              </td>
              <td>{problem.file}</td>
              <td>
                <code>{problem.path}</code>
              </td>
              <td>{problem.line ?? t('seriesImport.report.wholeFile')}</td>
              <td>{problem.message}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
