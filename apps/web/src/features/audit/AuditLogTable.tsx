import { gql, type TypedDocumentNode } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/table/DataTable.tsx';
import { NoValue } from '../../components/table/NoValue.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { AUDIT_CHANGES_FRAGMENT, AuditChanges, hasChanges, type AuditEventRef } from './AuditChanges.tsx';
import { actionLabel, entityTypeLabel } from './auditWords.ts';

// Written by hand until codegen generates it from the fragment below; keep the two in step.
export type AuditLogTable_event = {
  __typename: 'AuditEvent';
  id: string;
  occurredAt: string;
  actor: { __typename: 'AuditActor'; id: string; username: string; displayName: string } | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

export const AUDIT_LOG_TABLE_FRAGMENT: TypedDocumentNode<AuditLogTable_event> = gql`
  fragment AuditLogTable_event on AuditEvent {
    id
    occurredAt
    actor {
      id
      username
      displayName
    }
    action
    entityType
    entityId
    before
    after
    ...AuditChanges_event
  }
  ${AUDIT_CHANGES_FRAGMENT}
`;

const features = tableFeatures({});
const column = createColumnHelper<typeof features, AuditLogTable_event>();

/** The before/after disclosure; the comparison is built only when opened (a page has many rows). */
function AuditDetails({ event, context }: { event: AuditEventRef; context: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    // A native <details> with Designsystemet's class: its React Details imports the whole
    // @digdir/designsystemet-web bundle only to polyfill what browsers now do themselves.
    <details className="ds-details" onToggle={(toggle) => setOpen(toggle.currentTarget.open)}>
      <summary>
        {t('audit.details')} <span className="ds-sr-only">{context}</span>
      </summary>
      <div>{open && <AuditChanges event={event} caption={t('audit.changes.caption', { subject: context })} />}</div>
    </details>
  );
}

type AuditLogTableProps = { events: AuditEventRef[]; caption: string; busy: boolean };

/** One page of the audit log, newest first as the server sends it. */
export function AuditLogTable({ events, caption, busy }: AuditLogTableProps) {
  const { t } = useTranslation();
  const { data } = useFragment({ fragment: AUDIT_LOG_TABLE_FRAGMENT, fragmentName: 'AuditLogTable_event', from: events });
  const rows = useMemo(() => data.filter((row) => row?.id !== undefined) as AuditLogTable_event[], [data]);

  const columns = useMemo(
    () =>
      column.columns([
        column.accessor('occurredAt', {
          header: () => t('audit.columns.occurredAt'),
          cell: (cell) => <time dateTime={cell.getValue()}>{formatDateTime(cell.getValue())}</time>,
        }),
        column.accessor('actor', {
          header: () => t('audit.columns.actor'),
          cell: (cell) => {
            const actor = cell.getValue();
            if (!actor) return t('audit.system');
            return (
              <>
                {actor.displayName}
                <span className="audit-actor__username">{actor.username}</span>
              </>
            );
          },
        }),
        column.accessor('action', {
          header: () => t('audit.columns.action'),
          cell: (cell) => actionLabel(t, cell.getValue()),
        }),
        column.accessor('entityType', {
          header: () => t('audit.columns.entityType'),
          cell: (cell) => entityTypeLabel(t, cell.getValue()),
        }),
        column.accessor('entityId', {
          header: () => t('audit.columns.entityId'),
          cell: (cell) => cell.getValue() ?? <NoValue />,
        }),
        column.display({
          id: 'details',
          header: () => t('audit.columns.details'),
          cell: (cell) => {
            const event = cell.row.original;
            if (!hasChanges(event)) return <NoValue />;
            const context = t('audit.detailsContext', {
              action: actionLabel(t, event.action),
              entityType: entityTypeLabel(t, event.entityType),
              time: formatDateTime(event.occurredAt),
            });
            return <AuditDetails event={{ __typename: 'AuditEvent', id: event.id }} context={context} />;
          },
        }),
      ]),
    [t],
  );

  const table = useTable({ features, columns, data: rows, getRowId: (row) => row.id });
  return <DataTable table={table} caption={caption} rowHeaderColumn="occurredAt" busy={busy} />;
}
