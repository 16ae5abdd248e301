import type { Sql } from '../sql.ts';
import { ExportError } from './errors.ts';

export interface CatalogColumn {
  name: string;
  /** format_type(): what a text value is cast back to on import. */
  type: string;
}

export interface CatalogTable {
  name: string;
  /** Insertable columns in attribute order (generated columns are left out: they are computed). */
  columns: CatalogColumn[];
  primaryKey: string[];
  /** Tables this one references (other than itself). */
  references: string[];
  /** Columns referencing this same table: inserted empty, then filled once every row is in. */
  selfReferences: string[];
  sequences: { name: string; column: string }[];
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Every table of the current schema, read from PostgreSQL's catalog (so a table added later is
 * covered), ordered so that a table comes after every table it references.
 */
export async function readCatalog(sql: Sql): Promise<CatalogTable[]> {
  const tables = await sql.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname`,
  );
  const columns = await sql.query<{ table: string; name: string; type: string }>(
    `SELECT c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      ORDER BY c.relname, a.attnum`,
  );
  const keys = await sql.query<{ table: string; column: string }>(
    `SELECT c.relname AS table, a.attname AS column
       FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
      WHERE con.contype = 'p' AND n.nspname = current_schema() ORDER BY c.relname, k.ord`,
  );
  const foreignKeys = await sql.query<{ table: string; referenced: string; column: string }>(
    `SELECT c.relname AS table, r.relname AS referenced, a.attname AS column
       FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_class r ON r.oid = con.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       CROSS JOIN LATERAL unnest(con.conkey) AS k(attnum)
       JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
      WHERE con.contype = 'f' AND n.nspname = current_schema()`,
  );
  const sequences = await sql.query<{ table: string; column: string; name: string }>(
    `SELECT t.relname AS table, a.attname AS column, s.relname AS name
       FROM pg_class s JOIN pg_namespace n ON n.oid = s.relnamespace
       JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
       JOIN pg_class t ON t.oid = d.refobjid JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
      WHERE s.relkind = 'S' AND n.nspname = current_schema() ORDER BY s.relname`,
  );
  const byName = new Map<string, CatalogTable>(
    tables.map(({ name }) => [name, { name, columns: [], primaryKey: [], references: [], selfReferences: [], sequences: [] }]),
  );
  for (const column of columns) byName.get(column.table)?.columns.push({ name: column.name, type: column.type });
  for (const key of keys) byName.get(key.table)?.primaryKey.push(key.column);
  for (const fk of foreignKeys) {
    const table = byName.get(fk.table);
    if (!table) continue;
    if (fk.referenced === fk.table) table.selfReferences.push(fk.column);
    else if (!table.references.includes(fk.referenced)) table.references.push(fk.referenced);
  }
  for (const sequence of sequences) byName.get(sequence.table)?.sequences.push({ name: sequence.name, column: sequence.column });
  return orderByReferences([...byName.values()]);
}

/** Referenced tables first; ties by name so that every export of one schema has one order. */
function orderByReferences(tables: CatalogTable[]): CatalogTable[] {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const ordered: CatalogTable[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (table: CatalogTable, path: string[]) => {
    if (state.get(table.name) === 'done') return;
    if (state.get(table.name) === 'visiting') {
      throw new ExportError('EXPORT_SCHEMA_MISMATCH', `Tables reference each other in a cycle (${[...path, table.name].join(' → ')}); the export cannot order them.`);
    }
    state.set(table.name, 'visiting');
    for (const name of [...table.references].sort()) {
      const referenced = byName.get(name);
      if (referenced) visit(referenced, [...path, table.name]);
    }
    state.set(table.name, 'done');
    ordered.push(table);
  };
  for (const table of tables) visit(table, []);
  return ordered;
}
