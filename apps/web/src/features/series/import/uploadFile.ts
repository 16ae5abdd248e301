import type { ApiError } from '../../../lib/errors.ts';

/** What POST /uploads answers for a staged file (apps/api/src/http/uploads.ts). */
export type StagedUpload = { uploadId: string; size: number; filename: string; sha256: string };

export type UploadOutcome = { ok: true; upload: StagedUpload } | { ok: false; error: ApiError };

/** The upload route's own codes (apps/api/src/http/httpErrors.ts) that have a catalogue text here. */
export const UPLOAD_ERROR_CODES = ['PAYLOAD_TOO_LARGE', 'BAD_UPLOAD', 'UPLOAD_INTERRUPTED', 'UNSUPPORTED_MEDIA_TYPE', 'CSRF_HEADER_REQUIRED'] as const;
export type UploadErrorCode = (typeof UPLOAD_ERROR_CODES)[number];

function errorOf(status: number, body: unknown): ApiError {
  const first = (body as { errors?: { message?: string; extensions?: { code?: unknown; correlationId?: unknown } }[] } | null)?.errors?.[0];
  const code = first?.extensions?.code;
  const correlationId = typeof first?.extensions?.correlationId === 'string' ? first.extensions.correlationId : undefined;
  if (code === 'UNAUTHENTICATED' || status === 401) return { code: 'UNAUTHENTICATED' };
  if (code === 'INTERNAL_SERVER_ERROR') return { code: 'INTERNAL_SERVER_ERROR', correlationId };
  if (code === 'FORBIDDEN' || code === 'PASSWORD_CHANGE_REQUIRED') return { code, serverCode: code };
  return { code: 'UNKNOWN', serverCode: typeof code === 'string' ? code : undefined, message: first?.message };
}

/**
 * Sends one file to POST /uploads as multipart/form-data. XMLHttpRequest rather than fetch:
 * only it reports upload progress, which a file of several hundred MB needs.
 */
export function uploadFile(file: File, onProgress: (fraction: number) => void): Promise<UploadOutcome> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/uploads');
    request.withCredentials = true;
    // The API refuses an upload without it (a cross-site form cannot set a header).
    request.setRequestHeader('x-samarkiv-csrf', '1');
    request.responseType = 'json';
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    });
    request.addEventListener('load', () => {
      const body: unknown = request.response;
      if (request.status === 201 && body && typeof (body as StagedUpload).uploadId === 'string') {
        onProgress(1);
        resolve({ ok: true, upload: body as StagedUpload });
      } else {
        resolve({ ok: false, error: errorOf(request.status, body) });
      }
    });
    request.addEventListener('error', () => resolve({ ok: false, error: { code: 'NETWORK' } }));
    request.addEventListener('abort', () => resolve({ ok: false, error: { code: 'UNKNOWN', serverCode: 'UPLOAD_INTERRUPTED' } }));
    const body = new FormData();
    body.append('file', file, file.name);
    request.send(body);
  });
}
