/// <reference path="./oidc-provider.d.ts" />
import { createServer, type Server } from 'node:http';
import { freePort } from '@samarkiv/db/testing';
import Provider from 'oidc-provider';
import type { OidcProviderConfig } from '../modules/auth/oidcConfig.ts';

export interface TestAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export interface TestOidcProvider {
  issuer: string;
  /** The provider as Samarkiv's configuration names it (id 'test'). */
  config(overrides?: Partial<OidcProviderConfig>): OidcProviderConfig;
  /** Registers Samarkiv's callback (known only once the API listens) and starts serving. */
  start(apiUrl: string): Promise<void>;
  close(): Promise<void>;
}

export const TEST_CLIENT = { clientId: 'samarkiv', clientSecret: 'a-test-client-secret-of-some-length' };

/**
 * A real OpenID Connect provider (oidc-provider) on 127.0.0.1 and a free port, with its
 * development login form: any login name whose account is in `accounts` signs in with any
 * password.
 */
export async function createTestOidcProvider(accounts: Record<string, TestAccount>): Promise<TestOidcProvider> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  let server: Server | undefined;
  return {
    issuer,
    config: (overrides = {}) => ({ id: 'test', label: 'Testkommune ID', issuer, ...TEST_CLIENT, claim: 'email', jitMunicipality: null, scopes: ['email', 'profile'], ...overrides }),
    async start(apiUrl) {
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: TEST_CLIENT.clientId,
            client_secret: TEST_CLIENT.clientSecret,
            redirect_uris: [`${apiUrl}/auth/oidc/test/callback`],
            post_logout_redirect_uris: [`${apiUrl}/logg-inn`],
            token_endpoint_auth_method: 'client_secret_basic',
          },
        ],
        pkce: { required: () => true },
        claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
        features: { devInteractions: { enabled: true } },
        ttl: { Session: 3600, Interaction: 600, Grant: 3600 },
        cookies: { keys: ['test-cookie-key'] },
        async findAccount(_ctx, sub) {
          const account = accounts[sub];
          if (!account) return undefined;
          return { accountId: sub, claims: async () => ({ sub, ...account }) };
        },
      });
      // Quiet: its development-mode warnings are expected here.
      provider.on('server_error', () => {});
      server = createServer(provider.callback());
      await new Promise<void>((done) => server!.listen(port, '127.0.0.1', () => done()));
    },
    async close() {
      if (!server) return;
      server.closeAllConnections();
      await new Promise<void>((done) => server!.close(() => done()));
    },
  };
}

/** The cookies one browser holds, per origin, kept from Set-Cookie headers. */
export class CookieJar {
  private readonly jar = new Map<string, Map<string, string>>();
  store(url: string, response: Response): void {
    const origin = new URL(url).origin;
    const cookies = this.jar.get(origin) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index).trim();
      const value = pair!.slice(index + 1).trim();
      const expired = attributes.some((a) => /max-age=0|expires=thu, 01 jan 1970/i.test(a.trim()));
      if (expired || value === '') cookies.delete(name);
      else cookies.set(name, value);
    }
    this.jar.set(origin, cookies);
  }
  header(url: string): string {
    return [...(this.jar.get(new URL(url).origin) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  get(url: string, name: string): string | undefined {
    return this.jar.get(new URL(url).origin)?.get(name);
  }
  /** Forgets the cookies of an origin whose names match, as a browser does when they expire. */
  expire(url: string, names: RegExp): void {
    const cookies = this.jar.get(new URL(url).origin);
    for (const name of [...(cookies?.keys() ?? [])]) if (names.test(name)) cookies!.delete(name);
  }
  set(url: string, name: string, value: string): void {
    const origin = new URL(url).origin;
    const cookies = this.jar.get(origin) ?? new Map<string, string>();
    cookies.set(name, value);
    this.jar.set(origin, cookies);
  }
}

/** GET without following redirects, with the jar's cookies; keeps what is set. */
export async function visit(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: jar.header(url) } });
  jar.store(url, response);
  return response;
}

/**
 * Walks a browser's way from Samarkiv's start URL through the provider's login (and consent)
 * forms back to Samarkiv's callback, and returns that callback URL without visiting it.
 * `prompted` counts how often the provider asked for a login.
 */
export async function throughProvider(jar: CookieJar, apiUrl: string, login: string, startPath = '/auth/oidc/test/start'): Promise<{ callbackUrl: string; prompted: number }> {
  let url = `${apiUrl}${startPath}`;
  let prompted = 0;
  for (let hops = 0; hops < 20; hops++) {
    if (hops > 0 && url.startsWith(apiUrl)) return { callbackUrl: url, prompted };
    let response = await visit(jar, url);
    const interaction = /\/interaction\/([^/?]+)$/.exec(new URL(url).pathname);
    if (response.status === 200 && interaction) {
      const html = await response.text();
      const isLogin = html.includes('name="login"');
      if (isLogin) prompted++;
      const body = new URLSearchParams(isLogin ? { prompt: 'login', login, password: 'any' } : { prompt: 'consent' });
      response = await visit(jar, new URL(`/interaction/${interaction[1]}`, url).href, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    }
    const location = response.headers.get('location');
    if (!location) throw new Error(`no redirect from ${url} (${response.status}): ${(await response.text()).slice(0, 300)}`);
    url = new URL(location, url).href;
  }
  throw new Error('too many redirects');
}
