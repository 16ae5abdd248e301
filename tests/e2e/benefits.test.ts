import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, signIn } from '../support/browser.ts';
import { useJourney } from '../support/journey.ts';

// Benefits realisation in the browser: a coordinator records a measurement, a viewer sees the
// benefit's computed status and its trend change, on the benefits page and on the overview. The seeded "Lavere kostnad per journalpost"
// (120 kr in 2025 down to 90 kr by 2028) has no measurement yet.
const server = useJourney('benefits');
const BENEFIT = 'Lavere kostnad per journalpost';
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const norwegianToday = `${today.slice(8, 10)}.${today.slice(5, 7)}.${today.slice(0, 4)}`;

/** The benefit's row in the benefits panel, on the benefits page or on the overview (`/`). */
async function panelRow(page: Page, path = '/gevinster') {
  await page.goto(`${server.url}${path}`);
  const row = page.getByRole('table', { name: 'Gevinster: realisert mot planlagt' }).getByRole('row', { name: new RegExp(BENEFIT) });
  await row.waitFor();
  return row;
}

describe('benefits realisation', () => {
  it('shows a viewer the catalogue, the benefits and the figures free of axe violations', async () => {
    const page = await server.newPage();
    await signIn(page, server.url, 'leser', 'Samarkiv-leser-2026');
    await page.getByRole('navigation').getByRole('link', { name: 'Tjenester' }).click();
    await page.getByRole('table', { name: 'Tjenester i katalogen' }).getByRole('row', { name: /Postmottak og skanning/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    expect(await (await panelRow(page, '/')).innerText()).toMatch(/Ikke målt/);
    const row = await panelRow(page);
    expect(await row.innerText()).toMatch(/Ikke målt/);
    await page.getByRole('table', { name: 'Driftstall per måned, alle kommuner' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${server.url}/gevinster/driftstall?maned=2026-03`);
    await page.getByRole('table', { name: 'Driftstall for 03.2026' }).getByRole('row', { name: /Kongsberg/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('lets a coordinator add a measurement, and a viewer then sees the status and the trend change', async () => {
    const coordinator = await server.newPage();
    await signIn(coordinator, server.url, 'koordinator', 'Samarkiv-koordinator-2026');
    const first = await panelRow(coordinator);
    // The dialog for a new benefit, free of violations too.
    await coordinator.getByRole('button', { name: 'Ny gevinst' }).click();
    await coordinator.getByRole('dialog').getByRole('option', { name: /^1\. / }).waitFor({ state: 'attached' });
    expect(await axeViolations(coordinator)).toEqual([]);
    await coordinator.keyboard.press('Escape');
    await coordinator.getByRole('dialog').waitFor({ state: 'hidden' });
    await first.getByRole('link', { name: BENEFIT }).click();
    await coordinator.getByRole('heading', { level: 1, name: BENEFIT }).waitFor();
    expect(await coordinator.getByTestId('benefit-status').innerText()).toMatch(/Ikke målt/);
    expect(await axeViolations(coordinator)).toEqual([]);
    // The edit and delete dialogs, free of violations too.
    for (const [button, dialog] of [['Endre', 'Endre gevinsten'], ['Slett gevinst', 'Slette gevinsten?']] as const) {
      await coordinator.getByRole('button', { name: button, exact: true }).click();
      await coordinator.getByRole('dialog', { name: dialog }).waitFor();
      // Once the dialog's opening transition has ended: mid-fade its text is not yet at full contrast.
      await coordinator.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
      expect(await axeViolations(coordinator), dialog).toEqual([]);
      await coordinator.keyboard.press('Escape');
      await coordinator.getByRole('dialog').waitFor({ state: 'hidden' });
    }

    await coordinator.getByLabel('Dato').fill(today);
    await coordinator.getByLabel('Verdi (kr)').fill('90');
    await coordinator.getByLabel('Kommentar').fill('Regnskapet for året');
    await coordinator.getByRole('button', { name: 'Lagre målingen' }).click();
    await coordinator.getByText('Målingen er lagret.', { exact: false }).waitFor();
    expect(await coordinator.getByTestId('benefit-status').innerText()).toMatch(/Nådd/);
    expect(await axeViolations(coordinator)).toEqual([]);

    const viewer = await server.newPage();
    await signIn(viewer, server.url, 'leser', 'Samarkiv-leser-2026');
    // The overview (one query for every panel) shows the new status too.
    expect(await (await panelRow(viewer, '/')).innerText()).toMatch(/Nådd/);
    const row = await panelRow(viewer);
    const text = await row.innerText();
    expect(text).toMatch(/Nådd/);
    expect(text).toContain(`90 kr (${norwegianToday})`);
    expect(text).toMatch(/100\s%/);

    await row.getByRole('link', { name: BENEFIT }).click();
    const measurements = viewer.getByRole('table', { name: 'Målinger' });
    await measurements.waitFor();
    expect(await measurements.locator('tbody tr').allInnerTexts()).toEqual([expect.stringMatching(new RegExp(`${norwegianToday.replace(/\./g, '\\.')}\\s+90\\s+[\\d,\\s]+\\s+Regnskapet for året\\s+Lars Bakken`))]);
    expect(await viewer.getByTestId('benefit-trend-chart').getAttribute('data-points')).toBe('1');
    expect(await viewer.getByRole('heading', { name: 'Registrer en måling' }).count()).toBe(0);
  });
});
