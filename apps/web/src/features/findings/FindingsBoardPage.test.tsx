import { screen, waitFor, within } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ADMIN, apiErrorResponse, KONGSBERG, me, signInAs, VIEWER } from '../../test/auth.ts';
import { renderApp } from '../../test/renderApp.tsx';
import { server } from '../../test/server.ts';
import type { BoardFinding } from './findingsQueries.ts';

const COORDINATOR = me({ id: 'u-coord', username: 'cora', displayName: 'Cora Koordinator', memberships: [{ role: 'COORDINATOR', municipality: KONGSBERG }] });

const r1 = { __typename: 'Risk' as const, id: '11', reference: 'R-01', title: 'Tap av arkivmateriale' };
const r2 = { __typename: 'Risk' as const, id: '12', reference: 'R-02', title: 'Mangelfull tilgangsstyring' };

function finding(fields: Partial<BoardFinding> & Pick<BoardFinding, 'id' | 'kind' | 'title'>): BoardFinding {
  return { __typename: 'Finding', description: null, status: null, sortOrder: 0, version: 1, risks: [], ...fields };
}

const sf1 = finding({ id: '1', kind: 'SUCCESS_FACTOR', title: 'Forankring i ledelsen', status: 'ON_TRACK', sortOrder: 1, risks: [r1] });
const sf2 = finding({ id: '2', kind: 'SUCCESS_FACTOR', title: 'Felles arkivplan', status: 'AT_RISK', sortOrder: 2 });
const v1 = finding({ id: '3', kind: 'VULNERABILITY', title: 'Én person kan Noark-uttrekk', description: 'Sårbart ved fravær.' });
const l1 = finding({ id: '4', kind: 'LESSON', title: 'Start tidlig med bevaringsvurdering' });

function connection(nodes: BoardFinding[], { hasNextPage = false, totalCount = nodes.length } = {}) {
  return {
    findings: {
      __typename: 'FindingConnection',
      edges: nodes.map((node) => ({ __typename: 'FindingEdge', cursor: `c-${node.id}`, node })),
      pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: nodes.length ? `c-${nodes.at(-1)!.id}` : null },
      totalCount,
    },
  };
}

/** Answers FindingsBoard from `pages` keyed by the `after` cursor ('' = first); records each call. */
function answerBoard(pages: () => Record<string, ReturnType<typeof connection>>) {
  const calls: { first: number; after: string | null }[] = [];
  server.use(
    graphql.query('FindingsBoard', ({ variables }) => {
      calls.push(variables as { first: number; after: string | null });
      return HttpResponse.json({ data: pages()[(variables.after as string | null) ?? ''] ?? connection([]) });
    }),
  );
  return calls;
}

function section(name: RegExp) {
  return screen.getByRole('region', { name });
}

