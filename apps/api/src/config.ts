import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { dbConfigFromEnv, REPO_ROOT } from '@samarkiv/db';
import { oidcProvidersFromEnv, type OidcProviderConfig } from './modules/auth/oidcConfig.ts';
import { remindersFromEnv, type RemindersConfig } from './modules/reminders/remindersConfig.ts';

export interface ApiConfig {
  port: number;
  host: string;
  production: boolean;
  /** The built SPA (apps/web/dist); served at / when present. */
  webDist: string;
  /** Seed the demo data when the database is empty. */
  seedWhenEmpty: boolean;
  session: {
    idleMinutes: number;
    absoluteMinutes: number;
    /** 'auto': Secure when the request came over HTTPS (directly or through a trusted proxy). */
    cookieSecure: 'auto' | 'always' | 'never';
  };
  /** Failed sign-ins allowed per account and per client address within the window. */
  signInLimit: { points: number; windowMinutes: number };
  /** Days before a client address in the audit trail is blanked (personal data). */
  auditAddressRetentionDays: number;
  /** Express 'trust proxy' setting, so req.ip and req.secure reflect the reverse proxy's headers. */
  trustProxy: string | false;
  /** A /graphql request still unanswered after this many milliseconds gets REQUEST_TIMEOUT. */
  graphqlTimeoutMs: number;
  /** The address users reach Samarkiv at (links in e-mail, OpenID Connect redirect URIs); null: taken from the request. */
  publicUrl: string | null;
  /** 'required': an ADMIN who signs in with a password must set up TOTP before anything else. */
  mfa: { admins: 'required' | 'optional' };
  /** OpenID Connect identity providers (SAMARKIV_OIDC_PROVIDERS); none: password sign-in only. */
  oidcProviders: OidcProviderConfig[];
  /** E-mail reminders; smtp null: off. */
  reminders: RemindersConfig;
  /** Files staged for imports (POST /uploads), outside GraphQL and its limits. */
  uploads: {
    dir: string;
    maxBytes: number;
    /** Longest time Node lets any request body take (a 2 GB upload on a slow line needs long). */
    requestTimeoutMs: number;
    /** An upload that sends nothing for this long is dropped. */
    idleTimeoutMs: number;
    /** Staged files older than this are removed (and refused by openUpload). */
    retentionMs: number;
  };
}

export function apiConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    production: env.NODE_ENV === 'production',
    webDist: resolve(env.SAMARKIV_WEB_DIST ?? resolve(REPO_ROOT, 'apps/web/dist')),
    seedWhenEmpty: env.SAMARKIV_SEED !== 'false',
    session: {
      idleMinutes: positive(env, 'SAMARKIV_SESSION_IDLE_MINUTES', 30),
      absoluteMinutes: positive(env, 'SAMARKIV_SESSION_ABSOLUTE_MINUTES', 8 * 60),
      cookieSecure: oneOf(env, 'SAMARKIV_COOKIE_SECURE', ['auto', 'always', 'never'] as const, 'auto'),
    },
    signInLimit: {
      points: positive(env, 'SAMARKIV_SIGNIN_ATTEMPTS', 10),
      windowMinutes: positive(env, 'SAMARKIV_SIGNIN_WINDOW_MINUTES', 15),
    },
    auditAddressRetentionDays: positive(env, 'SAMARKIV_AUDIT_ADDRESS_DAYS', 90),
    trustProxy: env.SAMARKIV_TRUST_PROXY?.trim() || false,
    graphqlTimeoutMs: positive(env, 'SAMARKIV_GRAPHQL_TIMEOUT_SECONDS', 15) * 1000,
    publicUrl: env.SAMARKIV_PUBLIC_URL?.trim().replace(/\/+$/, '') || null,
    mfa: { admins: oneOf(env, 'SAMARKIV_MFA_ADMINS', ['required', 'optional'] as const, 'required') },
    oidcProviders: oidcProvidersFromEnv(env),
    reminders: remindersFromEnv(env, (name, fallback) => positive(env, name, fallback)),
    uploads: {
      dir: resolve(env.SAMARKIV_UPLOAD_DIR?.trim() || defaultUploadDir(env)),
      maxBytes: Math.floor(positive(env, 'SAMARKIV_UPLOAD_MAX_BYTES', 2 * 1024 ** 3)),
      requestTimeoutMs: positive(env, 'SAMARKIV_UPLOAD_TIMEOUT_MINUTES', 120) * 60_000,
      idleTimeoutMs: 60_000,
      retentionMs: 24 * 60 * 60_000,
    },
  };
}

/** Beside the embedded database's files; with a PostgreSQL server, the system's temporary directory. */
function defaultUploadDir(env: NodeJS.ProcessEnv): string {
  const db = dbConfigFromEnv(env);
  if (db.kind === 'pglite') return join(db.dataDir, 'uploads');
  return env.SAMARKIV_DATA_DIR?.trim() ? join(env.SAMARKIV_DATA_DIR.trim(), 'uploads') : join(tmpdir(), 'samarkiv-uploads');
}

export function hasWebBuild(config: ApiConfig): boolean {
  return existsSync(resolve(config.webDist, 'index.html'));
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not "${raw}"`);
  return value;
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new Error(`${name} must be one of ${allowed.join(', ')}, not "${raw}"`);
  return raw as T;
}
