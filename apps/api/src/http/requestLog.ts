import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from '../logger.ts';

/** A caller's X-Request-Id when it looks like one (a proxy's), else a new one. */
export function requestIdOf(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[\w-]{8,64}$/.test(value) ? value : randomUUID();
}

/**
 * Gives each request an id (res.locals.requestId, echoed in X-Request-Id) and logs one line when
 * it ends: method, path, status, duration, user id if known. Never the query string (a GET may
 * carry GraphQL variables), the body or a header.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdOf(req.headers['x-request-id']);
    res.locals.requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    res.once('close', () => {
      const path = req.originalUrl.split('?')[0];
      const line = {
        requestId,
        method: req.method,
        path,
        status: res.statusCode,
        ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        userId: res.locals.userId as number | undefined,
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      // Health probes every few seconds would drown the rest.
      if (path === '/healthz') logger.debug(line, 'request');
      else logger.info(line, 'request');
    });
    next();
  };
}
