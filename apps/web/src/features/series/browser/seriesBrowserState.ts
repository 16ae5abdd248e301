import { readSeriesView, writeSeriesView, type SeriesFilterInput, type SeriesSort, type SeriesView } from '@samarkiv/shared';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { CURSOR_PARAM } from '../../../components/table/useCursorPaging.ts';

// The browser's whole view lives in the URL so that a view can be bookmarked and shared: the
// filters, search and sort (parameters shared with the CSV export, @samarkiv/shared
// seriesView.ts), the page (a keyset cursor: `etter` = the rows after it, `foer` = the rows
// before it; the API pages both ways, so "previous" works from a bookmarked deep page too) and
// the columns (`kolonner`, the visible ones in order).

export const BEFORE_PARAM = 'foer';
export const COLUMNS_PARAM = 'kolonner';

export const SERIES_COLUMNS = [
  'identifier',
  'title',
  'municipality',
  'archiveCreator',
  'status',
  'documentMedium',
  'periodStart',
  'periodEnd',
  'retentionDecision',
  'classificationType',
  'restricted',
  'system',
  'targetSeries',
  'depositStatus',
  'updatedAt',
] as const;
export type SeriesColumn = (typeof SERIES_COLUMNS)[number];

export const DEFAULT_COLUMNS: SeriesColumn[] = ['identifier', 'title', 'municipality', 'status', 'periodStart', 'periodEnd', 'retentionDecision', 'depositStatus'];

/** The identifier names its row and links to the series: always shown. */
export const FIXED_COLUMN: SeriesColumn = 'identifier';

/** The visible columns in order; a missing or unreadable parameter gives the default set. */
export function readColumns(params: URLSearchParams): SeriesColumn[] {
  const raw = params.get(COLUMNS_PARAM);
  if (!raw) return DEFAULT_COLUMNS;
  const columns = [...new Set(raw.split(','))].filter((id): id is SeriesColumn => SERIES_COLUMNS.includes(id as SeriesColumn));
  if (columns.length === 0) return DEFAULT_COLUMNS;
  return columns.includes(FIXED_COLUMN) ? columns : [FIXED_COLUMN, ...columns];
}

export type SeriesPage = { after?: string; before?: string };

export type SeriesBrowserState = { view: SeriesView; page: SeriesPage; columns: SeriesColumn[] };

export function hasFilters(filter: SeriesFilterInput): boolean {
  return Object.keys(filter).length > 0;
}

/**
 * The view of the current URL and the changes the browser makes. A filter, search or sort
 * change drops the page cursor (a cursor belongs to one filter and order); a column change
 * keeps it. Search typing replaces the history entry instead of adding one per word.
 */
export function useSeriesBrowserState() {
  const [params, setParams] = useSearchParams();
  const state = useMemo<SeriesBrowserState>(
    () => ({
      view: readSeriesView(params),
      page: { after: params.get(CURSOR_PARAM) ?? undefined, before: params.get(BEFORE_PARAM) ?? undefined },
      columns: readColumns(params),
    }),
    [params],
  );

  const changeView = useCallback(
    (change: (view: SeriesView) => SeriesView, options: { replace?: boolean } = {}) =>
      setParams(
        (current) => {
          const next = writeSeriesView(change(readSeriesView(current)), current);
          next.delete(CURSOR_PARAM);
          next.delete(BEFORE_PARAM);
          return next;
        },
        { replace: options.replace ?? false },
      ),
    [setParams],
  );

  const setFilter = useCallback(
    (change: Partial<SeriesFilterInput>, options?: { replace?: boolean }) =>
      changeView((view) => {
        const filter: SeriesFilterInput = { ...view.filter, ...change };
        for (const key of Object.keys(filter) as (keyof SeriesFilterInput)[]) {
          const value = filter[key];
          if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete filter[key];
        }
        return { ...view, filter };
      }, options),
    [changeView],
  );
  const clearFilters = useCallback(() => changeView((view) => ({ ...view, filter: {} })), [changeView]);
  const setSort = useCallback((sort: SeriesSort | null) => changeView((view) => ({ ...view, sort })), [changeView]);

  const setColumns = useCallback(
    (columns: SeriesColumn[]) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          const same = columns.length === DEFAULT_COLUMNS.length && columns.every((id, i) => id === DEFAULT_COLUMNS[i]);
          if (same) next.delete(COLUMNS_PARAM);
          else next.set(COLUMNS_PARAM, columns.join(','));
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const goToPage = useCallback(
    (page: SeriesPage) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        next.delete(CURSOR_PARAM);
        next.delete(BEFORE_PARAM);
        if (page.after) next.set(CURSOR_PARAM, page.after);
        if (page.before) next.set(BEFORE_PARAM, page.before);
        return next;
      }),
    [setParams],
  );

  return { state, setFilter, clearFilters, setSort, setColumns, goToPage };
}

/** The export's address: the same view parameters as the browser's URL. */
export function exportHref(view: SeriesView): string {
  const params = writeSeriesView(view, new URLSearchParams({ format: 'csv' }));
  return `/exports/archive-series?${params.toString()}`;
}
