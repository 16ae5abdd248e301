import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from '@samarkiv/db';

export interface ApiConfig {
  port: number;
  host: string;
  production: boolean;
  /** The built SPA (apps/web/dist); served at / when present. */
  webDist: string;
  /** Seed the demo data when the database is empty. */
  seedWhenEmpty: boolean;
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
  };
}

export function hasWebBuild(config: ApiConfig): boolean {
  return existsSync(resolve(config.webDist, 'index.html'));
}
