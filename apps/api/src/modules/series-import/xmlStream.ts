import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesOptions, type SaxesTagNS } from 'saxes';

export type NsParser = SaxesParser<SaxesOptions & { xmlns: true; position: true }>;

/** saxes keeps one handler per event, so the caller hands its handlers over and streamXml composes them. */
export interface XmlHandlers {
  opentagstart?: () => void;
  opentag?: (tag: SaxesTagNS) => void;
  closetag?: (tag: SaxesTagNS) => void;
  text?: (text: string) => void;
  cdata?: (text: string) => void;
}

export interface StreamOutcome {
  /** The first well-formedness error (the parser stops there: what follows cannot be trusted). */
  syntaxError: { message: string; line: number; column: number } | null;
  /** The file ended inside an element: cut short. */
  truncated: boolean;
  bytesRead: number;
  /** The encoding the XML declaration names, if any (the bytes are read as UTF-8 whatever it says). */
  declaredEncoding: string | null;
}

const CHUNK = 256 * 1024;

/**
 * Streams a file through a namespace-aware saxes parser in constant memory: bytes are decoded as
 * UTF-8 chunk by chunk (a character split across two chunks is kept whole) and handed to the
 * parser, which `setup` has given its handlers. `onProgress` hears the bytes read so far after
 * every chunk and may be async (it is awaited: the caller writes progress to the database).
 */
export async function streamXml(path: string, setup: (parser: NsParser) => XmlHandlers, onProgress?: (bytesRead: number) => Promise<void> | void): Promise<StreamOutcome> {
  const parser: NsParser = new SaxesParser({ xmlns: true, position: true });
  const outcome: StreamOutcome = { syntaxError: null, truncated: false, bytesRead: 0, declaredEncoding: null };
  let depth = 0;
  let sawRoot = false;
  parser.on('error', (error) => {
    if (outcome.syntaxError) return;
    // saxes prefixes its message with "line:column: "; the position is reported apart.
    outcome.syntaxError = { message: error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, ''), line: parser.line, column: parser.column };
  });
  const handlers = setup(parser);
  parser.on('xmldecl', (decl) => {
    outcome.declaredEncoding = decl.encoding ?? null;
  });
  // saxes goes on through the rest of a chunk after an error; what follows it is not passed on.
  const ok = () => outcome.syntaxError === null;
  parser.on('opentagstart', () => {
    depth++;
    sawRoot = true;
    if (ok()) handlers.opentagstart?.();
  });
  parser.on('closetag', (tag) => {
    depth--;
    if (ok()) handlers.closetag?.(tag as SaxesTagNS);
  });
  parser.on('opentag', (tag) => ok() && handlers.opentag?.(tag as SaxesTagNS));
  parser.on('text', (text) => ok() && handlers.text?.(text));
  parser.on('cdata', (text) => ok() && handlers.cdata?.(text));
  const decoder = new StringDecoder('utf8');
  const stream = createReadStream(path, { highWaterMark: CHUNK });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      outcome.bytesRead += chunk.length;
      parser.write(decoder.write(chunk));
      if (outcome.syntaxError) break;
      await onProgress?.(outcome.bytesRead);
    }
    if (!outcome.syntaxError) {
      const rest = decoder.end();
      if (rest) parser.write(rest);
      const open = depth > 0 || !sawRoot;
      parser.close();
      // saxes reports an unclosed root as an error at close; say it plainly instead.
      if (open && sawRoot) {
        outcome.truncated = true;
        outcome.syntaxError = null;
      }
    }
  } finally {
    stream.destroy();
  }
  return outcome;
}
