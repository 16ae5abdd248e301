import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchChromium } from '../support/browser.ts';
import { startServerProcess, type ServerProcess } from '../../apps/api/src/testing/serverProcess.ts';

// One whole journey against the real start path: a fresh embedded database that the server
// migrates and seeds itself, the built SPA, and Debian's Chromium.
let dataDir: string;
let server: ServerProcess;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'samarkiv-e2e-'));
  server = await startServerProcess({ SAMARKIV_DATA_DIR: dataDir });
  await server.waitFor(/Samarkiv is running/);
  browser = await launchChromium();
  page = await (await browser.newContext({ locale: 'nb-NO' })).newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a first visit', () => {
  it('opens the app, goes to Kommuner and sees the seeded municipalities', async () => {
    await page.goto(server.url);
    await expect.poll(() => page.title()).toMatch(/Samarkiv/);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('navigation').getByRole('link', { name: 'Kommuner' }).click();
    await page.waitForURL(`${server.url}/kommuner`);
    const table = page.getByRole('table');
    await table.getByRole('row', { name: /Kongsberg/ }).waitFor();
    const rows = await table.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(8);
    expect(rows[0]).toMatch(/3334\s+Flesberg/);
    expect(rows.find((r) => r.includes('Kongsberg'))).toMatch(/Vertskommune/);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Kommuner');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('serves a client-side route directly (deep link falls back to the SPA)', async () => {
    const response = await page.goto(`${server.url}/kommuner`);
    expect(response?.status()).toBe(200);
    await page.getByRole('table').getByRole('row', { name: /Tinn/ }).waitFor();
  });
});
