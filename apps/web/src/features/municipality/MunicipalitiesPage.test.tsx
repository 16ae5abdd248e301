import { screen, within } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { signInAs } from '../../test/auth.ts';
import { server } from '../../test/server.ts';
import { renderApp } from '../../test/renderApp.tsx';
import type { MunicipalityRow_municipality } from './MunicipalityRow.tsx';

function municipality(fields: Partial<MunicipalityRow_municipality> & Pick<MunicipalityRow_municipality, 'id' | 'name' | 'number'>): MunicipalityRow_municipality {
  return {
    __typename: 'Municipality',
    role: 'PARTNER',
    participates: true,
    seriesCount: 0,
    archiveCount: 0,
    riskCount: 0,
    ...fields,
  };
}

function answerMunicipalities(municipalities: MunicipalityRow_municipality[]) {
  server.use(graphql.query('MunicipalitiesPage', () => HttpResponse.json({ data: { municipalities } })));
}

/** Cell texts of each body row, in the order shown. */
function bodyRows() {
  const [, body] = screen.getAllByRole('rowgroup');
  return within(body!)
    .getAllByRole('row')
    .map((row) => Array.from((row as HTMLTableRowElement).cells, (cell) => cell.textContent));
}

describe('MunicipalitiesPage', () => {
  beforeEach(() => signInAs());

  it('lists the municipalities with Norwegian role words and counts grouped by a space', async () => {
    answerMunicipalities([
      municipality({ id: 'm1', number: '3303', name: 'Kongsberg', role: 'HOST', seriesCount: 12345, archiveCount: 4, riskCount: 1001 }),
      municipality({ id: 'm2', number: '3334', name: 'Flesberg', participates: false, seriesCount: 7 }),
    ]);
    renderApp('/kommuner');

    expect(await screen.findByRole('table', { name: 'Kommuner i dokumentsenteret' })).toBeInTheDocument();
    expect(bodyRows()).toEqual([
      ['3303', 'Kongsberg', 'Vertskommune', 'Ja', '12\u00a0345', '4', '1\u00a0001'],
      ['3334', 'Flesberg', 'Samarbeidskommune', 'Nei', '7', '0', '0'],
    ]);
    expect(screen.getByRole('heading', { level: 1, name: 'Kommuner' })).toBeInTheDocument();
    expect(document.title).toBe('Kommuner – Samarkiv');
  });

  it('keeps the order the server sends instead of sorting again', async () => {
    // Norwegian order puts Å after Z; a naive client-side sort would not.
    answerMunicipalities([
      municipality({ id: 'm1', number: '9001', name: 'Zeta' }),
      municipality({ id: 'm2', number: '9002', name: 'Ålvik' }),
      municipality({ id: 'm3', number: '9003', name: 'Aremark' }),
    ]);
    renderApp('/kommuner');

    await screen.findByRole('table');
    expect(bodyRows().map((cells) => cells[1])).toEqual(['Zeta', 'Ålvik', 'Aremark']);
  });

  it('shows a loading status while the municipalities are on their way', async () => {
    answerMunicipalities([municipality({ id: 'm1', number: '3303', name: 'Kongsberg' })]);
    renderApp('/kommuner');

    // The session check shows its own status first; then the page's.
    expect((await screen.findByText('Henter kommunene …')).closest('[role="status"]')).not.toBeNull();
    await screen.findByRole('table');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('explains a failed query in words and never shows the GraphQL message', async () => {
    server.use(
      graphql.query('MunicipalitiesPage', () =>
        HttpResponse.json({ errors: [{ message: 'relation "municipality" does not exist' }] }),
      ),
    );
    renderApp('/kommuner');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Kommunene kunne ikke hentes');
    expect(alert).not.toHaveTextContent(/relation|does not exist/);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('loads the table when the user retries after an error', async () => {
    answerMunicipalities([municipality({ id: 'm1', number: '3303', name: 'Kongsberg' })]);
    // Handlers added later are tried first: the first request fails, the retry succeeds.
    server.use(
      graphql.query('MunicipalitiesPage', () => HttpResponse.json({ errors: [{ message: 'boom' }] }), { once: true }),
    );
    const { user } = renderApp('/kommuner');

    await user.click(await screen.findByRole('button', { name: 'Prøv igjen' }));

    expect(await screen.findByRole('rowheader', { name: 'Kongsberg' })).toBeInTheDocument();
  });

  it('says so when no municipality is registered', async () => {
    answerMunicipalities([]);
    renderApp('/kommuner');

    expect(await screen.findByText('Ingen kommuner er registrert ennå.')).toBeInTheDocument();
  });
});
