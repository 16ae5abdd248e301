import { gql, type TypedDocumentNode } from '@apollo/client';
import type { FindingKind, SuccessFactorStatus } from '../../findings/findingsQueries.ts';
import type { RiskBasis, RiskFilterInput, RiskLevel, RiskOrderField, RiskStatus, SortDirection } from '../shared/riskUrlState.ts';

// Written by hand until codegen generates web types; keep in step with the documents below.
type Named = { id: string; name: string };
export type ReportMeasure = {
  id: string;
  title: string;
  owner: { displayName: string } | null;
  ownerName: string | null;
  deadline: string | null;
  status: 'PLANNED' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED';
  completedAt: string | null;
  isOverdue: boolean;
};
export type ReportRisk = {
  id: string;
  reference: string;
  title: string;
  area: Named;
  municipalities: Named[];
  appliesToAll: boolean;
  owner: { displayName: string } | null;
  ownerName: string | null;
  status: RiskStatus;
  inherentScore: number;
  inherentLevel: RiskLevel | null;
  residualScore: number | null;
  residualLevel: RiskLevel | null;
  nextReviewDate: string | null;
  isReviewOverdue: boolean;
  acceptance: { approverName: string; expiresOn: string; isExpired: boolean } | null;
  measures: ReportMeasure[];
};
export type ReportFinding = {
  id: string;
  kind: FindingKind;
  title: string;
  description: string | null;
  status: SuccessFactorStatus | null;
  risks: { id: string; reference: string }[];
};
export type ReportCell = { likelihood: number; consequence: number; level: RiskLevel | null; count: number; risks: { id: string; reference: string }[] };
export type ReportMatrix = {
  asOf: string;
  basis: RiskBasis;
  totalCount: number;
  /** The criteria in force on the matrix date, with the labels of their scale. */
  criteria: { id: string; name: string; scale: { axis: 'LIKELIHOOD' | 'CONSEQUENCE'; level: number; label: string }[] } | null;
  cells: ReportCell[];
};
type Page<T> = { edges: { node: T }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null }; totalCount: number };

export type ReportData = {
  riskMatrix: ReportMatrix;
  risks: Page<ReportRisk>;
  findings: Page<ReportFinding>;
  riskAreas: Named[];
  municipalities: Named[];
  riskBaselines?: { id: string; name: string; takenAt: string }[];
};
export type ReportVariables = {
  filter: RiskFilterInput;
  basis: RiskBasis;
  asOf: string | null;
  baselineId: string | null;
  withBaseline: boolean;
  orderBy: { field: RiskOrderField; direction: SortDirection } | null;
  first: number;
  cellLimit: number;
};

/**
 * Rows per page. Not the API's 100: the report query with risks and their measures costs more
 * than the API's query cost limit allows (QUERY_TOO_COSTLY) above 40 a page (measured with the
 * __typename fields Apollo adds). 40 covers a region's tens of risks and findings in one round
 * trip; a longer list is read on page by page.
 */
export const REPORT_PAGE_SIZE = 40;
/** The API's largest number of references per matrix cell. */
export const REPORT_CELL_LIMIT = 20;

const RISK_FIELDS = gql`
  fragment RiskReport_risk on Risk {
    id
    reference
    title
    area {
      id
      name
    }
    municipalities {
      id
      name
    }
    appliesToAll
    owner {
      id
      displayName
    }
    ownerName
    status
    inherentScore
    inherentLevel
    residualScore
    residualLevel
    nextReviewDate
    isReviewOverdue
    acceptance {
      approverName
      expiresOn
      isExpired
    }
    measures {
      id
      title
      owner {
        id
        displayName
      }
      ownerName
      deadline
      status
      completedAt
      isOverdue
    }
  }
`;

const FINDING_FIELDS = gql`
  fragment RiskReport_finding on Finding {
    id
    kind
    title
    description
    status
    risks {
      id
      reference
    }
  }
`;

/** The whole report in one round trip (more only when a list is longer than one page). */
export const RISK_REPORT_QUERY: TypedDocumentNode<ReportData, ReportVariables> = gql`
  query RiskReport(
    $filter: RiskFilter
    $basis: RiskBasis
    $asOf: String
    $baselineId: ID
    $withBaseline: Boolean!
    $orderBy: RiskOrder
    $first: Int!
    $cellLimit: Int!
  ) {
    riskMatrix(asOf: $asOf, baselineId: $baselineId, basis: $basis, filter: $filter, cellLimit: $cellLimit) {
      asOf
      basis
      totalCount
      criteria {
        id
        name
        scale {
          axis
          level
          label
        }
      }
      cells {
        likelihood
        consequence
        level
        count
        risks {
          id
          reference
        }
      }
    }
    risks(first: $first, filter: $filter, orderBy: $orderBy) {
      edges {
        node {
          ...RiskReport_risk @unmask
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
    findings(first: $first) {
      edges {
        node {
          ...RiskReport_finding @unmask
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
    riskAreas {
      id
      name
    }
    municipalities {
      id
      name
    }
    riskBaselines @include(if: $withBaseline) {
      id
      name
      takenAt
    }
  }
  ${RISK_FIELDS}
  ${FINDING_FIELDS}
`;

export const REPORT_MORE_RISKS_QUERY: TypedDocumentNode<
  { risks: Page<ReportRisk> },
  { filter: RiskFilterInput; orderBy: ReportVariables['orderBy']; first: number; after: string }
> = gql`
  query RiskReportMoreRisks($filter: RiskFilter, $orderBy: RiskOrder, $first: Int!, $after: String!) {
    risks(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      edges {
        node {
          ...RiskReport_risk @unmask
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
  ${RISK_FIELDS}
`;

export const REPORT_MORE_FINDINGS_QUERY: TypedDocumentNode<{ findings: Page<ReportFinding> }, { first: number; after: string }> = gql`
  query RiskReportMoreFindings($first: Int!, $after: String!) {
    findings(first: $first, after: $after) {
      edges {
        node {
          ...RiskReport_finding @unmask
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
  ${FINDING_FIELDS}
`;
