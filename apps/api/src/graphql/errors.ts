import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger.ts';
import { isDatabaseUnavailable } from './databaseUnavailable.ts';

/**
 * Services throw AppError with a code from this list; formatError below is the one place that
 * turns it into a GraphQL error. Each code says when it is thrown.
 */
export const ERROR_CODES = {
  /** No session, or it has expired: sign in. */
  UNAUTHENTICATED: 'Du må logge inn.',
  /** The caller's role or municipalities do not allow this. */
  FORBIDDEN: 'Du har ikke tilgang til dette.',
  /** Sign-in failed; the same for an unknown user, a wrong password and a deactivated account. */
  INVALID_CREDENTIALS: 'Feil brukernavn eller passord.',
  /** Too many failed sign-ins for the account or the address; `retryAfterSeconds` says when to try again. */
  TOO_MANY_ATTEMPTS: 'For mange mislykkede innlogginger. Prøv igjen senere.',
  /** An administrator reset the password: the user must choose a new one before anything else. */
  PASSWORD_CHANGE_REQUIRED: 'Du må bytte passord før du kan fortsette.',
  /** Sign-in: the password was right and the account has a second factor; ask for its code (`path` input.code). */
  MFA_CODE_REQUIRED: 'Skriv inn koden fra autentiseringsappen.',
  /** Sign-in or TOTP setup: the code is wrong, expired or already used. */
  INVALID_MFA_CODE: 'Koden stemmer ikke. Prøv en ny kode fra appen.',
  /** An ADMIN signed in with a password must set up a second factor before anything else. */
  MFA_SETUP_REQUIRED: 'Du må sette opp tofaktorinnlogging før du kan fortsette.',
  /** TOTP setup asked for while a confirmed factor exists (an ADMIN must reset it first). */
  MFA_ALREADY_ENABLED: 'Tofaktorinnlogging er allerede satt opp.',
  /** An ADMIN tried to reset their own second factor: another ADMIN must do it. */
  MFA_SELF_RESET: 'En annen administrator må tilbakestille din tofaktorinnlogging.',
  /** The object asked for does not exist (or is soft-deleted). */
  NOT_FOUND: 'Fant ikke det du ba om.',
  /** Input failed a validation rule; `path` names the field. */
  VALIDATION_FAILED: 'Noen felt er ikke gyldige.',
  /** The object changed since the version the update was based on; `current` holds its values. */
  VERSION_CONFLICT: 'Noen andre har endret dette i mellomtiden.',
  /** The change would leave no active administrator. */
  LAST_ADMIN: 'Den siste aktive administratoren kan ikke fjernes eller miste administratorrollen.',
  /** A user with that username or e-mail exists already. */
  USERNAME_TAKEN: 'Brukernavnet eller e-postadressen er allerede i bruk.',
  /** Delete refused: other objects depend on this one (`dependents` says what, e.g. risks of an area). */
  IN_USE: 'Dette kan ikke slettes fordi andre oppføringer er knyttet til det.',
  /** Restore of an object that is not deleted. */
  NOT_DELETED: 'Dette er ikke slettet.',
  /** Another live object already has this unique value (`path` names the field). */
  ALREADY_EXISTS: 'Det finnes allerede en oppføring med denne verdien.',
  /** Archive series: the chosen predecessor (successor) already has another successor (predecessor); `path` names the field. */
  CHAIN_CONFLICT: 'Arkivdelen er allerede knyttet til en annen forløper eller arvtaker.',
  /** Risk consequence per dimension: an overall consequence other than the highest needs a reason (`path` input.consequenceReason). */
  REASON_REQUIRED: 'Skriv en begrunnelse når samlet konsekvens avviker fra den høyeste konsekvensen per dimensjon.',
  /** Accepting a risk's residual level when it has no residual assessment. */
  NO_RESIDUAL: 'Risikoen har ingen vurdering av restrisiko som kan aksepteres.',
  /** A page size above the cap (100) or below 1. */
  BAD_PAGE_SIZE: 'Du kan be om mellom 1 og 100 rader om gangen.',
  /** A cursor that this server did not hand out. */
  BAD_CURSOR: 'Ugyldig sidepeker.',
  /** The database cannot be reached (stopped, restarting, network): nothing was changed; try again. HTTP 503 when it fails before any resolver runs. */
  SERVICE_UNAVAILABLE: 'Databasen er ikke tilgjengelig akkurat nå. Prøv igjen om litt.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export function validationError(path: (string | number)[], message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, { path });
}

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

/** For a failure before any resolver ran (the session lookup): the whole answer is 503, as /healthz says. */
export function serviceUnavailable(): GraphQLError {
  return new GraphQLError(ERROR_CODES.SERVICE_UNAVAILABLE, { extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } } });
}

/**
 * Known errors keep their code and message; anything else is masked as INTERNAL_SERVER_ERROR
 * with a correlation id that the server log carries too, so no stack or SQL reaches a client.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // Apollo hands over the GraphQLError that wraps what a resolver threw; checked by shape, since
    // graphql's dual ESM/CommonJS build can make instanceof GraphQLError false.
    const original = (error as { originalError?: unknown } | null)?.originalError ?? error;
    if (original instanceof AppError) {
      return { message: original.message, path: formatted.path, extensions: { code: original.code, ...original.details } };
    }
    if (isDatabaseUnavailable(original)) {
      // Not a bug to investigate but an outage /healthz reports too: a warning, and a code the client can retry on.
      logger.warn({ err: original }, 'database unavailable during a GraphQL operation');
      return { message: ERROR_CODES.SERVICE_UNAVAILABLE, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE' } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
      // Parse and validation errors of the request itself: safe to show, without stack traces.
      // A field path (storableText.ts) is kept, so the client can put the message by its field.
      const fieldPath = Array.isArray(formatted.extensions?.path) ? { path: formatted.extensions.path } : {};
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code, ...fieldPath } };
    }
    const correlationId = randomUUID();
    logger.error({ err: original, correlationId }, 'unexpected error in a GraphQL operation');
    return { message: 'Det oppstod en uventet feil. Oppgi feil-id-en hvis du kontakter brukerstøtte.', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId } };
  };
}
