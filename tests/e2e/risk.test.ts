import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useJourney } from '../support/journey.ts';
import { axeViolations, signIn } from '../support/browser.ts';

// The risk workspace as its users meet it: the real server on a fresh embedded database with the
// demo data, the built SPA and Debian's Chromium.
const server = useJourney('risk');

const COORDINATOR = ['koordinator', 'Samarkiv-koordinator-2026'] as const;
const VIEWER = ['leser', 'Samarkiv-leser-2026'] as const;

/** The cell a chip sits in, as "likelihood-consequence". */
async function cellOf(page: Page, riskId: string): Promise<string> {
  return page.locator(`[data-risk-id="${riskId}"]`).first().evaluate((chip) => chip.closest('[data-cell]')!.getAttribute('data-cell')!);
}

async function matrixShown(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Risikomatrise' }).waitFor();
  await page.locator('.risk-chip').first().waitFor();
}

describe('a coordinator keeps the matrix', () => {
  let riskId: string;
  let reference: string;
  let from: string;
  let to: string;

  it('freezes a baseline, then moves a risk by keyboard with a comment, and sees it in its new cell', async () => {
    const page = await server.newPage();
    await signIn(page, server.url, ...COORDINATOR);
    await page.goto(`${server.url}/risiko`);
    await matrixShown(page);
    expect(await axeViolations(page)).toEqual([]);

    // Freeze the present picture first, so the comparison below has a "before".
    await page.getByRole('button', { name: 'Frys som baseline' }).click();
    const freeze = page.getByRole('dialog', { name: 'Frys matrisen som baseline' });
    await freeze.getByLabel('Navn').fill('Før e2e-møtet');
    expect(await axeViolations(page)).toEqual([]);
    await freeze.getByRole('button', { name: 'Frys' }).click();
    await page.getByText('Baselinen «Før e2e-møtet» er frosset.').waitFor();

    // A chip this coordinator may move (a shared risk or one of their municipality's).
    const chip = page.locator('a.risk-chip--movable').first();
    riskId = (await chip.getAttribute('data-risk-id'))!;
    reference = (await chip.locator('.risk-chip__ref').innerText()).trim();
    from = await cellOf(page, riskId);
    const [likelihood] = from.split('-').map(Number);
    const key = likelihood! < 5 ? 'ArrowUp' : 'ArrowDown';
    const [l, c] = from.split('-').map(Number);
    to = `${likelihood! < 5 ? l! + 1 : l! - 1}-${c}`;

    await chip.focus();
    await page.keyboard.press(key);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Flytt risikoen' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(reference);
    await dialog.getByLabel('Kommentar (valgfri)').fill('Flyttet i e2e: nytt tiltak virker');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Flytt' }).click();
    await page.getByText(new RegExp(`${reference}.* står nå i .*Endringen er lagret`)).waitFor();
    expect(await cellOf(page, riskId)).toBe(to);

    // Still there after a reload: it was saved, not just drawn.
    await page.reload();
    await matrixShown(page);
    expect(await cellOf(page, riskId)).toBe(to);
  });

  it("shows the move in the risk's assessment history and its audit history", async () => {
    const page = await server.newPage();
    await signIn(page, server.url, ...COORDINATOR);
    await page.goto(`${server.url}/risiko/${riskId}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(reference) }).waitFor();
    const assessments = page.getByRole('list', { name: 'Vurderinger, nyeste først' });
    await assessments.waitFor();
    expect(await assessments.locator('li').first().innerText()).toContain('Flyttet i e2e: nytt tiltak virker');
    const audit = page.getByRole('region', { name: 'Endringshistorikk' }).or(page.locator('section', { has: page.getByRole('heading', { name: 'Endringshistorikk' }) }));
    await audit.getByText(/Vurderte på nytt/).first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('compares against the baseline and finds the moved risk', async () => {
    const page = await server.newPage();
    await signIn(page, server.url, ...COORDINATOR);
    await page.goto(`${server.url}/risiko`);
    await matrixShown(page);
    await page.getByText('Tidspunkt for matrisen', { exact: false }).first().click();
    const baseline = page.getByLabel('Baseline');
    const option = baseline.locator('option', { hasText: 'Før e2e-møtet' });
    const baselineId = await option.getAttribute('value');
    await page.goto(`${server.url}/risiko/sammenlign?baseline=${baselineId}`);
    const moves = page.getByRole('table', { name: 'Endrede risikoer' });
    await moves.waitFor();
    const row = moves.getByRole('row', { name: new RegExp(reference) });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Høyere risiko|Lavere risiko|Flyttet, samme risikotall/);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('exports the register as CSV for Norwegian Excel, with the chosen marking', async () => {
    const page = await server.newPage();
    await signIn(page, server.url, ...COORDINATOR);
    await page.goto(`${server.url}/risiko/register`);
    await page.getByRole('table', { name: 'Risikoer' }).getByRole('row').nth(1).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Merking').selectOption({ label: 'Unntatt offentlighet, offl. § 24 tredje ledd' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Risikoregisteret som CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^risikoregister-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toContain('Unntatt offentlighet, offl. § 24 tredje ledd');
    expect(lines[2]).toMatch(/^Referanse;Tittel;Risikoområde;/);
    expect(lines.some((line) => line.startsWith(`${reference};`))).toBe(true);
  });
});

describe('two coordinators change the same risk', () => {
  it('shows the other person\'s values beside your own and saves the mix chosen field by field', async () => {
    const first = await server.newPage();
    const second = await server.newPage();
    await signIn(first, server.url, ...COORDINATOR);
    await signIn(second, server.url, ...COORDINATOR);
    await first.goto(`${server.url}/risiko`);
    await matrixShown(first);
    const id = (await first.locator('a.risk-chip--movable').nth(1).getAttribute('data-risk-id'))!;

    for (const page of [first, second]) {
      await page.goto(`${server.url}/risiko/${id}`);
      await page.getByRole('button', { name: 'Endre opplysninger' }).click();
    }
    await second.getByLabel('Tittel', { exact: true }).fill('Tittel fra den andre');
    await second.getByRole('button', { name: 'Lagre endringene' }).click();
    await second.getByText('Endringene er lagret.').waitFor();

    await first.getByLabel('Tittel', { exact: true }).fill('Tittel fra den første');
    await first.getByRole('button', { name: 'Lagre endringene' }).click();
    const dialog = first.getByRole('dialog', { name: 'Noen andre har endret dette' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('Tittel fra den andre');
    expect(await dialog.innerText()).toContain('Tittel fra den første');
    expect(await axeViolations(first)).toEqual([]);
    await dialog.getByRole('button', { name: 'Lagre valgene' }).click();
    await first.getByText('Endringene er lagret.').waitFor();
  });
});

describe('the rest of the workspace', () => {
  it('shows the criteria, the findings board and the printable report free of axe violations', async () => {
    const page = await server.newPage();
    await signIn(page, server.url, 'admin', 'Samarkiv-admin-2026');
    await page.goto(`${server.url}/risiko/akseptkriterier`);
    await page.getByRole('heading', { level: 1, name: 'Akseptkriterier' }).waitFor();
    await page.getByRole('table').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${server.url}/funn`);
    await page.getByRole('heading', { level: 1, name: 'Funn' }).waitFor();
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    expect(await page.getByRole('main').innerText()).toMatch(/Suksessfaktor/i);
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${server.url}/risiko/rapport`);
    await page.getByRole('heading', { level: 1, name: 'ROS-rapport' }).waitFor();
    await page.getByRole('button', { name: 'Skriv ut' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('a viewer', () => {
  it('sees the same matrix with no control to move, freeze or edit', async () => {
    const page = await server.newPage();
    await signIn(page, server.url, ...VIEWER);
    await page.goto(`${server.url}/risiko`);
    await matrixShown(page);
    expect(await page.locator('.risk-chip').count()).toBeGreaterThan(0);
    expect(await page.locator('a.risk-chip--movable, [draggable="true"]').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Frys som baseline|Flytt/ }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    const chip = page.locator('.risk-chip').first();
    await chip.click();
    await page.getByRole('heading', { name: 'Vurderingshistorikk' }).waitFor();
    expect(await page.getByRole('main').getByRole('button', { name: /Endre|Vurder på nytt|Legg til|Slett|Lagre/ }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});
