import { createHash } from 'node:crypto';
import type { Database } from '../connection.ts';
import { readHistory } from '../migrate/deploy.ts';
import type { Sql } from '../sql.ts';
import { type CatalogTable, quoteIdent, readCatalog } from './catalog.ts';
import { ExportError } from './errors.ts';
import { FORMAT_NAME, FORMAT_VERSION, type HeaderLine, type RowLine, type TableLine, type TrailerLine } from './format.ts';
import { HISTORY_TABLE, REBUILD_DERIVED } from './policy.ts';
import { readExportLines } from './read.ts';
import { CANONICAL_SETTINGS, latestMigration } from './settings.ts';

export interface ImportOptions {
  /** The passphrase of an encrypted file. */
  passphrase?: string;
  /** Rows per INSERT. */
  batchSize?: number;
}

export interface ImportSummary {
  header: HeaderLine;
  rows: Record<string, number>;
}

const BATCH_CHARS = 1_000_000;
const PENDING = '_samarkiv_import_pending';

/** Reads only the header line (to migrate a blank target to the file's migration first). */
export async function readExportHeader(file: string, passphrase?: string): Promise<HeaderLine> {
  let header: HeaderLine | null = null;
  await readExportLines(file, passphrase, async (line) => {
    header = parseHeader(line);
    return 'stop';
  });
  if (!header) throw damaged('it holds no header');
  return header;
}

/**
 * Restores an export into an empty database migrated to the file's migration, in one
 * transaction: a wrong passphrase, a damaged file or a refused target writes nothing.
 */
export async function importDatabase(db: Database, file: string, options: ImportOptions = {}): Promise<ImportSummary> {
  const session = await db.session();
  try {
    return await session.transaction(async (sql) => {
      await sql.exec(CANONICAL_SETTINGS);
      const loader = new Loader(sql, await readCatalog(sql), options.batchSize ?? 500, db.description);
      await readExportLines(file, options.passphrase, (line) => loader.line(line));
      const summary = loader.finish();
      for (const statement of REBUILD_DERIVED) await sql.exec(statement);
      return summary;
    });
  } finally {
    await session.release();
  }
}

function damaged(why: string): ExportError {
  return new ExportError('EXPORT_FILE_DAMAGED', `The file is damaged or truncated: ${why}. Nothing was written.`);
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw damaged('a line is not valid JSON');
  }
}

function parseHeader(line: string): HeaderLine {
  const header = parseJson(line) as HeaderLine;
  if (header?.kind !== 'header' || header.format !== FORMAT_NAME) throw new ExportError('EXPORT_FILE_UNREADABLE', 'The file is not a Samarkiv export (its first line is no export header).');
  if (header.version !== FORMAT_VERSION) {
    throw new ExportError('EXPORT_FILE_UNREADABLE', `The file is in export format version ${header.version}; this version of Samarkiv reads version ${FORMAT_VERSION}.`);
  }
  return header;
}

interface CurrentTable {
  line: TableLine;
  catalog: CatalogTable;
  insert: string;
  /** Positions of self-referencing columns: inserted as NULL, then set from the pending rows. */
  selfPositions: number[];
  batch: RowLine[];
  chars: number;
  count: number;
}

/** Follows the file line by line: header, then table and row lines, then the trailer. */
class Loader {
  private readonly hash = createHash('sha256');
  private readonly rows: Record<string, number> = {};
  private header: HeaderLine | null = null;
  private current: CurrentTable | null = null;
  private trailerSeen = false;
  private pendingCreated = false;

  constructor(
    private readonly sql: Sql,
    private readonly catalog: CatalogTable[],
    private readonly batchSize: number,
    private readonly target: string,
  ) {}

  async line(text: string): Promise<void> {
    if (this.trailerSeen) throw damaged('lines follow its trailer');
    if (!this.header) {
      this.header = parseHeader(text);
      await this.checkTarget(this.header);
    } else if (text.startsWith('[')) {
      this.addRow(parseJson(text) as RowLine);
      if (this.current!.batch.length >= this.batchSize || this.current!.chars >= BATCH_CHARS) await this.flush();
    } else {
      const value = parseJson(text) as TableLine | TrailerLine;
      if (value.kind === 'trailer') return this.trailer(value);
      if (value.kind !== 'table') throw damaged(`an unknown line (${String((value as { kind?: unknown }).kind)})`);
      await this.endTable();
      this.startTable(value);
    }
    this.hash.update(`${text}\n`);
  }

  finish(): ImportSummary {
    if (!this.trailerSeen || !this.header) throw damaged('it ends before its trailer');
    return { header: this.header, rows: this.rows };
  }

