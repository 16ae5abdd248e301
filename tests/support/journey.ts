import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startServerProcess, type ServerProcess } from '../../apps/api/src/testing/serverProcess.ts';
import { launchChromium } from './browser.ts';

export type Journey = {
  /** The running server's base URL. */
  readonly url: string;
  /** A page in a fresh browser context (its own cookies), Norwegian and in Oslo time. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
};

/**
 * One journey file's world: the real start command on a fresh embedded database (it migrates and
 * seeds itself), the built SPA and Debian's Chromium; all removed after the file. `env` adds to or
 * overrides the server's environment.
 */
export function useJourney(name: string, env: Record<string, string> = {}): Journey {
  let dataDir: string;
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), `samarkiv-e2e-${name}-`));
    // The TOTP an ADMIN must set up has its own journey (signin.test.ts); the others sign in as the
    // demo admin without it.
    server = await startServerProcess({ SAMARKIV_DATA_DIR: dataDir, SAMARKIV_MFA_ADMINS: 'optional', ...env });
    await server.waitFor(/Samarkiv is running/);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  return {
    get url() {
      return server.url;
    },
    async newPage(options = {}) {
      // Reduced motion: axe must see a dialog as it ends up, not 100 ms into its 300 ms fade-in
      // (with the faster stylesheet the journeys reached axe inside the animation and read the
      // half-transparent text as too little contrast). Designsystemet turns its animations off for it.
      return (await browser.newContext({ locale: 'nb-NO', timezoneId: 'Europe/Oslo', reducedMotion: 'reduce', ...options })).newPage();
    },
  };
}
