import { dbConfigFromEnv, MIGRATIONS_DIR } from '../config.ts';
import { openDatabase } from '../connection.ts';
import { generateSeries } from '../generate/series.ts';
import { deployMigrations, readMigrations } from '../migrate/index.ts';
import { argValue, runCli } from './run.ts';

const DEFAULT_COUNT = 100_000;

runCli(async () => {
  const args = process.argv.slice(2);
  const count = Number(argValue(args, '--series') ?? DEFAULT_COUNT);
  const batchSize = argValue(args, '--batch');
  if (!Number.isInteger(count) || count < 0) {
    console.error('usage: generate-series [--series N] [--batch ROWS]   (N a whole number, default 100000)');
    return 2;
  }
  const db = await openDatabase(dbConfigFromEnv());
  try {
    const applied = await deployMigrations(db, readMigrations(MIGRATIONS_DIR));
    if (applied.length) console.log(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);
    console.log(`Generating ${count.toLocaleString('en')} archive series into ${db.description} ...`);
    const result = await generateSeries(db, count, {
      log: (line) => console.log(`  ${line}`),
      ...(batchSize ? { batchSize: Number(batchSize) } : {}),
    });
    const rate = result.seconds > 0 ? Math.round(result.inserted / result.seconds) : result.inserted;
    console.log(`Inserted ${result.inserted.toLocaleString('en')} series in ${result.seconds.toFixed(1)} s (${rate.toLocaleString('en')} rows/s).`);
    return 0;
  } finally {
    await db.close();
  }
});
