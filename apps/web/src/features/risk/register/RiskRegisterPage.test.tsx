import { screen, waitFor, within } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiErrorResponse, signInAs, VIEWER } from '../../../test/auth.ts';
import { currentPath, renderApp } from '../../../test/renderApp.tsx';
import { server } from '../../../test/server.ts';
import { MARKING_STORAGE_KEY } from '../shared/marking.ts';
import type { RiskRegisterTable_risk } from './RiskRegisterTable.tsx';
import type { RegisterMeasuresTable_measure } from './RegisterMeasuresTable.tsx';

const AREA = { __typename: 'RiskArea' as const, id: '2', name: 'Arkivdanning' };
const KONGSBERG = { __typename: 'Municipality' as const, id: '3', name: 'Kongsberg' };
const FLESBERG = { __typename: 'Municipality' as const, id: '4', name: 'Flesberg' };

function riskNode(fields: Partial<RiskRegisterTable_risk> & { id: string; reference: string }): RiskRegisterTable_risk {
  return {
    __typename: 'Risk',
    title: `Risiko ${fields.reference}`,
    area: AREA,
    appliesToAll: false,
    municipalities: [KONGSBERG],
    owner: null,
    ownerName: null,
    inherentScore: 12,
    inherentLevel: 'MEDIUM',
    residualScore: null,
    residualLevel: null,
    acceptance: null,
    status: 'OPEN',
    nextReviewDate: null,
    isReviewOverdue: false,
    openMeasureCount: 0,
    overdueMeasureCount: 0,
    ...fields,
  };
}

function connection(nodes: RiskRegisterTable_risk[], { hasNextPage = false, totalCount = nodes.length } = {}) {
  return {
    risks: {
      __typename: 'RiskConnection',
      edges: nodes.map((node) => ({ __typename: 'RiskEdge', cursor: `c-${node.id}`, node })),
      pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: nodes.length ? `c-${nodes.at(-1)!.id}` : null },
      totalCount,
    },
  };
}

type RiskVariables = { first: number; after: string | null; filter: Record<string, unknown>; orderBy: { field: string; direction: string } | null };

/** Answers RiskRegister from `pages` keyed by the `after` cursor ('' = first page); records each call. */
function answerRisks(pages: Record<string, ReturnType<typeof connection>>, calls: RiskVariables[] = []) {
  server.use(
    graphql.query('RiskRegister', ({ variables }) => {
      calls.push(variables as RiskVariables);
      return HttpResponse.json({ data: pages[(variables.after as string | null) ?? ''] ?? connection([]) });
    }),
  );
  return calls;
}

function bodyRows(name = 'Risikoer') {
  const table = screen.getByRole('table', { name });
  const [, body] = within(table).getAllByRole('rowgroup');
  return within(body!).getAllByRole('row');
}

function header(name: string) {
  return screen.getByRole('columnheader', { name });
}

const r01 = riskNode({
  id: '1',
  reference: 'R-01',
  title: 'Tap av arkivmateriale',
  appliesToAll: true,
  municipalities: [],
  owner: { __typename: 'Person', id: '7', displayName: 'Kari Nordmann' },
  inherentScore: 20,
  inherentLevel: 'HIGH',
  residualScore: 6,
  residualLevel: 'LOW',
  acceptance: { __typename: 'RiskAcceptance', approverName: 'Rådmann', expiresOn: '2027-06-30', isExpired: false },
  status: 'ACCEPTED',
  nextReviewDate: '2026-01-15',
  isReviewOverdue: true,
  openMeasureCount: 3,
  overdueMeasureCount: 2,
});
const r02 = riskNode({
  id: '2',
  reference: 'R-02',
  title: 'Manglende kompetanse',
  municipalities: [KONGSBERG, FLESBERG],
  ownerName: 'Daglig leder',
  acceptance: { __typename: 'RiskAcceptance', approverName: 'Rådmann', expiresOn: '2025-12-31', isExpired: true },
  nextReviewDate: '2027-03-01',
  openMeasureCount: 1,
});

