import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '@samarkiv/db';
import { openTestDatabase } from '@samarkiv/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiConfigFromEnv } from '../config.ts';
import { AppError } from '../graphql/errors.ts';
import { startTestApi, type GraphQLResponse, type TestApi, type TestClient } from '../testing/testApi.ts';
import { memoryLogger } from '../testing/memoryLogger.ts';
import { openUpload, removeExpiredUploads, startUploadCleanup } from './uploads.ts';

const SMALL_LIMIT = 1024 * 1024;

let db: Database;
let api: TestApi;
let small: TestApi;
let arkivar: TestClient;
let arkivarId: number;
let leserId: number;

beforeAll(async () => {
  db = await openTestDatabase('seeded');
  api = await startTestApi(db);
  small = await startTestApi(db, { uploads: { maxBytes: SMALL_LIMIT } });
  arkivar = await api.signIn('arkivar');
  arkivarId = (await db.prisma.user.findUniqueOrThrow({ where: { username: 'arkivar' } })).id;
  leserId = (await db.prisma.user.findUniqueOrThrow({ where: { username: 'leser' } })).id;
});
afterAll(async () => {
  await api?.close();
  await small?.close();
  await db?.close();
});

function form(files: { name: string; data: Buffer }[]): FormData {
  const body = new FormData();
  for (const file of files) body.append('file', new Blob([new Uint8Array(file.data)], { type: 'application/zip' }), file.name);
  return body;
}

