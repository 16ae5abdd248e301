import { dbConfigFromEnv, MIGRATIONS_DIR } from '../config.ts';
import { openDatabase } from '../connection.ts';
import { ExportError } from '../export/errors.ts';
import { importDatabase, readExportHeader } from '../export/index.ts';
import { deployMigrations, readMigrations } from '../migrate/index.ts';
import { readHistory } from '../migrate/deploy.ts';
import { fromCaller, passphraseFrom } from './passphrase.ts';
import { runCli } from './run.ts';

const USAGE = 'usage: db:import FILE [--passphrase-file F]';

runCli(async () => {
  const args = process.argv.slice(2);
  const source = args.find((arg) => !arg.startsWith('--') && args[args.indexOf(arg) - 1] !== '--passphrase-file');
  if (!source) {
    console.error(USAGE);
    return 2;
  }
  const file = fromCaller(source);
  let passphrase: string | undefined;
  const header = await readExportHeader(file).catch(async (error: unknown) => {
    if (!(error instanceof ExportError) || error.code !== 'EXPORT_PASSPHRASE_REQUIRED') throw error;
    passphrase = await passphraseFrom(args, { confirm: false });
    return readExportHeader(file, passphrase);
  });
  const db = await openDatabase(dbConfigFromEnv());
  try {
    await migrateBlankTarget(db, header.migration);
    const started = Date.now();
    const summary = await importDatabase(db, file, passphrase !== undefined ? { passphrase } : {});
    const rows = Object.values(summary.rows).reduce((sum, n) => sum + n, 0);
    console.log(`Imported ${rows.toLocaleString('en')} rows of ${Object.keys(summary.rows).length} tables into ${db.description} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    if (!header.options.includeSecrets) console.log('The file held no password hashes: local accounts need a new password before they can sign in.');
    console.log('Start Samarkiv on this database: it applies any migration newer than the file.');
    return 0;
  } finally {
    await db.close();
  }
});

/** A blank database (no migration yet) is migrated to exactly the file's migration, no further. */
async function migrateBlankTarget(db: Awaited<ReturnType<typeof openDatabase>>, migration: string): Promise<void> {
  const session = await db.session();
  const history = await readHistory(session).finally(() => session.release());
  if (history.length) return;
  const files = readMigrations(MIGRATIONS_DIR);
  const upTo = files.findIndex((file) => file.name === migration);
  if (upTo < 0) {
    throw new ExportError('EXPORT_MIGRATION_MISMATCH', `The file was written at migration ${migration}, which this version of Samarkiv does not have: import it with a newer Samarkiv.`);
  }
  const applied = await deployMigrations(db, files.slice(0, upTo + 1));
  console.log(`Migrated ${db.description} to ${migration} (${applied.length} migration(s)).`);
}