describe('RiskRegisterPage', () => {
  beforeEach(() => signInAs(VIEWER));

  it('shows each risk with its levels, acceptance, review and measures, overdue marked in words', async () => {
    answerRisks({ '': connection([r01, r02]) });
    renderApp('/risiko/register');

    expect(await screen.findByRole('heading', { level: 1, name: 'Risikoregister' })).toBeInTheDocument();
    await screen.findByRole('table', { name: 'Risikoer' });
    const [first, second] = bodyRows();
    const firstRow = within(first!);
    expect(firstRow.getByRole('rowheader')).toHaveTextContent('R-01');
    expect(firstRow.getByRole('link', { name: 'R-01' })).toHaveAttribute('href', '/risiko/1');
    expect(first).toHaveTextContent('Tap av arkivmateriale');
    expect(first).toHaveTextContent('Arkivdanning');
    expect(first).toHaveTextContent('Alle kommuner');
    expect(first).toHaveTextContent('Kari Nordmann');
    expect(firstRow.getByText('Høy (20)')).toHaveClass('risk-level--high');
    expect(firstRow.getByText('Lav (6)')).toHaveClass('risk-level--low');
    expect(first).toHaveTextContent('Akseptert til 30.06.2027');
    expect(first).not.toHaveTextContent('utløpt');
    expect(first).toHaveTextContent('Akseptert');
    expect(firstRow.getByText('15.01.2026 (forfalt)')).toHaveClass('overdue-mark');
    expect(firstRow.getByText('2 forfalte')).toHaveClass('overdue-mark');

    const secondRow = within(second!);
    expect(second).toHaveTextContent('Kongsberg, Flesberg');
    expect(second).toHaveTextContent('Daglig leder');
    expect(second).toHaveTextContent('Middels (12)');
    expect(second).toHaveTextContent('Ikke vurdert');
    expect(secondRow.getByText('Akseptert til 31.12.2025 (utløpt)')).toHaveClass('overdue-mark');
    expect(second).toHaveTextContent('01.03.2027');
    expect(second).not.toHaveTextContent('forfalt');
    expect(screen.getByText('Viser 1–2 av 2 risikoer')).toBeInTheDocument();
  });

  it('sorts on the server: a header button puts the order in the URL and in orderBy', async () => {
    const calls = answerRisks({ '': connection([r01, r02]) });
    const { user, router } = renderApp('/risiko/register');
    await screen.findByRole('table', { name: 'Risikoer' });
    expect(calls[0]!.orderBy).toBeNull();
    expect(header('Referanse')).toHaveAttribute('aria-sort', 'ascending');
    expect(header('Tittel')).toHaveAttribute('aria-sort', 'none');
    expect(header('Kommuner')).not.toHaveAttribute('aria-sort');

    await user.click(within(header('Tittel')).getByRole('button', { name: 'Tittel' }));
    await waitFor(() => expect(currentPath(router)).toBe('/risiko/register?sorter=TITLE.asc'));
    await waitFor(() => expect(calls.at(-1)!.orderBy).toEqual({ field: 'TITLE', direction: 'ASC' }));
    expect(header('Tittel')).toHaveAttribute('aria-sort', 'ascending');
    expect(header('Referanse')).toHaveAttribute('aria-sort', 'none');

    await user.click(within(header('Tittel')).getByRole('button', { name: 'Tittel' }));
    await waitFor(() => expect(currentPath(router)).toBe('/risiko/register?sorter=TITLE.desc'));
    await waitFor(() => expect(calls.at(-1)!.orderBy).toEqual({ field: 'TITLE', direction: 'DESC' }));
    expect(header('Tittel')).toHaveAttribute('aria-sort', 'descending');

    await user.click(within(header('Åpne tiltak')).getByRole('button'));
    await waitFor(() => expect(calls.at(-1)!.orderBy).toEqual({ field: 'OPEN_MEASURES', direction: 'ASC' }));
  });

  it('narrows to the matrix cell in the URL, says which, and lets the user clear it', async () => {
    const calls = answerRisks({ '': connection([r01]) });
    const { user, router } = renderApp('/risiko/register?kommune=3&celle=3-4');
    await screen.findByRole('table', { name: 'Risikoer' });

    expect(calls[0]!.filter).toEqual({ municipalityIds: ['3'], levelBasis: 'RESIDUAL', likelihood: 3, consequence: 4 });
    expect(screen.getByText('Sannsynlighet 3, konsekvens 4 (restrisiko)')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Fjern cellefilteret' }));
    await waitFor(() => expect(currentPath(router)).toBe('/risiko/register?kommune=3'));
    await waitFor(() => expect(calls.at(-1)!.filter).toEqual({ municipalityIds: ['3'] }));
    expect(screen.queryByText(/Sannsynlighet 3/)).not.toBeInTheDocument();
  });

  it('names the inherent basis when the cell was opened on the inherent matrix', async () => {
    const calls = answerRisks({ '': connection([r01]) });
    renderApp('/risiko/register?grunnlag=iboende&celle=5-2');
    await screen.findByRole('table', { name: 'Risikoer' });
    expect(calls[0]!.filter).toEqual({ levelBasis: 'INHERENT', likelihood: 5, consequence: 2 });
    expect(screen.getByText('Sannsynlighet 5, konsekvens 2 (iboende risiko)')).toBeInTheDocument();
  });

  it('keeps the overdue shortcuts in the URL and sends them as filters', async () => {
    const calls = answerRisks({ '': connection([r01]) });
    const { user, router } = renderApp('/risiko/register');
    await screen.findByRole('table', { name: 'Risikoer' });

    await user.click(screen.getByRole('checkbox', { name: 'Bare forfalt gjennomgang' }));
    await waitFor(() => expect(currentPath(router)).toBe('/risiko/register?forfalt=gjennomgang'));
    await waitFor(() => expect(calls.at(-1)!.filter).toEqual({ reviewOverdue: true }));

    await user.click(screen.getByRole('checkbox', { name: 'Bare forfalte tiltak' }));
    await waitFor(() => expect(currentPath(router)).toBe('/risiko/register?forfalt=gjennomgang%2Ctiltak'));
    await waitFor(() => expect(calls.at(-1)!.filter).toEqual({ reviewOverdue: true, hasOverdueMeasures: true }));
    expect(screen.getByRole('checkbox', { name: 'Bare forfalt gjennomgang' })).toBeChecked();
  });

  it('reads the interim filters from the URL and writes them back, starting again at page one', async () => {
    const calls = answerRisks({ '': connection([r01]), 'c-9': connection([r02]) });
    const { user, router } = renderApp('/risiko/register?etter=c-9&sok=arkiv');
    await screen.findByRole('table', { name: 'Risikoer' });
    expect(calls[0]).toMatchObject({ after: 'c-9', filter: { search: 'arkiv' } });
    expect(screen.getByRole('searchbox', { name: 'Søk i referanse og tittel' })).toHaveValue('arkiv');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Åpen');
    await user.click(screen.getByRole('button', { name: 'Bruk filter' }));
    await waitFor(() => expect(currentPath(router)).toBe('/risiko/register?status=OPEN&sok=arkiv'));
    await waitFor(() => expect(calls.at(-1)).toMatchObject({ after: null, filter: { search: 'arkiv', statuses: ['OPEN'] } }));
  });

  it('pages forward and back with the cursor', async () => {
    const calls = answerRisks({ '': connection([r01], { hasNextPage: true, totalCount: 26 }), 'c-1': connection([r02], { totalCount: 26 }) });
    const { user, router } = renderApp('/risiko/register?sorter=TITLE.asc');
    await screen.findByText('Viser 1–1 av 26 risikoer');

    await user.click(screen.getByRole('button', { name: 'Neste side' }));
    await screen.findByText('Viser 26–26 av 26 risikoer');
    expect(currentPath(router)).toBe('/risiko/register?sorter=TITLE.asc&etter=c-1');
    expect(calls.at(-1)).toMatchObject({ first: 25, after: 'c-1', orderBy: { field: 'TITLE', direction: 'ASC' } });
    expect(bodyRows()[0]).toHaveTextContent('R-02');

    await user.click(screen.getByRole('button', { name: 'Forrige side' }));
    await screen.findByText('Viser 1–1 av 26 risikoer');
    expect(currentPath(router)).toBe('/risiko/register?sorter=TITLE.asc');
  });

  it('says so when no risk matches', async () => {
    answerRisks({ '': connection([]) });
    renderApp('/risiko/register?sok=finnesikke');
    expect(await screen.findByText('Ingen risikoer passer filtrene. Fjern et filter for å se flere.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByText('Ingen risikoer')).toBeInTheDocument();
  });

  it('shows a failed load in words with a way to try again', async () => {
    let fail = true;
    server.use(
      graphql.query('RiskRegister', () => (fail ? apiErrorResponse('INTERNAL_SERVER_ERROR') : HttpResponse.json({ data: connection([r01]) }))),
    );
    const { user } = renderApp('/risiko/register');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'Kunne ikke hente risikoregisteret' })).toBeInTheDocument();
    expect(alert).not.toHaveTextContent('Feil fra API-et.');

    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Prøv igjen' }));
    expect(await screen.findByRole('table', { name: 'Risikoer' })).toBeInTheDocument();
  });
});

