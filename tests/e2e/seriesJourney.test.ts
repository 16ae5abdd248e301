import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useJourney } from '../support/journey.ts';
import { axeViolations, signIn } from '../support/browser.ts';

// The series browser against the real server and the seeded series: search, two facets, a sort,
// the export of the view and the keyboard, with axe on the way.
const server = useJourney('series');

/** Waits until the rows on screen belong to the view in the URL, and that view is not `before`. */
async function rowsShown(page: Page, before: string | null = null): Promise<void> {
  await page.waitForFunction((previous) => {
    const results = document.querySelector('[data-rows-wanted]');
    const wanted = results?.getAttribute('data-rows-wanted');
    return results != null && wanted !== previous && wanted === results.getAttribute('data-rows-for') && !results.querySelector('table[aria-busy="true"]');
  }, before);
}

/** Does what changes the view, then waits for the new view's rows. */
async function change(page: Page, action: () => Promise<unknown>): Promise<void> {
  const before = await page.locator('[data-rows-wanted]').getAttribute('data-rows-wanted');
  await action();
  await rowsShown(page, before);
}

/** The texts of the n-th cell (1-based, the row header counted) of every body row. */
const column = (page: Page, n: number) => page.locator(`tbody tr > :nth-child(${n})`).allInnerTexts();

describe('the series browser', () => {
  it('searches, filters by two facets, sorts, exports the view and opens a series from the keyboard', async () => {
    const page = await server.newPage();
    await signIn(page, server.url, 'arkivar', 'Samarkiv-arkivar-2026');
    await page.goto(`${server.url}/arkivserier`);
    await rowsShown(page);
    await page.locator('.facet-panel[data-facets-loaded="true"]').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const search = page.getByRole('searchbox', { name: 'Søk i arkivserier' });
    await change(page, () => search.fill('byggesaker'));
    // "byggesaker" finds "Byggesaker …" titles; the marks follow the API's trimmed ending.
    expect(await page.locator('tbody mark').first().innerText()).toMatch(/^byggesak$/i);
    await change(page, () => search.fill(''));

    await page.locator('.facet-panel[data-facets-loaded="true"]:not([aria-busy])').waitFor();
    await change(page, () => page.getByRole('checkbox', { name: /^Kongsberg \(/ }).click());
    await page.locator('.facet-panel[data-facets-loaded="true"]:not([aria-busy])').waitFor();
    await change(page, () => page.getByRole('checkbox', { name: /^Avsluttet periode \(/ }).click());
    expect(page.url()).toMatch(/kommune=\d+&status=AVSLUTTET_PERIODE/);
    // Default columns: identifier (row header), title, municipality, status, ...
    expect(new Set(await column(page, 3))).toEqual(new Set(['Kongsberg']));
    expect(new Set(await column(page, 4))).toEqual(new Set(['Avsluttet periode']));

    await change(page, () => page.getByRole('columnheader', { name: 'Identifikator' }).getByRole('button').click());
    expect(page.url()).toMatch(/sorter=IDENTIFIER\.asc/);
    const identifiers = await page.locator('tbody th').allInnerTexts();
    expect(identifiers).toEqual([...identifiers].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(await axeViolations(page)).toEqual([]);

    const href = await page.getByRole('link', { name: 'Eksporter CSV' }).getAttribute('href');
    const csv = await page.request.get(`${server.url}${href}`);
    expect(csv.status()).toBe(200);
    const lines = (await csv.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^Kommune;Arkivskaper;Arkiv;SystemID;Identifikator;Tittel;/);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(1)) expect(line).toMatch(/^Kongsberg;.*;Avsluttet periode;/);

    await page.locator('tbody tr').first().focus();
    await page.keyboard.press('ArrowDown');
    const second = await page.locator('tbody tr').nth(1).getAttribute('data-series-id');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/arkivserier/${second}`);
  });
});
