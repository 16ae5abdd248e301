import type { PGlite, Transaction } from '@electric-sql/pglite';
import type pg from 'pg';

/** Plain SQL on one connection, for what Prisma should not do: migrations, bulk loads, EXPLAIN. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements. */
  exec(script: string): Promise<void>;
}

export interface SqlSession extends Sql {
  /** Runs fn inside BEGIN/COMMIT on this session's connection; rolls back on any error. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  release(): Promise<void>;
}

function pgliteSql(db: PGlite | Transaction): Sql {
  return {
    async query<T>(text: string, params: unknown[] = []) {
      const result = await db.query<T>(text, params);
      return result.rows;
    },
    async exec(script: string) {
      await db.exec(script);
    },
  };
}

export function pgliteSession(db: PGlite): SqlSession {
  return {
    ...pgliteSql(db),
    transaction: (fn) => db.transaction((tx) => fn(pgliteSql(tx))),
    release: async () => {},
  };
}

function pgClientSql(client: pg.PoolClient | pg.Client): Sql {
  return {
    async query<T>(text: string, params: unknown[] = []) {
      const result = await client.query(text, params);
      return result.rows as T[];
    },
    async exec(script: string) {
      await client.query(script);
    },
  };
}

export function pgClientSession(client: pg.PoolClient): SqlSession {
  const sql = pgClientSql(client);
  return {
    ...sql,
    async transaction(fn) {
      await client.query('BEGIN');
      try {
        const result = await fn(sql);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      }
    },
    release: async () => client.release(),
  };
}
