import { gql, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import type { SeriesFilterInput, SeriesSort } from '@samarkiv/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { Page } from '../../../components/layout/Page.tsx';
import { PageLoading } from '../../../components/layout/PageLoading.tsx';
import { CursorPager } from '../../../components/table/CursorPager.tsx';
import { TableLoadError } from '../../../components/table/TableLoadError.tsx';
import { apiError, describeApiError } from '../../../lib/errors.ts';
import { useCan } from '../../../lib/auth/useCan.ts';
import { formatCount } from '../../../lib/format.ts';
import { ColumnChooser } from './ColumnChooser.tsx';
import { FacetPanel } from './FacetPanel.tsx';
import { searchStems } from './Highlight.tsx';
import { exportHref, hasFilters, useSeriesBrowserState } from './seriesBrowserState.ts';
import { SeriesSearch } from './SeriesSearch.tsx';
import { SERIES_BROWSER_TABLE_FRAGMENT, SeriesTable, shownSort, type SeriesRef } from './SeriesTable.tsx';
import '../../../components/form/form.css';
import './browser.css';

export const SERIES_PAGE_SIZE = 25;

type SeriesBrowserRowsQuery = {
  archiveSeries: {
    edges: { cursor: string; node: SeriesRef }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
};
export type SeriesBrowserRowsVariables = {
  first?: number;
  after?: string | null;
  last?: number;
  before?: string;
  filter: SeriesFilterInput;
  orderBy: SeriesSort;
};

export const SERIES_BROWSER_ROWS_QUERY: TypedDocumentNode<SeriesBrowserRowsQuery, SeriesBrowserRowsVariables> = gql`
  query SeriesBrowserRows($first: Int, $after: String, $last: Int, $before: String, $filter: ArchiveSeriesFilter, $orderBy: ArchiveSeriesOrder) {
    archiveSeries(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
      edges {
        cursor
        node {
          id
          ...SeriesBrowserTable_series
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
  ${SERIES_BROWSER_TABLE_FRAGMENT}
`;

type SeriesBrowserCountQuery = { archiveSeries: { totalCount: number; totalCountIsEstimate: boolean } };

/** The number of matches, apart from the rows: a count over a search can take longer than a page. */
export const SERIES_BROWSER_COUNT_QUERY: TypedDocumentNode<SeriesBrowserCountQuery, { filter: SeriesFilterInput }> = gql`
  query SeriesBrowserCount($filter: ArchiveSeriesFilter) {
    archiveSeries(first: 1, filter: $filter) {
      totalCount
      totalCountIsEstimate
    }
  }
`;

/** /arkivserier: every municipality's archive series, searched, filtered, sorted and paged on the server. */
export function SeriesBrowserPage() {
  const { t } = useTranslation();
  const { can } = useCan();
  const { state, setFilter, clearFilters, setSort, setColumns, goToPage } = useSeriesBrowserState();
  const { view, page, columns } = state;
  const filterKey = JSON.stringify(view.filter);
  // Keyed on the text, so the same view gives the same variables (and one cache entry).
  const filter = useMemo(() => JSON.parse(filterKey) as SeriesFilterInput, [filterKey]);
  const sort = shownSort(view.sort, Boolean(filter.search));
  const rowsKey = JSON.stringify([filter, sort, page.after ?? null, page.before ?? null]);
  const variables = useMemo<SeriesBrowserRowsVariables>(() => {
    const [f, orderBy, after, before] = JSON.parse(rowsKey) as [SeriesFilterInput, SeriesSort, string | null, string | null];
    return before ? { last: SERIES_PAGE_SIZE, before, filter: f, orderBy } : { first: SERIES_PAGE_SIZE, after, filter: f, orderBy };
  }, [rowsKey]);

  const { data, previousData, loading, error, refetch } = useQuery(SERIES_BROWSER_ROWS_QUERY, { variables });
  // Which view the rows on screen belong to (data-rows-for beside data-rows-wanted): while the
  // next page loads the previous one stays, marked busy; the benchmark waits for the two to meet.
  const shownKey = useRef<string | null>(null);
  if (data) shownKey.current = rowsKey;
  // The counts are asked for once this view's rows are on screen, so they never hold the rows up.
  const [countFor, setCountFor] = useState<SeriesFilterInput | null>(null);
  useEffect(() => {
    if (data) setCountFor(filter);
  }, [data, filter]);
  const count = useQuery(SERIES_BROWSER_COUNT_QUERY, { variables: { filter: countFor ?? {} }, skip: countFor === null });
  const total = count.data && countFor === filter ? count.data.archiveSeries : null;

  const shown = data ?? previousData;
  const highlight = useMemo(() => searchStems(filter.search), [filter.search]);
  const filtered = hasFilters(filter);

  let content;
  if (!shown) {
    content = loading ? (
      <PageLoading label={t('seriesBrowser.loading')} fill />
    ) : (
      <TableLoadError title={t('seriesBrowser.errorTitle')} error={error} onRetry={() => void refetch().catch(() => {})} onFirstPage={() => goToPage({})} />
    );
  } else {
    const { edges, pageInfo } = shown.archiveSeries;
    const status = loading
      ? t('paging.loading')
      : total
        ? t(total.totalCountIsEstimate ? 'seriesBrowser.showingAbout' : 'seriesBrowser.showing', { count: edges.length, total: formatCount(total.totalCount) })
        : t('seriesBrowser.showingNoTotal', { count: edges.length });
    content = (
      <>
        {error && !data && <Paragraph role="alert">{describeApiError(t, apiError(error))}</Paragraph>}
        {edges.length > 0 ? (
          <SeriesTable
            series={edges.map((edge) => edge.node)}
            caption={t('seriesBrowser.caption')}
            busy={loading}
            sort={sort}
            onSort={setSort}
            columns={columns}
            highlight={highlight}
          />
        ) : (
          <EmptyResult filtered={filtered} paged={Boolean(page.after || page.before)} onClear={clearFilters} onFirstPage={() => goToPage({})} />
        )}
        <CursorPager
          label={t('seriesBrowser.pagerLabel')}
          status={status}
          hasPrevious={pageInfo.hasPreviousPage && Boolean(pageInfo.startCursor)}
          hasNext={pageInfo.hasNextPage && Boolean(pageInfo.endCursor)}
          busy={loading}
          onPrevious={() => pageInfo.startCursor && goToPage({ before: pageInfo.startCursor })}
          onNext={() => pageInfo.endCursor && goToPage({ after: pageInfo.endCursor })}
        />
      </>
    );
  }

  return (
    <Page title={t('seriesBrowser.title')}>
      <Paragraph className="page-lead">{t('seriesBrowser.lead')}</Paragraph>
      {can('editSeries') && (
        <Paragraph>
          <Link asChild>
            <RouterLink to="/arkivserier/import">{t('seriesImport.browserLink')}</RouterLink>
          </Link>
        </Paragraph>
      )}
      <SeriesSearch value={filter.search ?? ''} onSearch={(search) => setFilter({ search: search || undefined }, { replace: true })} />
      <div className="series-browser">
        <FacetPanel filter={filter} countFor={countFor} onFilter={(change) => setFilter(change)} />
        <div className="series-browser__results" data-rows-wanted={rowsKey} data-rows-for={shownKey.current ?? ''}>
          <Heading level={2} className="ds-sr-only">
            {t('seriesBrowser.resultsHeading')}
          </Heading>
          <div className="table-toolbar">
            {filtered && (
              <Button type="button" variant="secondary" data-size="sm" onClick={clearFilters}>
                {t('seriesBrowser.clearFilters')}
              </Button>
            )}
            <ColumnChooser columns={columns} onChange={setColumns} />
            <div className="series-export">
              <Link href={exportHref(view)} download>
                {t('seriesBrowser.export.csv')}
              </Link>
              <Paragraph data-size="xs">{t('seriesBrowser.export.help')}</Paragraph>
            </div>
          </div>
          {content}
        </div>
      </div>
    </Page>
  );
}

type EmptyResultProps = { filtered: boolean; paged: boolean; onClear(): void; onFirstPage(): void };

function EmptyResult({ filtered, paged, onClear, onFirstPage }: EmptyResultProps) {
  const { t } = useTranslation();
  const { can } = useCan();
  if (paged) {
    return (
      <Alert data-color="info">
        <Paragraph>{t('seriesBrowser.emptyPage')}</Paragraph>
        <Button type="button" variant="secondary" data-size="sm" onClick={onFirstPage}>
          {t('paging.first')}
        </Button>
      </Alert>
    );
  }
  return (
    <Alert data-color="info">
      <Paragraph>{filtered ? t('seriesBrowser.emptyFiltered') : t('seriesBrowser.emptyAll')}</Paragraph>
      {filtered && (
        <Button type="button" variant="secondary" data-size="sm" onClick={onClear}>
          {t('seriesBrowser.clearFilters')}
        </Button>
      )}
      {!filtered && can('editSeries') && (
        <Paragraph>
          <Link asChild>
            <RouterLink to="/arkivserier/import">{t('seriesImport.states.browserEmptyNext')}</RouterLink>
          </Link>
        </Paragraph>
      )}
    </Alert>
  );
}
