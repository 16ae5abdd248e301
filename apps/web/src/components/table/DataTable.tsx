import { Table } from '@digdir/designsystemet-react';
import type { ReactTable, RowData, TableFeatures } from '@tanstack/react-table';
import { useId } from 'react';
import './table.css';

type DataTableProps<TFeatures extends TableFeatures, TData extends RowData, TSelected> = {
  /** A TanStack table over the rows the server sent for this page (no client-side paging). */
  table: ReactTable<TFeatures, TData, TSelected>;
  caption: string;
  /** The column whose cells name their row (read by screen readers when moving along a row). */
  rowHeaderColumn?: string;
  /** The rows shown are the previous page while the next one loads. */
  busy?: boolean;
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
}: DataTableProps<TFeatures, TData, TSelected>) {
  const captionId = useId();
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <Table zebra border aria-busy={busy || undefined}>
        <caption id={captionId}>{caption}</caption>
        <Table.Head>
          {table.getHeaderGroups().map((group) => (
            <Table.Row key={group.id}>
              {group.headers.map((header) => (
                <Table.HeaderCell key={header.id} scope="col">
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          ))}
        </Table.Head>
        <Table.Body>
          {table.getRowModel().rows.map((row) => (
            <Table.Row key={row.id}>
              {row.getAllCells().map((cell) =>
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
