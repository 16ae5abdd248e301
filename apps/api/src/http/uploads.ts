import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, type ReadStream, type WriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PrismaClient } from '@samarkiv/db';
import busboy from 'busboy';
import { type Request, type Response, Router } from 'express';
import type { ApiConfig } from '../config.ts';
import { AppError } from '../graphql/errors.ts';
import type { Logger } from '../logger.ts';
import { requireCsrfHeader, requireSession, userOf } from './guards.ts';
import { type HttpErrorCode, sendError } from './httpErrors.ts';

/**
 * Files for imports (hundreds of MB) do not go through GraphQL: POST /uploads streams one file
 * to a staging directory and answers with an upload id, which an import mutation then passes to
 * openUpload(). Staged files live a day.
 *
 * On disk, per upload: `<id>.part` while it arrives, then `<id>.upload` (the bytes) and
 * `<id>.json` (who uploaded what, when). The client's filename is only ever data, never a path.
 */
export interface StagedUpload {
  uploadId: string;
  ownerId: number;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: string;
}

export type UploadsConfig = ApiConfig['uploads'];

// 32 characters of base64url: 192 random bits, and nothing that could climb out of the directory.
const ID_PATTERN = /^[\w-]{32}$/;
const STAGED_NAME = /^[\w-]{32}\.(upload|json|part|json\.tmp)$/;
// Multipart boundaries and part headers around the file; a declared length beyond this is refused unread.
const MULTIPART_SLACK = 64 * 1024;

const dataPath = (dir: string, id: string) => join(dir, `${id}.upload`);
const metaPath = (dir: string, id: string) => join(dir, `${id}.json`);
const partPath = (dir: string, id: string) => join(dir, `${id}.part`);

export function uploadRoutes(prisma: PrismaClient, config: ApiConfig, logger: Logger): Router {
  const router = Router();
  router.post('/uploads', requireCsrfHeader, requireSession(prisma, config), (req, res) => receiveUpload(req, res, config.uploads, logger));
  return router;
}

class UploadFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: HttpErrorCode,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

async function receiveUpload(req: Request, res: Response, config: UploadsConfig, logger: Logger): Promise<void> {
  // Refusals answer at once; sendError closes the connection rather than read the rest.
  if (!req.is('multipart/form-data')) return sendError(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  if (Number(req.headers['content-length']) > config.maxBytes + MULTIPART_SLACK) {
    return sendError(res, 413, 'PAYLOAD_TOO_LARGE', { maxBytes: config.maxBytes });
  }
  await mkdir(config.dir, { recursive: true, mode: 0o700 });
  const uploadId = randomBytes(24).toString('base64url');
  const part = partPath(config.dir, uploadId);
  const ownerId = userOf(res).id;
  try {
    const file = await receiveOneFile(req, part, config);
    const record: StagedUpload = { uploadId, ownerId, ...file, createdAt: new Date().toISOString() };
    await rename(part, dataPath(config.dir, uploadId));
    // The record appears whole or not at all: openUpload never reads half of one.
    await writeFile(`${metaPath(config.dir, uploadId)}.tmp`, JSON.stringify(record), { mode: 0o600 });
    await rename(`${metaPath(config.dir, uploadId)}.tmp`, metaPath(config.dir, uploadId));
    logger.info({ requestId: res.locals.requestId, uploadId, userId: ownerId, size: file.size }, 'upload staged');
    res.status(201).json({ uploadId, size: file.size, filename: file.filename, sha256: file.sha256 });
  } catch (error) {
    await rm(part, { force: true });
    if (!(error instanceof UploadFailure)) throw error;
    logger.info({ requestId: res.locals.requestId, userId: ownerId, code: error.code }, 'upload refused');
    sendError(res, error.status, error.code, error.extensions);
  }
}

type ReceivedFile = Pick<StagedUpload, 'filename' | 'contentType' | 'size' | 'sha256'>;

/**
 * Streams the one file of a multipart body to `target` (never held in memory), hashing it on
 * the way. Settles only after the file on disk is closed, so the caller may delete it.
 */
function receiveOneFile(req: Request, target: string, config: UploadsConfig): Promise<ReceivedFile> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        // Browsers send a FormData filename as raw UTF-8 (æ, ø, å), not latin1.
        defParamCharset: 'utf8',
        // busboy signals 'limit' on reaching fileSize, so one byte more: a file of exactly maxBytes passes.
        limits: { files: 1, fileSize: config.maxBytes + 1, fields: 20, fieldSize: 1024, parts: 21, headerPairs: 20 },
      });
    } catch {
      // No boundary, or not multipart after all.
      reject(new UploadFailure(400, 'BAD_UPLOAD'));
      return;
    }
    let writing: Promise<ReceivedFile> | null = null;
    let sink: WriteStream | null = null;
    let fileStream: NodeJS.ReadableStream & { destroy(error?: Error): void } | null = null;
    let failure: UploadFailure | null = null;
    let idleTimer: NodeJS.Timeout | undefined;

    const settle = () => {
      clearTimeout(idleTimer);
      req.off('data', onData);
      req.off('aborted', onAborted);
      // Wait for the file to be closed (its write stream destroyed) before reporting.
      const written = writing ?? Promise.reject(new UploadFailure(400, 'BAD_UPLOAD', { reason: 'no file' }));
      // A write stream destroyed while its file is still being opened creates the file after the
      // pipeline has already failed: wait for it to close, so the caller's delete comes last.
      const sinkClosed = () => (sink && !sink.closed ? once(sink, 'close').then(() => undefined, () => undefined) : Promise.resolve());
      written.then(
        (file) => (failure ? reject(failure) : resolve(file)),
        async (error: unknown) => {
          await sinkClosed();
          if (failure || error instanceof UploadFailure) return reject(failure ?? error);
          // The disk failed (full, not writable): a server error for the error handler to log.
          if ((error as NodeJS.ErrnoException).syscall) return reject(error);
          // Otherwise the stream broke: a body cut short or malformed.
          reject(new UploadFailure(400, 'BAD_UPLOAD'));
        },
      );
    };
    const fail = (why: UploadFailure) => {
      if (failure) return;
      failure = why;
      req.unpipe(parser);
      fileStream?.destroy(why);
      parser.removeAllListeners('close');
      parser.on('error', () => {});
      settle();
    };
    const onData = () => {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => {
        fail(new UploadFailure(408, 'UPLOAD_INTERRUPTED'));
      }, config.idleTimeoutMs);
    };
    const onAborted = () => fail(new UploadFailure(408, 'UPLOAD_INTERRUPTED'));

    parser.on('file', (_field, file, info) => {
      if (writing) {
        file.resume();
        return;
      }
      fileStream = file;
      const hash = createHash('sha256');
      let size = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length;
          hash.update(chunk);
          done(null, chunk);
        },
      });
      // busboy stops passing bytes at the limit; the whole upload is refused, not kept cut short.
      file.on('limit', () => fail(new UploadFailure(413, 'PAYLOAD_TOO_LARGE', { maxBytes: config.maxBytes })));
      sink = createWriteStream(target, { flags: 'wx', mode: 0o600 });
      writing = pipeline(file, meter, sink).then(() => ({
        filename: cleanFilename(info.filename),
        contentType: info.mimeType,
        size,
        sha256: hash.digest('hex'),
      }));
      // Reported through settle(); this only keeps an early rejection from being "unhandled".
      writing.catch(() => {});
    });
    parser.on('filesLimit', () => fail(new UploadFailure(400, 'BAD_UPLOAD', { reason: 'more than one file' })));
    parser.on('partsLimit', () => fail(new UploadFailure(400, 'BAD_UPLOAD', { reason: 'too many parts' })));
    parser.on('fieldsLimit', () => fail(new UploadFailure(400, 'BAD_UPLOAD', { reason: 'too many fields' })));
    parser.on('error', () => fail(new UploadFailure(400, 'BAD_UPLOAD')));
    parser.on('close', () => {
      if (!failure) settle();
    });
    req.on('data', onData);
    req.on('aborted', onAborted);
    onData();
    req.pipe(parser);
  });
}

