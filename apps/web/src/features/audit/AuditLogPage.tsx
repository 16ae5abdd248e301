import { gql, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Paragraph } from '@digdir/designsystemet-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Page } from '../../components/layout/Page.tsx';
import { PageLoading } from '../../components/layout/PageLoading.tsx';
import { CursorPager } from '../../components/table/CursorPager.tsx';
import { TableLoadError } from '../../components/table/TableLoadError.tsx';
import { useCursorPaging } from '../../components/table/useCursorPaging.ts';
import { apiError, describeApiError } from '../../lib/errors.ts';
import type { AuditEventRef } from './AuditChanges.tsx';
import { AuditFilters } from './AuditFilters.tsx';
import { readAuditFilter, toApiFilter } from './auditFilter.ts';
import { AUDIT_LOG_TABLE_FRAGMENT, AuditLogTable } from './AuditLogTable.tsx';
import '../../components/form/form.css';
import './audit.css';

export const AUDIT_PAGE_SIZE = 50;

type AuditLogPageQuery = {
  auditEvents: {
    edges: { cursor: string; node: AuditEventRef }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};
type AuditLogPageVariables = { first: number; after: string | null; filter: ReturnType<typeof toApiFilter> };

export const AUDIT_LOG_PAGE_QUERY: TypedDocumentNode<AuditLogPageQuery, AuditLogPageVariables> = gql`
  query AuditLogPage($first: Int!, $after: String, $filter: AuditEventFilter) {
    auditEvents(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          id
          ...AuditLogTable_event
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  ${AUDIT_LOG_TABLE_FRAGMENT}
`;

export function AuditLogPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('nav.auditLog')}>
      <Paragraph className="page-lead">{t('audit.lead')}</Paragraph>
      <AuditFilters />
      <AuditLog />
    </Page>
  );
}

function AuditLog() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const paging = useCursorPaging();
  const query = params.toString();
  // Keyed on the query string, so the same filters give the same variables object.
  const filter = useMemo(() => toApiFilter(readAuditFilter(new URLSearchParams(query))), [query]);
  const { data, previousData, loading, error, refetch } = useQuery(AUDIT_LOG_PAGE_QUERY, {
    variables: { first: AUDIT_PAGE_SIZE, after: paging.after ?? null, filter },
  });

  // The previous page stays on screen (marked busy) while the next one loads.
  const shown = data ?? previousData;
  if (!shown) {
    if (loading) return <PageLoading label={t('audit.loading')} />;
    return (
      <TableLoadError
        title={t('audit.errorTitle')}
        error={error}
        onRetry={() => void refetch().catch(() => {})}
        onFirstPage={paging.firstPage}
      />
    );
  }

  const { edges, pageInfo } = shown.auditEvents;
  const status = loading
    ? t('paging.loading')
    : edges.length === 0
      ? t('audit.none')
      : paging.pageNumber
        ? t('audit.page', { page: paging.pageNumber, count: edges.length })
        : t('audit.pageUnknown', { count: edges.length });

  return (
    <>
      {error && data === undefined && <Paragraph role="alert">{describeApiError(t, apiError(error))}</Paragraph>}
      {edges.length > 0 && <AuditLogTable events={edges.map((edge) => edge.node)} caption={t('audit.caption')} busy={loading} />}
      <CursorPager
        label={t('audit.pagerLabel')}
        status={status}
        hasPrevious={paging.hasPrevious}
        hasNext={pageInfo.hasNextPage && Boolean(pageInfo.endCursor)}
        busy={loading}
        onPrevious={paging.previousPage}
        onNext={() => pageInfo.endCursor && paging.nextPage(pageInfo.endCursor)}
      />
    </>
  );
}
