import { gql, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Paragraph } from '@digdir/designsystemet-react';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../../components/layout/PageLoading.tsx';
import { CursorPager } from '../../../components/table/CursorPager.tsx';
import { TableLoadError } from '../../../components/table/TableLoadError.tsx';
import { useCursorPaging } from '../../../components/table/useCursorPaging.ts';
import { apiError, describeApiError } from '../../../lib/errors.ts';
import { formatCount } from '../../../lib/format.ts';
import { riskFilterOf, useRiskViewState, type RiskFilterInput, type RiskViewState } from '../shared/riskUrlState.ts';
import type { RegisterOptions } from './registerUrl.ts';
import { RISK_REGISTER_TABLE_FRAGMENT, RiskRegisterTable, type RiskRef } from './RiskRegisterTable.tsx';

export const RISK_REGISTER_PAGE_SIZE = 25;

type RiskRegisterQuery = {
  risks: {
    edges: { cursor: string; node: RiskRef }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    totalCount: number;
  };
};
export type RegisterRiskFilter = RiskFilterInput & { reviewOverdue?: boolean; hasOverdueMeasures?: boolean };
type RiskRegisterVariables = {
  first: number;
  after: string | null;
  filter: RegisterRiskFilter;
  orderBy: { field: string; direction: string } | null;
};

export const RISK_REGISTER_QUERY: TypedDocumentNode<RiskRegisterQuery, RiskRegisterVariables> = gql`
  query RiskRegister($first: Int!, $after: String, $filter: RiskFilter, $orderBy: RiskOrder) {
    risks(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      edges {
        cursor
        node {
          id
          ...RiskRegisterTable_risk
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
  ${RISK_REGISTER_TABLE_FRAGMENT}
`;

/** The risks' server filter: the shared view (with the matrix cell) and the register's toggles. */
export function registerRiskFilter(state: RiskViewState, options: RegisterOptions): RegisterRiskFilter {
  return {
    ...riskFilterOf(state, { withCell: true }),
    ...(options.reviewOverdue ? { reviewOverdue: true } : {}),
    ...(options.measuresOverdue ? { hasOverdueMeasures: true } : {}),
  };
}

export function RiskRegisterList({ options }: { options: RegisterOptions }) {
  const { t } = useTranslation();
  const [state, update] = useRiskViewState();
  const paging = useCursorPaging();
  const filterKey = JSON.stringify(registerRiskFilter(state, options));
  // Keyed on the filter's text, so the same filters give the same variables object.
  const filter = useMemo(() => JSON.parse(filterKey) as RegisterRiskFilter, [filterKey]);
  const { data, previousData, loading, error, refetch } = useQuery(RISK_REGISTER_QUERY, {
    variables: { first: RISK_REGISTER_PAGE_SIZE, after: paging.after ?? null, filter, orderBy: state.sort },
  });
  const onSort = useCallback((sort: RiskViewState['sort']) => update({ sort }), [update]);

  // The previous page stays on screen (marked busy) while the next one loads.
  const shown = data ?? previousData;
  if (!shown) {
    if (loading) return <PageLoading label={t('riskRegister.loading')} fill />;
    return (
      <TableLoadError
        title={t('riskRegister.errorTitle')}
        error={error}
        onRetry={() => void refetch().catch(() => {})}
        onFirstPage={paging.firstPage}
      />
    );
  }

  const { edges, pageInfo, totalCount } = shown.risks;
  const first = paging.pageNumber ? (paging.pageNumber - 1) * RISK_REGISTER_PAGE_SIZE + 1 : undefined;
  const status =
    totalCount === 0
      ? t('riskRegister.none')
      : first !== undefined
        ? t('riskRegister.showing', { from: formatCount(first), to: formatCount(first + edges.length - 1), total: formatCount(totalCount) })
        : t('riskRegister.showingCount', { count: edges.length, total: formatCount(totalCount) });

  return (
    <>
      {error && data === undefined && <Paragraph role="alert">{describeApiError(t, apiError(error))}</Paragraph>}
      {edges.length > 0 ? (
        <RiskRegisterTable
          risks={edges.map((edge) => edge.node)}
          caption={t('riskRegister.caption')}
          busy={loading}
          sort={state.sort}
          onSort={onSort}
        />
      ) : (
        <Paragraph className="register-empty">{t('riskRegister.empty')}</Paragraph>
      )}
      <CursorPager
        label={t('riskRegister.pagerLabel')}
        status={loading ? t('paging.loading') : status}
        hasPrevious={paging.hasPrevious}
        hasNext={pageInfo.hasNextPage && Boolean(pageInfo.endCursor)}
        busy={loading}
        onPrevious={paging.previousPage}
        onNext={() => pageInfo.endCursor && paging.nextPage(pageInfo.endCursor)}
      />
    </>
  );
}
