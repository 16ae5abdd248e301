import { describe, expect, it } from 'vitest';
import { useJourney } from '../support/journey.ts';
import { axeViolations, signIn } from '../support/browser.ts';

// Whole journeys against the real start path: a fresh embedded database that the server
// migrates and seeds itself, the built SPA, and Debian's Chromium.
const server = useJourney('municipalities');

describe('a first visit', () => {
  it('sends a visitor to sign in, then back to Kommuner with the seeded municipalities', async () => {
    const page = await server.newPage();
    await page.goto(`${server.url}/kommuner`);
    await page.waitForURL(/\/logg-inn/);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Brukernavn eller e-postadresse').fill('leser');
    await page.getByLabel('Passord', { exact: true }).fill('Samarkiv-leser-2026');
    await page.getByRole('button', { name: 'Logg inn' }).click();
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
    const page = await server.newPage();
    await signIn(page, server.url, 'leser', 'Samarkiv-leser-2026');
    const response = await page.goto(`${server.url}/kommuner`);
    expect(response?.status()).toBe(200);
    await page.getByRole('table').getByRole('row', { name: /Tinn/ }).waitFor();
  });
});

describe('roles in the browser', () => {
  it('shows a viewer no editing control and no administration', async () => {
    const page = await server.newPage();
    await signIn(page, server.url, 'leser', 'Samarkiv-leser-2026');
    for (const path of ['/', '/kommuner', '/risiko', '/arkivserier', '/tidslinje', '/funn']) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      const main = page.getByRole('main');
      // Editing controls: buttons other than disclosure/paging, and form fields inside main.
      const editing = await main.getByRole('button', { name: /Ny|Endre|Rediger|Slett|Lagre|Opprett|Legg til/i }).count();
      expect(editing, path).toBe(0);
      expect(await main.getByRole('textbox').count(), path).toBe(0);
      expect(await axeViolations(page), path).toEqual([]);
    }
    await expect.poll(() => page.getByRole('navigation').getByRole('link', { name: 'Brukere' }).count()).toBe(0);
    await page.goto(`${server.url}/admin/brukere`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
  });

  it('lets an administrator open users and the audit log, both free of axe violations', async () => {
    const page = await server.newPage();
    await signIn(page, server.url, 'admin', 'Samarkiv-admin-2026');
    await page.getByRole('navigation').getByRole('link', { name: 'Brukere' }).click();
    await page.getByRole('table').getByRole('row', { name: /koordinator/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('navigation').getByRole('link', { name: 'Revisjonslogg' }).click();
    await page.getByRole('table').getByRole('row').nth(1).waitFor();
    expect(await page.getByRole('table').innerText()).toMatch(/admin|Ingrid Haugen/);
    expect(await axeViolations(page)).toEqual([]);
  });
});