async function upload(target: TestApi, body: BodyInit, headers: Record<string, string> = { 'x-samarkiv-csrf': '1', cookie: arkivar.cookie! }) {
  const response = await fetch(`${target.url}/uploads`, { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
  return { status: response.status, json: (await response.json()) as Record<string, unknown> & GraphQLResponse<unknown> };
}

/** A multipart body sent in chunks without a Content-Length, as a client streaming from disk would. */
function streamedMultipart(filename: string, size: number): { body: ReadableStream<Uint8Array>; contentType: string } {
  const boundary = `----samarkiv${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/zip\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const chunk = Buffer.alloc(64 * 1024, 7);
  let headSent = false;
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!headSent) {
        headSent = true;
        controller.enqueue(head);
      } else if (sent < size) {
        const n = Math.min(chunk.length, size - sent);
        controller.enqueue(chunk.subarray(0, n));
        sent += n;
      } else {
        controller.enqueue(tail);
        controller.close();
      }
    },
  });
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

const codeOf = (json: GraphQLResponse<unknown>) => json.errors?.[0]?.extensions?.code;
const stagedFiles = (target: TestApi) => (existsSync(target.config.uploads.dir) ? readdirSync(target.config.uploads.dir) : []);

describe('POST /uploads', () => {
  it('refuses an upload without a session with 401 UNAUTHENTICATED', async () => {
    const { status, json } = await upload(api, form([{ name: 'a.zip', data: Buffer.from('x') }]), { 'x-samarkiv-csrf': '1' });
    expect(status).toBe(401);
    expect(codeOf(json)).toBe('UNAUTHENTICATED');
  });

  it('refuses an upload without the x-samarkiv-csrf header with 403 CSRF_HEADER_REQUIRED', async () => {
    const { status, json } = await upload(api, form([{ name: 'a.zip', data: Buffer.from('x') }]), { cookie: arkivar.cookie! });
    expect(status).toBe(403);
    expect(codeOf(json)).toBe('CSRF_HEADER_REQUIRED');
  });

  it('refuses a body that is not multipart/form-data with 415', async () => {
    const { status, json } = await upload(api, 'just text', { 'x-samarkiv-csrf': '1', cookie: arkivar.cookie!, 'content-type': 'text/plain' });
    expect(status).toBe(415);
    expect(codeOf(json)).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('streams a 5 MB file to the staging directory and answers its id, size, name and SHA-256', async () => {
    const data = randomBytes(5 * 1024 * 1024);
    const { status, json } = await upload(api, form([{ name: 'Arkivuttrekk Rollag æøå.zip', data }]));
    expect(status).toBe(201);
    expect(json).toEqual({
      uploadId: expect.stringMatching(/^[\w-]{32}$/),
      size: data.length,
      filename: 'Arkivuttrekk Rollag æøå.zip',
      sha256: createHash('sha256').update(data).digest('hex'),
    });
    const id = json.uploadId as string;
    const dir = api.config.uploads.dir;
    expect(readFileSync(join(dir, `${id}.upload`)).equals(data)).toBe(true);
    const record = JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')) as Record<string, unknown>;
    expect(record).toMatchObject({ uploadId: id, ownerId: arkivarId, filename: 'Arkivuttrekk Rollag æøå.zip', size: data.length });
    expect(Date.now() - Date.parse(record.createdAt as string)).toBeLessThan(60_000);
  });

  it('takes a streamed upload without a Content-Length', async () => {
    const { body, contentType } = streamedMultipart('stream.zip', 300 * 1024);
    const { status, json } = await upload(small, body, { 'x-samarkiv-csrf': '1', cookie: (await small.signIn('arkivar')).cookie!, 'content-type': contentType });
    expect(status).toBe(201);
    expect(json.size).toBe(300 * 1024);
  });

  it('refuses a file over the limit with 413 PAYLOAD_TOO_LARGE when its length is declared, and stages nothing', async () => {
    const before = stagedFiles(small);
    const client = await small.signIn('arkivar');
    const { status, json } = await upload(small, form([{ name: 'big.zip', data: randomBytes(3 * SMALL_LIMIT) }]), { 'x-samarkiv-csrf': '1', cookie: client.cookie! });
    expect(status).toBe(413);
    expect(codeOf(json)).toBe('PAYLOAD_TOO_LARGE');
    expect(stagedFiles(small)).toEqual(before);
  });

  it('stops a streamed file at the limit with 413 and deletes what was written', async () => {
    const before = stagedFiles(small);
    const client = await small.signIn('arkivar');
    const { body, contentType } = streamedMultipart('big.zip', 3 * SMALL_LIMIT);
    const { status, json } = await upload(small, body, { 'x-samarkiv-csrf': '1', cookie: client.cookie!, 'content-type': contentType });
    expect(status).toBe(413);
    expect(codeOf(json)).toBe('PAYLOAD_TOO_LARGE');
    expect(stagedFiles(small)).toEqual(before);
  });

  it('drops an upload that stalls for longer than the idle timeout with 408, and deletes what was written', async () => {
    const stalling = await startTestApi(db, { uploads: { idleTimeoutMs: 300 } });
    try {
      const client = await stalling.signIn('arkivar');
      const boundary = 'stall-boundary';
      const parts = [
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="slow.zip"\r\n\r\n`),
        randomBytes(100_000),
      ];
      // Sends the start of a file, then nothing.
      const body = new ReadableStream<Uint8Array>({ pull: (controller) => (parts.length ? controller.enqueue(parts.shift()!) : new Promise(() => {})) });
      const { status, json } = await upload(stalling, body, { 'x-samarkiv-csrf': '1', cookie: client.cookie!, 'content-type': `multipart/form-data; boundary=${boundary}` });
      expect(status).toBe(408);
      expect(codeOf(json)).toBe('UPLOAD_INTERRUPTED');
      expect(stagedFiles(stalling)).toEqual([]);
    } finally {
      await stalling.close();
    }
  });

  it('takes a file of exactly the limit', async () => {
    const client = await small.signIn('arkivar');
    const { status, json } = await upload(small, form([{ name: 'exact.zip', data: randomBytes(SMALL_LIMIT) }]), { 'x-samarkiv-csrf': '1', cookie: client.cookie! });
    expect(status).toBe(201);
    expect(json.size).toBe(SMALL_LIMIT);
  });

  it('refuses two files in one upload with 400 BAD_UPLOAD, and stages nothing', async () => {
    const before = stagedFiles(api);
    const { status, json } = await upload(api, form([{ name: 'a.zip', data: randomBytes(1000) }, { name: 'b.zip', data: randomBytes(1000) }]));
    expect(status).toBe(400);
    expect(codeOf(json)).toBe('BAD_UPLOAD');
    expect(stagedFiles(api)).toEqual(before);
  });

  it('refuses a form without a file with 400 BAD_UPLOAD', async () => {
    const body = new FormData();
    body.append('note', 'no file here');
    const { status, json } = await upload(api, body);
    expect(status).toBe(400);
    expect(codeOf(json)).toBe('BAD_UPLOAD');
  });
});

describe('a staging directory that cannot be used', () => {
  it('answers a masked 500 whose correlation id the log carries', async () => {
    // A path under a file: the directory cannot be made.
    const parent = mkdtempSync(join(tmpdir(), 'samarkiv-notadir-'));
    writeFileSync(join(parent, 'file'), 'x');
    const log = memoryLogger();
    const broken = await startTestApi(db, { uploads: { dir: join(parent, 'file', 'uploads') } }, { logger: log.logger });
    try {
      const client = await broken.signIn('arkivar');
      const { status, json } = await upload(broken, form([{ name: 'a.zip', data: randomBytes(1000) }]), { 'x-samarkiv-csrf': '1', cookie: client.cookie! });
      expect(status).toBe(500);
      expect(codeOf(json)).toBe('INTERNAL_SERVER_ERROR');
      const line = log.lines().find((entry) => entry.correlationId === json.errors![0]!.extensions!.correlationId);
      expect(JSON.stringify(line?.err)).toMatch(/ENOTDIR/);
    } finally {
      await broken.close();
      rmSync(parent, { recursive: true, force: true });
    }
  });
});

