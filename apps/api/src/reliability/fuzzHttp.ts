import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';

/** What one hostile request got back, as the printed counts and the assertions read it. */
export interface Outcome {
  status: number;
  /** extensions.code of each GraphQL error (or of the coded HTTP error). */
  codes: string[];
  ms: number;
  /** A network-level failure (reset, timeout) instead of an answer. */
  failure?: string;
  body: string;
}

/** Counts per kind of input and per outcome ("400 GRAPHQL_VALIDATION_FAILED", "200 ok"). */
export class Tally {
  private readonly counts = new Map<string, Map<string, number>>();
  maxMs = 0;

  add(kind: string, outcome: Outcome): void {
    const key = outcome.failure ? `no answer: ${outcome.failure}` : `${outcome.status} ${[...new Set(outcome.codes)].sort().join(',') || 'ok'}`;
    const byOutcome = this.counts.get(kind) ?? new Map<string, number>();
    byOutcome.set(key, (byOutcome.get(key) ?? 0) + 1);
    this.counts.set(kind, byOutcome);
    this.maxMs = Math.max(this.maxMs, outcome.ms);
  }

  total(): number {
    let n = 0;
    for (const byOutcome of this.counts.values()) for (const count of byOutcome.values()) n += count;
    return n;
  }

  render(): string {
    const lines = [`hostile input: ${this.total()} requests, slowest answer ${this.maxMs.toFixed(0)} ms`];
    for (const [kind, byOutcome] of this.counts) {
      const tried = [...byOutcome.values()].reduce((a, b) => a + b, 0);
      const outcomes = [...byOutcome].sort((a, b) => b[1] - a[1]).map(([key, n]) => `${n}× ${key}`);
      lines.push(`  ${kind.padEnd(26)} ${String(tried).padStart(5)}  ${outcomes.join('; ')}`);
    }
    return lines.join('\n');
  }
}

/** Sends one request; a missing answer within `timeoutMs` is an outcome, not a throw. */
export async function send(url: string, init: RequestInit, timeoutMs: number): Promise<Outcome> {
  const started = performance.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const body = await response.text();
    return { status: response.status, codes: codesOf(body), ms: performance.now() - started, body };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    const name = (error as Error).name;
    return { status: 0, codes: [], ms: performance.now() - started, failure: name === 'TimeoutError' ? `none within ${timeoutMs} ms` : (cause ?? (error as Error).message), body: '' };
  }
}

function codesOf(body: string): string[] {
  try {
    const json = JSON.parse(body) as { errors?: { extensions?: { code?: unknown } }[] };
    return (json.errors ?? []).map((e) => String(e.extensions?.code ?? 'NO_CODE'));
  } catch {
    return ['NOT_JSON'];
  }
}

/** A multipart/form-data body with one file part of the given bytes. */
export function multipart(bytes: Uint8Array, boundary: string, filename: string): Buffer {
  return Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    Buffer.from(bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
}

/**
 * Bytes straight onto a TCP connection, then the sending side closed: Node's own HTTP parser
 * answers what it cannot parse (400, 431) or closes. Closing without an answer is an outcome
 * (`failure: 'closed'`), as for bytes that are not a request at all.
 */
export function sendRaw(port: number, bytes: Uint8Array, timeoutMs: number): Promise<Outcome> {
  const started = performance.now();
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const finish = (failure?: string) => {
      clearTimeout(timer);
      socket.destroy();
      const body = Buffer.concat(chunks).toString('latin1');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(body)?.[1] ?? 0);
      done({ status, codes: [], ms: performance.now() - started, body, ...(status === 0 ? { failure: failure ?? 'closed' } : {}) });
    };
    const timer = setTimeout(() => finish(`none within ${timeoutMs} ms`), timeoutMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => finish());
    socket.on('error', (error: NodeJS.ErrnoException) => finish(error.code ?? error.message));
    socket.end(bytes);
  });
}
