import type { BenchContext } from './context.ts';
import { OVERVIEW_SELECTION } from './scenarios.ts';

/**
 * The request mix of `pnpm bench:load` (issue 10, part 4): what a region's users do at once.
 * 70% series browsing (the series browser's rows query with filters, sorts, search and the next
 * page by the last cursor, now and then its count), 20% the overview's figures and the risk
 * matrix, 10% risk edits with the version they were based on.
 */
export type MixKind = 'browse' | 'dashboard' | 'write';

export const MIX: { kind: MixKind; share: number }[] = [
  { kind: 'browse', share: 0.7 },
  { kind: 'dashboard', share: 0.2 },
  { kind: 'write', share: 0.1 },
];

// The series browser's own row and count queries (SeriesBrowserPage), with the table's columns written out.
const ROWS = /* GraphQL */ `
  query SeriesBrowserRows($first: Int, $after: String, $filter: ArchiveSeriesFilter, $orderBy: ArchiveSeriesOrder) {
    archiveSeries(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      edges { cursor node { id identifier title status documentMedium periodStart periodEnd retentionDecision system municipality { id name } } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }`;
const COUNT = /* GraphQL */ `
  query SeriesBrowserCount($filter: ArchiveSeriesFilter) { archiveSeries(first: 1, filter: $filter) { totalCount totalCountIsEstimate } }`;
// What the overview asks for of its own (the bench:api scenario) and the risk matrix page's cells.
const OVERVIEW = /* GraphQL */ `query LoadOverview {
    municipalities { id name participates }${OVERVIEW_SELECTION}
  }`;
const MATRIX = /* GraphQL */ `
  query LoadRiskMatrix { riskMatrix(basis: RESIDUAL, cellLimit: 5) { cells { likelihood consequence level count risks { id reference title } } } }`;
const UPDATE_RISK = /* GraphQL */ `
  mutation UpdateRisk($id: ID!, $input: UpdateRiskInput!) { updateRisk(id: $id, input: $input) { id version knowledgeStrength } }`;
export const RISKS = /* GraphQL */ `query LoadRisks { risks(first: 100) { edges { node { id version } } } }`;

const ORDERS = [undefined, { field: 'PERIOD_START', direction: 'DESC' }, { field: 'IDENTIFIER', direction: 'ASC' }, { field: 'UPDATED_AT', direction: 'DESC' }];
const STATUSES = ['AVSLUTTET_PERIODE', 'AKTIV_PERIODE', 'OVERLAPPINGSPERIODE'];
const SEARCHES = ['byggesak', 'skole', 'barnevern', 'personal', 'vei'];
const STRENGTHS = ['WEAK', 'MODERATE', 'STRONG'];

/** One virtual user's state between requests: the view it browses and where it is in it. */
export interface Browser {
  variables: Record<string, unknown>;
  after: string | null;
  pages: number;
}

export interface MixState {
  ctx: BenchContext;
  risks: { id: string; version: number }[];
  random: () => number;
}

export interface MixRequest {
  kind: MixKind;
  /** What it asks, for the per-operation counts. */
  operation: string;
  body: string;
}

const pick = <T>(state: MixState, items: readonly T[]): T => items[Math.floor(state.random() * items.length)]!;

function newView(state: MixState): Browser {
  const r = state.random();
  const filter: Record<string, unknown> =
    r < 0.3 ? {} : r < 0.55 ? { municipalityIds: [String(pick(state, state.ctx.municipalityIds))] } : r < 0.75 ? { statuses: [pick(state, STATUSES)] } : { search: pick(state, SEARCHES) };
  const orderBy = filter.search ? undefined : pick(state, ORDERS);
  return { variables: { first: 50, filter, ...(orderBy ? { orderBy } : {}) }, after: null, pages: 0 };
}

// The mix as a fixed cycle of ten rather than a draw: every ten requests hold exactly 7, 2 and 1,
// so even a short run sends every kind (and a long one the exact shares).
const CYCLE: MixKind[] = ['browse', 'browse', 'dashboard', 'browse', 'write', 'browse', 'browse', 'dashboard', 'browse', 'browse'];
let turn = 0;

export function chooseKind(): MixKind {
  return CYCLE[turn++ % CYCLE.length]!;
}

/** The next request of a virtual user; its browsing view moves on when an answer arrives (see `record`). */
export function nextRequest(state: MixState, kind: MixKind, browser: Browser): MixRequest {
  if (kind === 'browse') {
    // A new view after a few pages (or at its end); a count once per view, as the page asks for it.
    if (browser.pages === 1 && state.random() < 0.3) return { kind, operation: 'SeriesBrowserCount', body: JSON.stringify({ query: COUNT, variables: { filter: browser.variables.filter } }) };
    const variables = { ...browser.variables, ...(browser.after ? { after: browser.after } : {}) };
    return { kind, operation: browser.after ? 'SeriesBrowserRows (next page)' : 'SeriesBrowserRows', body: JSON.stringify({ query: ROWS, variables }) };
  }
  if (kind === 'dashboard') {
    return state.random() < 0.5 ? { kind, operation: 'LoadOverview', body: JSON.stringify({ query: OVERVIEW }) } : { kind, operation: 'LoadRiskMatrix', body: JSON.stringify({ query: MATRIX }) };
  }
  const risk = pick(state, state.risks);
  const input = { knowledgeStrength: pick(state, STRENGTHS), version: risk.version };
  return { kind, operation: 'UpdateRisk', body: JSON.stringify({ query: UPDATE_RISK, variables: { id: risk.id, input } }) };
}

export type Verdict = 'ok' | 'conflict' | 'error';

/**
 * Judges an answer and moves the user's state on: the next page's cursor, a risk's new version
 * (from the answer, or from the conflict's `current`). A VERSION_CONFLICT is an expected answer
 * to an edit based on an old version, not an error.
 */
export function record(state: MixState, request: MixRequest, status: number, body: string, browser: Browser): { verdict: Verdict; error?: string } {
  if (status !== 200) return { verdict: 'error', error: `HTTP ${status}: ${body.slice(0, 200)}` };
  if (request.kind === 'write') {
    const id = (JSON.parse(request.body) as { variables: { id: string } }).variables.id;
    const version = /"version":(\d+)/.exec(body)?.[1];
    const risk = state.risks.find((r) => r.id === id);
    if (risk && version) risk.version = Number(version);
    if (body.includes('"errors"')) {
      return body.includes('"VERSION_CONFLICT"') && !/"code":"(?!VERSION_CONFLICT)/.test(body) ? { verdict: 'conflict' } : { verdict: 'error', error: body.slice(0, 300) };
    }
    return { verdict: 'ok' };
  }
  if (body.includes('"errors"')) return { verdict: 'error', error: body.slice(0, 300) };
  if (request.operation.startsWith('SeriesBrowserRows')) {
    const end = /"hasNextPage":(true|false),"hasPreviousPage":(?:true|false),"startCursor":(?:"[^"]*"|null),"endCursor":("[^"]*"|null)/.exec(body);
    browser.pages++;
    const more = end?.[1] === 'true' && end[2] !== 'null' && browser.pages < 5 && state.random() < 0.6;
    if (more) browser.after = JSON.parse(end![2]!) as string;
    else Object.assign(browser, newView(state));
  } else if (request.operation === 'SeriesBrowserCount') {
    browser.pages++;
  }
  return { verdict: 'ok' };
}

export function newBrowser(state: MixState): Browser {
  return newView(state);
}
