import { screen, waitFor, within } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiErrorResponse, me, signInAs, VIEWER } from '../../../test/auth.ts';
import { currentPath, renderApp } from '../../../test/renderApp.tsx';
import { server } from '../../../test/server.ts';
import type { FacetName, FacetValue } from './FacetPanel.tsx';
import type { SeriesBrowserRowsVariables } from './SeriesBrowserPage.tsx';
import type { SeriesBrowserTable_series } from './SeriesTable.tsx';

const KONGSBERG = { __typename: 'Municipality' as const, id: '3', name: 'Kongsberg' };
const FLESBERG = { __typename: 'Municipality' as const, id: '4', name: 'Flesberg' };

function series(fields: Partial<SeriesBrowserTable_series> & { id: string; identifier: string; title: string }): SeriesBrowserTable_series {
  return {
    __typename: 'ArchiveSeries',
    municipality: KONGSBERG,
    archiveCreator: null,
    status: 'AVSLUTTET_PERIODE',
    documentMedium: 'ELEKTRONISK',
    periodStart: '1995-01-01',
    periodEnd: '2004-12-31',
    isContinuous: false,
    retentionDecision: 'BEVARES',
    classificationType: null,
    accessRestriction: null,
    restrictionBasis: null,
    system: null,
    targetSeries: null,
    depositStatus: 'IKKE_AVLEVERT',
    updatedAt: '2026-03-05T10:00:00.000Z',
    ...fields,
  };
}

const s1 = series({ id: '1', identifier: 'BYGG-1', title: 'Byggesaker', status: 'AKTIV_PERIODE', periodEnd: null, retentionDecision: null });
const s2 = series({ id: '2', identifier: 'PERS-1', title: 'Personalmapper', municipality: FLESBERG, depositStatus: 'AVLEVERT' });
const s3 = series({ id: '3', identifier: 'POST-1', title: 'Postjournal', retentionDecision: 'KASSERES' });

function connection(nodes: SeriesBrowserTable_series[], { hasNextPage = false, hasPreviousPage = false } = {}) {
  return {
    archiveSeries: {
      __typename: 'ArchiveSeriesConnection',
      edges: nodes.map((node) => ({ __typename: 'ArchiveSeriesEdge', cursor: `c-${node.id}`, node })),
      pageInfo: {
        __typename: 'PageInfo',
        hasNextPage,
        hasPreviousPage,
        startCursor: nodes.length ? `c-${nodes[0]!.id}` : null,
        endCursor: nodes.length ? `c-${nodes.at(-1)!.id}` : null,
      },
    },
  };
}

type Answer = ReturnType<typeof connection> | Promise<ReturnType<typeof connection>>;

/** Answers the rows query (by the `after` cursor, '' = first page) and records each call. */
function answerRows(pages: Record<string, Answer> | ((variables: SeriesBrowserRowsVariables) => Answer), calls: SeriesBrowserRowsVariables[] = []) {
  server.use(
    graphql.query('SeriesBrowserRows', async ({ variables }) => {
      const v = variables as SeriesBrowserRowsVariables;
      calls.push(v);
      const data = typeof pages === 'function' ? await pages(v) : await (pages[v.after ?? ''] ?? connection([]));
      return HttpResponse.json({ data });
    }),
  );
  return calls;
}

const facetList = (entries: [string | null, string, number][]): FacetValue[] =>
  entries.map(([value, label, count]) => ({ __typename: 'FacetValue', value, label, count }));

function facets(overrides: Partial<Record<FacetName, FacetValue[]>> = {}) {
  const empty = Object.fromEntries(
    ['municipality', 'archiveCreator', 'status', 'documentMedium', 'retentionDecision', 'classificationType', 'restricted', 'restrictionBasis', 'system', 'targetSeries', 'depositStatus', 'decade'].map((n) => [n, []]),
  );
  return {
    archiveSeriesFacets: {
      __typename: 'ArchiveSeriesFacets',
      ...empty,
      municipality: facetList([['3', 'Kongsberg', 2], ['4', 'Flesberg', 1]]),
      retentionDecision: facetList([['BEVARES', 'Bevares', 1], ['KASSERES', 'Kasseres', 1], [null, 'Ikke angitt', 1]]),
      restricted: facetList([['true', 'Med tilgangsrestriksjon', 1], ['false', 'Uten tilgangsrestriksjon', 2]]),
      decade: facetList([['1990', '1990–1999', 3]]),
      ...overrides,
    },
  };
}

