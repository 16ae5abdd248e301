import type { TFunction } from 'i18next';
import { describeApiError, fieldErrorsOf, type ApiError } from '../../../lib/errors.ts';
import { UPLOAD_ERROR_CODES, type UploadErrorCode } from './uploadFile.ts';

/** The arguments of the import operations a field on screen stands for. */
export type ImportField = 'uploadId' | 'uttrekkUploadId' | 'municipalityId' | 'mapping';
const FIELDS: readonly ImportField[] = ['uploadId', 'uttrekkUploadId', 'municipalityId', 'mapping'];

/**
 * Errors of an import operation at the fields they concern: the API names the argument in
 * `path` for a validation error and for NOT_FOUND (an expired upload, an unknown municipality).
 */
export function importFieldErrors(t: TFunction, error: ApiError): Partial<Record<ImportField, string>> {
  const found = fieldErrorsOf(t, error, FIELDS);
  if (error.code === 'NOT_FOUND' && error.path) {
    const name = error.path.filter((part): part is string => typeof part === 'string').at(-1);
    if (name === 'uploadId' || name === 'uttrekkUploadId') found[name] = t('seriesImport.errors.uploadNotFound');
    if (name === 'municipalityId') found.municipalityId = t('seriesImport.errors.municipalityNotFound');
  }
  return found;
}

const isUploadCode = (code: string | undefined): code is UploadErrorCode => (UPLOAD_ERROR_CODES as readonly string[]).includes(code ?? '');

/** A sentence about a failed upload: the upload route's own codes first, then the app's. */
export function describeUploadError(t: TFunction, error: ApiError): string {
  if (isUploadCode(error.serverCode)) return t(`seriesImport.upload.errors.${error.serverCode}`);
  return describeApiError(t, error);
}