  private async checkTarget(header: HeaderLine): Promise<void> {
    const migration = latestMigration(await readHistory(this.sql));
    if (migration !== header.migration) {
      throw new ExportError(
        'EXPORT_MIGRATION_MISMATCH',
        `The file was written at migration ${header.migration}, but ${this.target} is at ${migration ?? 'no migration'}. ` +
          'Import into an empty database migrated to the same migration (pnpm db:import migrates a blank one itself). Nothing was written.',
      );
    }
    const tables = this.catalog.filter((table) => table.name !== HISTORY_TABLE);
    const filled = await this.sql.query<{ name: string }>(
      tables.map((table) => `SELECT ${quoteLiteral(table.name)} AS name WHERE EXISTS (SELECT 1 FROM ${quoteIdent(table.name)})`).join(' UNION ALL '),
    );
    if (filled.length) {
      const names = filled.map((row) => row.name);
      const listed = names.length > 4 ? `${names.slice(0, 4).join(', ')} and ${names.length - 4} more tables` : names.join(', ');
      throw new ExportError('EXPORT_TARGET_NOT_EMPTY', `${this.target} is not empty (rows in ${listed}). Import only into an empty database. Nothing was written.`);
    }
  }

  private startTable(line: TableLine): void {
    const catalog = this.catalog.find((table) => table.name === line.name);
    if (!catalog || line.name === HISTORY_TABLE) throw new ExportError('EXPORT_SCHEMA_MISMATCH', `The file holds table ${line.name}, which the target does not have.`);
    if (line.name in this.rows) throw damaged(`table ${line.name} appears twice`);
    const types = new Map(catalog.columns.map((column) => [column.name, column.type]));
    const unknown = line.columns.filter((name) => !types.has(name));
    if (unknown.length) throw new ExportError('EXPORT_SCHEMA_MISMATCH', `The file holds column(s) ${unknown.join(', ')} of ${line.name}, which the target does not have.`);
    const selfPositions = catalog.selfReferences.map((name) => line.columns.indexOf(name)).filter((position) => position >= 0);
    const values = line.columns.map((name, i) => (selfPositions.includes(i) ? 'NULL' : `(r->>${i})::${types.get(name)}`));
    const insert = `INSERT INTO ${quoteIdent(line.name)} (${line.columns.map(quoteIdent).join(', ')}) SELECT ${values.join(', ')} FROM jsonb_array_elements($1::jsonb) AS r`;
    this.rows[line.name] = 0;
    this.current = { line, catalog, insert, selfPositions, batch: [], chars: 0, count: 0 };
  }

  private addRow(row: RowLine): void {
    const current = this.current;
    if (!current) throw damaged('rows come before any table');
    if (!Array.isArray(row) || row.length !== current.line.columns.length) throw damaged(`a row of ${current.line.name} has the wrong number of values`);
    current.batch.push(row);
    current.chars += row.reduce((sum, value) => sum + (value?.length ?? 4), 0);
    current.count += 1;
  }

  private async flush(): Promise<void> {
    const current = this.current;
    if (!current?.batch.length) return;
    await this.sql.query(current.insert, [JSON.stringify(current.batch)]);
    const linked = current.batch.filter((row) => current.selfPositions.some((position) => row[position] !== null));
    if (linked.length) {
      if (!this.pendingCreated) {
        await this.sql.exec(`CREATE TEMPORARY TABLE ${PENDING} (r jsonb) ON COMMIT DROP`);
        this.pendingCreated = true;
      }
      await this.sql.query(`INSERT INTO ${PENDING} SELECT r FROM jsonb_array_elements($1::jsonb) AS r`, [JSON.stringify(linked)]);
    }
    this.rows[current.line.name] = current.count;
    current.batch = [];
    current.chars = 0;
  }

  /** Sets the self-references once every row of the table exists, then the table's sequences. */
  private async endTable(): Promise<void> {
    const current = this.current;
    if (!current) return;
    await this.flush();
    const { line, catalog, selfPositions } = current;
    const types = new Map(catalog.columns.map((column) => [column.name, column.type]));
    if (selfPositions.length && this.pendingCreated) {
      const set = selfPositions.map((i) => `${quoteIdent(line.columns[i]!)} = (p.r->>${i})::${types.get(line.columns[i]!)}`).join(', ');
      const key = catalog.primaryKey.map((name) => `t.${quoteIdent(name)}`).join(', ');
      const keyValues = catalog.primaryKey.map((name) => `(p.r->>${line.columns.indexOf(name)})::${types.get(name)}`).join(', ');
      await this.sql.exec(`UPDATE ${quoteIdent(line.name)} AS t SET ${set} FROM ${PENDING} AS p WHERE (${key}) = (${keyValues}); TRUNCATE ${PENDING}`);
    }
    for (const sequence of line.sequences) {
      if (!catalog.sequences.some((s) => s.name === sequence.name)) throw new ExportError('EXPORT_SCHEMA_MISMATCH', `The file holds sequence ${sequence.name}, which the target does not have.`);
      await this.sql.query(`SELECT setval($1::regclass, $2::bigint, $3::boolean)`, [quoteIdent(sequence.name), sequence.lastValue, sequence.isCalled]);
    }
    this.current = null;
  }

  private async trailer(trailer: TrailerLine): Promise<void> {
    await this.endTable();
    if (trailer.sha256 !== this.hash.digest('hex')) throw damaged('its checksum does not match its contents');
    const expected = JSON.stringify(Object.entries(trailer.rows ?? {}).sort());
    if (expected !== JSON.stringify(Object.entries(this.rows).sort())) throw damaged('its row counts do not match the rows it holds');
    this.trailerSeen = true;
  }
}

function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
