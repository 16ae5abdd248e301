import { createHash } from 'node:crypto';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { Readable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Database } from '../connection.ts';
import { readHistory } from '../migrate/deploy.ts';
import type { Sql } from '../sql.ts';
import { type CatalogTable, quoteIdent, readCatalog } from './catalog.ts';
import { encryptingStream } from './crypto.ts';
import { ExportError } from './errors.ts';
import { FORMAT_NAME, FORMAT_VERSION, type HeaderLine, type RowLine, type SequenceState, type TableLine, type TrailerLine } from './format.ts';
import { isExported, omittedColumns } from './policy.ts';
import { CANONICAL_SETTINGS, latestMigration } from './settings.ts';

export interface ExportOptions {
  includeSecrets?: boolean;
  /** Encrypts the file (AES-256-GCM, key by scrypt) when given. */
  passphrase?: string;
  /** Rows read per keyset query. */
  batchSize?: number;
}

export interface ExportSummary {
  migration: string;
  rows: Record<string, number>;
}

/**
 * Writes the whole database to `file` (through `file.partial`, renamed once complete), read in
 * one REPEATABLE READ snapshot, table by table in keyset batches: never all rows in memory.
 */
export async function exportDatabase(db: Database, file: string, options: ExportOptions = {}): Promise<ExportSummary> {
  const includeSecrets = options.includeSecrets ?? false;
  const batchSize = options.batchSize ?? 1000;
  const encrypt: Transform[] = options.passphrase !== undefined ? [await encryptingStream(options.passphrase)] : [];
  const partial = `${file}.partial`;
  const session = await db.session();
  try {
    const summary = await session.transaction(async (sql) => {
      await sql.exec(`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY; ${CANONICAL_SETTINGS}`);
      const migration = latestMigration(await readHistory(sql));
      if (!migration) throw new ExportError('EXPORT_MIGRATION_MISMATCH', `${db.description} has no migrations applied: there is nothing to export.`);
      const catalog = (await readCatalog(sql)).filter((table) => isExported(table.name, includeSecrets));
      const header: HeaderLine = { kind: 'header', format: FORMAT_NAME, version: FORMAT_VERSION, migration, createdAt: new Date().toISOString(), source: db.kind, options: { includeSecrets } };
      const rows: Record<string, number> = {};
      await pipeline(Readable.from(exportLines(sql, catalog, header, rows, batchSize)), createGzip(), ...encrypt, createWriteStream(partial));
      return { migration, rows };
    });
    renameSync(partial, file);
    return summary;
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    await session.release();
  }
}

async function* exportLines(sql: Sql, catalog: CatalogTable[], header: HeaderLine, rows: Record<string, number>, batchSize: number): AsyncGenerator<string> {
  const hash = createHash('sha256');
  const line = (value: unknown) => {
    const text = `${JSON.stringify(value)}\n`;
    hash.update(text);
    return text;
  };
  yield line(header);
  for (const table of catalog) {
    const omitted = omittedColumns(table.name, header.options.includeSecrets);
    const tableLine: TableLine = { kind: 'table', name: table.name, columns: table.columns.map((c) => c.name).filter((name) => !omitted.includes(name)), omitted, sequences: await readSequences(sql, table) };
    yield line(tableLine);
    rows[table.name] = 0;
    for await (const batch of readRows(sql, table, tableLine.columns, batchSize)) {
      rows[table.name]! += batch.length;
      yield batch.map(line).join('');
    }
  }
  const trailer: TrailerLine = { kind: 'trailer', rows, sha256: hash.digest('hex') };
  yield `${JSON.stringify(trailer)}\n`;
}

async function readSequences(sql: Sql, table: CatalogTable): Promise<SequenceState[]> {
  const states: SequenceState[] = [];
  for (const sequence of table.sequences) {
    const [state] = await sql.query<{ last_value: string; is_called: boolean }>(`SELECT last_value::text AS last_value, is_called FROM ${quoteIdent(sequence.name)}`);
    states.push({ name: sequence.name, lastValue: state!.last_value, isCalled: state!.is_called });
  }
  return states;
}

/** Keyset pages on the primary key (a row-value comparison the key's index seeks to). */
async function* readRows(sql: Sql, table: CatalogTable, columns: string[], batchSize: number): AsyncGenerator<RowLine[]> {
  if (!table.primaryKey.length) throw new ExportError('EXPORT_SCHEMA_MISMATCH', `Table ${table.name} has no primary key, so it cannot be read in batches.`);
  const types = new Map(table.columns.map((c) => [c.name, c.type]));
  const key = table.primaryKey.map(quoteIdent).join(', ');
  const select = columns.map((name, i) => `${quoteIdent(name)}::text AS c${i}`).join(', ');
  const keyPositions = table.primaryKey.map((name) => columns.indexOf(name));
  const from = `FROM ${quoteIdent(table.name)}`;
  const after = `WHERE (${key}) > (${table.primaryKey.map((name, i) => `$${i + 1}::${types.get(name)}`).join(', ')})`;
  let last: (string | null)[] | null = null;
  for (;;) {
    const page: Record<string, string | null>[] = last
      ? await sql.query(`SELECT ${select} ${from} ${after} ORDER BY ${key} LIMIT ${batchSize}`, last)
      : await sql.query(`SELECT ${select} ${from} ORDER BY ${key} LIMIT ${batchSize}`);
    if (!page.length) return;
    const batch = page.map((row) => columns.map((_, i) => row[`c${i}`] ?? null));
    yield batch;
    if (page.length < batchSize) return;
    const lastRow = batch.at(-1)!;
    last = keyPositions.map((position) => lastRow[position]!);
  }
}
