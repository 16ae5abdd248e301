import { gql, type TypedDocumentNode } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Table } from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { NoValue } from '../../components/table/NoValue.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { fieldLabel } from './auditWords.ts';

type JsonObject = Record<string, unknown>;

// Written by hand until codegen generates it from the fragment below; keep the two in step.
export type AuditChanges_event = {
  __typename: 'AuditEvent';
  id: string;
  before: JsonObject | null;
  after: JsonObject | null;
};
export type AuditEventRef = { __typename: 'AuditEvent'; id: string };

export const AUDIT_CHANGES_FRAGMENT: TypedDocumentNode<AuditChanges_event> = gql`
  fragment AuditChanges_event on AuditEvent {
    id
    before
    after
  }
`;

/**
 * Words an embedding page knows for its own entity: field names and code values in the user's
 * language (e.g. a series' "Kassasjonsvedtak" and "Kasseres" for retentionDecision KASSERES).
 * Anything they leave undefined is shown by the audit log's own words.
 */
export type AuditWords = {
  field?(field: string): string | undefined;
  value?(field: string, value: unknown): string | undefined;
};

type FieldChange = { field: string; before: unknown; after: unknown; changed: boolean };

function asObject(value: unknown): JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : {};
}

/** Every field of before and after, in the order the entity lists them, marked where they differ. */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const from = asObject(before);
  const to = asObject(after);
  const fields = [...new Set([...Object.keys(to), ...Object.keys(from)])];
  return fields.map((field) => ({
    field,
    before: from[field],
    after: to[field],
    changed: JSON.stringify(from[field]) !== JSON.stringify(to[field]),
  }));
}

export function hasChanges(event: Pick<AuditChanges_event, 'before' | 'after'>): boolean {
  return event.before != null || event.after != null;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function Value({ field, value, t, words }: { field: string; value: unknown; t: TFunction; words?: AuditWords }) {
  const word = value === null || value === undefined ? undefined : words?.value?.(field, value);
  if (word !== undefined) return <>{word}</>;
  if (value === null || value === undefined || value === '') return <NoValue />;
  if (typeof value === 'boolean') return <>{value ? t('common.yes') : t('common.no')}</>;
  if (typeof value === 'string') return <>{ISO_INSTANT.test(value) ? formatDateTime(value) : value}</>;
  if (typeof value === 'number') return <>{String(value)}</>;
  return <code className="audit-changes__json">{JSON.stringify(value)}</code>;
}

type AuditChangesProps = {
  event: AuditEventRef;
  /** Names the table for screen readers (e.g. "Endringer 05.03.2026 14:30"). */
  caption: string;
  /** Only the fields that changed (history); otherwise all, changed ones marked (audit log). */
  onlyChanged?: boolean;
  words?: AuditWords;
};

/** The fields of one change, before and after side by side. */
export function AuditChanges({ event, caption, onlyChanged = false, words }: AuditChangesProps) {
  const { t } = useTranslation();
  const { data, complete } = useFragment({ fragment: AUDIT_CHANGES_FRAGMENT, from: event });
  if (!complete) return null;
  const changes = fieldChanges(data.before, data.after).filter((change) => !onlyChanged || change.changed);
  if (changes.length === 0) return null;
  return (
    <Table data-size="sm" border className="audit-changes">
      <caption className="ds-sr-only">{caption}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell scope="col">{t('audit.changes.field')}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{t('audit.changes.before')}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{t('audit.changes.after')}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {changes.map((change) => (
          <Table.Row key={change.field} className={change.changed && !onlyChanged ? 'audit-changes__changed' : undefined}>
            <Table.HeaderCell scope="row">
              {words?.field?.(change.field) ?? fieldLabel(t, change.field)}
              {/* The highlight is colour; the word says it too (WCAG 1.4.1). */}
              {change.changed && !onlyChanged && <span className="audit-changes__mark">{t('audit.changes.changed')}</span>}
            </Table.HeaderCell>
            <Table.Cell>
              <Value field={change.field} value={change.before} t={t} words={words} />
            </Table.Cell>
            <Table.Cell>
              <Value field={change.field} value={change.after} t={t} words={words} />
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
