#!/usr/bin/env node
// Runs every test layer: API on PGlite and on PostgreSQL, web components, browser journeys.
// A layer whose tool is missing here (PostgreSQL binaries, Chromium) is skipped with a plain
// message; with CI=true nothing may be skipped and a missing tool fails the run.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const ci = process.env.CI === 'true' || process.env.CI === '1';

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).stdout.trim();
}

function hasPostgres() {
  if (process.env.TEST_DATABASE_URL) return true;
  if (onPath('initdb') && onPath('pg_ctl')) return true;
  return existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
}

function hasChromium() {
  return Boolean(process.env.CHROMIUM_PATH || onPath('chromium') || onPath('chromium-browser') || existsSync('/usr/bin/chromium'));
}

const projects = ['api-pglite', 'web'];
const skipped = [];
if (hasPostgres()) projects.push('api-postgres');
else skipped.push('api-postgres (no PostgreSQL server binaries: install the postgresql package, or set TEST_DATABASE_URL)');
if (hasChromium()) projects.push('e2e');
else skipped.push('e2e (no Chromium: install the chromium package, or set CHROMIUM_PATH)');

if (skipped.length) {
  for (const line of skipped) console.log(`SKIPPED: ${line}`);
  if (ci) {
    console.error('CI=true: no test layer may be skipped.');
    process.exit(1);
  }
}

console.log(`Running test projects: ${projects.join(', ')}`);
const args = ['vitest', 'run', ...projects.flatMap((p) => ['--project', p]), ...process.argv.slice(2)];
const result = spawnSync('pnpm', ['exec', ...args], { stdio: 'inherit' });
if (skipped.length) for (const line of skipped) console.log(`SKIPPED: ${line}`);
process.exit(result.status ?? 1);
