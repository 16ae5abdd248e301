import { useApolloClient, useMutation } from '@apollo/client/react';
import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { useCan } from '../../lib/auth/useCan.ts';
import { describeApiError } from '../../lib/errors.ts';
import { outcomeOf } from '../../lib/mutationOutcome.ts';
import { FIGURES_DRY_RUN, FIGURES_IMPORT, OPERATING_FIGURE_GRID_QUERY, uploadFile, type ImportReport } from './figuresQueries.ts';
import { formatMonth } from './OperatingFiguresPanel.tsx';

/**
 * Operating figures from a CSV file: the file is checked first (a dry run that writes nothing and
 * lists every problem by line), and only then imported, all rows or none.
 */
export function FiguresImport() {
  const { t } = useTranslation();
  const { can } = useCan();
  const client = useApolloClient();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [uploadId, setUploadId] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [dryRun] = useMutation(FIGURES_DRY_RUN);
  const [runImport] = useMutation(FIGURES_IMPORT);
  if (!can('reportFigures')) return null;

  async function check() {
    if (!file) return setProblem(t('benefits.import.chooseFile'));
    setBusy(true);
    setProblem(null);
    setReport(null);
    try {
      const id = await uploadFile(file);
      const result = await outcomeOf(() => dryRun({ variables: { uploadId: id } }));
      if (!result.ok) return setProblem(describeApiError(t, result.error));
      setUploadId(id);
      setReport(result.data.operatingFiguresImportDryRun);
    } catch {
      setProblem(t('benefits.import.uploadFailed'));
    } finally {
      setBusy(false);
    }
  }

  async function confirm() {
    if (!uploadId) return;
    setBusy(true);
    const result = await outcomeOf(() => runImport({ variables: { uploadId } }));
    setBusy(false);
    if (!result.ok) return setProblem(describeApiError(t, result.error));
    setReport(result.data.runOperatingFiguresImport);
    setUploadId(null);
    await client.refetchQueries({ include: [OPERATING_FIGURE_GRID_QUERY] });
  }

  return (
    <section aria-labelledby="figures-import-heading" className="figures-import">
      <Heading level={2} data-size="xs" id="figures-import-heading">
        {t('benefits.import.title')}
      </Heading>
      <Paragraph>{t('benefits.import.help')}</Paragraph>
      <FormAlert message={problem} />
      <div className="figures-import__choose">
        <label htmlFor={inputId} className="ds-label">
          {t('benefits.import.file')}
        </label>
        <input
          id={inputId}
          type="file"
          accept=".csv,text/csv"
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setReport(null);
            setUploadId(null);
          }}
        />
        <Button type="button" variant="secondary" onClick={() => void check()} loading={busy && !uploadId}>
          {t('benefits.import.check')}
        </Button>
      </div>
      <div role="status">{report && <ReportView report={report} />}</div>
      {report?.dryRun && report.canImport && uploadId && (
        <Button type="button" onClick={() => void confirm()} loading={busy}>
          {t('benefits.import.confirm', { count: report.toCreate + report.toUpdate })}
        </Button>
      )}
    </section>
  );
}

function ReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const summary = report.dryRun
    ? t('benefits.import.dryRunSummary', { create: report.toCreate, update: report.toUpdate, unchanged: report.unchanged, errors: report.errorCount, warnings: report.warningCount })
    : report.created !== null
      ? t('benefits.import.doneSummary', { create: report.created, update: report.updated ?? 0 })
      : t('benefits.import.notImported', { errors: report.errorCount });
  return (
    <div className="figures-report">
      <Paragraph>{summary}</Paragraph>
      {report.problems.length > 0 && (
        <Table border data-size="sm">
          <caption>{t('benefits.import.problemsCaption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('benefits.import.severity')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('benefits.import.where')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('benefits.import.message')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {report.problems.map((p, i) => (
              <Table.Row key={i}>
                <Table.Cell>{t(`benefits.import.severities.${p.severity}`)}</Table.Cell>
                <Table.Cell>{p.path}</Table.Cell>
                <Table.Cell>{p.message}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {report.dryRun && report.items.some((i) => i.action !== 'UNCHANGED') && (
        <ul className="figures-report__items">
          {report.items.filter((i) => i.action !== 'UNCHANGED').map((i) => (
            <li key={i.line}>{t(`benefits.import.action.${i.action}`, { municipality: i.municipality.name, month: formatMonth(i.month) })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
