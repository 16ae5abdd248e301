import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Database } from '@samarkiv/db';
import express, { type Express } from 'express';
import { type ApiConfig, hasWebBuild } from './config.ts';
import { hideSuggestionsPlugin, queryLimitsPlugin, tokenLimit } from './graphql/armor.ts';
import { createContext, denialsPlugin, type Context, type ContextDeps } from './graphql/context.ts';
import { isDatabaseUnavailable } from './graphql/databaseUnavailable.ts';
import { createErrorFormatter, serviceUnavailable } from './graphql/errors.ts';
import { buildSchema } from './graphql/schema.ts';
import { storableTextPlugin } from './graphql/storableText.ts';
import { exportRoutes } from './http/exports.ts';
import { errorHandler, notFound } from './http/httpErrors.ts';
import { oidcRoutes } from './http/oidcRoutes.ts';
import { requestLog } from './http/requestLog.ts';
import { securityHeaders } from './http/securityHeaders.ts';
import { requestTimeout } from './http/timeout.ts';
import { uploadRoutes } from './http/uploads.ts';
import type { Logger } from './logger.ts';
import { readCookie, SESSION_COOKIE } from './modules/auth/cookies.ts';
import { createSignInLimiter } from './modules/auth/rateLimit.ts';
import { resolveSession } from './modules/auth/session.ts';

/** A /healthz database check still unanswered after this long counts as unavailable. */
const HEALTH_TIMEOUT_MS = 3000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export interface App {
  express: Express;
  apollo: ApolloServer<Context>;
}

/** HTTP: /graphql, /healthz, /uploads, /exports/:name, /auth/oidc/:provider/{start,callback}, and the built SPA with client-side routes falling back to index.html. */
export async function createApp(db: Database, config: ApiConfig, logger: Logger, httpServer?: Server): Promise<App> {
  if (httpServer) {
    // The client (or the proxy in front) closes an idle keep-alive connection first, never the
    // server just as a request is on its way: Node's 5 s default races clients that reuse a socket
    // after about 4 s (fetch saw ECONNRESET on a loaded machine). 65 s outlasts common proxies' 60 s.
    httpServer.keepAliveTimeout = 65_000;
    httpServer.headersTimeout = 66_000;
  }
  const apollo = new ApolloServer<Context>({
    schema: buildSchema(),
    introspection: !config.production,
    includeStacktraceInErrorResponses: false,
    // Refuses "simple" requests (a form post, a GET with no custom header) that a browser would
    // send cross-site without a preflight; the web app always sends x-samarkiv-csrf.
    csrfPrevention: { requestHeaders: ['x-samarkiv-csrf', 'apollo-require-preflight'] },
    allowBatchedHttpRequests: false,
    formatError: createErrorFormatter(logger),
    logger: logger.child({ component: 'apollo' }),
    plugins: [
      // No response caching is used, and the plugin cost ~40% of a request (TOOLCHAIN.md).
      ApolloServerPluginCacheControlDisabled(),
      // Its page loads scripts from Apollo's CDN, which the CSP (and an offline network) refuses.
      ApolloServerPluginLandingPageDisabled(),
      queryLimitsPlugin(),
      denialsPlugin(),
      storableTextPlugin(),
      ...(config.production ? [hideSuggestionsPlugin()] : []),
      ...(httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer })] : []),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // Behind a reverse proxy, req.ip and req.secure must come from its X-Forwarded-* headers.
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders(), requestLog(logger));
  const deps: ContextDeps = { db, config, logger, signInLimiter: createSignInLimiter(db.prisma, config) };

  app.get('/healthz', async (_req, res) => {
    try {
      // Bounded: a load balancer must get an answer even when the database hangs rather than refuses.
      await withTimeout(db.prisma.$queryRaw`SELECT 1`, HEALTH_TIMEOUT_MS);
      res.json({ status: 'ok', database: db.kind });
    } catch (error) {
      logger.warn({ err: error }, 'health check: database unavailable');
      res.status(503).json({ status: 'unavailable', database: db.kind });
    }
  });

  // Uploads and downloads of hundreds of MB: beside GraphQL, outside its body limit and timeout.
  app.use(uploadRoutes(db.prisma, config, logger), exportRoutes(db, config, logger));
  // Sign-in through an identity provider: browser redirects, so plain routes beside GraphQL.
  app.use(oidcRoutes(db.prisma, config, logger));

  app.use(
    '/graphql',
    requestTimeout(config.graphqlTimeoutMs, logger),
    express.json({ limit: '100kb' }),
    tokenLimit(),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const auth = await resolveSession(db.prisma, config, readCookie(req, SESSION_COOKIE)).catch((error: unknown) => {
          throw isDatabaseUnavailable(error) ? serviceUnavailable() : error;
        });
        res.locals.userId = auth?.user.id;
        return createContext(deps, req, res, res.locals.requestId as string, auth);
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
  // Coded JSON for an unknown route or a refused body; never Express's HTML page with a stack.
  app.use(notFound, errorHandler(logger));

  return { express: app, apollo };
}
