import { Input, Label, ValidationMessage, FieldDescription } from '@digdir/designsystemet-react';
import { useId, type Ref } from 'react';
import { useTranslation } from 'react-i18next';

export type UploadState = { file: File | null; progress: number | null };

type UploadFieldProps = {
  label: string;
  description?: string;
  accept: string;
  state: UploadState;
  onFile(file: File | null): void;
  error?: string;
  disabled?: boolean;
  ref?: Ref<HTMLInputElement>;
};

/** A file input with its upload's progress bar under it once sending starts. */
export function UploadField({ label, description, accept, state, onFile, error, disabled, ref }: UploadFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const describedBy = [error ? `${id}-error` : null, description ? `${id}-description` : null].filter(Boolean).join(' ') || undefined;
  const percent = state.progress === null ? null : Math.round(state.progress * 100);
  return (
    <div className="ds-field import-upload">
      <Label htmlFor={id}>{label}</Label>
      {description && <FieldDescription id={`${id}-description`}>{description}</FieldDescription>}
      <Input
        ref={ref}
        id={id}
        type="file"
        accept={accept}
        disabled={disabled}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onFile(event.target.files?.[0] ?? null)}
      />
      {percent !== null && state.file && (
        <div className="import-upload__progress">
          <progress id={`${id}-progress`} max={100} value={percent} aria-label={t('seriesImport.upload.progressLabel', { file: state.file.name })}>
            {percent} %
          </progress>
          <span>{percent === 100 ? t('seriesImport.upload.done', { file: state.file.name }) : t('seriesImport.upload.sending', { percent })}</span>
        </div>
      )}
      {error && <ValidationMessage id={`${id}-error`}>{error}</ValidationMessage>}
    </div>
  );
}