/** Facets and count; `gate` holds the facet answer back until it resolves. */
function answerCounts({ gate, total = 3 }: { gate?: Promise<void>; total?: number } = {}) {
  const facetCalls: { filter: Record<string, unknown> }[] = [];
  server.use(
    graphql.query('SeriesBrowserFacets', async ({ variables }) => {
      facetCalls.push(variables as { filter: Record<string, unknown> });
      await gate;
      return HttpResponse.json({ data: facets() });
    }),
    graphql.query('SeriesBrowserCount', () =>
      HttpResponse.json({ data: { archiveSeries: { __typename: 'ArchiveSeriesConnection', totalCount: total, totalCountIsEstimate: false } } }),
    ),
  );
  return facetCalls;
}

function bodyRows() {
  const table = screen.getByRole('table', { name: 'Arkivserier' });
  const [, body] = within(table).getAllByRole('rowgroup');
  return within(body!).getAllByRole('row');
}

const headerNames = () => within(screen.getByRole('table', { name: 'Arkivserier' })).getAllByRole('columnheader').map((h) => h.textContent);

beforeEach(() => signInAs(VIEWER));

/** The app at `path`, once the page's lazy chunk has loaded (slow the first time on a busy machine). */
async function openBrowser(path: string) {
  const app = renderApp(path);
  await screen.findByRole('heading', { level: 1, name: 'Arkivserier' }, { timeout: 20_000 });
  return app;
}

