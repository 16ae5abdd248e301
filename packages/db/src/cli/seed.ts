import { dbConfigFromEnv, MIGRATIONS_DIR } from '../config.ts';
import { openDatabase } from '../connection.ts';
import { deployMigrations, readMigrations } from '../migrate/index.ts';
import { seedDemo } from '../seed/index.ts';
import { runCli } from './run.ts';

runCli(async () => {
  const db = await openDatabase(dbConfigFromEnv());
  try {
    const applied = await deployMigrations(db, readMigrations(MIGRATIONS_DIR));
    if (applied.length) console.log(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);
    const outcome = await seedDemo(db, { log: (line) => console.log(`  ${line}`) });
    console.log(outcome === 'seeded' ? `Seeded the demo data into ${db.description}.` : `${db.description} already holds the demo data: nothing written.`);
    return 0;
  } finally {
    await db.close();
  }
});
