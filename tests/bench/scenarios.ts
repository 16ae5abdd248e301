import { type BenchContext, DEFAULT_ORDER, PAGE_SIZE } from './context.ts';
import { cursorOf } from './cursor.ts';
import type { GraphQLResult } from './http.ts';

/** Which targets of the issue apply to a scenario. */
export type ScenarioKind = 'page' | 'deep' | 'search' | 'facets' | 'matrix' | 'overview' | 'smoke';

export interface Scenario {
  name: string;
  label: string;
  kind: ScenarioKind;
  query: string;
  /** The variables, asking the API once if needed (the deep cursor); throws when the API cannot serve it. */
  variables(ctx: BenchContext, gql: (query: string, variables?: Record<string, unknown>) => Promise<GraphQLResult>): Promise<Record<string, unknown>>;
}

const PAGE_FIELDS = /* GraphQL */ `
  edges { cursor node { id identifier title status periodStart periodEnd municipality { name } } }
  pageInfo { hasNextPage endCursor }
  totalCount
  totalCountIsEstimate`;

const PAGE = /* GraphQL */ `
  query BenchSeriesPage($first: Int, $after: String, $filter: ArchiveSeriesFilter, $orderBy: ArchiveSeriesOrder) {
    archiveSeries(first: $first, after: $after, filter: $filter, orderBy: $orderBy) { ${PAGE_FIELDS} }
  }`;

const FACET = '{ value label count }';
const FACETS = /* GraphQL */ `
  query BenchSeriesFacets($filter: ArchiveSeriesFilter) {
    archiveSeriesFacets(filter: $filter) {
      ${['municipality', 'status', 'documentMedium', 'retentionDecision', 'classificationType', 'restricted', 'restrictionBasis', 'system', 'targetSeries', 'depositStatus', 'decade'].map((f) => `${f} ${FACET}`).join('\n      ')}
    }
  }`;

const MATRIX = /* GraphQL */ `
  query BenchRiskMatrix {
    riskMatrix(basis: RESIDUAL, cellLimit: 5) { cells { likelihood consequence level count risks { id reference } } }
  }`;

// The overview's own figures (what the OverviewPage query adds to fields benchmarked above):
// readiness per municipality, the series counts, the risk profile, the next milestone, the stamp.
export const OVERVIEW_SELECTION = /* GraphQL */ `
    overview {
      asOf dataUpdatedAt
      nextMilestone { daysUntil approximate milestone { id title } }
      riskProfile { month inherent { low medium high } residual { low medium high } }
      readiness { municipality { id name } seriesCount overall weakest measures { key met total share } }
      seriesCounts { municipality { id name } total byStatus { status count } byMedium { medium count } }
    }`;
const OVERVIEW = /* GraphQL */ `query BenchOverview {${OVERVIEW_SELECTION}
  }`;

interface PageData {
  archiveSeries: { edges: { cursor: string; node: { id: string } }[] };
}

export const SCENARIOS: Scenario[] = [
  { name: 'first', label: 'first page (50, default order)', kind: 'page', query: PAGE, variables: async () => ({ first: PAGE_SIZE }) },
  {
    name: 'deep',
    label: 'page at 90% depth',
    kind: 'deep',
    query: PAGE,
    async variables(ctx, gql) {
      // The same query as the first page but for `after`. The first page's last cursor must be
      // the one cursorOf() builds, or the API's cursor format or default order has changed.
      const first = await gql(PAGE, { first: PAGE_SIZE });
      if (first.errors) throw new Error(first.errors[0]!.message);
      const last = (first.data as PageData).archiveSeries.edges.at(-1);
      if (!last || last.cursor !== cursorOf(ctx.firstPageLast)) {
        throw new Error(`the API's cursor ${last?.cursor} is not ${cursorOf(ctx.firstPageLast)}: adapt tests/bench/cursor.ts or DEFAULT_ORDER in context.ts`);
      }
      const after = cursorOf(ctx.deepAnchor);
      const deep = await gql(PAGE, { first: PAGE_SIZE, after });
      if (deep.errors) throw new Error(deep.errors[0]!.message);
      const got = (deep.data as PageData).archiveSeries.edges[0]?.node.id;
      if (got !== String(ctx.deepFirst.id)) throw new Error(`the deep page starts at series ${got}, expected ${ctx.deepFirst.id}`);
      return { first: PAGE_SIZE, after };
    },
  },
  {
    name: 'filtered',
    label: 'filtered (municipality + status), PERIOD_START DESC',
    kind: 'page',
    query: PAGE,
    variables: async (ctx) => ({
      first: PAGE_SIZE,
      filter: { municipalityIds: [String(ctx.municipalityId)], statuses: [ctx.status] },
      orderBy: { field: 'PERIOD_START', direction: 'DESC' },
    }),
  },
  { name: 'search', label: 'search "byggesak"', kind: 'search', query: PAGE, variables: async (ctx) => ({ first: PAGE_SIZE, filter: { search: ctx.search } }) },
  { name: 'facets', label: 'facet counts (no filter)', kind: 'facets', query: FACETS, variables: async () => ({}) },
  { name: 'matrix', label: 'risk matrix (residual)', kind: 'matrix', query: MATRIX, variables: async () => ({}) },
  { name: 'overview', label: 'overview figures (readiness, series counts, profile)', kind: 'overview', query: OVERVIEW, variables: async () => ({}) },
  // Queries the API has today: they prove the harness before the series and risk modules land.
  {
    name: 'municipalities',
    label: 'municipalities (smoke)',
    kind: 'smoke',
    query: `query BenchMunicipalities { municipalities { id number name role participates } }`,
    variables: async () => ({}),
  },
  {
    name: 'riskAreas',
    label: 'risk areas with risks (smoke)',
    kind: 'smoke',
    query: `query BenchRiskAreas { riskAreas { id code name description risks { id reference title status inherentLikelihood inherentConsequence } } }`,
    variables: async () => ({}),
  },
];

export const DEFAULT_SCENARIOS = ['first', 'deep', 'filtered', 'search', 'facets', 'matrix', 'overview'];
export const QUICK_SCENARIOS = [...DEFAULT_SCENARIOS, 'municipalities', 'riskAreas'];
