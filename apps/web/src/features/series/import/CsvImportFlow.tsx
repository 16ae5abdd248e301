import { useApolloClient } from '@apollo/client/react';
import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form/FormAlert.tsx';
import { apiError, describeApiError } from '../../../lib/errors.ts';
import { CSV_IMPORT_PREVIEW_QUERY, CsvMapping, mappingOf, missingRequirements, proposedMapping, type CsvImportPreview, type MappingDraft } from './CsvMapping.tsx';
import { describeUploadError, importFieldErrors, type ImportField } from './importErrors.ts';
import type { ImportJob } from './importJob.ts';
import { useCsvImportJobs, type CsvColumnMapping } from './importMutations.ts';
import { ImportRunner } from './ImportRunner.tsx';
import { MunicipalityField } from './MunicipalityField.tsx';
import { UploadField, type UploadState } from './UploadField.tsx';
import { uploadFile } from './uploadFile.ts';

type Stage =
  | { name: 'file' }
  | { name: 'mapping'; preview: CsvImportPreview }
  | { name: 'run'; job: ImportJob; uploadId: string; mapping: CsvColumnMapping[] };

/** CSV: the file, its column mapping and the municipality, then the dry run and the rest in ImportRunner. */
export function CsvImportFlow() {
  const [stage, setStage] = useState<Stage>({ name: 'file' });
  const [round, setRound] = useState(0);
  const startOver = () => {
    setStage({ name: 'file' });
    setRound((n) => n + 1);
  };
  if (stage.name === 'file') return <CsvFileStep key={round} focusOnMount={round > 0} onPreview={(preview) => setStage({ name: 'mapping', preview })} />;
  if (stage.name === 'mapping') {
    return <CsvMappingStep preview={stage.preview} onStarted={(job, mapping) => setStage({ name: 'run', job, uploadId: stage.preview.uploadId, mapping })} onStartOver={startOver} />;
  }
  return <CsvRun job={stage.job} uploadId={stage.uploadId} mapping={stage.mapping} onStartOver={startOver} />;
}

function CsvRun({ job, uploadId, mapping, onStartOver }: { job: ImportJob; uploadId: string; mapping: CsvColumnMapping[]; onStartOver(): void }) {
  const jobs = useCsvImportJobs(uploadId, mapping);
  return <ImportRunner format="CSV" firstJob={job} {...jobs} onStartOver={onStartOver} />;
}

/** Moves focus to the heading when the step replaces another (the control that led here is gone). */
function useFocusOnMount(enabled: boolean) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (enabled) ref.current?.focus();
  }, [enabled]);
  return ref;
}

function CsvFileStep({ onPreview, focusOnMount }: { onPreview(preview: CsvImportPreview): void; focusOnMount: boolean }) {
  const { t } = useTranslation();
  const heading = useFocusOnMount(focusOnMount);
  const client = useApolloClient();
  const [file, setFile] = useState<UploadState>({ file: null, progress: null });
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setFormError(null);
    setAttempt((n) => n + 1);
    const chosen = file.file;
    if (!chosen) return setError(t('seriesImport.csv.fileRequired'));
    if (!/\.csv$/i.test(chosen.name)) return setError(t('seriesImport.csv.notCsv'));
    setBusy(true);
    setFile({ file: chosen, progress: 0 });
    const uploaded = await uploadFile(chosen, (progress) => setFile({ file: chosen, progress }));
    if (!uploaded.ok) {
      setBusy(false);
      setFile({ file: chosen, progress: null });
      return setError(describeUploadError(t, uploaded.error));
    }
    try {
      const { data } = await client.query({ query: CSV_IMPORT_PREVIEW_QUERY, variables: { uploadId: uploaded.upload.uploadId }, fetchPolicy: 'network-only' });
      setBusy(false);
      if (data) onPreview(data.csvImportPreview);
    } catch (failure) {
      setBusy(false);
      const problem = apiError(failure);
      const fieldError = importFieldErrors(t, problem).uploadId;
      if (fieldError) setError(fieldError);
      else setFormError(t('seriesImport.csv.previewFailed', { reason: describeApiError(t, problem) }));
    }
  };

  return (
    <form className="form-stack import-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="import-csv-heading">
      <h2 id="import-csv-heading" className="ds-heading" data-size="sm" ref={heading} tabIndex={-1}>
        {t('seriesImport.csv.fileHeading')}
      </h2>
      <Paragraph>{t('seriesImport.csv.fileLead')}</Paragraph>
      <FormAlert message={formError} attempt={attempt} />
      <UploadField
        label={t('seriesImport.csv.file')}
        description={t('seriesImport.csv.fileHelp')}
        accept=".csv,text/csv"
        state={file}
        onFile={(chosen) => setFile({ file: chosen, progress: null })}
        error={error}
        disabled={busy}
      />
      <div className="form-actions">
        <Button type="submit" loading={busy}>
          {t('seriesImport.csv.readFile')}
        </Button>
      </div>
    </form>
  );
}

