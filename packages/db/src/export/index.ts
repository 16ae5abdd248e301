export { exportDatabase, type ExportOptions, type ExportSummary } from './write.ts';
export { importDatabase, readExportHeader, type ImportOptions, type ImportSummary } from './load.ts';
export { ExportError, type ExportErrorCode } from './errors.ts';
export { FORMAT_NAME, FORMAT_VERSION, type HeaderLine } from './format.ts';
export { DERIVED_TABLES, SECRET_COLUMNS, SECRET_TABLES, TRANSIENT_TABLES } from './policy.ts';
