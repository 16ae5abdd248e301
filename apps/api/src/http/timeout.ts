import type { RequestHandler, Response } from 'express';
import type { Logger } from '../logger.ts';
import { sendError } from './httpErrors.ts';

/**
 * Answers REQUEST_TIMEOUT (503) when a request has no response after `ms`. Express has no such
 * thing built in. The timer starts before the body is read, so a body trickled in slowly is
 * cut off too. The work behind the request cannot be cancelled from here: it runs on, and what
 * it writes afterwards is dropped (see `discardLateWrites`).
 */
export function requestTimeout(ms: number, logger: Logger): RequestHandler {
  return (req, res, next) => {
    const timer = setTimeout(() => {
      // A response that has started (a stream) is left alone: its status is already out.
      if (res.headersSent) return;
      logger.warn({ requestId: res.locals.requestId, path: req.path, ms }, 'request timed out');
      sendError(res, 503, 'REQUEST_TIMEOUT', { timeoutMs: ms });
      discardLateWrites(res);
    }, ms);
    res.once('close', () => clearTimeout(timer));
    next();
  };
}

/**
 * After the timeout answered, the handler still running (Apollo's middleware) will set headers
 * and send its own response; on a finished response Node throws ERR_HTTP_HEADERS_SENT. Those
 * late writes become no-ops on this one response object.
 */
function discardLateWrites(res: Response): void {
  const self = () => res;
  res.setHeader = self as unknown as Response['setHeader'];
  res.appendHeader = self as unknown as Response['appendHeader'];
  res.removeHeader = () => {};
  res.writeHead = self as unknown as Response['writeHead'];
  res.write = (() => true) as Response['write'];
  res.end = self as unknown as Response['end'];
}
