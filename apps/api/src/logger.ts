import { pino, type Logger } from 'pino';

export type { Logger };

// Structured JSON lines; credentials never reach a log line (see the redact paths).
export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    level,
    base: { service: 'samarkiv-api' },
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', '*.password', '*.passwordHash'], censor: '[redacted]' },
  });
}