// Each test walks several steps of the real app (lazy page, three queries); on a loaded machine
// that takes longer than Vitest's default 5 seconds.
describe('SeriesBrowserPage', { timeout: 60_000 }, () => {
  it('shows the rows with code-list names first, then the facet counts as they arrive', async () => {
    let release!: () => void;
    const facetCalls = answerCounts({ gate: new Promise<void>((done) => (release = done)) });
    answerRows({ '': connection([s1, s2, s3]) });
    await openBrowser('/arkivserier');
    await waitFor(() => expect(bodyRows()).toHaveLength(3));
    const first = within(bodyRows()[0]!);
    expect(first.getByRole('rowheader', { name: 'BYGG-1' })).toBeInTheDocument();
    expect(first.getByRole('link', { name: 'BYGG-1' })).toHaveAttribute('href', '/arkivserier/1');
    expect(first.getByText('Aktiv periode')).toBeInTheDocument();
    expect(first.getByText('Pågår')).toBeInTheDocument();
    expect(first.getByText('Ikke angitt')).toBeInTheDocument();
    expect(within(bodyRows()[1]!).getByText('Avlevert')).toBeInTheDocument();
    expect(within(bodyRows()[1]!).getByText('01.01.1995')).toBeInTheDocument();
    expect(within(bodyRows()[2]!).getByText('Kasseres')).toBeInTheDocument();

    // The counts were asked for after the rows came, and show when they come.
    await waitFor(() => expect(facetCalls).toHaveLength(1));
    expect(screen.getByText('Henter antall …')).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: /Kongsberg/ })).not.toBeInTheDocument();
    release();
    expect(await screen.findByRole('checkbox', { name: 'Kongsberg (2)' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Ikke angitt (1)' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Med tilgangsrestriksjon (1)' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '1990–1999 (3)' })).toBeInTheDocument();
    expect(await screen.findByText('Viser 3 av 3 arkivserier')).toBeInTheDocument();
  });

  it('filters on the server when a facet value is chosen, and keeps the filter in the URL', async () => {
    answerCounts();
    const calls = answerRows(() => connection([s1]));
    const { user, router } = await openBrowser('/arkivserier');
    await user.click(await screen.findByRole('checkbox', { name: 'Kongsberg (2)' }));
    await waitFor(() => expect(currentPath(router)).toBe('/arkivserier?kommune=3'));
    await waitFor(() => expect(calls.at(-1)!.filter).toEqual({ municipalityIds: ['3'] }));
    await user.click(screen.getByRole('checkbox', { name: 'Ikke angitt (1)' }));
    await waitFor(() => expect(currentPath(router)).toBe('/arkivserier?kommune=3&kassasjon=IKKE_ANGITT'));
    await waitFor(() => expect(calls.at(-1)!.filter).toEqual({ municipalityIds: ['3'], retentionDecisionMissing: true }));
    await user.click(screen.getByRole('radio', { name: 'Uten tilgangsrestriksjon (2)' }));
    await waitFor(() => expect(calls.at(-1)!.filter).toMatchObject({ restricted: false }));
    await user.click(screen.getByRole('button', { name: '1990–1999 (3)' }));
    await waitFor(() => expect(calls.at(-1)!.filter).toMatchObject({ periodFrom: '1990-01-01', periodTo: '1999-12-31' }));
    expect(screen.getByRole('link', { name: 'Eksporter CSV' })).toHaveAttribute(
      'href',
      '/exports/archive-series?format=csv&kommune=3&kassasjon=IKKE_ANGITT&skjermet=nei&fra=1990-01-01&til=1999-12-31',
    );
  });

  it('reads a bookmarked view from the URL into the query', async () => {
    answerCounts();
    const calls = answerRows(() => connection([s2]));
    await openBrowser('/arkivserier?status=AVSLUTTET_PERIODE&klassifikasjon=Funksjonsbasert%2C+hierarkisk&sorter=PERIOD_START.desc&etter=c-9&status=FEIL');
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    expect(calls[0]).toEqual({
      first: 25,
      after: 'c-9',
      filter: { statuses: ['AVSLUTTET_PERIODE'], classificationTypes: ['Funksjonsbasert, hierarkisk'] },
      orderBy: { field: 'PERIOD_START', direction: 'DESC' },
    });
    expect(screen.getByRole('columnheader', { name: 'Periode fra' })).toHaveAttribute('aria-sort', 'descending');
  });

  it('sorts on the server: a header button puts the order in the URL and in orderBy', async () => {
    answerCounts();
    const calls = answerRows(() => connection([s1, s2]));
    const { user, router } = await openBrowser('/arkivserier');
    await waitFor(() => expect(bodyRows()).toHaveLength(2));
    expect(calls[0]!.orderBy).toEqual({ field: 'TITLE', direction: 'ASC' });
    expect(screen.getByRole('columnheader', { name: 'Tittel' })).toHaveAttribute('aria-sort', 'ascending');
    await user.click(within(screen.getByRole('columnheader', { name: 'Tittel' })).getByRole('button'));
    await waitFor(() => expect(currentPath(router)).toBe('/arkivserier?sorter=TITLE.desc'));
    await waitFor(() => expect(calls.at(-1)!.orderBy).toEqual({ field: 'TITLE', direction: 'DESC' }));
    await user.click(within(screen.getByRole('columnheader', { name: 'Kassasjonsvedtak' })).getByRole('button'));
    await waitFor(() => expect(calls.at(-1)!.orderBy).toEqual({ field: 'RETENTION_DECISION', direction: 'ASC' }));
    expect(screen.getByRole('columnheader', { name: 'Kassasjonsvedtak' })).toHaveAttribute('aria-sort', 'ascending');
    // The municipality cannot be ordered by the API: a plain header.
    expect(screen.getByRole('columnheader', { name: 'Kommune' })).not.toHaveAttribute('aria-sort');
  });

  it('searches after a pause in typing and marks the matches in identifiers and titles', async () => {
    answerCounts();
    const calls = answerRows((v) => connection(v.filter.search ? [s1] : [s1, s2, s3]));
    const { user, router } = await openBrowser('/arkivserier');
    await waitFor(() => expect(bodyRows()).toHaveLength(3));
    await user.type(screen.getByRole('searchbox', { name: 'Søk i arkivserier' }), 'byggesaker');
    await waitFor(() => expect(currentPath(router)).toBe('/arkivserier?sok=byggesaker'));
    // One query for the whole word, not one per letter.
    await waitFor(() => expect(calls.filter((c) => c.filter.search).map((c) => c.filter.search)).toEqual(['byggesaker']));
    expect(calls.at(-1)!.orderBy).toEqual({ field: 'RELEVANCE', direction: 'ASC' });
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    const marks = bodyRows()[0]!.querySelectorAll('mark');
    // "byggesaker" matches "Byggesak" (the API trims Norwegian endings; the marks follow).
    expect([...marks].map((m) => m.textContent)).toEqual(['Byggesak']);
  });

  it('shows, hides and reorders columns from the keyboard, remembered in the URL', async () => {
    answerCounts();
    answerRows(() => connection([s1]));
    const { user, router } = await openBrowser('/arkivserier');
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    expect(headerNames()).toEqual(['Identifikator', 'Tittel', 'Kommune', 'Arkivdelstatus', 'Periode fra', 'Periode til', 'Kassasjonsvedtak', 'Avleveringsstatus']);
    await user.click(screen.getByText('Kolonner (8 av 15 vises)'));
    await user.click(screen.getByRole('checkbox', { name: 'Periode fra' }));
    await user.click(screen.getByRole('checkbox', { name: 'System' }));
    const moveLeft = screen.getByRole('button', { name: 'Flytt Kommune til venstre' });
    moveLeft.focus();
    await user.keyboard('{Enter}');
    expect(headerNames()).toEqual(['Identifikator', 'Kommune', 'Tittel', 'Arkivdelstatus', 'Periode til', 'Kassasjonsvedtak', 'Avleveringsstatus', 'System']);
    expect(within(bodyRows()[0]!).getAllByRole('cell')[0]).toHaveTextContent('Kongsberg');
    expect(currentPath(router)).toBe('/arkivserier?kolonner=identifier%2Cmunicipality%2Ctitle%2Cstatus%2CperiodEnd%2CretentionDecision%2CdepositStatus%2Csystem');
    expect(screen.getByRole('checkbox', { name: 'Identifikator' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Standardkolonner' }));
    expect(currentPath(router)).toBe('/arkivserier');
  });

  it('keeps the previous page on screen, marked busy, while the next one loads', async () => {
    answerCounts();
    let release!: () => void;
    const second = new Promise<ReturnType<typeof connection>>((done) => (release = () => done(connection([s3], { hasPreviousPage: true }))));
    const calls = answerRows({ '': connection([s1, s2], { hasNextPage: true }), 'c-2': second });
    const { user, router } = await openBrowser('/arkivserier');
    await waitFor(() => expect(bodyRows()).toHaveLength(2));
    await user.click(screen.getByRole('button', { name: 'Neste side' }));
    await waitFor(() => expect(calls.at(-1)!.after).toBe('c-2'));
    expect(screen.getByRole('table', { name: 'Arkivserier' })).toHaveAttribute('aria-busy', 'true');
    expect(bodyRows()).toHaveLength(2);
    expect(screen.getByRole('rowheader', { name: 'BYGG-1' })).toBeInTheDocument();
    release();
    await waitFor(() => expect(screen.getByRole('rowheader', { name: 'POST-1' })).toBeInTheDocument());
    expect(screen.getByRole('table', { name: 'Arkivserier' })).not.toHaveAttribute('aria-busy');
    expect(currentPath(router)).toBe('/arkivserier?etter=c-2');
    // Back one page: the rows before this page's first (the API pages backwards too).
    await user.click(screen.getByRole('button', { name: 'Forrige side' }));
    await waitFor(() => expect(currentPath(router)).toBe('/arkivserier?foer=c-3'));
    await waitFor(() => expect(calls.at(-1)).toMatchObject({ last: 25, before: 'c-3' }));
  });

  it('moves between rows with the arrow keys and opens a series with Enter', async () => {
    answerCounts();
    answerRows(() => connection([s1, s2, s3]));
    const { user, router } = await openBrowser('/arkivserier');
    await waitFor(() => expect(bodyRows()).toHaveLength(3));
    const rows = bodyRows();
    expect(rows.map((r) => r.tabIndex)).toEqual([0, -1, -1]);
    rows[0]!.focus();
    await user.keyboard('{ArrowDown}');
    expect(rows[1]).toHaveFocus();
    await user.keyboard('{End}');
    expect(rows[2]).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(rows[1]).toHaveFocus();
    expect(bodyRows().map((r) => r.tabIndex)).toEqual([-1, 0, -1]);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(currentPath(router)).toBe('/arkivserier/2'));
  });

  it('says what to do when nothing matches the filter, and removes the filters on request', async () => {
    answerCounts({ total: 0 });
    const calls = answerRows((v) => connection(v.filter.statuses ? [] : [s1]));
    const { user, router } = await openBrowser('/arkivserier?status=UAKTUELLE_MAPPER');
    expect(await screen.findByText('Ingen arkivserier passer filteret. Fjern et filter eller endre søket.')).toBeInTheDocument();
    const alert = screen.getByText(/Ingen arkivserier passer/).closest('.ds-alert') as HTMLElement;
    await user.click(within(alert).getByRole('button', { name: 'Fjern alle filtre' }));
    await waitFor(() => expect(currentPath(router)).toBe('/arkivserier'));
    await waitFor(() => expect(calls.at(-1)!.filter).toEqual({}));
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
  });

  it('sends an archivist with no series yet to the import', async () => {
    signInAs(me({ memberships: [{ role: 'ARCHIVIST', municipality: FLESBERG }] }));
    answerCounts({ total: 0 });
    answerRows(() => connection([]));
    await openBrowser('/arkivserier');
    expect(await screen.findByText(/Det er ingen arkivserier ennå/)).toBeInTheDocument();
    const alert = screen.getByText(/Det er ingen arkivserier ennå/).closest('.ds-alert') as HTMLElement;
    expect(within(alert).getByRole('link', { name: 'Importer arkivdeler fra et Noark 5-uttrekk eller en CSV-fil' })).toHaveAttribute('href', '/arkivserier/import');
    expect(screen.getByRole('link', { name: 'Importer arkivserier fra Noark 5 eller CSV' })).toHaveAttribute('href', '/arkivserier/import');
  });

  it('offers a reader no import', async () => {
    answerCounts({ total: 0 });
    answerRows(() => connection([]));
    await openBrowser('/arkivserier');
    await screen.findByText(/Det er ingen arkivserier ennå/);
    expect(screen.queryByRole('link', { name: /Importer/ })).not.toBeInTheDocument();
  });

  it('explains a failed load in words and offers to try again', async () => {
    answerCounts();
    let fail = true;
    server.use(
      graphql.query('SeriesBrowserRows', () => (fail ? apiErrorResponse('INTERNAL_SERVER_ERROR', { correlationId: 'abc' }) : HttpResponse.json({ data: connection([s1]) }))),
    );
    const { user } = await openBrowser('/arkivserier');
    expect(await screen.findByRole('heading', { name: 'Kunne ikke hente arkivseriene' })).toBeInTheDocument();
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Prøv igjen' }));
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
  });

  it('tells when the counts could not be fetched while the rows still show', async () => {
    answerRows(() => connection([s1]));
    server.use(
      graphql.query('SeriesBrowserFacets', () => apiErrorResponse('INTERNAL_SERVER_ERROR')),
      graphql.query('SeriesBrowserCount', () => apiErrorResponse('INTERNAL_SERVER_ERROR')),
    );
    await openBrowser('/arkivserier');
    expect(await screen.findByText('Antallene kunne ikke hentes. Listen virker likevel; prøv igjen.')).toBeInTheDocument();
    expect(bodyRows()).toHaveLength(1);
  });
});
