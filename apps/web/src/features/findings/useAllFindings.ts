import { useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { FINDINGS_BOARD_QUERY, FINDINGS_PAGE_SIZE } from './findingsQueries.ts';

/**
 * Every live finding, in the server's order (kind, then their own order). The board is one
 * query; when there are more than a page (the API caps pages at 100), the next pages are
 * appended to it until none is left, so the sections and their counts are whole.
 */
export function useAllFindings() {
  const result = useQuery(FINDINGS_BOARD_QUERY, { variables: { first: FINDINGS_PAGE_SIZE, after: null }, notifyOnNetworkStatusChange: false });
  const { data, loading, fetchMore } = result;
  const next = data?.findings.pageInfo.hasNextPage ? data.findings.pageInfo.endCursor : null;
  const [moreError, setMoreError] = useState<unknown>(null);

  useEffect(() => {
    if (!next || loading) return;
    setMoreError(null);
    void fetchMore({
      variables: { after: next },
      updateQuery: (previous, { fetchMoreResult }) => ({
        findings: {
          ...fetchMoreResult.findings,
          edges: [...previous.findings.edges, ...fetchMoreResult.findings.edges],
        },
      }),
    }).catch((error: unknown) => setMoreError(error));
  }, [next, loading, fetchMore]);

  const complete = Boolean(data) && !next;
  return { ...result, moreError, complete, findings: data?.findings.edges.map((edge) => edge.node) ?? [] };
}
