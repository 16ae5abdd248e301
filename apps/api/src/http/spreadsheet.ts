import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../graphql/errors.ts';
import type { ExportResult } from './exports.ts';

// One table as a download for Norwegian spreadsheets: CSV (`;`, UTF-8 BOM, CRLF, dd.mm.yyyy) or
// XLSX (bold frozen header, widths, real dates, autofilter), both carrying the user's marking
// (e.g. "Unntatt offentlighet, offl. § 24 tredje ledd") above the table and, in XLSX, on every
// printed page.

export type ColumnKind = 'text' | 'int' | 'date';

export interface Column {
  header: string;
  kind: ColumnKind;
  /** XLSX width in characters. */
  width: number;
}

/** A date cell is a calendar day as YYYY-MM-DD; null is an empty cell. */
export type Cell = string | number | null;

export interface Table {
  sheetName: string;
  columns: Column[];
  rows: Cell[][];
  marking: string | null;
}

export type SpreadsheetFormat = 'csv' | 'xlsx';

const MAX_MARKING = 200;

/** format (csv or xlsx) and marking (optional, at most 200 characters) from the query string. */
export function formatAndMarking(params: URLSearchParams): { format: SpreadsheetFormat; marking: string | null } {
  const format = params.get('format');
  if (format !== 'csv' && format !== 'xlsx') throw new AppError('VALIDATION_FAILED', 'Velg format csv eller xlsx.', { path: ['format'] });
  const marking = params.get('marking')?.trim() || null;
  if (marking && marking.length > MAX_MARKING) throw new AppError('VALIDATION_FAILED', `Merkingen kan ha høyst ${MAX_MARKING} tegn.`, { path: ['marking'] });
  // Control characters would break the CSV line or the XLSX header codes.
  if (marking && /[\u0000-\u001f\u007f]/.test(marking)) throw new AppError('VALIDATION_FAILED', 'Merkingen kan ikke ha linjeskift eller kontrolltegn.', { path: ['marking'] });
  return { format, marking };
}

/** dd.mm.yyyy of a YYYY-MM-DD day. */
export function norwegianDate(day: string): string {
  return `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;
}

/**
 * A CSV field: quoted when it holds the separator, a quote or a line break. Text that a
 * spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe (OWASP's
 * advice against CSV injection); numbers stay numbers.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvCell(column: Column, value: Cell): string {
  if (value === null || value === '') return '';
  if (column.kind === 'int') return String(value);
  if (column.kind === 'date') return norwegianDate(String(value));
  return csvField(String(value));
}

export function toCsv(table: Table): string {
  const lines: string[] = [];
  if (table.marking) lines.push(csvField(table.marking), '');
  lines.push(table.columns.map((c) => csvField(c.header)).join(';'));
  for (const row of table.rows) lines.push(table.columns.map((column, i) => csvCell(column, row[i] ?? null)).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Text for an XLSX page header or footer: `&` starts a code there, so it is doubled. */
function headerFooterText(text: string): string {
  return text.replace(/&/g, '&&');
}

export async function toXlsx(table: Table): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Samarkiv';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(table.sheetName, {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  const width = table.columns.length;
  let headerRow = 1;
  if (table.marking) {
    const row = sheet.addRow([table.marking]);
    row.font = { bold: true };
    sheet.mergeCells(1, 1, 1, width);
    headerRow = 2;
    const marking = headerFooterText(table.marking);
    sheet.headerFooter.oddHeader = `&C&B${marking}`;
    sheet.headerFooter.oddFooter = `&L${marking}&RSide &P av &N`;
  } else {
    sheet.headerFooter.oddFooter = '&RSide &P av &N';
  }
  const header = sheet.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  table.columns.forEach((column, i) => {
    sheet.getColumn(i + 1).width = column.width;
    if (column.kind === 'date') sheet.getColumn(i + 1).numFmt = 'dd.mm.yyyy';
  });
  for (const values of table.rows) {
    sheet.addRow(
      table.columns.map((column, i) => {
        const value = values[i] ?? null;
        if (value === null || value === '') return null;
        // A calendar day as UTC midnight: Excel dates have no time zone, and exceljs reads UTC.
        if (column.kind === 'date') return new Date(`${String(value)}T00:00:00Z`);
        return value;
      }),
    );
  }
  sheet.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }];
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + table.rows.length, column: width } };
  // The marking and header rows repeat on every printed page.
  sheet.pageSetup.printTitlesRow = `1:${headerRow}`;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const CONTENT_TYPES: Record<SpreadsheetFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The download of a table: `${basename}.csv` or `.xlsx`. */
export async function tableDownload(table: Table, format: SpreadsheetFormat, basename: string): Promise<ExportResult> {
  const body = format === 'csv' ? Buffer.from(toCsv(table), 'utf8') : await toXlsx(table);
  return { filename: `${basename}.${format}`, contentType: CONTENT_TYPES[format], body: Readable.from([body]) };
}
