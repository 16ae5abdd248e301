import { MIGRATIONS_DIR } from './config.ts';
import type { Database } from './connection.ts';
import { deployMigrations } from './migrate/deploy.ts';
import { readMigrations } from './migrate/files.ts';

export interface PrepareResult {
  applied: string[];
  seed: 'seeded' | 'already-seeded' | 'skipped';
}

/**
 * What a starting server does before it listens: apply pending migrations, then seed the demo
 * data into an empty database. Both steps are transactional, so a process killed half-way leaves
 * a database that the next start completes.
 */
export async function prepareDatabase(db: Database, options: { seedWhenEmpty: boolean; log?: (line: string) => void }): Promise<PrepareResult> {
  const applied = await deployMigrations(db, readMigrations(MIGRATIONS_DIR));
  if (applied.length) options.log?.(`applied migrations: ${applied.join(', ')}`);
  if (!options.seedWhenEmpty) return { applied, seed: 'skipped' };
  const municipalities = await db.prisma.municipality.count();
  const marker = await db.prisma.appSetting.findUnique({ where: { key: 'demo_seed' } });
  if (municipalities > 0 && !marker) return { applied, seed: 'skipped' };
  // Loaded lazily: the demo data is a large module a production server rarely needs.
  const { seedDemo } = await import('./seed/index.ts');
  return { applied, seed: await seedDemo(db, options.log ? { log: options.log } : {}) };
}
