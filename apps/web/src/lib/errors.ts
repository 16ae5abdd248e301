import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { TFunction } from 'i18next';

/** The codes the API puts in `extensions.code` (apps/api/src/graphql/errors.ts and the auth rules). */
export const API_ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'INVALID_CREDENTIALS',
  'TOO_MANY_ATTEMPTS',
  'PASSWORD_CHANGE_REQUIRED',
  'VALIDATION_FAILED',
  'VERSION_CONFLICT',
  'LAST_ADMIN',
  'USERNAME_TAKEN',
  'NOT_FOUND',
  'BAD_PAGE_SIZE',
  'BAD_CURSOR',
  'ALREADY_EXISTS',
  'IN_USE',
  'NOT_DELETED',
  'CHAIN_CONFLICT',
  'REASON_REQUIRED',
  'NO_RESIDUAL',
  'MFA_CODE_REQUIRED',
  'INVALID_MFA_CODE',
  'MFA_SETUP_REQUIRED',
  'MFA_ALREADY_ENABLED',
  'MFA_SELF_RESET',
  'INTERNAL_SERVER_ERROR',
  'SERVICE_UNAVAILABLE',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** What the UI needs from a failed operation; the raw message is kept only for VALIDATION_FAILED. */
export type ApiError = {
  /** NETWORK when no GraphQL answer came back; UNKNOWN for a code this client does not know. */
  code: ApiErrorCode | 'NETWORK' | 'UNKNOWN';
  /** The server's Norwegian text, shown only for validation errors (it names the rule broken). */
  message?: string;
  /** For VALIDATION_FAILED (and USERNAME_TAKEN): the input field, e.g. ["input", "newPassword"]. */
  path?: readonly (string | number)[];
  /** For VALIDATION_FAILED: every failing field with its message, so a form can mark them all. */
  issues?: { path: readonly (string | number)[]; message: string }[];
  retryAfterSeconds?: number;
  correlationId?: string;
  /** `extensions.code` as sent, also when this client does not list it (e.g. REASON_REQUIRED). */
  serverCode?: string;
  /** For VERSION_CONFLICT: the object as it is stored now, so a form can offer both versions. */
  current?: Record<string, unknown>;
};

function isApiErrorCode(value: unknown): value is ApiErrorCode {
  return API_ERROR_CODES.includes(value as ApiErrorCode);
}

function isIssue(value: unknown): value is { path: (string | number)[]; message: string } {
  const issue = value as { path?: unknown; message?: unknown } | null;
  return Array.isArray(issue?.path) && typeof issue?.message === 'string';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Every GraphQL error of a failed operation, in order, reduced to what the UI uses. */
export function apiErrors(error: unknown): ApiError[] {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.map((graphQLError) => {
      const extensions = graphQLError.extensions ?? {};
      const code = extensions.code;
      const path = extensions.path;
      const issues = Array.isArray(extensions.issues) ? extensions.issues.filter(isIssue) : undefined;
      return {
        code: isApiErrorCode(code) ? code : 'UNKNOWN',
        message: graphQLError.message,
        path: Array.isArray(path) ? (path as (string | number)[]) : undefined,
        issues,
        retryAfterSeconds: typeof extensions.retryAfterSeconds === 'number' ? extensions.retryAfterSeconds : undefined,
        correlationId: typeof extensions.correlationId === 'string' ? extensions.correlationId : undefined,
        serverCode: typeof code === 'string' ? code : undefined,
        current: isRecord(extensions.current) ? extensions.current : undefined,
      };
    });
  }
  if (ServerError.is(error) && error.statusCode === 401) return [{ code: 'UNAUTHENTICATED' }];
  // The API answers 503 while its database is unreachable (apps/api/src/graphql/databaseUnavailable.ts).
  if (ServerError.is(error) && error.statusCode === 503) return [{ code: 'SERVICE_UNAVAILABLE' }];
  return [{ code: 'NETWORK' }];
}

/** The first error of a failed operation (most operations fail for one reason). */
export function apiError(error: unknown): ApiError {
  return apiErrors(error)[0] ?? { code: 'UNKNOWN' };
}

export function hasErrorCode(error: unknown, code: ApiErrorCode): boolean {
  return apiErrors(error).some((item) => item.code === code);
}

/** Whole minutes to wait, never 0 (an "0 minutes" wait reads as a bug). */
export function minutesToWait(seconds: number | undefined): number {
  return Math.max(1, Math.ceil((seconds ?? 60) / 60));
}

