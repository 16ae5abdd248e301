import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { Logger } from '../logger.ts';

/**
 * Errors answered outside GraphQL's own pipeline (before Apollo sees the request, or on the
 * upload and export routes). Each code says when it is sent; the body has the GraphQL error
 * shape, `{ errors: [{ message, extensions: { code } }] }`, so one client-side handler reads all.
 */
export const HTTP_ERROR_CODES = {
  /** 413: a /graphql body over 100 KB, or an upload over SAMARKIV_UPLOAD_MAX_BYTES. */
  PAYLOAD_TOO_LARGE: 'Forespørselen er for stor.',
  /** 400: a /graphql body that is not valid JSON. */
  MALFORMED_JSON: 'Forespørselen er ikke gyldig JSON.',
  /** 400: a body that cannot be read as sent (a broken gzip, deflate or brotli stream, a length other than Content-Length). */
  UNREADABLE_BODY: 'Forespørselen kunne ikke leses.',
  /** 415: a body in a type or character set the endpoint does not take. */
  UNSUPPORTED_MEDIA_TYPE: 'Forespørselen har en innholdstype som ikke støttes.',
  /** 400: a GraphQL document over the token limit (graphql/armor.ts), refused before parsing. */
  TOO_MANY_TOKENS: 'Spørringen er for lang.',
  /** 503: a /graphql request not answered within SAMARKIV_GRAPHQL_TIMEOUT_SECONDS. */
  REQUEST_TIMEOUT: 'Forespørselen tok for lang tid. Prøv igjen, eventuelt med et mindre utvalg.',
  /** 401: no valid session on an upload or export. */
  UNAUTHENTICATED: 'Du må logge inn.',
  /** 403: an upload without the x-samarkiv-csrf header (a cross-site form could send it otherwise). */
  CSRF_HEADER_REQUIRED: 'Forespørselen mangler x-samarkiv-csrf-headeren.',
  /** 403: an administrator's reset is pending; only GraphQL's changePassword is open. */
  PASSWORD_CHANGE_REQUIRED: 'Du må bytte passord før du kan fortsette.',
  /** 403: an ADMIN signed in with a password has not set up TOTP yet (graphql/access.ts has the same rule). */
  MFA_SETUP_REQUIRED: 'Du må sette opp tofaktorinnlogging før du kan fortsette.',
  /** 403: the caller's roles do not allow the export. */
  FORBIDDEN: 'Du har ikke tilgang til dette.',
  /** 404: no such route or export. */
  NOT_FOUND: 'Fant ikke det du ba om.',
  /** 400: an export's query parameter that is not valid (`path` names it; the message says why). */
  VALIDATION_FAILED: 'Noen parametere er ikke gyldige.',
  /** 400: an upload that is not one file in a well-formed multipart/form-data body. */
  BAD_UPLOAD: 'Opplastingen må være én fil i et multipart/form-data-skjema.',
  /** 408: an upload that sent nothing for a minute, or was broken off by the client. */
  UPLOAD_INTERRUPTED: 'Opplastingen ble avbrutt.',
  /** 500: anything unexpected; `correlationId` is in the server log too. */
  INTERNAL_SERVER_ERROR: 'Det oppstod en uventet feil. Oppgi feil-id-en hvis du kontakter brukerstøtte.',
} as const;

export type HttpErrorCode = keyof typeof HTTP_ERROR_CODES;

export function sendError(res: Response, status: number, code: HttpErrorCode, extensions: Record<string, unknown> = {}, message: string = HTTP_ERROR_CODES[code]): void {
  // Refused while a body is still arriving (an upload without a session, say): close the
  // connection after the answer rather than read and discard up to gigabytes.
  if (!res.req.complete) res.setHeader('Connection', 'close');
  res.status(status).type('application/json; charset=utf-8').send(JSON.stringify({ errors: [{ message, extensions: { code, ...extensions } }] }));
}

/** Unmatched routes: a coded JSON 404 instead of Express's HTML page. */
export const notFound: RequestHandler = (_req, res) => sendError(res, 404, 'NOT_FOUND');

// body-parser's error types (the `type` property of what it passes to next()).
const BODY_ERRORS: Record<string, [number, HttpErrorCode]> = {
  'entity.too.large': [413, 'PAYLOAD_TOO_LARGE'],
  'entity.parse.failed': [400, 'MALFORMED_JSON'],
  'charset.unsupported': [415, 'UNSUPPORTED_MEDIA_TYPE'],
  'encoding.unsupported': [415, 'UNSUPPORTED_MEDIA_TYPE'],
};

/**
 * A body the parser could not read for a reason of the request's own: body-parser marks those
 * with a 4xx status and no type of the list above (a compressed stream that does not inflate
 * comes back as zlib's error wrapped in a 400, found by the fuzz test in reliability/).
 */
function unreadableBody(error: unknown): boolean {
  const status = (error as { status?: unknown; expose?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 && (error as { expose?: unknown }).expose === true;
}

/**
 * The last middleware: a body the parser refused gets its coded 4xx, anything else a masked
 * 500 whose correlation id the log line carries. Never Express's HTML page with a stack.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    const bodyError = BODY_ERRORS[(error as { type?: string })?.type ?? ''];
    if (res.headersSent) {
      logger.error({ err: error, requestId: res.locals.requestId }, 'error after the response had started');
      res.destroy();
      return;
    }
    if (bodyError) {
      sendError(res, bodyError[0], bodyError[1]);
      return;
    }
    if (unreadableBody(error)) {
      sendError(res, 400, 'UNREADABLE_BODY');
      return;
    }
    const correlationId = randomUUID();
    logger.error({ err: error, correlationId, requestId: res.locals.requestId }, 'unexpected error in an HTTP request');
    sendError(res, 500, 'INTERNAL_SERVER_ERROR', { correlationId });
  };
}
