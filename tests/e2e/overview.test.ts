import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeViolations, signIn } from '../support/browser.ts';
import { useJourney } from '../support/journey.ts';

// The management overview as a viewer and the timeline as a coordinator, against the real
// start path (fresh embedded database, built SPA, Debian's Chromium). Screenshots of the
// overview and its print preview go to tests/artifacts/ (ignored by git) for a reviewer's eye.
const server = useJourney('overview');
const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');

describe('the overview', () => {
  it('shows a viewer the figures and readiness, prints, and follows the highest risk into the risk workspace', async () => {
    const page = await server.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, server.url, 'leser', 'Samarkiv-leser-2026');
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Oversikt' }).waitFor();
    await page.getByRole('region', { name: 'Nøkkeltall' }).waitFor();
    const readiness = page.getByRole('table', { name: /Andel av seriene som oppfyller hvert mål/ });
    await readiness.getByRole('row', { name: /Kongsberg/ }).waitFor();
    expect(await readiness.getByRole('row', { name: /Kongsberg/ }).innerText()).toMatch(/\d+\s%/);
    expect(await page.getByText(/per \d\d\.\d\d\.\d{4} · data sist endret \d\d\.\d\d\.\d{4} \d\d:\d\d/).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'overview.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    // In print the chrome goes and the charts' tables show.
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.locator('.overview-print-only').first().isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'overview-print.png'), fullPage: true });
    await page.pdf({ path: join(ARTIFACTS, 'overview.pdf'), format: 'A4' });
    await page.emulateMedia({ media: 'screen' });

    // One municipality: the URL carries the filter.
    await page.getByRole('combobox', { name: 'Kommune' }).selectOption({ label: 'Rollag' });
    await page.waitForURL(/\?kommune=\d+/);
    await page.getByText(/^Rollag · per /).waitFor();

    const top = page.getByRole('region', { name: 'De fem høyeste restrisikoene' }).getByRole('link').first();
    const name = await top.innerText();
    await top.click();
    await page.waitForURL(/\/risiko\/\d+$/);
    await page.getByRole('heading', { level: 1, name: new RegExp(name.split(' ')[0]!) }).waitFor();
  });
});

describe('the statements', () => {
  it('opens the accessibility statement and the privacy notice from the footer without a session', async () => {
    const page = await server.newPage();
    await page.goto(`${server.url}/logg-inn`);
    const footer = page.getByRole('navigation', { name: 'Erklæringer' });
    await footer.getByRole('link', { name: 'Tilgjengelighetserklæring' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tilgjengelighetserklæring' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await footer.getByRole('link', { name: 'Personvernerklæring' }).click();
    await page.getByRole('heading', { level: 1, name: 'Personvernerklæring' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('the timeline', () => {
  it('lets a coordinator find the operation milestone and add a milestone that then shows', async () => {
    const page = await server.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, server.url, 'koordinator', 'Samarkiv-koordinator-2026');
    await page.goto(`${server.url}/tidslinje`);
    await page.getByRole('heading', { level: 1, name: 'Tidslinje' }).waitFor();
    const operation = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: 'Driftsstart for Kongsbergregionen dokumentsenter' }) });
    await operation.waitFor();
    expect(await operation.innerText()).toMatch(/01\.01\.2026/);
    expect(await page.getByRole('img', { name: /Tidslinje fra 2017 til/ }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Ny milepæl' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny milepæl' });
    await dialog.getByLabel('Tittel').fill('Første gevinstrapport til KDU');
    await dialog.getByLabel('Hvor presist er tidspunktet kjent?').selectOption({ label: 'En årstid' });
    await dialog.getByLabel('Dato').fill('2027-04-15');
    await dialog.getByLabel('Type').selectOption({ label: 'Evaluering' });
    await dialog.getByLabel('Besluttende organ').fill('KDU');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('«Første gevinstrapport til KDU» er lagt til.').waitFor();
    const added = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: 'Første gevinstrapport til KDU' }) });
    expect(await added.innerText()).toMatch(/vår 2027[\s\S]*Evaluering[\s\S]*Planlagt[\s\S]*KDU/);
  });
});
