import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import type { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { decryptingStream, parseEncryptionHeader } from './crypto.ts';
import { ExportError } from './errors.ts';

const GZIP_MAGIC = [0x1f, 0x8b];
const HEAD_BYTES = 4096;

/** Tells a plain file from an encrypted one and sets up the decryption (checking the passphrase). */
async function openFile(file: string, passphrase: string | undefined): Promise<{ start: number; decrypt: Transform[] }> {
  let head: Buffer;
  try {
    const fd = openSync(file, 'r');
    try {
      head = Buffer.alloc(HEAD_BYTES);
      head = head.subarray(0, readSync(fd, head, 0, HEAD_BYTES, 0));
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw new ExportError('EXPORT_FILE_UNREADABLE', `Cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
  if (head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1]) return { start: 0, decrypt: [] };
  const newline = head.indexOf(0x0a);
  const header = newline > 0 ? parseEncryptionHeader(head.subarray(0, newline).toString('utf8')) : null;
  if (!header) throw new ExportError('EXPORT_FILE_UNREADABLE', `${file} is not a Samarkiv export (neither gzip nor an encrypted export).`);
  if (passphrase === undefined) {
    throw new ExportError('EXPORT_PASSPHRASE_REQUIRED', 'The file is encrypted: give its passphrase (SAMARKIV_EXPORT_PASSPHRASE, --passphrase-file or the prompt).');
  }
  return { start: newline + 1, decrypt: [await decryptingStream(header, head.subarray(0, newline + 1), passphrase)] };
}

class Stop extends Error {}

/**
 * Feeds `onLine` each line of the export's NDJSON, in order, awaiting each (backpressure reaches
 * the file). Resolves only once the whole file is read and, when encrypted, its tag verified.
 * onLine may return 'stop' to read no further (reading the header only).
 */
export async function readExportLines(file: string, passphrase: string | undefined, onLine: (line: string) => Promise<void | 'stop'>): Promise<void> {
  const { start, decrypt } = await openFile(file, passphrase);
  // Node 20's pipeline rejects with an AbortError, not the consumer's own error: keep that one.
  let consumerError: unknown;
  // pipeline rejects as soon as a stream fails, while onLine may still be writing: the caller
  // must not roll back (or commit) under it, so a failure waits for the consumer to stop.
  let failed = false;
  let consumer: Promise<void> = Promise.resolve();
  const consume = async (source: Readable) => {
    const decoder = new StringDecoder('utf8');
    let pending = '';
    try {
      for await (const chunk of source) {
        pending += decoder.write(chunk as Buffer);
        let from = 0;
        let newline: number;
        while ((newline = pending.indexOf('\n', from)) >= 0) {
          const line = pending.slice(from, newline);
          from = newline + 1;
          if (failed) throw new Stop();
          if ((await onLine(line)) === 'stop') throw new Stop();
        }
        pending = pending.slice(from);
      }
      pending += decoder.end();
      if (pending) throw new ExportError('EXPORT_FILE_DAMAGED', 'The file ends in the middle of a line: it is truncated or damaged. Nothing was written.');
    } catch (error) {
      if (!failed) consumerError = error;
      throw error;
    }
  };
  try {
    // pipeline's overloads do not take a spread in the middle; the streams are what it expects.
    await (pipeline as (...stages: unknown[]) => Promise<void>)(createReadStream(file, { start }), ...decrypt, createGunzip(), (source: Readable) => (consumer = consume(source)));
  } catch (caught) {
    failed = true;
    await consumer.catch(() => {});
    const error = consumerError ?? caught;
    if (error instanceof Stop) return;
    if (error instanceof ExportError) throw error;
    const code = (error as { code?: string }).code;
    if (code?.startsWith('Z_') || code === 'ERR_STREAM_PREMATURE_CLOSE') {
      throw new ExportError('EXPORT_FILE_DAMAGED', `The file is truncated or damaged (${(error as Error).message}). Nothing was written.`, { cause: error });
    }
    throw error;
  }
}
