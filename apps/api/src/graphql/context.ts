import type { Database, PrismaClient } from '@samarkiv/db';
import type { Request, Response } from 'express';
import type { ApiConfig } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { AuthSession, AuthUser } from '../modules/auth/session.ts';
import type { SignInLimiter } from '../modules/auth/rateLimit.ts';
import type { ApolloServerPlugin } from '@apollo/server';
import { createLoaders, type Loaders } from './loaders.ts';

/** What a request knows: who calls (if anyone), from where, and the per-request loaders. */
export interface Context {
  prisma: PrismaClient;
  db: Database;
  config: ApiConfig;
  logger: Logger;
  requestId: string;
  clientAddress: string | null;
  userAgent: string | null;
  user: AuthUser | null;
  session: AuthSession | null;
  signInLimiter: SignInLimiter;
  loaders: Loaders;
  req: Request;
  res: Response;
  /**
   * Access denials to record once the operation has ended (denialsPlugin). A denial is often
   * decided inside a write's transaction; recording it there on its own connection would wait
   * for the one connection PGlite has, which that transaction holds, until the request timed out.
   */
  pendingDenials?: (() => Promise<void>)[];
}

export interface ContextDeps {
  db: Database;
  config: ApiConfig;
  logger: Logger;
  signInLimiter: SignInLimiter;
}

export function createContext(
  deps: ContextDeps,
  req: Request,
  res: Response,
  requestId: string,
  auth: { user: AuthUser; session: AuthSession } | null,
): Context {
  return {
    prisma: deps.db.prisma,
    db: deps.db,
    config: deps.config,
    logger: deps.logger,
    requestId,
    clientAddress: req.ip ?? null,
    userAgent: req.headers['user-agent'] ?? null,
    user: auth?.user ?? null,
    session: auth?.session ?? null,
    signInLimiter: deps.signInLimiter,
    loaders: createLoaders(deps.db.prisma),
    req,
    res,
    pendingDenials: [],
  };
}

/** Records the operation's access denials (see Context.pendingDenials) before the answer goes out. */
export function denialsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue }) {
          const pending = contextValue.pendingDenials?.splice(0) ?? [];
          for (const record of pending) await record();
        },
      };
    },
  };
}
