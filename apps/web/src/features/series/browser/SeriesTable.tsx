import { gql, type TypedDocumentNode } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Link } from '@digdir/designsystemet-react';
import { ARCHIVE_SERIES_STATUS, DEPOSIT_STATUS, DOCUMENT_MEDIUM, RETENTION_DECISION, type SeriesOrderField, type SeriesSort } from '@samarkiv/shared';
import { columnOrderingFeature, columnVisibilityFeature, createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import { DataTable, type DataTableSorting } from '../../../components/table/DataTable.tsx';
import { NoValue } from '../../../components/table/NoValue.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { Highlight } from './Highlight.tsx';
import { SERIES_COLUMNS, type SeriesColumn } from './seriesBrowserState.ts';

// Written by hand until codegen generates web types; keep the two in step.
export type SeriesBrowserTable_series = {
  __typename: 'ArchiveSeries';
  id: string;
  identifier: string;
  title: string;
  municipality: { __typename: 'Municipality'; id: string; name: string };
  archiveCreator: { __typename: 'ArchiveCreator'; id: string; name: string } | null;
  status: keyof typeof ARCHIVE_SERIES_STATUS;
  documentMedium: keyof typeof DOCUMENT_MEDIUM;
  periodStart: string;
  periodEnd: string | null;
  isContinuous: boolean;
  retentionDecision: keyof typeof RETENTION_DECISION | null;
  classificationType: string | null;
  accessRestriction: string | null;
  restrictionBasis: string | null;
  system: string | null;
  targetSeries: { __typename: 'TargetSeries'; id: string; code: string; title: string } | null;
  depositStatus: keyof typeof DEPOSIT_STATUS;
  updatedAt: string;
};

export type SeriesRef = { __typename: 'ArchiveSeries'; id: string };

export const SERIES_BROWSER_TABLE_FRAGMENT: TypedDocumentNode<SeriesBrowserTable_series> = gql`
  fragment SeriesBrowserTable_series on ArchiveSeries {
    id
    identifier
    title
    municipality {
      id
      name
    }
    archiveCreator {
      id
      name
    }
    status
    documentMedium
    periodStart
    periodEnd
    isContinuous
    retentionDecision
    classificationType
    accessRestriction
    restrictionBasis
    system
    targetSeries {
      id
      code
      title
    }
    depositStatus
    updatedAt
  }
`;

/** The server order each sortable column stands for (the others cannot be sorted). */
export const ORDER_OF_COLUMN: Partial<Record<SeriesColumn, SeriesOrderField>> = {
  identifier: 'IDENTIFIER',
  title: 'TITLE',
  status: 'STATUS',
  documentMedium: 'DOCUMENT_MEDIUM',
  periodStart: 'PERIOD_START',
  periodEnd: 'PERIOD_END',
  retentionDecision: 'RETENTION_DECISION',
  classificationType: 'CLASSIFICATION_TYPE',
  system: 'SYSTEM',
  depositStatus: 'DEPOSIT_STATUS',
  updatedAt: 'UPDATED_AT',
};

/** What the server sorts by without an order in the URL: relevance when searching, else title. */
export function shownSort(sort: SeriesSort | null, searching: boolean): SeriesSort {
  if (sort && !(sort.field === 'RELEVANCE' && !searching)) return sort;
  return { field: searching ? 'RELEVANCE' : 'TITLE', direction: 'ASC' };
}

/** A click sorts a column ascending, a second click descending, a third ascending again. */
export function nextSort(current: SeriesSort, columnId: string): SeriesSort | null {
  const field = ORDER_OF_COLUMN[columnId as SeriesColumn];
  if (!field) return current;
  return { field, direction: current.field === field && current.direction === 'ASC' ? 'DESC' : 'ASC' };
}

const features = tableFeatures({ columnVisibilityFeature, columnOrderingFeature });
const column = createColumnHelper<typeof features, SeriesBrowserTable_series>();
const orNone = (value: string | null) => value ?? <NoValue />;

type SeriesTableProps = {
  series: SeriesRef[];
  caption: string;
  busy: boolean;
  sort: SeriesSort;
  onSort(sort: SeriesSort | null): void;
  columns: SeriesColumn[];
  /** Search words to mark in identifiers and titles. */
  highlight: string[];
};

/**
 * One page of series in the server's order. Rows are one tab stop (roving focus): Up/Down move
 * between rows, Home/End to the first/last, Enter opens the series' page.
 */
export function SeriesTable({ series, caption, busy, sort, onSort, columns: visible, highlight }: SeriesTableProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data } = useFragment({ fragment: SERIES_BROWSER_TABLE_FRAGMENT, fragmentName: 'SeriesBrowserTable_series', from: series });
  const rows = useMemo(() => data.filter((row) => row?.id !== undefined) as SeriesBrowserTable_series[], [data]);
  const [active, setActive] = useState(0);
  const activeIndex = Math.min(active, Math.max(rows.length - 1, 0));

  const columns = useMemo(
    () =>
      column.columns([
        column.accessor('identifier', {
          header: () => t('seriesBrowser.columns.identifier'),
          cell: (cell) => (
            <Link asChild>
              {/* The row is the tab stop; the link stays for pointers and screen readers' link lists. */}
              <RouterLink to={`/arkivserier/${cell.row.original.id}`} tabIndex={-1}>
                <Highlight text={cell.getValue()} words={highlight} />
              </RouterLink>
            </Link>
          ),
        }),
        column.accessor('title', {
          header: () => t('seriesBrowser.columns.title'),
          cell: (cell) => <Highlight text={cell.getValue()} words={highlight} />,
        }),
        column.accessor((s) => s.municipality.name, { id: 'municipality', header: () => t('seriesBrowser.columns.municipality') }),
        column.accessor((s) => s.archiveCreator?.name ?? null, {
          id: 'archiveCreator',
          header: () => t('seriesBrowser.columns.archiveCreator'),
          cell: (cell) => orNone(cell.getValue()),
        }),
        column.accessor('status', { header: () => t('seriesBrowser.columns.status'), cell: (cell) => ARCHIVE_SERIES_STATUS[cell.getValue()] }),
        column.accessor('documentMedium', {
          header: () => t('seriesBrowser.columns.documentMedium'),
          cell: (cell) => DOCUMENT_MEDIUM[cell.getValue()],
        }),
        column.accessor('periodStart', { header: () => t('seriesBrowser.columns.periodStart'), cell: (cell) => formatDate(cell.getValue()) }),
        column.accessor('periodEnd', {
          header: () => t('seriesBrowser.columns.periodEnd'),
          cell: (cell) => {
            const end = cell.getValue();
            if (end) return formatDate(end);
            return cell.row.original.isContinuous ? t('seriesBrowser.continuous') : t('seriesBrowser.ongoing');
          },
        }),
        column.accessor('retentionDecision', {
          header: () => t('seriesBrowser.columns.retentionDecision'),
          cell: (cell) => {
            const decision = cell.getValue();
            return decision ? RETENTION_DECISION[decision] : t('seriesBrowser.notSet');
          },
        }),
        column.accessor('classificationType', { header: () => t('seriesBrowser.columns.classificationType'), cell: (cell) => orNone(cell.getValue()) }),
        column.accessor('accessRestriction', {
          id: 'restricted',
          header: () => t('seriesBrowser.columns.restricted'),
          cell: (cell) => {
            const restriction = cell.getValue();
            if (!restriction) return t('seriesBrowser.open');
            const basis = cell.row.original.restrictionBasis;
            return basis ? `${restriction} (${basis})` : restriction;
          },
        }),
        column.accessor('system', { header: () => t('seriesBrowser.columns.system'), cell: (cell) => orNone(cell.getValue()) }),
        column.accessor((s) => (s.targetSeries ? `${s.targetSeries.code} ${s.targetSeries.title}` : null), {
          id: 'targetSeries',
          header: () => t('seriesBrowser.columns.targetSeries'),
          cell: (cell) => orNone(cell.getValue()),
        }),
        column.accessor('depositStatus', { header: () => t('seriesBrowser.columns.depositStatus'), cell: (cell) => DEPOSIT_STATUS[cell.getValue()] }),
        column.accessor('updatedAt', { header: () => t('seriesBrowser.columns.updatedAt'), cell: (cell) => formatDateTime(cell.getValue()) }),
      ]),
    [t, highlight],
  );

  const sorting = useMemo<DataTableSorting>(
    () => ({
      sortOf: (columnId) => {
        const field = ORDER_OF_COLUMN[columnId as SeriesColumn];
        if (!field) return undefined;
        if (sort.field !== field) return 'none';
        return sort.direction === 'DESC' ? 'descending' : 'ascending';
      },
      onSort: (columnId) => onSort(nextSort(sort, columnId)),
    }),
    [sort, onSort],
  );

  const state = useMemo(
    () => ({
      columnVisibility: Object.fromEntries(SERIES_COLUMNS.map((id) => [id, visible.includes(id)])),
      columnOrder: [...visible, ...SERIES_COLUMNS.filter((id) => !visible.includes(id))],
    }),
    [visible],
  );
  const table = useTable({ features, columns, data: rows, state, getRowId: (row) => row.id });

  function onRowKey(event: KeyboardEvent<HTMLTableRowElement>, id: string) {
    if (event.target !== event.currentTarget) return;
    const row = event.currentTarget;
    const siblings = Array.from(row.parentElement?.children ?? []) as HTMLElement[];
    const target =
      event.key === 'ArrowDown' ? row.nextElementSibling : event.key === 'ArrowUp' ? row.previousElementSibling : event.key === 'Home' ? siblings[0] : event.key === 'End' ? siblings.at(-1) : null;
    if (target instanceof HTMLElement) {
      event.preventDefault();
      target.focus();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void navigate(`/arkivserier/${id}`);
    }
  }

  return (
    <DataTable
      table={table}
      caption={caption}
      rowHeaderColumn="identifier"
      busy={busy}
      sorting={sorting}
      stickyHeader
      rowProps={(row, index) => ({
        tabIndex: index === activeIndex ? 0 : -1,
        'data-series-id': row.id,
        className: 'series-row',
        onFocus: () => setActive(index),
        onKeyDown: (event: KeyboardEvent<HTMLTableRowElement>) => onRowKey(event, row.id),
      })}
    />
  );
}