type CsvMappingStepProps = { preview: CsvImportPreview; onStarted(job: ImportJob, mapping: CsvColumnMapping[]): void; onStartOver(): void };

function CsvMappingStep({ preview, onStarted, onStartOver }: CsvMappingStepProps) {
  const { t } = useTranslation();
  const heading = useFocusOnMount(true);
  const [draft, setDraft] = useState<MappingDraft>(() => proposedMapping(preview.columns));
  const [municipalityId, setMunicipalityId] = useState('');
  const [errors, setErrors] = useState<Partial<Record<ImportField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const mapping = useMemo(() => mappingOf(draft), [draft]);
  const { startDryRun } = useCsvImportJobs(preview.uploadId, mapping);
  const fileErrors = preview.problems.filter((problem) => problem.severity === 'ERROR');

  if (fileErrors.length > 0) {
    return (
      <section aria-labelledby="csv-file-problems">
        <h2 id="csv-file-problems" className="ds-heading" data-size="sm" ref={heading} tabIndex={-1}>
          {t('seriesImport.csv.fileProblemsHeading', { file: preview.filename })}
        </h2>
        <Alert data-color="danger" role="alert">
          <Paragraph>{t('seriesImport.csv.fileProblems')}</Paragraph>
          <ul>
            {fileErrors.map((problem, index) => (
              <li key={`${problem.code}:${index}`}>{problem.line ? t('seriesImport.csv.problemAtLine', { line: problem.line, message: problem.message }) : problem.message}</li>
            ))}
          </ul>
        </Alert>
        <div className="form-actions import-start-over">
          <Button type="button" onClick={onStartOver}>
            {t('seriesImport.startOver')}
          </Button>
        </div>
      </section>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    setAttempt((n) => n + 1);
    const missing = missingRequirements(preview.requiredFields, draft);
    const found: Partial<Record<ImportField, string>> = {};
    if (missing.length) found.mapping = t('seriesImport.csv.missingRequired', { fields: missing.map((alternatives) => alternatives.map((name) => t(`seriesImport.csvFields.${name}`)).join(t('seriesImport.csv.or'))).join(', ') });
    if (!municipalityId) found.municipalityId = t('seriesImport.municipality.required');
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    const outcome = await startDryRun(municipalityId);
    setBusy(false);
    if (outcome.ok) return onStarted(outcome.data, mapping);
    const fieldErrors = importFieldErrors(t, outcome.error);
    setErrors(fieldErrors);
    if (Object.keys(fieldErrors).length === 0) setFormError(describeApiError(t, outcome.error));
  };

  const others = preview.problems.filter((problem) => problem.severity !== 'ERROR');
  return (
    <form className="import-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="csv-mapping-heading">
      <h2 id="csv-mapping-heading" className="ds-heading" data-size="sm" ref={heading} tabIndex={-1}>
        {t('seriesImport.csv.mappingHeading', { file: preview.filename })}
      </h2>
      <Paragraph>{t('seriesImport.csv.mappingLead', { count: preview.columns.length, delimiter: t(`seriesImport.csv.delimiter.${delimiterName(preview.delimiter)}`) })}</Paragraph>
      {others.length > 0 && (
        <ul>
          {others.map((problem, index) => (
            <li key={`${problem.code}:${index}`}>{problem.message}</li>
          ))}
        </ul>
      )}
      <FormAlert message={formError} attempt={attempt} />
      <CsvMapping preview={preview} draft={draft} onChange={(next) => { setDraft(next); setErrors((e) => ({ ...e, mapping: undefined })); }} error={errors.mapping} />
      <div className="form-stack">
        <MunicipalityField value={municipalityId} onChange={setMunicipalityId} error={errors.municipalityId} />
      </div>
      <div className="form-actions">
        <Button type="submit" loading={busy}>
          {t('seriesImport.csv.startDryRun')}
        </Button>
        <Button type="button" variant="secondary" onClick={onStartOver}>
          {t('seriesImport.startOver')}
        </Button>
      </div>
    </form>
  );
}

function delimiterName(delimiter: string): 'semicolon' | 'comma' | 'tab' {
  if (delimiter === ',') return 'comma';
  if (delimiter === '\t') return 'tab';
  return 'semicolon';
}
