import type { PrismaClient } from '@samarkiv/db';
import type { RequestHandler, Response } from 'express';
import type { ApiConfig } from '../config.ts';
import { readCookie, SESSION_COOKIE } from '../modules/auth/cookies.ts';
import { type AuthUser, mfaSetupRequired, resolveSession } from '../modules/auth/session.ts';
import { sendError } from './httpErrors.ts';

/** The header the web app sends on every request; a cross-site form or <img> cannot set it. */
export const CSRF_HEADER = 'x-samarkiv-csrf';

/**
 * Refuses a request without the custom header. A browser sends a cross-site request with a
 * custom header only after a CORS preflight, which this server never grants.
 */
export const requireCsrfHeader: RequestHandler = (req, res, next) => {
  if (!req.headers[CSRF_HEADER]) return sendError(res, 403, 'CSRF_HEADER_REQUIRED');
  next();
};

/** The session cookie's user in res.locals.user (401 without one), as GraphQL's @auth sees it. */
export function requireSession(prisma: PrismaClient, config: ApiConfig): RequestHandler {
  return async (req, res, next) => {
    const auth = await resolveSession(prisma, config, readCookie(req, SESSION_COOKIE));
    if (!auth) return sendError(res, 401, 'UNAUTHENTICATED');
    // The same rule as graphql/access.ts: an administrator's reset must be dealt with first.
    if (auth.user.mustChangePassword) return sendError(res, 403, 'PASSWORD_CHANGE_REQUIRED');
    if (mfaSetupRequired(auth.user, auth.session, config)) return sendError(res, 403, 'MFA_SETUP_REQUIRED');
    res.locals.user = auth.user;
    res.locals.userId = auth.user.id;
    next();
  };
}

export function userOf(res: Response): AuthUser {
  return res.locals.user as AuthUser;
}
