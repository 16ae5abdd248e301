import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildPgliteTemplates, buildPostgresTemplates } from '../../packages/db/src/testing/templates.ts';
import { startPostgresCluster } from '../../packages/db/src/testing/postgresCluster.ts';

/**
 * Runs once per test project: migrates (and seeds) one template database that every test
 * copies, so the suite stays fast as it grows. SAMARKIV_TEST_BACKEND picks the backend;
 * TEST_DATABASE_URL points at an existing PostgreSQL server instead of starting one.
 */
export default async function setup(project: TestProject) {
  // The project's `env` reaches its test workers, not this setup: read it from the config.
  const backend = project.config.env?.SAMARKIV_TEST_BACKEND === 'postgres' ? 'postgres' : 'pglite';
  project.provide('testBackend', backend);
  if (backend === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'samarkiv-tpl-'));
    const paths = { migrated: join(dir, 'migrated.tar'), seeded: join(dir, 'seeded.tar') };
    await buildPgliteTemplates(paths);
    project.provide('pgliteTemplates', paths);
    project.provide('postgresAdminUrl', null);
    return () => rmSync(dir, { recursive: true, force: true });
  }
  const external = process.env.TEST_DATABASE_URL;
  const cluster = external ? null : await startPostgresCluster();
  const adminUrl = external ?? cluster!.url;
  await buildPostgresTemplates(adminUrl);
  project.provide('pgliteTemplates', null);
  project.provide('postgresAdminUrl', adminUrl);
  return () => cluster?.stop();
}
