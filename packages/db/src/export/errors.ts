/** Why an export or an import was refused; each code has one line in docs/EXPORT.md. */
export type ExportErrorCode =
  | 'EXPORT_FILE_UNREADABLE' // not a Samarkiv export, or a format version this code does not know
  | 'EXPORT_FILE_DAMAGED' // truncated, changed or corrupt (gzip, checksum, counts, GCM tag)
  | 'EXPORT_PASSPHRASE_REQUIRED' // the file is encrypted (or --encrypt was asked) and no passphrase was given
  | 'EXPORT_WRONG_PASSPHRASE' // the passphrase does not open the file
  | 'EXPORT_TARGET_NOT_EMPTY' // the target database holds rows already
  | 'EXPORT_MIGRATION_MISMATCH' // the target is not migrated to the file's latest migration
  | 'EXPORT_SCHEMA_MISMATCH'; // a table or column in the file does not exist in the target (or a table has no primary key)

/**
 * A problem an operator can fix. The CLI prints its message as one line and exits non-zero;
 * an import that throws it has written nothing.
 */
export class ExportError extends Error {
  constructor(
    readonly code: ExportErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ExportError';
  }
}
