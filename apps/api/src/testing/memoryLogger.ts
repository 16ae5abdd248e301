import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../logger.ts';

export interface MemoryLogger {
  logger: Logger;
  /** Everything logged so far, as the JSON lines a production log would hold. */
  text(): string;
  /** The lines parsed. */
  lines(): Record<string, unknown>[];
}

/** The production logger (same redaction and serializers) writing to memory, for tests that read the log. */
export function memoryLogger(level = 'trace'): MemoryLogger {
  let text = '';
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return {
    logger: createLogger(level, destination),
    text: () => text,
    lines: () => text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
