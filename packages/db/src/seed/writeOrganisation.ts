import { norwegianSortKey } from '@samarkiv/shared';
import type { Sql } from '../sql.ts';
import { insertRows } from './insert.ts';
import { MUNICIPALITIES } from './municipalities.ts';
import { TARGET_SERIES } from './targetSeries.ts';
import { DEMO_PASSWORDS, DEMO_USERS, hashPassword } from './users.ts';
import type { DemoUsername, MunicipalityNumber } from './types.ts';

export type MunicipalityIds = ReadonlyMap<MunicipalityNumber, number>;
export type UserIds = ReadonlyMap<DemoUsername, number>;

export async function writeMunicipalities(sql: Sql, now: string): Promise<MunicipalityIds> {
  const rows = await insertRows<{ id: number; number: MunicipalityNumber }>(
    sql,
    'municipality',
    ['number', 'name', 'role', 'participates', 'updated_at'],
    MUNICIPALITIES.map((m) => [m.number, m.name, m.role, m.participates, now]),
    'id, number',
  );
  return new Map(rows.map((r) => [r.number, r.id]));
}

export async function writeUsers(sql: Sql, now: string, municipalities: MunicipalityIds): Promise<UserIds> {
  // argon2 is deliberately slow (~0.1 s each): hash the four in parallel.
  const hashes = await Promise.all(DEMO_USERS.map((u) => hashPassword(DEMO_PASSWORDS[u.username])));
  const users = await insertRows<{ id: number; username: DemoUsername }>(
    sql,
    'app_user',
    ['username', 'email', 'display_name', 'password_hash', 'is_active', 'must_change_password', 'updated_at'],
    DEMO_USERS.map((u, i) => [u.username, u.email, u.displayName, hashes[i], true, false, now]),
    'id, username',
  );
  const ids = new Map(users.map((r) => [r.username, r.id]));
  await insertRows(
    sql,
    'membership',
    ['user_id', 'municipality_id', 'role'],
    DEMO_USERS.flatMap((u) => u.memberships.map((m) => [idOf(ids, u.username), idOf(municipalities, m.municipality), m.role])),
  );
  return ids;
}

export async function writeTargetSeries(sql: Sql, now: string): Promise<ReadonlyMap<string, number>> {
  const rows = await insertRows<{ id: number; code: string }>(
    sql,
    'target_series',
    ['code', 'title', 'title_sort_key', 'description', 'sort_order', 'updated_at'],
    TARGET_SERIES.map((t, i) => [t.code, t.title, norwegianSortKey(t.title), t.description, i + 1, now]),
    'id, code',
  );
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** Looks up an id the seed itself wrote; a miss is a bug in the demo data, not in the database. */
export function idOf<K>(ids: ReadonlyMap<K, number>, key: K): number {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`demo seed: unknown reference ${String(key)}`);
  return id;
}
