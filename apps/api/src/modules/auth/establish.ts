import type { PrismaClient } from '@samarkiv/db';
import type { Request, Response } from 'express';
import type { ApiConfig } from '../../config.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { readCookie, SESSION_COOKIE, setSessionCookie } from './cookies.ts';
import { createSession, hashSessionId } from './session.ts';

/** What a sign-in needs of its request, from GraphQL (signIn) or from an HTTP route (the OIDC callback). */
export interface SignInRequest {
  prisma: PrismaClient;
  config: ApiConfig;
  req: Request;
  res: Response;
  requestId: string;
  clientAddress: string | null;
  userAgent: string | null;
}

/**
 * The one way a session begins, whatever proved who the user is: a new session id (the one the
 * browser had is ended), last sign-in time and the audit row in one transaction, then the cookie.
 */
export async function establishSession(r: SignInRequest, userId: number, method: string, auditAfter?: Record<string, unknown>): Promise<{ expiresAt: Date }> {
  const previous = readCookie(r.req, SESSION_COOKIE);
  const created = await r.prisma.$transaction(async (tx) => {
    if (previous) await tx.session.deleteMany({ where: { idHash: hashSessionId(previous) } });
    const session = await createSession(tx as PrismaClient, r.config, userId, { clientAddress: r.clientAddress, userAgent: r.userAgent, method });
    await tx.user.update({ where: { id: userId }, data: { lastSignInAt: new Date() } });
    await recordAudit(tx, { user: null, requestId: r.requestId, clientAddress: r.clientAddress }, { action: 'sign-in', entityType: 'Session', entityId: userId, actorId: userId, after: auditAfter });
    return session;
  });
  setSessionCookie(r.req, r.res, r.config, created.token, created.expiresAt);
  return { expiresAt: created.expiresAt };
}
