import { parseCell, proposeField, type CsvField } from './csvFields.ts';
import { readCsv, type CsvFault, type CsvOutcome } from './csvStream.ts';
import type { Problems } from './problems.ts';

// A CSV file read with a column mapping: its header checked, each row's mapped cells read as
// field values, every bad value reported at /rad[n]/<the column's header> and the row's line.

export interface CsvMapping {
  column: number;
  field: CsvField;
}

export interface CsvRow {
  /** Record number, the header being 1. */
  row: number;
  line: number;
  /** The mapped fields' values (null for an empty cell); a field whose cell is bad is absent. */
  values: Partial<Record<CsvField, unknown>>;
  /** Fields whose cell could not be read (already reported). */
  bad: Set<CsvField>;
}

export interface CsvFile {
  headers: string[];
  rows: CsvRow[];
  outcome: CsvOutcome;
}

/** The header of a column in a path: its text, or «kolonne 3» when it has none. */
export const headerOf = (headers: string[], column: number): string => headers[column]?.trim() || `kolonne ${column + 1}`;
export const rowPath = (row: number, header?: string): string => (header === undefined ? `/rad[${row}]` : `/rad[${row}]/${header}`);

/** Problems of the file as a whole: the reader's fault, no header row, empty or duplicate headers. */
export function fileProblems(headers: string[] | null, fault: CsvFault | null, problems: Problems, file: string): void {
  const add = (severity: 'ERROR' | 'WARNING', code: string, path: string, line: number | null, message: string) => problems.add({ severity, code, path, line, file, message });
  if (fault?.code === 'NOT_UTF8') add('ERROR', 'NOT_UTF8', '/', fault.line, `Filen er ikke lagret som UTF-8 (første tegn som ikke kan leses, står på linje ${fault.line}). Lagre den som «CSV UTF-8 (kommadelt)» i Excel, eller velg tegnkoding UTF-8, og last den opp på nytt. Ingenting er lest etter dette tegnet.`);
  if (fault?.code === 'UNTERMINATED_QUOTE') add('ERROR', 'UNTERMINATED_QUOTE', '/', fault.line, `Et felt som begynner med anførselstegn på linje ${fault.line}, avsluttes aldri. Filen er trolig avkortet, eller et anførselstegn mangler.`);
  if (fault?.code === 'RECORD_TOO_LONG') add('ERROR', 'RECORD_TOO_LONG', '/', fault.line, `Raden som begynner på linje ${fault.line}, er over én million tegn lang. Trolig mangler et avsluttende anførselstegn. Lesingen stoppet her.`);
  if (!headers || headers.every((h) => h.trim() === '')) {
    if (fault?.code !== 'NOT_UTF8') add('ERROR', 'NO_HEADER', '/', null, 'Filen har ingen overskriftsrad. Første rad må navngi kolonnene (for eksempel «Identifikator;Tittel;Arkivdelstatus»).');
    return;
  }
  const seen = new Map<string, number>();
  headers.forEach((raw, column) => {
    const header = raw.trim();
    if (!header) add('WARNING', 'EMPTY_HEADER', rowPath(1, headerOf(headers, column)), 1, `Kolonne ${column + 1} har ingen overskrift. Den kan likevel kobles til et felt; i rapporten heter den «kolonne ${column + 1}».`);
    else if (seen.has(header.toLocaleLowerCase('nb'))) add('WARNING', 'DUPLICATE_HEADER', rowPath(1, header), 1, `Overskriften «${header}» står i både kolonne ${seen.get(header.toLocaleLowerCase('nb'))! + 1} og ${column + 1}. Kontroller at riktig kolonne er koblet til feltet.`);
    else seen.set(header.toLocaleLowerCase('nb'), column);
  });
}

/** Reads every row with the mapping; bad values go to `problems`. */
export async function readCsvRows(path: string, file: string, mapping: CsvMapping[], problems: Problems, onProgress?: (bytes: number) => Promise<void>): Promise<CsvFile> {
  let headers: string[] | null = null;
  const rows: CsvRow[] = [];
  const outcome = await readCsv(
    path,
    (record) => {
      if (!headers) {
        headers = record.cells;
        return;
      }
      const row: CsvRow = { row: record.row, line: record.line, values: {}, bad: new Set() };
      if (record.cells.length !== headers.length) {
        problems.add({ severity: 'WARNING', code: 'COLUMN_COUNT', path: rowPath(record.row), line: record.line, file, message: `Raden har ${record.cells.length} felt, overskriftsraden ${headers.length}. Kontroller at ingen skilletegn mangler eller er til overs; manglende felt leses som tomme.` });
      }
      for (const { column, field } of mapping) {
        const parsed = parseCell(field, record.cells[column] ?? '');
        if ('error' in parsed) {
          row.bad.add(field);
          problems.add({ severity: 'ERROR', code: `${field}_INVALID`, path: rowPath(record.row, headerOf(headers, column)), line: record.line, file, message: parsed.error });
        } else row.values[field] = parsed.value;
      }
      rows.push(row);
    },
    onProgress,
  );
  fileProblems(headers, outcome.fault, problems, file);
  return { headers: headers ?? [], rows, outcome };
}

export interface CsvPreviewColumn {
  index: number;
  header: string;
  samples: string[];
  proposedField: CsvField | null;
}

const SAMPLES = 5;
/** The preview stops after this many rows even if a column is still short of samples. */
const PREVIEW_ROWS = 200;

/** The header and the first values under each column, read until each has five (or 200 rows). */
export async function readCsvPreview(path: string, file: string, problems: Problems): Promise<{ delimiter: string; columns: CsvPreviewColumn[] }> {
  let columns: CsvPreviewColumn[] | null = null;
  let headers: string[] | null = null;
  const outcome = await readCsv(path, (record) => {
    if (!columns) {
      headers = record.cells;
      const proposed = new Set<CsvField>();
      columns = record.cells.map((header, index) => {
        // A field is proposed once: for a second column of the same name the user decides.
        const field = proposeField(header);
        const proposedField = field && !proposed.has(field) ? field : null;
        if (proposedField) proposed.add(proposedField);
        return { index, header: header.trim(), samples: [], proposedField };
      });
      return columns.length === 0;
    }
    for (const column of columns) {
      const value = (record.cells[column.index] ?? '').trim();
      if (value && column.samples.length < SAMPLES) column.samples.push(value);
    }
    return record.row > PREVIEW_ROWS || columns.every((c) => c.samples.length >= SAMPLES);
  });
  fileProblems(headers, outcome.fault, problems, file);
  return { delimiter: outcome.delimiter ?? ';', columns: columns ?? [] };
}

/** The headers of the file, or null when the header row cannot be read (the job reports why). */
export async function readCsvHeaders(path: string): Promise<string[] | null> {
  let headers: string[] | null = null;
  const outcome = await readCsv(path, (record) => {
    headers = record.cells;
    return true;
  });
  return outcome.fault && !headers ? null : headers;
}
