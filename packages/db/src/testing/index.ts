import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, wrapPglite, type Database } from '../connection.ts';
import { loadPgliteTemplate, PG_TEMPLATE_DB, withDatabase, type TemplateName } from './templates.ts';

export type { TemplateName } from './templates.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testBackend: 'pglite' | 'postgres';
    pgliteTemplates: Record<TemplateName, string> | null;
    postgresAdminUrl: string | null;
  }
}

export function testBackend(): 'pglite' | 'postgres' {
  return inject('testBackend');
}

/**
 * A database of the test's own: on PGlite a copy of a template migrated once per run (its data
 * directory dumped to a file by the global setup); on PostgreSQL a CREATE DATABASE ... TEMPLATE.
 * Close it when the test ends (it drops the copy on PostgreSQL).
 */
export async function openTestDatabase(template: TemplateName = 'migrated'): Promise<Database> {
  if (testBackend() === 'postgres') return openPostgresCopy(template);
  const paths = inject('pgliteTemplates');
  if (!paths) throw new Error('The global setup built no PGlite templates');
  return wrapPglite(await loadPgliteTemplate(paths[template]), `PGlite copy of the ${template} template`);
}

async function openPostgresCopy(template: TemplateName): Promise<Database> {
  const adminUrl = inject('postgresAdminUrl');
  if (!adminUrl) throw new Error('The global setup started no PostgreSQL server');
  const name = `samarkiv_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${name}" TEMPLATE "${PG_TEMPLATE_DB[template]}"`);
  const db = await openDatabase({ kind: 'postgres', url: withDatabase(adminUrl, name) });
  return {
    ...db,
    async close() {
      await db.close();
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** One statement on a fresh connection of the server's admin URL (CREATE/DROP DATABASE cannot run in a pool's transaction). */
export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
export { freePort, startPostgresCluster, findPostgresBin } from './postgresCluster.ts';
export { PG_TEMPLATE_DB, unpackPgliteTemplate, withDatabase } from './templates.ts';
