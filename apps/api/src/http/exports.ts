import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Database, Role } from '@samarkiv/db';
import { type Request, type Response, Router } from 'express';
import type { ApiConfig } from '../config.ts';
import type { Logger } from '../logger.ts';
import { archiveSeriesComparisonExport } from '../modules/archive-series/comparison.export.ts';
import type { AuthUser } from '../modules/auth/session.ts';
import { AppError } from '../graphql/errors.ts';
import { requireSession, userOf } from './guards.ts';
import { sendError } from './httpErrors.ts';

/**
 * Streamed downloads (GET /exports/:name) beside GraphQL, outside its 15-second timeout and its
 * response buffering. A feature module registers an export once at import time; the route
 * checks the session and the roles, then streams what `run` returns with the headers set here.
 */
export interface ExportRequest {
  user: AuthUser;
  /** The query string, e.g. ?municipality=3303. Validate it like any input. */
  params: URLSearchParams;
  db: Database;
  logger: Logger;
  /** Aborted when the client goes away: stop reading from the database. */
  signal: AbortSignal;
  /** For the audit event a download records (recordAudit takes these with the user). */
  requestId: string;
  clientAddress: string | null;
}

export interface ExportResult {
  /** The name the browser saves the file under (any characters; encoded here). */
  filename: string;
  contentType: string;
  body: Readable | AsyncIterable<string | Uint8Array>;
}

export interface ExportDefinition {
  /** Who may download, as @auth(roles: …) says for a root field; omitted: any signed-in user. ADMIN always may. */
  roles?: readonly Role[];
  run(request: ExportRequest): Promise<ExportResult>;
}

const registry = new Map<string, ExportDefinition>();

export function registerExport(name: string, definition: ExportDefinition): void {
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(name)) throw new Error(`export name "${name}" must be lower-case letters, digits and dashes`);
  if (registry.has(name)) throw new Error(`export "${name}" is registered twice`);
  registry.set(name, definition);
}

// The application's exports, one line each (a definition imports only types from here).
registerExport('archive-series-comparison', archiveSeriesComparisonExport);

export function exportRoutes(db: Database, config: ApiConfig, logger: Logger): Router {
  const router = Router();
  // A plain GET, so that a link can download; it changes nothing, and a cross-site page cannot read
  // the answer. The SameSite=Lax cookie is not sent on a cross-site subrequest anyway.
  router.get('/exports/:name', requireSession(db.prisma, config), (req, res) => serveExport(req, res, db, logger));
  return router;
}

async function serveExport(req: Request, res: Response, db: Database, logger: Logger): Promise<void> {
  const definition = registry.get(String(req.params.name));
  if (!definition) return sendError(res, 404, 'NOT_FOUND');
  const user = userOf(res);
  if (definition.roles && !user.isAdmin && !definition.roles.some((role) => user.roles.has(role))) return sendError(res, 403, 'FORBIDDEN');

  const aborted = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) aborted.abort();
  });
  const params = new URLSearchParams(req.originalUrl.split('?')[1] ?? '');
  // Bad input (a coded AppError such as VALIDATION_FAILED naming the parameter) is a 400 in the
  // GraphQL error shape; any other error before the first byte reaches the error handler (a
  // masked, logged 500).
  let result: ExportResult;
  try {
    result = await definition.run({ user, params, db, logger, signal: aborted.signal, requestId: String(res.locals.requestId ?? ''), clientAddress: req.ip ?? null });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (!res.req.complete) res.setHeader('Connection', 'close');
    res.status(400).type('application/json; charset=utf-8').send(JSON.stringify({ errors: [{ message: error.message, extensions: { code: error.code, ...error.details } }] }));
    return;
  }
  res.status(200);
  res.setHeader('Content-Type', result.contentType);
  res.setHeader('Content-Disposition', contentDisposition(result.filename));
  res.setHeader('Cache-Control', 'no-store');
  try {
    await pipeline(result.body instanceof Readable ? result.body : Readable.from(result.body), res);
  } catch (error) {
    // After the headers there is no status to change: the log says why, the client sees a cut.
    if (!aborted.signal.aborted) logger.error({ err: error, requestId: res.locals.requestId, export: req.params.name }, 'export failed while streaming');
    res.destroy();
  }
}

/** attachment with an ASCII fallback and the exact name in RFC 5987 form (æ, ø, å survive). */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