describe('RiskRegisterPage exports', () => {
  beforeEach(() => signInAs(VIEWER));

  it('links every export with its format, the filters and the remembered marking', async () => {
    window.localStorage.setItem(MARKING_STORAGE_KEY, JSON.stringify({ choice: 'offl24', custom: '' }));
    answerRisks({ '': connection([r01]) });
    renderApp('/risiko/register?omrade=2&kommune=3,4&status=OPEN&sok=arkiv&celle=3-4&sorter=TITLE.desc');
    await screen.findByRole('table', { name: 'Risikoer' });

    const exports = within(screen.getByRole('region', { name: 'Eksporter' }));
    const hrefOf = (name: string) => new URL(exports.getByRole('link', { name }).getAttribute('href')!, window.location.origin);
    const registerCsv = hrefOf('Risikoregisteret som CSV');
    expect(registerCsv.pathname).toBe('/exports/risk-register');
    expect(Object.fromEntries(registerCsv.searchParams)).toEqual({
      format: 'csv',
      marking: 'Unntatt offentlighet, offl. § 24 tredje ledd',
      omrade: '2',
      kommune: '3,4',
      status: 'OPEN',
      sok: 'arkiv',
    });
    expect(hrefOf('Risikoregisteret som XLSX (Excel)').searchParams.get('format')).toBe('xlsx');
    const measuresXlsx = hrefOf('Tiltakene som XLSX (Excel)');
    expect(measuresXlsx.pathname).toBe('/exports/risk-measures');
    expect(measuresXlsx.searchParams.get('format')).toBe('xlsx');
    expect(measuresXlsx.searchParams.get('kommune')).toBe('3,4');
    expect(hrefOf('Tiltakene som CSV').searchParams.get('marking')).toBe('Unntatt offentlighet, offl. § 24 tredje ledd');
    // The cell is not an export filter, and the page says so.
    expect(exports.getByText(/men ikke matrisecellen/)).toBeInTheDocument();
  });

  it('remembers the chosen marking across visits and sends none when none is chosen', async () => {
    answerRisks({ '': connection([r01]) });
    const first = renderApp('/risiko/register');
    await screen.findByRole('table', { name: 'Risikoer' });
    const csvLink = () => screen.getByRole('link', { name: 'Risikoregisteret som CSV' });
    expect(csvLink().getAttribute('href')).toBe('/exports/risk-register?format=csv');

    await first.user.selectOptions(screen.getByRole('combobox', { name: 'Merking' }), 'Annen merking …');
    await first.user.type(screen.getByRole('textbox', { name: 'Egen merking' }), 'Fortrolig');
    expect(new URL(csvLink().getAttribute('href')!, window.location.origin).searchParams.get('marking')).toBe('Fortrolig');
    expect(JSON.parse(window.localStorage.getItem(MARKING_STORAGE_KEY)!)).toEqual({ choice: 'other', custom: 'Fortrolig' });
    first.unmount();

    const second = renderApp('/risiko/register');
    await screen.findByRole('table', { name: 'Risikoer' });
    expect(screen.getByRole('combobox', { name: 'Merking' })).toHaveValue('other');
    expect(screen.getByRole('textbox', { name: 'Egen merking' })).toHaveValue('Fortrolig');
    expect(screen.getByRole('textbox', { name: 'Egen merking' })).toHaveAttribute('maxlength', '200');

    await second.user.selectOptions(screen.getByRole('combobox', { name: 'Merking' }), 'Ingen merking');
    expect(csvLink().getAttribute('href')).toBe('/exports/risk-register?format=csv');
  });
});

