import { useApolloClient, useQuery } from '@apollo/client/react';
import { useEffect, useMemo, useState } from 'react';
import { riskFilterOf, type RiskViewState } from '../shared/riskUrlState.ts';
import {
  REPORT_MORE_FINDINGS_QUERY,
  REPORT_MORE_RISKS_QUERY,
  REPORT_CELL_LIMIT,
  REPORT_PAGE_SIZE,
  RISK_REPORT_QUERY,
  type ReportFinding,
  type ReportRisk,
  type ReportVariables,
} from './reportQuery.ts';

/** The report's variables from the view in the URL (the cell is the matrix's, not the report's). */
export function reportVariables(state: RiskViewState): ReportVariables {
  return {
    filter: riskFilterOf(state),
    basis: state.basis,
    asOf: state.at?.kind === 'date' ? state.at.date : null,
    baselineId: state.at?.kind === 'baseline' ? state.at.id : null,
    withBaseline: state.at?.kind === 'baseline',
    orderBy: state.sort,
    first: REPORT_PAGE_SIZE,
    cellLimit: REPORT_CELL_LIMIT,
  };
}

type Rest = { key: string; risks: ReportRisk[]; findings: ReportFinding[]; done: boolean; error: unknown };

/**
 * Everything the report prints: one query for the matrix, the first pages of risks and findings
 * and the names the header needs; when a list is longer than a page, the rest is read page by
 * page before the report counts as complete (a printed register must not stop at 100 rows).
 */
export function useRiskReport(state: RiskViewState) {
  const client = useApolloClient();
  const variables = useMemo(() => reportVariables(state), [state]);
  const key = JSON.stringify(variables);
  const { data, error, loading, refetch } = useQuery(RISK_REPORT_QUERY, { variables });
  const [rest, setRest] = useState<Rest | null>(null);

  useEffect(() => {
    if (!data) return;
    let cancelled = false;
    async function readRest() {
      const risks: ReportRisk[] = [];
      const findings: ReportFinding[] = [];
      let riskPage = data!.risks.pageInfo;
      while (riskPage.hasNextPage && riskPage.endCursor) {
        const { data: more } = await client.query({
          query: REPORT_MORE_RISKS_QUERY,
          variables: { filter: variables.filter, orderBy: variables.orderBy, first: REPORT_PAGE_SIZE, after: riskPage.endCursor },
        });
        if (!more) break;
        risks.push(...more.risks.edges.map((edge) => edge.node));
        riskPage = more.risks.pageInfo;
      }
      let findingPage = data!.findings.pageInfo;
      while (findingPage.hasNextPage && findingPage.endCursor) {
        const { data: more } = await client.query({ query: REPORT_MORE_FINDINGS_QUERY, variables: { first: REPORT_PAGE_SIZE, after: findingPage.endCursor } });
        if (!more) break;
        findings.push(...more.findings.edges.map((edge) => edge.node));
        findingPage = more.findings.pageInfo;
      }
      return { risks, findings };
    }
    readRest().then(
      ({ risks, findings }) => !cancelled && setRest({ key, risks, findings, done: true, error: null }),
      (failure: unknown) => !cancelled && setRest({ key, risks: [], findings: [], done: true, error: failure }),
    );
    return () => {
      cancelled = true;
    };
  }, [data, client, key, variables]);

  const current = rest?.key === key ? rest : null;
  return {
    data,
    loading,
    error: error ?? current?.error ?? null,
    complete: Boolean(data) && Boolean(current?.done) && !current?.error,
    risks: data ? [...data.risks.edges.map((edge) => edge.node), ...(current?.risks ?? [])] : [],
    findings: data ? [...data.findings.edges.map((edge) => edge.node), ...(current?.findings ?? [])] : [],
    refetch,
  };
}
