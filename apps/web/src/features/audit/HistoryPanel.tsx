import { gql, type TypedDocumentNode } from '@apollo/client';
import { useFragment, useQuery } from '@apollo/client/react';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../components/layout/PageLoading.tsx';
import { apiError, describeApiError } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { AUDIT_CHANGES_FRAGMENT, AuditChanges, type AuditEventRef, type AuditWords } from './AuditChanges.tsx';
import { actionLabel } from './auditWords.ts';
import './audit.css';

export const HISTORY_PAGE_SIZE = 20;

// Written by hand until codegen generates it from the fragment below; keep the two in step.
export type HistoryEntry_event = {
  __typename: 'AuditEvent';
  id: string;
  occurredAt: string;
  action: string;
  actor: { __typename: 'AuditActor'; id: string; username: string; displayName: string } | null;
};

export const HISTORY_ENTRY_FRAGMENT: TypedDocumentNode<HistoryEntry_event> = gql`
  fragment HistoryEntry_event on AuditEvent {
    id
    occurredAt
    action
    actor {
      id
      username
      displayName
    }
    ...AuditChanges_event
  }
  ${AUDIT_CHANGES_FRAGMENT}
`;

type HistoryPanelQuery = {
  entityHistory: {
    edges: { cursor: string; node: AuditEventRef }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};
type HistoryPanelVariables = { entityType: string; entityId: string; first: number; after?: string | null };

export const HISTORY_PANEL_QUERY: TypedDocumentNode<HistoryPanelQuery, HistoryPanelVariables> = gql`
  query HistoryPanel($entityType: String!, $entityId: ID!, $first: Int!, $after: String) {
    entityHistory(entityType: $entityType, entityId: $entityId, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          ...HistoryEntry_event
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  ${HISTORY_ENTRY_FRAGMENT}
`;

type HistoryPanelProps = {
  /** As the audit log names it, e.g. "Risk", "ArchiveSeries", "User". */
  entityType: string;
  entityId: string;
  /** The panel's heading level where it is embedded (the page's h1 is above it). */
  headingLevel?: 2 | 3 | 4;
  /** The entity's own field names and code values in words. */
  words?: AuditWords;
};

/**
 * Who changed an entity, when, and what changed field by field (sporbarhet), newest first.
 * Any entity page can embed it; the API shows the history to whoever may read the entity.
 */
export function HistoryPanel({ entityType, entityId, headingLevel = 2, words }: HistoryPanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="history-panel">
      <Heading level={headingLevel} data-size="sm" id={headingId}>
        {t('history.title')}
      </Heading>
      <HistoryList entityType={entityType} entityId={entityId} words={words} />
    </section>
  );
}

function HistoryList({ entityType, entityId, words }: Omit<HistoryPanelProps, 'headingLevel'>) {
  const { t } = useTranslation();
  const { data, loading, error, refetch, fetchMore } = useQuery(HISTORY_PANEL_QUERY, {
    variables: { entityType, entityId, first: HISTORY_PAGE_SIZE },
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreFailed, setMoreFailed] = useState(false);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const listRef = useRef<HTMLOListElement>(null);

  // After "show older", focus the first of the entries that came in (the button may be gone).
  // The cache may deliver them a render after fetchMore resolves, so wait until it is there.
  const shownCount = data?.entityHistory.edges.length ?? 0;
  useEffect(() => {
    if (focusIndex === null) return;
    const target = listRef.current?.querySelectorAll<HTMLElement>(':scope > li')[focusIndex];
    if (!target) return;
    target.focus();
    setFocusIndex(null);
  }, [focusIndex, shownCount]);

  if (!data) {
    if (loading) return <PageLoading label={t('history.loading')} />;
    return (
      <Alert data-color="danger" role="alert">
        <Paragraph>{t('history.failed', { reason: describeApiError(t, apiError(error)) })}</Paragraph>
        <Button type="button" variant="secondary" data-size="sm" onClick={() => void refetch().catch(() => {})}>
          {t('common.retry')}
        </Button>
      </Alert>
    );
  }

  const { edges, pageInfo } = data.entityHistory;
  if (edges.length === 0) return <Paragraph>{t('history.empty')}</Paragraph>;

  async function showOlder() {
    if (!pageInfo.endCursor || loadingMore) return;
    const shownBefore = edges.length;
    setLoadingMore(true);
    setMoreFailed(false);
    try {
      await fetchMore({ variables: { after: pageInfo.endCursor } });
      setFocusIndex(shownBefore);
    } catch {
      setMoreFailed(true);
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <>
      <ol className="history-panel__list" ref={listRef}>
        {edges.map((edge) => (
          <HistoryEntry key={edge.node.id} event={edge.node} words={words} />
        ))}
      </ol>
      {moreFailed && <Paragraph role="alert">{t('history.moreFailed')}</Paragraph>}
      {pageInfo.hasNextPage && (
        <Button type="button" variant="secondary" data-size="sm" loading={loadingMore} onClick={() => void showOlder()}>
          {t('history.showOlder')}
        </Button>
      )}
    </>
  );
}

function HistoryEntry({ event, words }: { event: AuditEventRef; words?: AuditWords }) {
  const { t } = useTranslation();
  const { data, complete } = useFragment({ fragment: HISTORY_ENTRY_FRAGMENT, fragmentName: 'HistoryEntry_event', from: event });
  if (!complete) return null;
  const time = formatDateTime(data.occurredAt);
  const who = data.actor ? data.actor.displayName : t('audit.system');
  return (
    // Focusable only from script: the first of the entries loaded by "show older".
    <li className="history-panel__entry" tabIndex={-1}>
      <Paragraph className="history-panel__summary">
        <time dateTime={data.occurredAt}>{time}</time>
        {' · '}
        {t('history.entry', { who, action: actionLabel(t, data.action) })}
      </Paragraph>
      <AuditChanges event={event} onlyChanged caption={t('history.changesCaption', { time })} words={words} />
    </li>
  );
}
