import { createReadStream } from 'node:fs';

// A streamed CSV reader (RFC 4180 as spreadsheets write it): the file is decoded chunk by chunk
// and handed on one record at a time, so memory stays constant whatever the file's size. The
// separator (';', ',' or a tab) is told from the header line; quoted fields may hold the
// separator, "" and line breaks. A UTF-8 byte order mark is dropped.

export interface CsvRecord {
  cells: string[];
  /** One-based line of the file the record starts on. */
  line: number;
  /** One-based record number, the header being 1 (what a spreadsheet shows as the row). */
  row: number;
}

export type CsvFault = { code: 'NOT_UTF8' | 'UNTERMINATED_QUOTE' | 'RECORD_TOO_LONG'; line: number };

export interface CsvOutcome {
  delimiter: string | null;
  bytesRead: number;
  fault: CsvFault | null;
  /** Set when the consumer stopped early (`stop()` returned true). */
  stopped: boolean;
}

const DELIMITERS = [';', ',', '\t'] as const;
/** A record longer than this is a runaway quote, not a series: reading stops there. */
const MAX_RECORD_CHARS = 1_000_000;

/** The separator that occurs most often outside quotes in the header line (';' on a tie or none). */
export function detectDelimiter(headerLine: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: string = ';';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/**
 * Reads `path` and calls `onRecord` for each record (the header first); `onRecord` answering
 * true stops the reading. `onProgress` gets the bytes read after each chunk.
 */
export async function readCsv(
  path: string,
  onRecord: (record: CsvRecord) => boolean | void | Promise<boolean | void>,
  onProgress?: (bytes: number) => Promise<void>,
  /** Bytes per chunk (small in tests, to put every boundary inside a quote, a "" or a CRLF). */
  chunkSize = 64 * 1024,
): Promise<CsvOutcome> {
  // Not fatal: the first U+FFFD tells the line of the first byte that is not UTF-8.
  const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
  const outcome: CsvOutcome = { delimiter: null, bytesRead: 0, fault: null, stopped: false };
  let pending = '';
  let line = 1;
  let row = 0;
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let afterQuote = false;
  let recordLine = 1;
  let recordChars = 0;
  let delimiter = '';

  const endRecord = async (): Promise<boolean> => {
    cells.push(field);
    const record = { cells, line: recordLine, row: ++row };
    cells = [];
    field = '';
    recordChars = 0;
    // A blank line between records is no record (a spreadsheet's trailing empty lines).
    if (record.cells.length === 1 && record.cells[0] === '') {
      row--;
      return false;
    }
    return Boolean(await onRecord(record));
  };

  const consume = async (text: string, final: boolean): Promise<boolean> => {
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (ch === '\uFFFD') {
        outcome.fault = { code: 'NOT_UTF8', line };
        return true;
      }
      if (++recordChars > MAX_RECORD_CHARS) {
        outcome.fault = { code: 'RECORD_TOO_LONG', line: recordLine };
        return true;
      }
      if (quoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i++;
          } else if (i + 1 === text.length && !final) {
            // A quote at the chunk's end: whether it is doubled shows only in the next chunk.
            pending = '"';
            recordChars--;
            return false;
          } else {
            quoted = false;
            afterQuote = true;
          }
        } else {
          if (ch === '\n') line++;
          field += ch;
        }
        continue;
      }
      if (ch === '"' && field === '' && !afterQuote) {
        quoted = true;
      } else if (ch === delimiter) {
        cells.push(field);
        field = '';
        afterQuote = false;
      } else if (ch === '\r' && i + 1 === text.length && !final) {
        // A CR at the chunk's end may be the first half of a CRLF.
        pending = '\r';
        recordChars--;
        return false;
      } else if (ch === '\r' && text[i + 1] === '\n') {
        continue;
      } else if (ch === '\n' || ch === '\r') {
        line++;
        afterQuote = false;
        if (await endRecord()) return true;
        recordLine = line;
      } else {
        // Text after a closing quote is kept as it stands (a lenient reading of a sloppy file).
        field += ch;
      }
    }
    pending = '';
    return false;
  };

  let head = '';
  const stream = createReadStream(path, { highWaterMark: chunkSize });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      outcome.bytesRead += chunk.length;
      let text = decoder.decode(chunk, { stream: true });
      if (!delimiter) {
        head += text;
        const end = head.search(/[\r\n]/);
        if (end < 0 && head.length < MAX_RECORD_CHARS) continue;
        delimiter = detectDelimiter(end < 0 ? head : head.slice(0, end));
        text = head;
      }
      if (await consume(pending + text, false)) {
        outcome.stopped = outcome.fault === null;
        break;
      }
      await onProgress?.(outcome.bytesRead);
    }
    if (!outcome.fault && !outcome.stopped) {
      if (!delimiter) {
        delimiter = detectDelimiter(head.split(/[\r\n]/)[0] ?? '');
        await consume(pending + head + decoder.decode(), true);
      } else await consume(pending + decoder.decode(), true);
      if (!outcome.fault) {
        if (quoted) outcome.fault = { code: 'UNTERMINATED_QUOTE', line: recordLine };
        else if (field !== '' || cells.length > 0) await endRecord();
      }
    }
  } finally {
    stream.destroy();
  }
  outcome.delimiter = delimiter || null;
  return outcome;
}
