import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { Database } from '@samarkiv/db';
import express, { type Express } from 'express';
import { type ApiConfig, hasWebBuild } from './config.ts';
import { createContext, type Context, type ContextDeps } from './graphql/context.ts';
import { createErrorFormatter } from './graphql/errors.ts';
import { buildSchema } from './graphql/schema.ts';
import type { Logger } from './logger.ts';
import { readCookie, SESSION_COOKIE } from './modules/auth/cookies.ts';
import { createSignInLimiter } from './modules/auth/rateLimit.ts';
import { resolveSession } from './modules/auth/session.ts';

export interface App {
  express: Express;
  apollo: ApolloServer<Context>;
}

/** HTTP: /graphql, /healthz, and the built SPA with client-side routes falling back to index.html. */
export async function createApp(db: Database, config: ApiConfig, logger: Logger, httpServer?: Server): Promise<App> {
  const apollo = new ApolloServer<Context>({
    schema: buildSchema(),
    introspection: !config.production,
    includeStacktraceInErrorResponses: false,
    // Refuses "simple" requests (a form post, a GET with no custom header) that a browser would
    // send cross-site without a preflight; the web app always sends x-samarkiv-csrf.
    csrfPrevention: { requestHeaders: ['x-samarkiv-csrf', 'apollo-require-preflight'] },
    allowBatchedHttpRequests: false,
    formatError: createErrorFormatter(logger),
    plugins: [
      // No response caching is used, and the plugin cost ~40% of a request (TOOLCHAIN.md).
      ApolloServerPluginCacheControlDisabled(),
      ...(httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer })] : []),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // Behind a reverse proxy, req.ip and req.secure must come from its X-Forwarded-* headers.
  app.set('trust proxy', config.trustProxy);
  const deps: ContextDeps = { db, config, logger, signInLimiter: createSignInLimiter(db.prisma, config) };

  app.get('/healthz', async (_req, res) => {
    try {
      await db.prisma.$queryRaw`SELECT 1`;
      res.json({ status: 'ok', database: db.kind });
    } catch (error) {
      logger.warn({ err: error }, 'health check: database unavailable');
      res.status(503).json({ status: 'unavailable', database: db.kind });
    }
  });

  app.use(
    '/graphql',
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const auth = await resolveSession(db.prisma, config, readCookie(req, SESSION_COOKIE));
        return createContext(deps, req, res, requestIdOf(req.headers['x-request-id']), auth);
      },
    }),
  );

  if (hasWebBuild(config)) {
    app.use(express.static(config.webDist, { index: false, maxAge: '1h' }));
    // Client-side routes: any other GET that accepts HTML gets the SPA's entry page.
    app.get(/.*/, (req, res, next) => {
      if (!req.accepts('html')) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(resolve(config.webDist, 'index.html'));
    });
  } else {
    logger.warn({ webDist: config.webDist }, 'no web build found: serving the API only (run pnpm build)');
  }

  return { express: app, apollo };
}

function requestIdOf(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[\w-]{8,64}$/.test(value) ? value : randomUUID();
}