describe('openUpload', () => {
  it('gives the staged file to the user who uploaded it, and refuses anyone else', async () => {
    const data = randomBytes(10_000);
    const { json } = await upload(api, form([{ name: 'mine.zip', data }]));
    const id = json.uploadId as string;
    const staged = await openUpload(api.config.uploads.dir, id, arkivarId);
    expect(staged).toMatchObject({ uploadId: id, ownerId: arkivarId, filename: 'mine.zip', size: data.length });
    const chunks: Buffer[] = [];
    for await (const chunk of staged.open()) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(data)).toBe(true);

    const other = await openUpload(api.config.uploads.dir, id, leserId).catch((error: unknown) => error);
    expect(other).toBeInstanceOf(AppError);
    expect((other as AppError).code).toBe('FORBIDDEN');
  });

  it('answers NOT_FOUND for an unknown, malformed or expired id', async () => {
    const dir = api.config.uploads.dir;
    for (const id of ['A'.repeat(32), '../../etc/passwd', '']) {
      const error = await openUpload(dir, id, arkivarId).catch((e: unknown) => e);
      expect((error as AppError).code, id).toBe('NOT_FOUND');
    }
    const { json } = await upload(api, form([{ name: 'old.zip', data: randomBytes(100) }]));
    const expired = await openUpload(dir, json.uploadId as string, arkivarId, 0).catch((e: unknown) => e);
    expect((expired as AppError).code).toBe('NOT_FOUND');
  });
});

describe('removeExpiredUploads', () => {
  it('removes staged files older than the retention and leaves newer and foreign files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samarkiv-cleanup-'));
    try {
      const old = 'o'.repeat(32);
      const fresh = 'f'.repeat(32);
      for (const name of [`${old}.upload`, `${old}.json`, `${old}.part`, `${fresh}.upload`, `${fresh}.json`, 'notes.txt']) writeFileSync(join(dir, name), 'x');
      mkdirSync(join(dir, 'subdir'));
      const dayAndAHourAgo = (Date.now() - 25 * 60 * 60_000) / 1000;
      for (const name of [`${old}.upload`, `${old}.json`, `${old}.part`, 'notes.txt']) utimesSync(join(dir, name), dayAndAHourAgo, dayAndAHourAgo);

      expect(await removeExpiredUploads(dir, 24 * 60 * 60_000)).toBe(3);
      expect(readdirSync(dir).sort()).toEqual([`${fresh}.json`, `${fresh}.upload`, 'notes.txt', 'subdir']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs once at start and logs what it removed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samarkiv-cleanup-'));
    const name = `${'s'.repeat(32)}.upload`;
    writeFileSync(join(dir, name), 'x');
    const twoDaysAgo = (Date.now() - 48 * 60 * 60_000) / 1000;
    utimesSync(join(dir, name), twoDaysAgo, twoDaysAgo);
    const log = memoryLogger();
    const cleanup = startUploadCleanup({ ...apiConfigFromEnv({}).uploads, dir }, log.logger);
    try {
      await expect.poll(() => existsSync(join(dir, name))).toBe(false);
      expect(log.lines().find((line) => line.msg === 'removed expired uploads')).toMatchObject({ removed: 1, dir });
    } finally {
      cleanup.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does nothing when the directory does not exist yet', async () => {
    expect(await removeExpiredUploads(join(tmpdir(), `samarkiv-none-${Date.now()}`), 1000)).toBe(0);
  });
});

describe('upload configuration', () => {
  it('defaults to 2 GiB under the data directory, and reads SAMARKIV_UPLOAD_DIR and SAMARKIV_UPLOAD_MAX_BYTES', () => {
    const defaults = apiConfigFromEnv({ SAMARKIV_DATA_DIR: '/srv/samarkiv' });
    expect(defaults.uploads).toMatchObject({ dir: '/srv/samarkiv/uploads', maxBytes: 2 * 1024 ** 3, retentionMs: 24 * 60 * 60_000 });
    expect(apiConfigFromEnv({ DATABASE_URL: 'postgres://x/y' }).uploads.dir).toBe(join(tmpdir(), 'samarkiv-uploads'));
    const set = apiConfigFromEnv({ SAMARKIV_UPLOAD_DIR: '/var/staging', SAMARKIV_UPLOAD_MAX_BYTES: '1000' });
    expect(set.uploads).toMatchObject({ dir: '/var/staging', maxBytes: 1000 });
  });
});
