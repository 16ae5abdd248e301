import { Table } from '@digdir/designsystemet-react';
import type { ReactTable, Row, RowData, TableFeatures } from '@tanstack/react-table';
import { useId, type AriaAttributes, type HTMLAttributes } from 'react';
import './table.css';

/**
 * Server-side sorting: `sortOf` tells how a column is sorted now ('none': it can be sorted but
 * is not; undefined: it cannot be sorted), `onSort` asks for a column's next order.
 */
export type DataTableSorting = {
  sortOf(columnId: string): AriaAttributes['aria-sort'] | undefined;
  onSort(columnId: string): void;
};

type DataTableProps<TFeatures extends TableFeatures, TData extends RowData, TSelected> = {
  /** A TanStack table over the rows the server sent for this page (no client-side paging). */
  table: ReactTable<TFeatures, TData, TSelected>;
  caption: string;
  /** The column whose cells name their row (read by screen readers when moving along a row). */
  rowHeaderColumn?: string;
  /** The rows shown are the previous page while the next one loads. */
  busy?: boolean;
  /** Sortable headers become buttons and carry aria-sort. */
  sorting?: DataTableSorting;
  /** The header row stays in view while the rows scroll (give .table-scroll a max-height). */
  stickyHeader?: boolean;
  /** Extra attributes of a body row (e.g. a roving tabindex and key handling for row navigation). */
  rowProps?: (row: Row<TFeatures, TData>, index: number) => HTMLAttributes<HTMLTableRowElement> & { [data: `data-${string}`]: string };
};

/**
 * Renders a TanStack table with Designsystemet's table. Plain table semantics (no grid role):
 * screen readers' table navigation works as is, and the only keyboard stops are the controls
 * inside cells, in reading order. The scroll container is a named, focusable region so a
 * keyboard user can scroll a wide table sideways (WCAG 2.1.1).
 */
export function DataTable<TFeatures extends TableFeatures, TData extends RowData, TSelected>({
  table,
  caption,
  rowHeaderColumn,
  busy = false,
  sorting,
  stickyHeader,
  rowProps,
}: DataTableProps<TFeatures, TData, TSelected>) {
  const captionId = useId();
  // Body cells follow the header's leaf columns, so hidden and reordered columns (when the table
  // has the visibility and ordering features) line up with their headers.
  const leafColumns = table.getHeaderGroups().at(-1)?.headers.map((header) => header.column.id) ?? [];
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <Table zebra border stickyHeader={stickyHeader} aria-busy={busy || undefined}>
        <caption id={captionId}>{caption}</caption>
        <Table.Head>
          {table.getHeaderGroups().map((group) => (
            <Table.Row key={group.id}>
              {group.headers.map((header) => (
                <Table.HeaderCell
                  key={header.id}
                  scope="col"
                  // Designsystemet wraps a sortable header's content in a button; its click reaches here.
                  sort={header.isPlaceholder ? undefined : sorting?.sortOf(header.column.id)}
                  onClick={sorting && sorting.sortOf(header.column.id) ? () => sorting.onSort(header.column.id) : undefined}
                >
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          ))}
        </Table.Head>
        <Table.Body>
          {table.getRowModel().rows.map((row, index) => (
            <Table.Row key={row.id} {...rowProps?.(row, index)}>
              {cellsInOrder(row, leafColumns).map((cell) =>
                cell.column.id === rowHeaderColumn ? (
                  <Table.HeaderCell key={cell.id} scope="row">
                    <table.FlexRender cell={cell} />
                  </Table.HeaderCell>
                ) : (
                  <Table.Cell key={cell.id}>
                    <table.FlexRender cell={cell} />
                  </Table.Cell>
                ),
              )}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

function cellsInOrder<TFeatures extends TableFeatures, TData extends RowData>(row: Row<TFeatures, TData>, columnIds: string[]) {
  const cells = row.getAllCells();
  if (cells.length === columnIds.length && cells.every((cell, i) => cell.column.id === columnIds[i])) return cells;
  const byId = new Map(cells.map((cell) => [cell.column.id, cell]));
  return columnIds.flatMap((id) => byId.get(id) ?? []);
}
