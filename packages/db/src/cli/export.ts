import { dbConfigFromEnv } from '../config.ts';
import { openDatabase } from '../connection.ts';
import { exportDatabase } from '../export/index.ts';
import { fromCaller, passphraseFrom } from './passphrase.ts';
import { runCli } from './run.ts';

const USAGE = 'usage: db:export FILE [--include-secrets] [--encrypt [--passphrase-file F]]';

runCli(async () => {
  const args = process.argv.slice(2);
  const target = args.find((arg) => !arg.startsWith('--') && args[args.indexOf(arg) - 1] !== '--passphrase-file');
  const unknown = args.filter((arg) => arg.startsWith('--') && !['--include-secrets', '--encrypt', '--passphrase-file'].includes(arg.split('=')[0]!));
  if (!target || unknown.length) {
    console.error(USAGE);
    return 2;
  }
  const file = fromCaller(target);
  const includeSecrets = args.includes('--include-secrets');
  const passphrase = args.includes('--encrypt') ? await passphraseFrom(args, { confirm: true }) : undefined;
  const db = await openDatabase(dbConfigFromEnv());
  try {
    const started = Date.now();
    const summary = await exportDatabase(db, file, { includeSecrets, ...(passphrase !== undefined ? { passphrase } : {}) });
    const rows = Object.values(summary.rows).reduce((sum, n) => sum + n, 0);
    console.log(
      `Exported ${rows.toLocaleString('en')} rows of ${Object.keys(summary.rows).length} tables from ${db.description} (migration ${summary.migration}) to ${file} ` +
        `in ${((Date.now() - started) / 1000).toFixed(1)} s${passphrase !== undefined ? ', encrypted' : ''}${includeSecrets ? ', with password hashes, sessions and second factors' : ', without secrets'}.`,
    );
    return 0;
  } finally {
    await db.close();
  }
});