// Each test opens the lazy page and dialogs; on a busy shared machine that can take longer than 5 s.
describe('FindingsBoardPage', { timeout: 20_000 }, () => {
  it('pages through every finding and shows each kind as a section with its count, status and risks', async () => {
    signInAs(VIEWER);
    const calls = answerBoard(() => ({ '': connection([sf1, sf2, v1], { hasNextPage: true, totalCount: 4 }), 'c-3': connection([l1]) }));
    renderApp('/funn');

    // The first test waits for the lazy page's chunk to be transformed, slow on a busy machine.
    expect(await screen.findByRole('heading', { level: 1, name: 'Funn' }, { timeout: 10_000 })).toBeInTheDocument();
    await screen.findByRole('heading', { level: 2, name: 'Læringspunkter (1)' });
    expect(calls).toEqual([
      { first: 100, after: null },
      { first: 100, after: 'c-3' },
    ]);
    expect(screen.getByRole('heading', { level: 2, name: 'Suksessfaktorer (2)' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Sårbarheter (1)' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Styrker (0)' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Prioriteringer (0)' })).toBeInTheDocument();

    const factors = section(/Suksessfaktorer/);
    const [first, second] = within(factors).getAllByRole('listitem').filter((item) => item.classList.contains('finding-item'));
    expect(first).toHaveTextContent('Forankring i ledelsen');
    expect(first).toHaveTextContent('I rute');
    expect(second).toHaveTextContent('I faresonen');
    expect(within(first!).getByRole('link', { name: 'R-01 Tap av arkivmateriale' })).toHaveAttribute('href', '/risiko/11');
    expect(within(section(/Sårbarheter/)).getByText('Sårbart ved fravær.')).toBeInTheDocument();
  });

  it('offers a viewer no editing control', async () => {
    signInAs(VIEWER);
    answerBoard(() => ({ '': connection([sf1, v1]) }));
    renderApp('/funn');
    await screen.findByRole('heading', { level: 2, name: 'Suksessfaktorer (1)' });

    expect(screen.queryByRole('button', { name: /Legg til|Endre|Slett|Koble|Fjern|Lagre|Ny|Opprett|Rediger/ })).not.toBeInTheDocument();
  });

  it('creates a success factor after checking it with the shared rules', async () => {
    signInAs(COORDINATOR);
    const created = finding({ id: '9', kind: 'SUCCESS_FACTOR', title: 'Opplæring av ledere', status: 'NOT_STARTED', sortOrder: 3 });
    let createdYet = false;
    const calls = answerBoard(() => ({ '': connection(createdYet ? [sf1, sf2, created] : [sf1, sf2]) }));
    const inputs: unknown[] = [];
    server.use(
      graphql.mutation('CreateFinding', ({ variables }) => {
        inputs.push(variables.input);
        createdYet = true;
        return HttpResponse.json({ data: { createFinding: created } });
      }),
    );
    const { user } = renderApp('/funn');
    await screen.findByRole('heading', { level: 2, name: 'Suksessfaktorer (2)' });

    await user.click(screen.getByRole('button', { name: 'Legg til suksessfaktor' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ny suksessfaktor' });
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    // The shared rules answer before anything is sent.
    expect(await within(dialog).findByText('Fyll inn tittelen.')).toBeInTheDocument();
    expect(within(dialog).getByText('En suksessfaktor må ha en status.')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Tittel')).toHaveFocus();
    expect(inputs).toEqual([]);

    await user.type(within(dialog).getByLabelText('Tittel'), '  Opplæring av ledere ');
    await user.selectOptions(within(dialog).getByLabelText('Status'), 'Ikke startet');
    await user.clear(within(dialog).getByLabelText('Rekkefølge'));
    await user.type(within(dialog).getByLabelText('Rekkefølge'), '3');
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    expect(await screen.findByText('«Opplæring av ledere» er lagt til.')).toBeInTheDocument();
    expect(inputs).toEqual([{ kind: 'SUCCESS_FACTOR', title: 'Opplæring av ledere', description: null, status: 'NOT_STARTED', sortOrder: 3 }]);
    await screen.findByRole('heading', { level: 2, name: 'Suksessfaktorer (3)' });
    expect(calls.length).toBe(2);
  });

  it('edits a finding with its version and shows the server field error', async () => {
    signInAs(ADMIN);
    answerBoard(() => ({ '': connection([v1]) }));
    const inputs: unknown[] = [];
    server.use(
      graphql.mutation('UpdateFinding', ({ variables }) => {
        inputs.push(variables);
        if (inputs.length === 1) {
          return apiErrorResponse('VALIDATION_FAILED', { path: ['input', 'title'], issues: [{ path: ['input', 'title'], message: 'Tittelen finnes fra før.' }] }, 'Tittelen finnes fra før.');
        }
        return HttpResponse.json({ data: { updateFinding: { ...v1, title: 'To personer kan Noark-uttrekk', version: 2 } } });
      }),
    );
    const { user } = renderApp('/funn');
    await screen.findByRole('heading', { level: 2, name: 'Sårbarheter (1)' });

    await user.click(screen.getByRole('button', { name: 'Endre Én person kan Noark-uttrekk' }));
    const dialog = await screen.findByRole('dialog', { name: 'Endre «Én person kan Noark-uttrekk»' });
    expect(within(dialog).queryByLabelText('Status')).not.toBeInTheDocument();
    await user.clear(within(dialog).getByLabelText('Tittel'));
    await user.type(within(dialog).getByLabelText('Tittel'), 'To personer kan Noark-uttrekk');
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    expect(await within(dialog).findByText('Tittelen finnes fra før.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    expect(await screen.findByText('Endringene i «To personer kan Noark-uttrekk» er lagret.')).toBeInTheDocument();
    expect(inputs.at(-1)).toEqual({
      id: '3',
      input: { kind: 'VULNERABILITY', title: 'To personer kan Noark-uttrekk', description: 'Sårbart ved fravær.', status: null, sortOrder: 0, version: 1 },
    });
    expect(screen.getByRole('heading', { level: 3, name: 'To personer kan Noark-uttrekk' })).toBeInTheDocument();
  });

  it('shows a version conflict in words and reloads the stored finding', async () => {
    signInAs(ADMIN);
    answerBoard(() => ({ '': connection([v1]) }));
    server.use(
      graphql.mutation('UpdateFinding', () => apiErrorResponse('VERSION_CONFLICT', { current: { title: 'Endret av en annen' } })),
      graphql.query('FindingLatest', () => HttpResponse.json({ data: { finding: { ...v1, title: 'Endret av en annen', version: 4 } } })),
    );
    const { user } = renderApp('/funn');
    await screen.findByRole('heading', { level: 2, name: 'Sårbarheter (1)' });

    await user.click(screen.getByRole('button', { name: 'Endre Én person kan Noark-uttrekk' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Noen andre har endret dette siden du åpnet det.');
    await user.click(within(dialog).getByRole('button', { name: 'Hent siste versjon' }));
    await waitFor(() => expect(within(dialog).getByLabelText('Tittel')).toHaveValue('Endret av en annen'));
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('deletes a finding after asking', async () => {
    signInAs(COORDINATOR);
    let deletedYet = false;
    answerBoard(() => ({ '': connection(deletedYet ? [sf1] : [sf1, sf2]) }));
    const deleted: unknown[] = [];
    server.use(
      graphql.mutation('DeleteFinding', ({ variables }) => {
        deleted.push(variables);
        deletedYet = true;
        return HttpResponse.json({ data: { deleteFinding: { __typename: 'Finding', id: '2' } } });
      }),
    );
    const { user } = renderApp('/funn');
    await screen.findByRole('heading', { level: 2, name: 'Suksessfaktorer (2)' });

    await user.click(screen.getByRole('button', { name: 'Slett Felles arkivplan' }));
    const dialog = await screen.findByRole('dialog', { name: 'Slette funnet?' });
    await user.click(within(dialog).getByRole('button', { name: 'Slett funnet' }));

    expect(await screen.findByText('«Felles arkivplan» er slettet.')).toBeInTheDocument();
    expect(deleted).toEqual([{ id: '2' }]);
    await screen.findByRole('heading', { level: 2, name: 'Suksessfaktorer (1)' });
    expect(screen.queryByRole('heading', { level: 3, name: 'Felles arkivplan' })).not.toBeInTheDocument();
  });

  it('links a finding to a risk found by search, and unlinks it', async () => {
    signInAs(COORDINATOR);
    answerBoard(() => ({ '': connection([sf1]) }));
    const searches: unknown[] = [];
    const links: unknown[] = [];
    const unlinks: unknown[] = [];
    server.use(
      graphql.query('FindingRiskPicker', ({ variables }) => {
        searches.push(variables);
        const search = (variables.filter as { search?: string }).search;
        const risks = search ? [r2] : [r1, r2];
        return HttpResponse.json({ data: { risks: { __typename: 'RiskConnection', totalCount: risks.length, edges: risks.map((node) => ({ __typename: 'RiskEdge', node })) } } });
      }),
      graphql.mutation('LinkFindingToRisk', ({ variables }) => {
        links.push(variables);
        return HttpResponse.json({ data: { linkFindingToRisk: { ...sf1, risks: [r1, r2], version: 2 } } });
      }),
      graphql.mutation('UnlinkFindingFromRisk', ({ variables }) => {
        unlinks.push(variables);
        return HttpResponse.json({ data: { unlinkFindingFromRisk: { ...sf1, risks: [r2], version: 3 } } });
      }),
    );
    const { user } = renderApp('/funn');
    await screen.findByRole('heading', { level: 2, name: 'Suksessfaktorer (1)' });

    await user.click(screen.getByRole('button', { name: 'Koble til risiko Forankring i ledelsen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Koble «Forankring i ledelsen» til en risiko' });
    expect(await within(dialog).findByRole('button', { name: /R-01 Tap av arkivmateriale/ })).toBeDisabled();
    await user.type(within(dialog).getByRole('searchbox', { name: 'Søk etter risiko' }), 'tilgang');
    await waitFor(() => expect(searches.at(-1)).toEqual({ first: 20, filter: { search: 'tilgang' } }));
    await waitFor(() => expect(within(dialog).queryByRole('button', { name: /R-01/ })).not.toBeInTheDocument());
    await user.click(within(dialog).getByRole('button', { name: 'R-02 Mangelfull tilgangsstyring' }));

    expect(await screen.findByText('«Forankring i ledelsen» er koblet til R-02.')).toBeInTheDocument();
    expect(links).toEqual([{ findingId: '1', riskId: '12' }]);
    const item = screen.getByRole('listitem', { name: 'Forankring i ledelsen' });
    expect(within(item).getByRole('link', { name: 'R-02 Mangelfull tilgangsstyring' })).toHaveAttribute('href', '/risiko/12');

    await user.click(within(item).getByRole('button', { name: 'Fjern koblingen til R-01' }));
    expect(await screen.findByText('Koblingen mellom «Forankring i ledelsen» og R-01 er fjernet.')).toBeInTheDocument();
    expect(unlinks).toEqual([{ findingId: '1', riskId: '11' }]);
    expect(within(item).queryByRole('link', { name: /R-01/ })).not.toBeInTheDocument();
  });
});
