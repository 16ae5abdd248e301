import { screen, within } from '@testing-library/react';
import { readSeriesView } from '@samarkiv/shared';
import { graphql, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { signInAs } from '../../test/auth.ts';
import { holdQuery, server } from '../../test/server.ts';
import { currentPath, renderApp } from '../../test/renderApp.tsx';
import { overviewAnswer } from './overviewFixtures.ts';

function answerOverview(answer = overviewAnswer(), seen: Record<string, unknown>[] = []) {
  server.use(
    graphql.query('OverviewPage', ({ variables }) => {
      seen.push(variables);
      return HttpResponse.json({ data: answer });
    }),
  );
  return seen;
}

describe('OverviewPage', { timeout: 20_000 }, () => {
  beforeEach(() => signInAs());

  it('shows the key figures in words and numbers', async () => {
    answerOverview();
    renderApp('/');
    const figures = await screen.findByRole('region', { name: 'Nøkkeltall' }, { timeout: 10_000 });
    const value = (label: string) => within(figures).getByText(label).nextElementSibling?.textContent;
    expect(value('Risikoer etter nivå, iboende')).toBe('4 høy · 2 middels · 0 lav');
    expect(value('Risikoer etter nivå, restrisiko')).toBe('1 høy · 3 middels · 2 lav');
    expect(value('Risikoer over akseptgrensen')).toBe('1');
    expect(value('Tiltak på overtid')).toBe('3');
    expect(value('Suksessfaktorer i faresonen')).toBe('1');
    expect(value('Dager til neste milepæl')).toBe('ca. 31 dagerEvaluering av første driftsår');
    expect(value('Arkivserier etter status')).toBe('Aktiv periode: 6 · Overlappingsperiode: 2 · Avsluttet periode: 3 · Uaktuelle mapper: 2');
    expect(screen.getByText(/Alle kommuner · per 01\.12\.2026 · data sist endret 30\.11\.2026 14:05/)).toBeInTheDocument();
  });

  it('lists the overdue measures with owner and deadline, and links the top risks to their pages', async () => {
    answerOverview();
    renderApp('/');
    const overdue = await screen.findByRole('region', { name: 'Tiltak på overtid (3)' });
    const rows = within(overdue).getAllByRole('row').slice(1).map((row) => Array.from((row as HTMLTableRowElement).cells, (c) => c.textContent));
    expect(rows).toEqual([
      ['R-03 Forankre i kommunestyrene', 'Daglig leder', '01.10.2026'],
      ['R-05 Kartlegge arkivene', 'Kari Nordmann', '01.11.2026'],
      ['R-05 Lage opplæringsplan', 'Ingen ansvarlig', '15.11.2026'],
    ]);
    const top = screen.getByRole('region', { name: 'De fem høyeste restrisikoene' });
    expect(within(top).getByRole('link', { name: 'R-03 Manglende forankring hos folkevalgte' })).toHaveAttribute('href', '/risiko/7');
  });

  it('links each matrix cell with risks into the risk workspace filtered to it', async () => {
    answerOverview();
    renderApp('/');
    const matrix = await screen.findByRole('region', { name: 'Risikomatrise (restrisiko)' });
    expect(within(matrix).getByRole('link', { name: '3 risikoer, nivå Middels' })).toHaveAttribute('href', '/risiko?celle=2-3');
    expect(within(matrix).getByRole('link', { name: '1 risiko, nivå Høy' })).toHaveAttribute('href', '/risiko?celle=4-3');
  });

  it('shows readiness per municipality with the mean, the weakest measure marked, and n/a where nothing is counted', async () => {
    answerOverview();
    renderApp('/');
    const readiness = await screen.findByRole('table', { name: /Andel av seriene som oppfyller hvert mål/ });
    const rollag = within(readiness).getByRole('row', { name: /Rollag/ });
    const cells = Array.from((rollag as HTMLTableRowElement).cells, (c) => c.textContent);
    expect(cells[1]).toBe('80\u00a0%');
    expect(cells[2]).toMatch(/^90\u00a0%1 mangler/);
    expect(cells[3]).toBe('100\u00a0%');
    expect(cells[5]).toMatch(/^50\u00a0%2 mangler.*Svakest$/);
    const sigdal = within(readiness).getByRole('row', { name: /Sigdal/ });
    expect(within(sigdal).getAllByText('Ikke aktuelt')).toHaveLength(3);
  });

  it('links a shortfall to the series browser filtered to the series that fall short', async () => {
    answerOverview();
    renderApp('/');
    await screen.findByRole('region', { name: 'Nøkkeltall' }, { timeout: 10_000 });
    const link = await screen.findByRole('link', { name: /Har arvtaker, Rollag/ });
    expect(link).toHaveTextContent('2 mangler – Har arvtaker, Rollag');
    const url = new URL(link.getAttribute('href')!, 'http://x');
    expect(url.pathname).toBe('/arkivserier');
    // After the overlap window (it ended 1.4.2026) only Avsluttet periode counts as closed.
    expect(readSeriesView(url.searchParams).filter).toEqual({
      municipalityIds: ['3'],
      statuses: ['AVSLUTTET_PERIODE'],
      continuous: false,
      periodTo: '2025-12-31',
      withoutSuccessorFrom: '2026-01-01',
    });
    const unmapped = screen.getByRole('link', { name: /Kartlagt til målserie, Rollag/ });
    expect(readSeriesView(new URL(unmapped.getAttribute('href')!, 'http://x').searchParams).filter).toMatchObject({ municipalityIds: ['3'], mapped: false });
  });

  it('gives each chart a table alternative', async () => {
    answerOverview();
    renderApp('/');
    expect(await screen.findByRole('img', { name: /Fra 10\.2026 til 11\.2026 gikk antallet høye restrisikoer fra 2 til 1/ })).toBeInTheDocument();
    const profile = screen.getAllByRole('table', { name: /Risikoer etter nivå ved utgangen av hver måned/ })[0]!;
    expect(within(profile).getByRole('row', { name: /11\.2026/ })).toHaveTextContent('11.20261324');
    const series = screen.getAllByRole('table', { name: 'Arkivserier per kommune etter status og dokumentmedium' })[0]!;
    expect(within(series).getByRole('row', { name: /Rollag/ })).toHaveTextContent('Rollag523247112');
  });

  it('keeps the chosen municipality in the URL and asks for it', async () => {
    const seen = answerOverview();
    const { user, router } = renderApp('/');
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Kommune' }), 'Rollag');
    expect(currentPath(router)).toBe('/?kommune=3');
    await screen.findByRole('region', { name: 'Nøkkeltall' });
    expect(seen.at(-1)).toEqual({ municipalityId: '3', municipalityIds: ['3'] });
    expect(seen[0]).toEqual({ municipalityId: null, municipalityIds: null });
  });

  it('shows the benefits, realised against planned, and the operating figures in the same query', async () => {
    const seen = answerOverview();
    renderApp('/');
    const benefits = await screen.findByRole('region', { name: 'Gevinster: realisert mot planlagt' });
    const row = within(benefits).getByRole('rowheader', { name: 'Kortere tid fra mottak til registrering' }).closest('tr')!;
    expect(within(row).getByText('I rute')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Driftstall siste tolv måneder' })).toBeInTheDocument();
    expect(seen).toHaveLength(1);
  });

  it('keeps its toolbar and stamp line in place while loading, the municipality choice disabled until the data is in', async () => {
    const release = holdQuery('OverviewPage', () => HttpResponse.json({ data: overviewAnswer() }));
    renderApp('/');
    expect(await screen.findByText('Henter oversikten …', {}, { timeout: 10_000 })).toBeInTheDocument();
    const choice = screen.getByRole('combobox', { name: 'Kommune' });
    expect(choice).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Skriv ut' })).toBeInTheDocument();

    release();
    expect(await screen.findByRole('region', { name: 'Nøkkeltall' })).toBeInTheDocument();
    expect(choice).toBeEnabled();
    expect(within(choice).getAllByRole('option').length).toBeGreaterThan(1);
  });

  it('says so when the overview cannot be loaded', async () => {
    server.use(graphql.query('OverviewPage', () => HttpResponse.json({ errors: [{ message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] })));
    renderApp('/');
    expect(await screen.findByRole('alert')).toHaveTextContent('Oversikten kunne ikke hentes');
  });
});
