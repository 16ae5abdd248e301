import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import * as client from 'openid-client';
import type { ApiConfig } from '../../config.ts';
import type { Context } from '../../graphql/context.ts';
import type { OidcProviderConfig } from './oidcConfig.ts';

export const OIDC_STATE_COOKIE = 'samarkiv_oidc';
/** The state cookie lives only as long as a person takes at the provider's sign-in page. */
export const OIDC_STATE_MAX_AGE_MS = 10 * 60_000;

// Discovery once per provider and process; a failure is not cached, so the next sign-in retries.
const discovered = new Map<string, Promise<client.Configuration>>();

function isLoopback(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}

export function providerConfiguration(provider: OidcProviderConfig): Promise<client.Configuration> {
  const key = `${provider.id} ${provider.issuer} ${provider.clientId}`;
  let found = discovered.get(key);
  if (!found) {
    const issuer = new URL(provider.issuer);
    // Plain HTTP only for a provider on this machine (the tests' local provider); anything else must be HTTPS.
    const insecure = issuer.protocol === 'http:' && isLoopback(issuer);
    found = client.discovery(issuer, provider.clientId, provider.clientSecret, undefined, insecure ? { execute: [client.allowInsecureRequests] } : undefined);
    found.catch(() => discovered.delete(key));
    discovered.set(key, found);
  }
  return found;
}

/** Where users reach Samarkiv: the configured public URL, or the request's own origin (behind a trusted proxy, its headers). */
export function publicBase(config: ApiConfig, req: Request): string {
  return config.publicUrl ?? `${req.protocol}://${req.get('host')}`;
}

export function redirectUri(config: ApiConfig, req: Request, provider: OidcProviderConfig): string {
  return `${publicBase(config, req)}/auth/oidc/${provider.id}/callback`;
}

export interface OidcState {
  provider: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  expiresAt: number;
}

// Signed with a key derived from the provider's client secret, which every API process shares:
// no new secret to configure, and a cookie made for one provider is worthless at another.
function stateKey(provider: OidcProviderConfig): Buffer {
  return createHmac('sha256', provider.clientSecret).update(`samarkiv-oidc-state:${provider.id}`).digest();
}

export function sealState(provider: OidcProviderConfig, state: OidcState): string {
  const body = Buffer.from(JSON.stringify(state)).toString('base64url');
  const mac = createHmac('sha256', stateKey(provider)).update(body).digest('base64url');
  return `${body}.${mac}`;
}

export function openState(provider: OidcProviderConfig, sealed: string | undefined, now = Date.now()): OidcState | null {
  if (!sealed || sealed.length > 2000) return null;
  const [body, mac] = sealed.split('.');
  if (!body || !mac) return null;
  const expected = createHmac('sha256', stateKey(provider)).update(body).digest();
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const state = JSON.parse(Buffer.from(body, 'base64url').toString()) as OidcState;
  if (state.provider !== provider.id || state.expiresAt < now) return null;
  return state;
}

/** The provider's end-session address for a session that came from it (null when it has none). */
export async function providerSignOutUrl(ctx: Context, method: string): Promise<string | null> {
  if (!method.startsWith('oidc:')) return null;
  const provider = ctx.config.oidcProviders.find((p) => `oidc:${p.id}` === method);
  if (!provider) return null;
  try {
    const configuration = await providerConfiguration(provider);
    if (!configuration.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(configuration, { client_id: provider.clientId, post_logout_redirect_uri: `${publicBase(ctx.config, ctx.req)}/logg-inn` }).href;
  } catch (error) {
    ctx.logger.warn({ err: error, provider: provider.id }, 'identity provider unreachable: no sign-out address');
    return null;
  }
}
