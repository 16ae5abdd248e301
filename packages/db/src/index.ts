export * from './generated/prisma/client.ts';
export { REPO_ROOT, MIGRATIONS_DIR, SCHEMA_PATH, dbConfigFromEnv, describeConfig, type DbConfig } from './config.ts';
export { openDatabase, type Database } from './connection.ts';
export { DatabaseStartupError, MigrationError } from './errors.ts';
export type { Sql, SqlSession } from './sql.ts';
export { readMigrations, deployMigrations, migrationStatus, type MigrationStatus } from './migrate/index.ts';
export { prepareDatabase } from './prepare.ts';
export { DEMO_PASSWORDS, DEMO_USERS } from './seed/users.ts';
export { exportDatabase, importDatabase, readExportHeader, ExportError, type ExportErrorCode, type ExportOptions, type ImportOptions } from './export/index.ts';
