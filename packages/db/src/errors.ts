/**
 * A problem an operator can fix (wrong password, directory in use, ...). The CLI and the server
 * print its message as one line and exit non-zero, without a stack trace.
 */
export class DatabaseStartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseStartupError';
  }
}

/** A migration that failed and was rolled back. */
export class MigrationError extends Error {
  constructor(
    readonly migrationName: string,
    readonly databaseMessage: string,
  ) {
    super(`Migration ${migrationName} failed and was rolled back: ${databaseMessage}`);
    this.name = 'MigrationError';
  }
}
