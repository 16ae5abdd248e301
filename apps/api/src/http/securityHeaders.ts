import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * One policy for every response (SPA, /graphql, /healthz, uploads, exports, errors). No
 * 'unsafe-inline' anywhere: the built index.html loads its script and stylesheet as files, and
 * the Vite build inlines no assets (apps/web/vite.config.ts). Written out here rather than built
 * by helmet, so that the header is exactly this text.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const HSTS = 'max-age=31536000; includeSubDomains';

const helmetHeaders = helmet({
  contentSecurityPolicy: false,
  // Only over HTTPS (below): sent over plain HTTP it means nothing, and on localhost it would
  // pin a developer's browser to https://localhost.
  strictTransportSecurity: false,
  referrerPolicy: { policy: 'no-referrer' },
  xFrameOptions: { action: 'deny' },
});

export function securityHeaders(): RequestHandler {
  return (req, res, next) => {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    // req.secure follows X-Forwarded-Proto only from a proxy that 'trust proxy' names.
    if (req.secure) res.setHeader('Strict-Transport-Security', HSTS);
    helmetHeaders(req, res, next);
  };
}
