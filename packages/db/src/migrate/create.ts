import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffMigrationsToSchema } from './engine.ts';
import { LOCKFILE_CONTENT, LOCKFILE_NAME, readMigrations } from './files.ts';

/** Writes prisma/migrations/<stamp>_<name>/migration.sql from the schema diff; null when nothing changed. */
export async function createMigration(schema: string, dir: string, rawName: string, now = new Date()): Promise<string | null> {
  const name = rawName.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
  if (!name) throw new Error('Give the migration a name: pnpm db:migrate:create --name add_something');
  const sql = await diffMigrationsToSchema(schema, dir, readMigrations(dir));
  if (!sql) return null;
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14);
  const folder = join(dir, `${stamp}_${name}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'migration.sql'), `${sql}\n`);
  if (!existsSync(join(dir, LOCKFILE_NAME))) writeFileSync(join(dir, LOCKFILE_NAME), LOCKFILE_CONTENT);
  return folder;
}
