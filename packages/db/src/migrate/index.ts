export { readMigrations, type MigrationFile } from './files.ts';
export { deployMigrations, migrationStatus, type MigrationStatus } from './deploy.ts';
export { diffMigrationsToSchema } from './engine.ts';
export { createMigration } from './create.ts';