/**
 * A sentence for the user about a failed operation. Every code has its own catalogue text in
 * both languages; a validation error without a field to attach it to shows the server's text.
 */
export function describeApiError(t: TFunction, error: ApiError): string {
  switch (error.code) {
    case 'UNAUTHENTICATED':
      return t('errors.UNAUTHENTICATED');
    case 'FORBIDDEN':
      return t('errors.FORBIDDEN');
    case 'INVALID_CREDENTIALS':
      return t('errors.INVALID_CREDENTIALS');
    case 'TOO_MANY_ATTEMPTS':
      return t('errors.TOO_MANY_ATTEMPTS', { count: minutesToWait(error.retryAfterSeconds) });
    case 'PASSWORD_CHANGE_REQUIRED':
      return t('errors.PASSWORD_CHANGE_REQUIRED');
    case 'VALIDATION_FAILED':
      return error.message || t('errors.VALIDATION_FAILED');
    case 'VERSION_CONFLICT':
      return t('errors.VERSION_CONFLICT');
    case 'LAST_ADMIN':
      return t('errors.LAST_ADMIN');
    case 'USERNAME_TAKEN':
      return t('errors.USERNAME_TAKEN');
    case 'NOT_FOUND':
      return t('errors.NOT_FOUND');
    case 'BAD_PAGE_SIZE':
      return t('errors.BAD_PAGE_SIZE');
    case 'BAD_CURSOR':
      return t('errors.BAD_CURSOR');
    case 'ALREADY_EXISTS':
      return t('errors.ALREADY_EXISTS');
    case 'IN_USE':
      return t('errors.IN_USE');
    case 'NOT_DELETED':
      return t('errors.NOT_DELETED');
    case 'CHAIN_CONFLICT':
      return t('errors.CHAIN_CONFLICT');
    case 'REASON_REQUIRED':
      return t('errors.REASON_REQUIRED');
    case 'NO_RESIDUAL':
      return t('errors.NO_RESIDUAL');
    case 'MFA_CODE_REQUIRED':
    case 'INVALID_MFA_CODE':
    case 'MFA_SETUP_REQUIRED':
    case 'MFA_ALREADY_ENABLED':
    case 'MFA_SELF_RESET':
      return t(`mfa.errors.${error.code}`);
    case 'INTERNAL_SERVER_ERROR':
      return error.correlationId
        ? t('errors.INTERNAL_SERVER_ERROR_withId', { id: error.correlationId })
        : t('errors.INTERNAL_SERVER_ERROR');
    case 'SERVICE_UNAVAILABLE':
      return t('errors.SERVICE_UNAVAILABLE');
    case 'NETWORK':
      return t('errors.NETWORK');
    case 'UNKNOWN':
      return t('errors.UNKNOWN');
  }
}

function fieldName(path: readonly (string | number)[]): string | undefined {
  return path.filter((part): part is string => typeof part === 'string' && part !== 'input').at(-1);
}

/** The input field a VALIDATION_FAILED error points at: the last name in its path. */
export function fieldOf(error: ApiError): string | undefined {
  if (error.code !== 'VALIDATION_FAILED' || !error.path) return undefined;
  return fieldName(error.path);
}

/**
 * Messages for the form's own fields: every issue of a VALIDATION_FAILED (the server's
 * Norwegian text), or a USERNAME_TAKEN at the field it names (username or e-mail). Empty when
 * the error belongs to no field of `fields`; the form then shows it as a whole.
 */
export function fieldErrorsOf<F extends string>(t: TFunction, error: ApiError, fields: readonly F[]): Partial<Record<F, string>> {
  const found: Partial<Record<F, string>> = {};
  const isField = (name: string | undefined): name is F => name !== undefined && (fields as readonly string[]).includes(name);
  if (error.code === 'USERNAME_TAKEN') {
    const name = error.path ? fieldName(error.path) : 'username';
    if (isField(name)) found[name] = name === 'email' ? t('errors.EMAIL_TAKEN') : t('errors.USERNAME_TAKEN');
    return found;
  }
  if (error.code !== 'VALIDATION_FAILED') return found;
  const issues = error.issues?.length ? error.issues : error.path ? [{ path: error.path, message: error.message ?? '' }] : [];
  for (const issue of issues) {
    const name = fieldName(issue.path);
    if (isField(name) && !found[name]) found[name] = issue.message || t('errors.VALIDATION_FAILED');
  }
  return found;
}