/** The last path segment, without control characters, at most 255 characters. */
function cleanFilename(name: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  const base = (name ?? '').split(/[/\\]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return base.slice(0, 255) || 'upload';
}

/**
 * For an import mutation: the staged upload `uploadId` if `userId` uploaded it. Someone else's
 * upload is FORBIDDEN; an unknown, malformed or expired id is NOT_FOUND.
 */
export async function openUpload(
  uploadDir: string,
  uploadId: string,
  userId: number,
  retentionMs = 24 * 60 * 60_000,
): Promise<StagedUpload & { path: string; open(): ReadStream }> {
  if (!ID_PATTERN.test(uploadId)) throw new AppError('NOT_FOUND');
  let record: StagedUpload;
  try {
    record = JSON.parse(await readFile(metaPath(uploadDir, uploadId), 'utf8')) as StagedUpload;
  } catch {
    throw new AppError('NOT_FOUND');
  }
  if (record.ownerId !== userId) throw new AppError('FORBIDDEN');
  if (Date.now() - Date.parse(record.createdAt) > retentionMs) throw new AppError('NOT_FOUND');
  const path = dataPath(uploadDir, uploadId);
  const file = await stat(path).catch(() => null);
  if (!file?.isFile() || file.size !== record.size) throw new AppError('NOT_FOUND');
  return { ...record, path, open: () => createReadStream(path) };
}

/** Removes a staged upload, for an import that has consumed it. */
export async function discardUpload(uploadDir: string, uploadId: string): Promise<void> {
  if (!ID_PATTERN.test(uploadId)) return;
  await Promise.all([dataPath, metaPath, partPath].map((path) => rm(path(uploadDir, uploadId), { force: true })));
}

/**
 * Deletes staged files (finished, half-written or orphaned) last modified more than `maxAgeMs`
 * ago. Only names this module writes are touched, in case the directory is shared.
 */
export async function removeExpiredUploads(uploadDir: string, maxAgeMs: number, now = Date.now()): Promise<number> {
  let names: string[];
  try {
    names = await readdir(uploadDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  let removed = 0;
  for (const name of names.filter((n) => STAGED_NAME.test(n))) {
    const path = join(uploadDir, name);
    const info = await stat(path).catch(() => null);
    if (info?.isFile() && now - info.mtimeMs > maxAgeMs) {
      await rm(path, { force: true });
      removed++;
    }
  }
  return removed;
}

/** Runs removeExpiredUploads now and every hour; the timer does not keep the process alive. */
export function startUploadCleanup(config: UploadsConfig, logger: Logger, intervalMs = 60 * 60_000): { stop(): void } {
  const run = () =>
    removeExpiredUploads(config.dir, config.retentionMs).then(
      (removed) => removed > 0 && logger.info({ removed, dir: config.dir }, 'removed expired uploads'),
      (error: unknown) => logger.warn({ err: error, dir: config.dir }, 'could not clean the upload directory'),
    );
  void run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
