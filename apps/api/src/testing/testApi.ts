import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, DEMO_PASSWORDS } from '@samarkiv/db';
import { apiConfigFromEnv, type ApiConfig } from '../config.ts';
import { createLogger, type Logger } from '../logger.ts';
import { createApp } from '../server.ts';
import { currentTotpCode, enrolTotp } from './mfa.ts';

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** One browser's worth of state: the session cookie it was given. */
export interface TestClient {
  cookie: string | null;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** The raw HTTP response of a GraphQL POST (headers, status). */
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
}

export interface TestApi {
  url: string;
  /** The configuration the app runs with (uploads go to a temporary directory of its own). */
  config: ApiConfig;
  /** A visitor without a session. */
  anonymous(): TestClient;
  /**
   * A client signed in as a demo user (admin, koordinator, arkivar, leser) or a given password. An
   * ADMIN gets a TOTP factor enrolled behind the scenes and its code given, as a person with the app would.
   */
  signIn(username: string, password?: string): Promise<TestClient>;
  close(): Promise<void>;
}

const SIGN_IN = /* GraphQL */ `mutation SignIn($input: SignInInput!) { signIn(input: $input) { id username mfaSetupRequired } }`;

/** Settings to change; `uploads` may name only some of its fields (the directory is a fresh temporary one). */
export type TestApiOverrides = Partial<Omit<ApiConfig, 'uploads'>> & { uploads?: Partial<ApiConfig['uploads']> };

/** The real HTTP app on a free port, so that tests go through GraphQL exactly as a browser does. */
export async function startTestApi(db: Database, overrides: TestApiOverrides = {}, options: { logger?: Logger } = {}): Promise<TestApi> {
  // Production mode unless a test asks otherwise: the hardened server is the one under test.
  const defaults = apiConfigFromEnv({ NODE_ENV: 'production' });
  const uploadDir = mkdtempSync(join(tmpdir(), 'samarkiv-uploads-'));
  const config = { ...defaults, seedWhenEmpty: false, ...overrides, uploads: { ...defaults.uploads, dir: uploadDir, ...overrides.uploads } };
  const httpServer: Server = createServer();
  const app = await createApp(db, config, options.logger ?? createLogger(process.env.SAMARKIV_TEST_LOG ?? 'silent'), httpServer);
  httpServer.on('request', app.express);
  await new Promise<void>((done) => httpServer.listen(0, '127.0.0.1', () => done()));
  const address = httpServer.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const client = (): TestClient => {
    const self: TestClient = {
      cookie: null,
      async post(body, headers = {}) {
        const response = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-samarkiv-csrf': '1', ...(self.cookie ? { cookie: self.cookie } : {}), ...headers },
          body: typeof body === 'string' ? body : JSON.stringify(body),
        });
        const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('samarkiv_session='));
        if (setCookie) {
          const value = setCookie.split(';')[0]!;
          self.cookie = /^samarkiv_session=;?$/.test(value) || /Expires=Thu, 01 Jan 1970/i.test(setCookie) ? null : value;
        }
        return response;
      },
      async gql<T>(query: string, variables?: Record<string, unknown>) {
        const response = await self.post({ query, variables });
        return (await response.json()) as GraphQLResponse<T>;
      },
    };
    return self;
  };

  return {
    url,
    config,
    anonymous: client,
    async signIn(username, password) {
      const c = client();
      const pw = password ?? DEMO_PASSWORDS[username as keyof typeof DEMO_PASSWORDS];
      // An enrolled user's code goes with the first request: one password check per sign-in.
      const enrolled = await db.prisma.userTotp.findFirst({ where: { confirmedAt: { not: null }, user: { OR: [{ username }, { email: username }] } }, select: { userId: true } });
      const code = enrolled ? await currentTotpCode(db.prisma, enrolled.userId) : undefined;
      const result = await c.gql<{ signIn: { id: string; mfaSetupRequired: boolean } }>(SIGN_IN, { input: { username, password: pw, code } });
      if (result.data?.signIn.mfaSetupRequired) await enrolTotp(db.prisma, Number(result.data.signIn.id));
      if (result.errors) throw new Error(`sign-in as ${username} failed: ${JSON.stringify(result.errors)}`);
      return c;
    },
    async close() {
      await app.apollo.stop();
      await new Promise<void>((done) => httpServer.close(() => done()));
      rmSync(uploadDir, { recursive: true, force: true });
    },
  };
}
