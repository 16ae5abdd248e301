import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { apiError, describeApiError } from '../../../lib/errors.ts';
import { formatBytes } from './bytes.ts';
import { useImportJob, type ImportJob } from './importJob.ts';

type JobProgressProps = {
  /** The job as the mutation that started it returned it. */
  job: ImportJob;
  onEnded(job: ImportJob): void;
  onStartOver(): void;
};

/** A running dry run or import: a real progress bar with the bytes read, until the job ends. */
export function JobProgress({ job: started, onEnded, onStartOver }: JobProgressProps) {
  const { t } = useTranslation();
  const labelId = useId();
  const { job, ended, lost, error, retry } = useImportJob(started);
  useEffect(() => {
    if (ended) onEnded(job);
  }, [ended, job, onEnded]);

  if (lost) {
    return (
      <Alert data-color="danger" role="alert">
        <Paragraph>{t('seriesImport.progress.lost')}</Paragraph>
        <Button type="button" variant="secondary" data-size="sm" onClick={onStartOver}>
          {t('seriesImport.startOver')}
        </Button>
      </Alert>
    );
  }
  const percent = Math.round(job.progress * 100);
  const what = job.dryRun ? t('seriesImport.progress.dryRun') : t('seriesImport.progress.import');
  return (
    <div className="import-progress">
      <Paragraph id={labelId}>{what}</Paragraph>
      <progress aria-labelledby={labelId} max={100} value={percent}>
        {percent} %
      </progress>
      <Paragraph role="status">
        {job.status === 'QUEUED'
          ? t('seriesImport.progress.queued')
          : t('seriesImport.progress.read', { percent, read: formatBytes(job.bytesRead), total: formatBytes(job.bytesTotal) })}
      </Paragraph>
      {error && (
        <Alert data-color="warning">
          <Paragraph>{t('seriesImport.progress.pollFailed', { reason: describeApiError(t, apiError(error)) })}</Paragraph>
          <Button type="button" variant="secondary" data-size="sm" onClick={retry}>
            {t('common.retry')}
          </Button>
        </Alert>
      )}
    </div>
  );
}
