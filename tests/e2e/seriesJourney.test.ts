import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { arkivstruktur, arkivuttrekk } from '../../apps/api/src/modules/series-import/fixtures/noark5.ts';
import { useJourney } from '../support/journey.ts';
import { axeViolations, signIn } from '../support/browser.ts';

// The archive series as an archivist meets them, against the real server and the seeded series:
// the browser (search, two facets, a sort, the export, the keyboard), a series edited and the
// change seen in the comparison grid and the history, then a Noark 5 import, with axe on the way.
// One file, one server: the two journeys share its start-up.
const server = useJourney('series');
const ARCHIVIST = ['arkivar', 'Samarkiv-arkivar-2026'] as const;

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
    await signIn(page, server.url, ...ARCHIVIST);
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

  it('edits a series of their own, sees the change in the grid and the history, and imports a Noark 5 extraction', async () => {
    const page = await server.newPage();
    await signIn(page, server.url, ...ARCHIVIST);
    await page.goto(`${server.url}/arkivserier`);
    await rowsShown(page);
    await page.locator('.facet-panel[data-facets-loaded="true"]:not([aria-busy])').waitFor();

    // Flesberg (one of the archivist's municipalities) and a target series, so the grid shows it.
    await change(page, () => page.getByRole('checkbox', { name: /^Flesberg \(/ }).click());
    await page.locator('.facet-panel[data-facets-loaded="true"]:not([aria-busy])').waitFor();
    await change(page, () => page.locator('[data-facet="targetSeries"]').getByRole('checkbox').first().click());
    await change(page, () => page.getByRole('columnheader', { name: 'Identifikator' }).getByRole('button').click());
    expect(page.url()).toMatch(/sorter=IDENTIFIER\.asc/);
    const seriesId = (await page.locator('tbody tr').first().getAttribute('data-series-id'))!;
    await page.locator('tbody tr').first().getByRole('link').first().click();
    await page.waitForURL(`${server.url}/arkivserier/${seriesId}`);
    await page.getByRole('button', { name: 'Endre' }).waitFor();
    await page.locator('.history-panel table, .history-panel p').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const target = (await page.locator('.series-fact', { has: page.locator('dt', { hasText: 'Målarkivdel' }) }).locator('dd').innerText()).trim();
    const code = target.split(' ')[0]!;

    // The grid's cell for the series' target series and Flesberg, before and after.
    const cellText = async () => {
      await page.goto(`${server.url}/arkivserier/sammenligning`);
      await page.locator('.series-compare__table tbody tr').first().waitFor();
      return page.evaluate(
        ([rowCode, municipality]) => {
          const heads = [...document.querySelectorAll('.series-compare__table thead th')];
          const column = heads.findIndex((th) => th.firstChild?.textContent?.trim() === municipality);
          const row = [...document.querySelectorAll('.series-compare__table tbody tr')].find((tr) => tr.querySelector('.series-compare__code')?.textContent === rowCode);
          return row?.children[column]?.textContent ?? '';
        },
        [code, 'Flesberg'] as const,
      );
    };
    const cellBefore = await cellText();
    expect(await axeViolations(page)).toEqual([]);

    // A retention decision other than the present one, and not yet shown in the cell if possible.
    await page.goto(`${server.url}/arkivserier/${seriesId}`);
    await page.getByRole('button', { name: 'Endre' }).click();
    const retention = page.getByRole('combobox', { name: /Kassasjonsvedtak/ });
    const before = await retention.inputValue();
    const words: Record<string, string> = { BEVARES: 'Bevares', KASSERES: 'Kasseres', VURDERES_SENERE: 'Vurderes senere' };
    const others = Object.keys(words).filter((value) => value !== before);
    const next = others.find((value) => !cellBefore.includes(words[value]!)) ?? others[0]!;
    await retention.selectOption(next);
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Endringene er lagret.').waitFor();
    await page.reload();
    // The newest entry of the series' history holds the new value, in the page's words.
    await page.waitForFunction((value) => document.querySelector('.history-panel ol > li')?.textContent?.includes(value), words[next]!);
    expect(await page.getByRole('region', { name: 'Endringshistorikk' }).locator('ol > li').first().textContent()).toContain('Kassasjonsvedtak');

    expect(await cellText()).toContain(words[next]);

    // A fictional Noark 5.0 extraction of Flesberg's, with its arkivuttrekk.xml.
    const dir = mkdtempSync(join(tmpdir(), 'samarkiv-e2e-noark-'));
    const structure = join(dir, 'arkivstruktur.xml');
    const uttrekk = join(dir, 'arkivuttrekk.xml');
    writeFileSync(
      structure,
      [
        ...arkivstruktur('5.0', {
          systemId: 'b7c0a7a2-7d4e-4c55-9a51-0c1f3a000001',
          title: 'Flesberg kommune – e2e-uttrekk',
          creators: [{ id: 'E2E-FLESBERG', name: 'Flesberg kommune' }],
          series: [
            { systemId: 'b7c0a7a2-7d4e-4c55-9a51-0c1f3a000002', title: 'E2E-importerte byggesaker', start: '2018-01-01', end: '2023-12-31', classificationType: 'Gårds- og bruksnummer', classes: 2, filesPerClass: 2, recordsPerFile: 2, retention: { decision: 'Bevares' }, medium: 'Elektronisk arkiv' },
            { systemId: 'b7c0a7a2-7d4e-4c55-9a51-0c1f3a000003', title: 'E2E-importerte personalmapper', start: '2018-01-01', end: '2023-12-31', classificationType: 'Fødselsnummer', classes: 1, filesPerClass: 1, recordsPerFile: 1, retention: { decision: 'Kasseres', years: 10 }, medium: 'Elektronisk arkiv' },
          ],
        }),
      ].join(''),
    );
    writeFileSync(uttrekk, arkivuttrekk({ version: '5.0', systemName: 'Elements' }));

    await page.goto(`${server.url}/arkivserier`);
    await page.getByRole('link', { name: 'Importer arkivserier fra Noark 5 eller CSV' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import av arkivserier' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('arkivstruktur.xml', { exact: true }).setInputFiles(structure);
    await page.getByLabel('arkivuttrekk.xml (valgfri)').setInputFiles(uttrekk);
    await page.getByRole('button', { name: 'Last opp og start prøvekjøring' }).click();

    await page.getByRole('heading', { name: 'Rapport fra prøvekjøringen' }).waitFor({ timeout: 60_000 });
    expect(await page.getByText('Noark 5-versjon 5.0 (oppgitt i arkivuttrekk.xml).').count()).toBe(1);
    expect(await page.getByTestId('import-proposal').innerText()).toContain('Foreslått kommune: Flesberg.');
    expect(await page.getByRole('table', { name: 'Hva importen vil gjøre' }).innerText()).toMatch(/Opprettes\s+1\s+1\s+2/);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Importer til Flesberg' }).click();
    await page.getByRole('heading', { name: 'Resultat av importen' }).waitFor({ timeout: 60_000 });
    expect(await page.getByText('Importen til Flesberg er fullført').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'E2E-importerte byggesaker' }).click();
    await rowsShown(page);
    expect(await page.locator('tbody tr').first().innerText()).toContain('E2E-importerte byggesaker');
  });
});