function measureNode(fields: Partial<RegisterMeasuresTable_measure> & { id: string; title: string }): RegisterMeasuresTable_measure {
  return {
    __typename: 'Measure',
    owner: null,
    ownerName: null,
    deadline: null,
    status: 'PLANNED',
    isOverdue: false,
    risk: { __typename: 'Risk', id: '1', reference: 'R-01', title: 'Tap av arkivmateriale' },
    ...fields,
  };
}

function measureConnection(nodes: RegisterMeasuresTable_measure[], { hasNextPage = false, totalCount = nodes.length } = {}) {
  return {
    measures: {
      __typename: 'MeasureConnection',
      edges: nodes.map((node) => ({ __typename: 'MeasureEdge', cursor: `m-${node.id}`, node })),
      pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: nodes.length ? `m-${nodes.at(-1)!.id}` : null },
      totalCount,
    },
  };
}

describe('RiskRegisterPage measures', () => {
  beforeEach(() => signInAs(VIEWER));

  it('lists the measures of the municipalities in view, overdue marked, with server paging', async () => {
    answerRisks({ '': connection([r01]) });
    const calls: Record<string, unknown>[] = [];
    server.use(
      graphql.query('RegisterMeasures', ({ variables }) => {
        calls.push(variables);
        const page =
          variables.after === 'm-11'
            ? measureConnection([measureNode({ id: '12', title: 'Opplæring', status: 'DONE' })], { totalCount: 26 })
            : measureConnection(
                [
                  measureNode({
                    id: '11',
                    title: 'Flytte arkivet',
                    owner: { __typename: 'Person', id: '7', displayName: 'Kari Nordmann' },
                    deadline: '2026-02-01',
                    status: 'IN_PROGRESS',
                    isOverdue: true,
                  }),
                ],
                { hasNextPage: true, totalCount: 26 },
              );
        return HttpResponse.json({ data: page });
      }),
    );
    const { user, router } = renderApp('/risiko/register?kommune=3&omrade=2&forfalt=tiltak');
    await screen.findByRole('table', { name: 'Risikoer' });

    await user.click(screen.getByRole('link', { name: 'Tiltak' }));
    await screen.findByRole('table', { name: 'Tiltak' });
    expect(currentPath(router)).toBe('/risiko/register?kommune=3&omrade=2&forfalt=tiltak&visning=tiltak');
    expect(calls[0]).toEqual({ first: 25, after: null, filter: { municipalityIds: ['3'], overdue: true } });
    expect(screen.getByRole('link', { name: 'Tiltak' })).toHaveAttribute('aria-current', 'page');
    expect(screen.queryByRole('checkbox', { name: 'Bare forfalt gjennomgang' })).not.toBeInTheDocument();

    const [row] = bodyRows('Tiltak');
    const cells = within(row!);
    expect(cells.getByRole('rowheader')).toHaveTextContent('Flytte arkivet');
    expect(cells.getByRole('link', { name: 'R-01 Tap av arkivmateriale' })).toHaveAttribute('href', '/risiko/1');
    expect(row).toHaveTextContent('Kari Nordmann');
    expect(row).toHaveTextContent('Pågår');
    expect(cells.getByText('01.02.2026 (forfalt)')).toHaveClass('overdue-mark');

    await user.click(screen.getByRole('button', { name: 'Neste side' }));
    await screen.findByText('Viser 26–26 av 26 tiltak');
    expect(calls.at(-1)).toMatchObject({ after: 'm-11' });
    expect(bodyRows('Tiltak')[0]).toHaveTextContent('Fullført');

    await user.click(screen.getByRole('checkbox', { name: 'Bare forfalte tiltak' }));
    await waitFor(() => expect(calls.at(-1)).toEqual({ first: 25, after: null, filter: { municipalityIds: ['3'] } }));
  });
});

describe('RiskRegisterPage measures, empty and failed', () => {
  beforeEach(() => signInAs(VIEWER));

  it('says so when no measure matches, and shows a failed load in words', async () => {
    let fail = false;
    server.use(
      graphql.query('RegisterMeasures', () =>
        fail ? apiErrorResponse('INTERNAL_SERVER_ERROR') : HttpResponse.json({ data: measureConnection([]) }),
      ),
    );
    const first = renderApp('/risiko/register?visning=tiltak');
    expect(await screen.findByText('Ingen tiltak passer filtrene.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    // A viewer gets the same page; there is nothing to edit on it.
    expect(screen.queryByRole('button', { name: /^(Ny|Endre|Rediger|Slett|Lagre|Opprett|Legg til)/ })).not.toBeInTheDocument();
    first.unmount();

    fail = true;
    renderApp('/risiko/register?visning=tiltak');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'Kunne ikke hente tiltakene' })).toBeInTheDocument();
    expect(within(alert).getByRole('button', { name: 'Prøv igjen' })).toBeInTheDocument();
  });
});
