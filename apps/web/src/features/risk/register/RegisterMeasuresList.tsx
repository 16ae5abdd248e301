import { gql, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Paragraph } from '@digdir/designsystemet-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../../components/layout/PageLoading.tsx';
import { CursorPager } from '../../../components/table/CursorPager.tsx';
import { TableLoadError } from '../../../components/table/TableLoadError.tsx';
import { useCursorPaging } from '../../../components/table/useCursorPaging.ts';
import { apiError, describeApiError } from '../../../lib/errors.ts';
import { formatCount } from '../../../lib/format.ts';
import { useRiskViewState } from '../shared/riskUrlState.ts';
import type { RegisterOptions } from './registerUrl.ts';
import { REGISTER_MEASURES_TABLE_FRAGMENT, RegisterMeasuresTable, type MeasureRef } from './RegisterMeasuresTable.tsx';

export const REGISTER_MEASURES_PAGE_SIZE = 25;

type RegisterMeasuresQuery = {
  measures: {
    edges: { cursor: string; node: MeasureRef }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    totalCount: number;
  };
};
type MeasureFilterInput = { municipalityIds?: string[]; overdue?: boolean };
type RegisterMeasuresVariables = { first: number; after: string | null; filter: MeasureFilterInput };

export const REGISTER_MEASURES_QUERY: TypedDocumentNode<RegisterMeasuresQuery, RegisterMeasuresVariables> = gql`
  query RegisterMeasures($first: Int!, $after: String, $filter: MeasureFilter) {
    measures(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          id
          ...RegisterMeasuresTable_measure
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
  ${REGISTER_MEASURES_TABLE_FRAGMENT}
`;

/**
 * The measures of the risks in view. MeasureFilter knows municipalities and overdue, not a risk's
 * area, status or text, so the page says which filters this list follows.
 */
export function RegisterMeasuresList({ options }: { options: RegisterOptions }) {
  const { t } = useTranslation();
  const [state] = useRiskViewState();
  const paging = useCursorPaging();
  const municipalityKey = state.municipalityIds.join(',');
  const filter = useMemo<MeasureFilterInput>(
    () => ({
      ...(municipalityKey ? { municipalityIds: municipalityKey.split(',') } : {}),
      ...(options.measuresOverdue ? { overdue: true } : {}),
    }),
    [municipalityKey, options.measuresOverdue],
  );
  const { data, previousData, loading, error, refetch } = useQuery(REGISTER_MEASURES_QUERY, {
    variables: { first: REGISTER_MEASURES_PAGE_SIZE, after: paging.after ?? null, filter },
  });

  const shown = data ?? previousData;
  if (!shown) {
    if (loading) return <PageLoading label={t('riskRegister.measures.loading')} />;
    return (
      <TableLoadError
        title={t('riskRegister.measures.errorTitle')}
        error={error}
        onRetry={() => void refetch().catch(() => {})}
        onFirstPage={paging.firstPage}
      />
    );
  }

  const { edges, pageInfo, totalCount } = shown.measures;
  const first = paging.pageNumber ? (paging.pageNumber - 1) * REGISTER_MEASURES_PAGE_SIZE + 1 : undefined;
  const status =
    totalCount === 0
      ? t('riskRegister.measures.none')
      : first !== undefined
        ? t('riskRegister.measures.showing', { from: formatCount(first), to: formatCount(first + edges.length - 1), total: formatCount(totalCount) })
        : t('riskRegister.measures.showingCount', { count: edges.length, total: formatCount(totalCount) });

  return (
    <>
      <Paragraph data-size="sm">{t('riskRegister.measures.filterNote')}</Paragraph>
      {error && data === undefined && <Paragraph role="alert">{describeApiError(t, apiError(error))}</Paragraph>}
      {edges.length > 0 ? (
        <RegisterMeasuresTable measures={edges.map((edge) => edge.node)} caption={t('riskRegister.measures.caption')} busy={loading} />
      ) : (
        <Paragraph className="register-empty">{t('riskRegister.measures.empty')}</Paragraph>
      )}
      <CursorPager
        label={t('riskRegister.measures.pagerLabel')}
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
