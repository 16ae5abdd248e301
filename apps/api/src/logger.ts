import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';

export type { Logger };

// Field names that may carry a credential wherever they appear one or two levels down (the
// GraphQL `input` of signIn/changePassword/createUser, a headers object).
const SECRET_FIELDS = ['password', 'passwordHash', 'currentPassword', 'newPassword', 'temporaryPassword', 'token', 'cookie', 'authorization'];
const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  ...SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
  '*.headers["set-cookie"]',
];

// A library's error message can quote what it was given (Prisma prints the arguments of a call
// it rejects), and redaction by path cannot see inside a string.
const SECRET_TEXT = [/\$argon2(?:id|i|d)\$[\w$=,+/.-]*/g, /samarkiv_session=[^;\s"'`,]*/g];

export function scrubSecrets(text: string): string {
  return SECRET_TEXT.reduce((out, pattern) => out.replace(pattern, '[redacted]'), text);
}

function serializeError(err: Error) {
  const out = stdSerializers.err(err) as ReturnType<typeof stdSerializers.err> & Record<string, unknown>;
  if (typeof out.message === 'string') out.message = scrubSecrets(out.message);
  if (typeof out.stack === 'string') out.stack = scrubSecrets(out.stack);
  return out;
}

/**
 * Structured JSON lines; credentials never reach a log line (see the redact paths and the error
 * serializer). `destination` lets a test read what would have been written.
 */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info', destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'samarkiv-api' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: { err: serializeError },
    },
    destination,
  );
}
