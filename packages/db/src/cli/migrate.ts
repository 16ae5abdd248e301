import { readFileSync } from 'node:fs';
import { dbConfigFromEnv, MIGRATIONS_DIR, SCHEMA_PATH } from '../config.ts';
import { openDatabase } from '../connection.ts';
import { createMigration, deployMigrations, diffMigrationsToSchema, migrationStatus, readMigrations } from '../migrate/index.ts';
import { argValue, runCli } from './run.ts';

const [command, ...args] = process.argv.slice(2);

runCli(async () => {
  switch (command) {
    case 'create': {
      const folder = await createMigration(readFileSync(SCHEMA_PATH, 'utf8'), MIGRATIONS_DIR, argValue(args, '--name') ?? '');
      console.log(folder ? `Created ${folder}/migration.sql: review it, add any CHECK constraints or triggers by hand.` : 'schema.prisma matches the migrations: nothing to create.');
      return 0;
    }
    case 'drift': {
      const sql = await diffMigrationsToSchema(readFileSync(SCHEMA_PATH, 'utf8'), MIGRATIONS_DIR, readMigrations(MIGRATIONS_DIR));
      if (!sql) {
        console.log('No drift: the migrations produce exactly what schema.prisma describes.');
        return 0;
      }
      console.error(`Drift: schema.prisma differs from the migrations. Create a migration (pnpm db:migrate:create --name ...) for:\n${sql}`);
      return 2;
    }
    case 'deploy':
    case 'status': {
      const db = await openDatabase(dbConfigFromEnv());
      try {
        const files = readMigrations(MIGRATIONS_DIR);
        if (command === 'deploy') {
          const applied = await deployMigrations(db, files);
          console.log(applied.length ? `Applied ${applied.length} migration(s) to ${db.description}: ${applied.join(', ')}` : `${db.description} is up to date.`);
          return 0;
        }
        const status = await migrationStatus(db, files);
        console.log(`${db.description}: ${status.applied.length} applied, ${status.pending.length} pending.`);
        for (const [label, names] of Object.entries({ pending: status.pending, edited: status.edited, unknown: status.unknown, failed: status.failed })) {
          for (const name of names) console.log(`  ${label}: ${name}`);
        }
        return status.pending.length || status.edited.length || status.unknown.length || status.failed.length ? 1 : 0;
      } finally {
        await db.close();
      }
    }
    default:
      console.error('usage: migrate create --name X | deploy | status | drift');
      return 2;
  }
});
