import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger.ts';

/**
 * Services throw AppError with a code from this list; formatError below is the one place that
 * turns it into a GraphQL error. Each code says when it is thrown.
 */
export const ERROR_CODES = {
  /** The object asked for does not exist (or is soft-deleted). */
  NOT_FOUND: 'Fant ikke det du ba om.',
  /** Input failed a validation rule; `path` names the field. */
  VALIDATION_FAILED: 'Noen felt er ikke gyldige.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_CODES[code],
    readonly details: { path?: (string | number)[]; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/**
 * Known errors keep their code and message; anything else is masked as INTERNAL_SERVER_ERROR
 * with a correlation id that the server log carries too, so no stack or SQL reaches a client.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? error.originalError : error;
    if (original instanceof AppError) {
      return { message: original.message, path: formatted.path, extensions: { code: original.code, ...original.details } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
      // Parse and validation errors of the request itself: safe to show, without stack traces.
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
    }
    const correlationId = randomUUID();
    logger.error({ err: original, correlationId }, 'unexpected error in a GraphQL operation');
    return { message: 'Det oppstod en uventet feil. Oppgi feil-id-en hvis du kontakter brukerstøtte.', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId } };
  };
}
