import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form/FormAlert.tsx';
import { describeApiError, type ApiError } from '../../../lib/errors.ts';
import { importFieldErrors } from './importErrors.ts';
import type { ImportJob } from './importJob.ts';
import type { StartJob } from './importMutations.ts';
import { ImportReport } from './ImportReport.tsx';
import { ImportResult } from './ImportResult.tsx';
import { JobProgress } from './JobProgress.tsx';
import { MunicipalityField, useImportMunicipalities } from './MunicipalityField.tsx';
import { useCan } from '../../../lib/auth/useCan.ts';

type Stage = { name: 'dryRunning' | 'report' | 'importing' | 'result'; job: ImportJob };

type ImportRunnerProps = {
  format: 'NOARK5' | 'CSV';
  /** The dry run as its mutation returned it. */
  firstJob: ImportJob;
  startDryRun: StartJob;
  startImport: StartJob;
  onStartOver(): void;
};

/** A started dry run to its end: progress, the report, the confirmation, the import and its result. */
export function ImportRunner({ format, firstJob, startDryRun, startImport, onStartOver }: ImportRunnerProps) {
  const { t } = useTranslation();
  const [stage, setStage] = useState<Stage>({ name: 'dryRunning', job: firstJob });
  const heading = useRef<HTMLHeadingElement>(null);
  // Each step starts at its heading (the button that led there is gone), so keyboard and
  // screen reader users hear where the import stands.
  useEffect(() => {
    heading.current?.focus();
  }, [stage.name]);

  const onEnded = useCallback((job: ImportJob) => setStage({ name: job.dryRun ? 'report' : 'result', job }), []);
  const title = t(`seriesImport.stage.${stage.name}`);

  return (
    <section className="import-stage" aria-labelledby="import-stage-heading" data-import-stage={stage.name}>
      <Heading level={2} data-size="sm" id="import-stage-heading" ref={heading} tabIndex={-1}>
        {title}
      </Heading>
      {stage.name === 'dryRunning' || stage.name === 'importing' ? (
        <JobProgress key={stage.job.id} job={stage.job} onEnded={onEnded} onStartOver={onStartOver} />
      ) : stage.name === 'report' ? (
        <ReportStage
          format={format}
          job={stage.job}
          startDryRun={startDryRun}
          startImport={startImport}
          onStarted={(job) => setStage({ name: job.dryRun ? 'dryRunning' : 'importing', job })}
        />
      ) : stage.job.report ? (
        <ImportResult report={stage.job.report} />
      ) : (
        <Alert data-color="danger" role="alert">
          <Paragraph>{t('seriesImport.result.noReport')}</Paragraph>
        </Alert>
      )}
      {stage.name !== 'dryRunning' && stage.name !== 'importing' && (
        <div className="form-actions import-start-over">
          <Button type="button" variant={stage.name === 'result' ? 'primary' : 'secondary'} onClick={onStartOver}>
            {stage.name === 'result' ? t('seriesImport.importAnother') : t('seriesImport.startOver')}
          </Button>
        </div>
      )}
    </section>
  );
}

type ReportStageProps = {
  format: 'NOARK5' | 'CSV';
  job: ImportJob;
  startDryRun: StartJob;
  startImport: StartJob;
  onStarted(job: ImportJob): void;
};

function ReportStage({ format, job, startDryRun, startImport, onStarted }: ReportStageProps) {
  const { t } = useTranslation();
  const report = job.report;
  const compared = report?.municipality?.id ?? '';
  const { isAdmin } = useCan();
  const { choices } = useImportMunicipalities();
  // A proposal can name a municipality the archivist may not import into: then they choose.
  const comparedIsOurs = isAdmin || choices.some((choice) => choice.id === compared);
  const [target, setTarget] = useState(comparedIsOurs ? compared : '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  if (!report) {
    return (
      <Alert data-color="danger" role="alert">
        <Paragraph>{t('seriesImport.result.noReport')}</Paragraph>
      </Alert>
    );
  }

  const start = async (run: StartJob) => {
    setBusy(true);
    const outcome = await run(target || null);
    setBusy(false);
    if (outcome.ok) onStarted(outcome.data);
    else {
      setError(outcome.error);
      setAttempt((n) => n + 1);
    }
  };
  const fieldErrors = error ? importFieldErrors(t, error) : {};
  const formError = error && !fieldErrors.municipalityId ? describeApiError(t, error) : null;
  const changedTarget = target !== compared;
  const proposed = report.proposedMunicipality;

  return (
    <>
      {report.failure && job.status === 'FAILED' && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{t('seriesImport.report.dryRunFailed', { reason: report.failure.message })}</Paragraph>
        </Alert>
      )}
      <ImportReport report={report} format={format} />
      <section className="import-confirm" aria-labelledby="import-confirm-heading">
        <Heading level={3} data-size="xs" id="import-confirm-heading">
          {t('seriesImport.confirm.heading')}
        </Heading>
        {proposed && format === 'NOARK5' && (
          <Paragraph data-testid="import-proposal">
            {t('seriesImport.confirm.proposal', { municipality: proposed.name, reason: report.proposalReason ?? '' })}
          </Paragraph>
        )}
        {!proposed && format === 'NOARK5' && !compared && <Paragraph>{t('seriesImport.confirm.noProposal')}</Paragraph>}
        {compared && !comparedIsOurs && <Paragraph>{t('seriesImport.confirm.notYours', { municipality: report.municipality?.name ?? '' })}</Paragraph>}
        <MunicipalityField value={target} onChange={(id) => { setTarget(id); setError(null); }} error={fieldErrors.municipalityId} />
        <FormAlert message={formError} attempt={attempt} />
        {report.errorCount > 0 ? (
          <Alert data-color="warning">
            <Paragraph>{t('seriesImport.confirm.hasErrors', { count: report.errorCount })}</Paragraph>
          </Alert>
        ) : changedTarget || !report.canImport ? (
          <>
            <Paragraph>{target ? t('seriesImport.confirm.rerunNeeded') : t('seriesImport.confirm.chooseMunicipality')}</Paragraph>
            <Button type="button" loading={busy} disabled={!target} onClick={() => void start(startDryRun)}>
              {t('seriesImport.confirm.rerun')}
            </Button>
          </>
        ) : (
          <>
            <Paragraph>{t('seriesImport.confirm.text', { municipality: report.municipality?.name ?? '' })}</Paragraph>
            <Button type="button" loading={busy} onClick={() => void start(startImport)}>
              {t('seriesImport.confirm.run', { municipality: report.municipality?.name ?? '' })}
            </Button>
          </>
        )}
      </section>
    </>
  );
}
