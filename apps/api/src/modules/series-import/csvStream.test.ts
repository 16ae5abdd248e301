import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv, type CsvRecord } from './csvStream.ts';

// The streamed CSV reader on its own (no database): every chunk boundary gives the same records.

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'samarkiv-csv-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function read(content: string | Buffer, chunkSize?: number) {
  const path = join(dir, `${Math.random().toString(16).slice(2)}.csv`);
  await writeFile(path, content);
  const records: CsvRecord[] = [];
  const outcome = await readCsv(path, (r) => void records.push(r), undefined, chunkSize);
  return { records, outcome };
}

const TEXT = '\uFEFFA;B;C\r\n1;"to; ""tre""";"fire\r\nfæm"\r\n\r\n2;;\r\n3;x;"y"\n';
const EXPECTED = [
  { cells: ['A', 'B', 'C'], line: 1, row: 1 },
  { cells: ['1', 'to; "tre"', 'fire\r\nfæm'], line: 2, row: 2 },
  { cells: ['2', '', ''], line: 5, row: 3 },
  { cells: ['3', 'x', 'y'], line: 6, row: 4 },
];

describe('readCsv', () => {
  it('reads quoted separators, doubled quotes and line breaks the same at every chunk boundary', async () => {
    for (const size of [1, 2, 3, 5, 7, 64 * 1024]) {
      const { records, outcome } = await read(TEXT, size);
      expect({ size, records }).toEqual({ size, records: EXPECTED });
      expect(outcome).toMatchObject({ delimiter: ';', fault: null, bytesRead: Buffer.byteLength(TEXT) });
    }
  });

  it('tells the separator from the header line, ignoring separators inside quotes', async () => {
    expect((await read('"a;b",c\tx,d\n1,2,3\n')).outcome.delimiter).toBe(',');
    expect((await read('a\tb\tc')).records).toEqual([{ cells: ['a', 'b', 'c'], line: 1, row: 1 }]);
  });

  it('stops at the first byte that is not UTF-8, and at a quote that never closes', async () => {
    const latin1 = Buffer.concat([Buffer.from('A;B\n1;ok\n2;'), Buffer.from([0xe6]), Buffer.from('\n')]);
    expect((await read(latin1, 4)).outcome.fault).toEqual({ code: 'NOT_UTF8', line: 3 });
    expect((await read('A;B\n1;"åpen\n\n')).outcome.fault).toEqual({ code: 'UNTERMINATED_QUOTE', line: 2 });
  });
});
