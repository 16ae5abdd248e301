import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form/FormAlert.tsx';
import { describeApiError } from '../../../lib/errors.ts';
import { describeUploadError, importFieldErrors, type ImportField } from './importErrors.ts';
import type { ImportJob } from './importJob.ts';
import { useNoarkImportJobs, useStartNoarkDryRun } from './importMutations.ts';
import { ImportRunner } from './ImportRunner.tsx';
import { MunicipalityField } from './MunicipalityField.tsx';
import { UploadField, type UploadState } from './UploadField.tsx';
import { uploadFile, type StagedUpload } from './uploadFile.ts';

type Uploaded = { file: File; upload: StagedUpload };
type Started = { job: ImportJob; uploadId: string; uttrekkUploadId: string | null };

const NO_UPLOAD: UploadState = { file: null, progress: null };

/** Noark 5: the files and the municipality, then the dry run and the rest in ImportRunner. */
export function NoarkImportFlow() {
  const [started, setStarted] = useState<Started | null>(null);
  const [round, setRound] = useState(0);
  if (!started) return <NoarkFilesStep key={round} focusOnMount={round > 0} onStarted={setStarted} />;
  return <NoarkRun started={started} onStartOver={() => { setStarted(null); setRound((n) => n + 1); }} />;
}

function NoarkRun({ started, onStartOver }: { started: Started; onStartOver(): void }) {
  const jobs = useNoarkImportJobs({ uploadId: started.uploadId, uttrekkUploadId: started.uttrekkUploadId });
  return <ImportRunner format="NOARK5" firstJob={started.job} {...jobs} onStartOver={onStartOver} />;
}

function NoarkFilesStep({ onStarted, focusOnMount }: { onStarted(started: Started): void; focusOnMount: boolean }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // After "start over" the control that led here is gone: start at the step's heading.
  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, [focusOnMount]);
  const [structure, setStructure] = useState<UploadState>(NO_UPLOAD);
  const [uttrekk, setUttrekk] = useState<UploadState>(NO_UPLOAD);
  const [municipalityId, setMunicipalityId] = useState('');
  // Files already staged are not sent again when only the municipality changes on a retry.
  const [staged, setStaged] = useState<{ structure?: Uploaded; uttrekk?: Uploaded }>({});
  const [errors, setErrors] = useState<Partial<Record<ImportField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const startDryRun = useStartNoarkDryRun();

  const send = async (state: UploadState, previous: Uploaded | undefined, set: (s: UploadState) => void, field: ImportField): Promise<Uploaded | null | undefined> => {
    if (!state.file) return undefined;
    if (previous?.file === state.file) return previous;
    set({ ...state, progress: 0 });
    const outcome = await uploadFile(state.file, (progress) => set({ file: state.file, progress }));
    if (outcome.ok) return { file: state.file, upload: outcome.upload };
    set({ ...state, progress: null });
    setErrors((current) => ({ ...current, [field]: describeUploadError(t, outcome.error) }));
    return null;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    if (!structure.file) {
      setErrors({ uploadId: t('seriesImport.noark.structureRequired') });
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    const structureUpload = await send(structure, staged.structure, setStructure, 'uploadId');
    const uttrekkUpload = structureUpload ? await send(uttrekk, staged.uttrekk, setUttrekk, 'uttrekkUploadId') : undefined;
    if (!structureUpload || uttrekkUpload === null) {
      setBusy(false);
      setAttempt((n) => n + 1);
      return;
    }
    setStaged({ structure: structureUpload, uttrekk: uttrekkUpload });
    const uploadId = structureUpload.upload.uploadId;
    const uttrekkUploadId = uttrekkUpload?.upload.uploadId ?? null;
    const outcome = await startDryRun({ uploadId, uttrekkUploadId }, municipalityId || null);
    setBusy(false);
    if (outcome.ok) {
      onStarted({ job: outcome.data, uploadId, uttrekkUploadId });
      return;
    }
    const fieldErrors = importFieldErrors(t, outcome.error);
    setErrors(fieldErrors);
    if (Object.keys(fieldErrors).length === 0) setFormError(describeApiError(t, outcome.error));
    // A file the server no longer has must be sent again.
    if (fieldErrors.uploadId || fieldErrors.uttrekkUploadId) setStaged({});
    setAttempt((n) => n + 1);
  };

  return (
    <form className="form-stack import-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="import-files-heading">
      <h2 id="import-files-heading" className="ds-heading" data-size="sm" ref={heading} tabIndex={-1}>
        {t('seriesImport.noark.filesHeading')}
      </h2>
      <Paragraph>{t('seriesImport.noark.filesLead')}</Paragraph>
      <FormAlert message={formError} attempt={attempt} />
      <UploadField
        label={t('seriesImport.noark.structure')}
        description={t('seriesImport.noark.structureHelp')}
        accept=".xml,application/xml,text/xml"
        state={structure}
        onFile={(file) => setStructure({ file, progress: null })}
        error={errors.uploadId}
        disabled={busy}
      />
      <UploadField
        label={t('seriesImport.noark.uttrekk')}
        description={t('seriesImport.noark.uttrekkHelp')}
        accept=".xml,application/xml,text/xml"
        state={uttrekk}
        onFile={(file) => setUttrekk({ file, progress: null })}
        error={errors.uttrekkUploadId}
        disabled={busy}
      />
      <MunicipalityField
        value={municipalityId}
        onChange={setMunicipalityId}
        proposeLabel={t('seriesImport.municipality.propose')}
        description={t('seriesImport.noark.municipalityHelp')}
        error={errors.municipalityId}
      />
      <div className="form-actions">
        <Button type="submit" loading={busy}>
          {t('seriesImport.noark.startDryRun')}
        </Button>
      </div>
    </form>
  );
}
