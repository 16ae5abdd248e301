import type { PrismaClient } from '@samarkiv/db';
import { Router, type Request, type Response } from 'express';
import * as client from 'openid-client';
import type { ApiConfig } from '../config.ts';
import type { Logger } from '../logger.ts';
import { recordAudit } from '../modules/audit/audit.service.ts';
import { readCookie } from '../modules/auth/cookies.ts';
import { establishSession, type SignInRequest } from '../modules/auth/establish.ts';
import { matchOidcUser } from '../modules/auth/oidcUsers.ts';
import { OIDC_STATE_COOKIE, OIDC_STATE_MAX_AGE_MS, openState, providerConfiguration, redirectUri, sealState } from '../modules/auth/oidc.ts';

/** Why a sign-in through a provider ended on the sign-in page; the page says it in words (oidc.errors.*). */
export type OidcFailure = 'unknown-user' | 'inactive' | 'unverified' | 'state' | 'provider' | 'cancelled' | 'unknown-provider';

const COOKIE_PATH = '/auth/oidc';

/**
 * GET /auth/oidc/:provider/start sends the browser to the provider (authorization code flow with
 * PKCE, state and nonce kept in a signed, ten-minute, HttpOnly cookie); GET .../callback takes the
 * code back, and a matched user gets a session exactly as a password sign-in does.
 */
export function oidcRoutes(prisma: PrismaClient, config: ApiConfig, logger: Logger): Router {
  const router = Router();
  const providerOf = (req: Request) => config.oidcProviders.find((p) => p.id === req.params.provider);
  const cookieOptions = (req: Request) => ({ httpOnly: true, sameSite: 'lax' as const, path: COOKIE_PATH, secure: config.session.cookieSecure === 'always' || (config.session.cookieSecure === 'auto' && req.secure) });
  const fail = (req: Request, res: Response, reason: OidcFailure) => {
    res.clearCookie(OIDC_STATE_COOKIE, cookieOptions(req));
    res.redirect(303, `/logg-inn?oidc=${reason}`);
  };

  router.get('/auth/oidc/:provider/start', async (req, res) => {
    const provider = providerOf(req);
    if (!provider) return fail(req, res, 'unknown-provider');
    let configuration: client.Configuration;
    try {
      configuration = await providerConfiguration(provider);
    } catch (error) {
      logger.warn({ err: error, provider: provider.id }, 'identity provider discovery failed');
      return fail(req, res, 'provider');
    }
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = { provider: provider.id, state: client.randomState(), nonce: client.randomNonce(), codeVerifier, expiresAt: Date.now() + OIDC_STATE_MAX_AGE_MS };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri(config, req, provider),
      scope: ['openid', ...provider.scopes].join(' '),
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state: state.state,
      nonce: state.nonce,
    });
    res.cookie(OIDC_STATE_COOKIE, sealState(provider, state), { ...cookieOptions(req), maxAge: OIDC_STATE_MAX_AGE_MS });
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(303, url.href);
  });

  router.get('/auth/oidc/:provider/callback', async (req, res) => {
    const provider = providerOf(req);
    if (!provider) return fail(req, res, 'unknown-provider');
    const signIn: SignInRequest = { prisma, config, req, res, requestId: res.locals.requestId as string, clientAddress: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null };
    const refuse = async (reason: OidcFailure, detail?: unknown) => {
      if (detail) logger.warn({ err: detail, provider: provider.id, reason }, 'sign-in through identity provider refused');
      await recordAudit(prisma, { ...signIn, user: null }, { action: 'sign-in-failed', entityType: 'Session', actorId: null, after: { provider: provider.id, reason } });
      fail(req, res, reason);
    };
    // The provider reports a cancelled or impossible sign-in (access_denied, login_required) as ?error=.
    if (typeof req.query.error === 'string') return refuse('cancelled');
    const state = openState(provider, readCookie(req, OIDC_STATE_COOKIE));
    if (!state || req.query.state !== state.state) return refuse('state');
    let claims: client.IDToken;
    try {
      const configuration = await providerConfiguration(provider);
      const currentUrl = new URL(req.originalUrl, redirectUri(config, req, provider));
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, { pkceCodeVerifier: state.codeVerifier, expectedState: state.state, expectedNonce: state.nonce, idTokenExpected: true });
      claims = tokens.claims()!;
      // Many providers put e-mail and profile claims only in userinfo for the code flow.
      if (claims[provider.claim] === undefined) {
        const info = await client.fetchUserInfo(configuration, tokens.access_token, claims.sub);
        claims = { ...info, ...claims, [provider.claim]: info[provider.claim], email_verified: claims.email_verified ?? info.email_verified } as client.IDToken;
      }
    } catch (error) {
      // A replayed or expired code, a wrong nonce, a bad signature: the provider's word is final.
      return refuse('provider', error);
    }
    const match = await matchOidcUser(prisma, signIn, provider, claims);
    if (!match.ok) return refuse(match.reason);
    await establishSession(signIn, match.userId, `oidc:${provider.id}`, { provider: provider.id });
    res.clearCookie(OIDC_STATE_COOKIE, cookieOptions(req));
    res.redirect(303, '/');
  });

  return router;
}

