import { gql, type TypedDocumentNode } from '@apollo/client';
import type { FINDING_KINDS, SUCCESS_FACTOR_STATUSES } from '@samarkiv/shared';

export type FindingKind = (typeof FINDING_KINDS)[number];
export type SuccessFactorStatus = (typeof SUCCESS_FACTOR_STATUSES)[number];

// Written by hand until codegen generates web types; keep in step with the documents below.
export type LinkedRisk = { __typename: 'Risk'; id: string; reference: string; title: string };
export type BoardFinding = {
  __typename: 'Finding';
  id: string;
  kind: FindingKind;
  title: string;
  description: string | null;
  status: SuccessFactorStatus | null;
  sortOrder: number;
  version: number;
  risks: LinkedRisk[];
};

const FINDING_FIELDS = gql`
  fragment FindingsBoard_finding on Finding {
    id
    kind
    title
    description
    status
    sortOrder
    version
    risks {
      id
      reference
      title
    }
  }
`;

type Connection = {
  findings: {
    edges: { cursor: string; node: BoardFinding }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    totalCount: number;
  };
};

/** The largest page the API hands out; the board pages through all (there are tens). */
export const FINDINGS_PAGE_SIZE = 100;

// The fragment is @unmask-ed: the board, its sections and its dialogs all read the same rows,
// and the page hands each one the finding it shows.
export const FINDINGS_BOARD_QUERY: TypedDocumentNode<Connection, { first: number; after: string | null }> = gql`
  query FindingsBoard($first: Int!, $after: String) {
    findings(first: $first, after: $after) {
      edges {
        cursor
        node {
          ...FindingsBoard_finding @unmask
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

/** Reads one finding again after a version conflict, so the form starts from what is stored. */
export const LATEST_FINDING_QUERY: TypedDocumentNode<{ finding: BoardFinding | null }, { id: string }> = gql`
  query FindingLatest($id: ID!) {
    finding(id: $id) {
      ...FindingsBoard_finding @unmask
    }
  }
  ${FINDING_FIELDS}
`;

export type FindingInput = {
  kind: FindingKind;
  title: string;
  description: string | null;
  status: SuccessFactorStatus | null;
  sortOrder: number;
};

export const CREATE_FINDING_MUTATION: TypedDocumentNode<{ createFinding: BoardFinding }, { input: FindingInput }> = gql`
  mutation CreateFinding($input: FindingInput!) {
    createFinding(input: $input) {
      ...FindingsBoard_finding @unmask
    }
  }
  ${FINDING_FIELDS}
`;

export const UPDATE_FINDING_MUTATION: TypedDocumentNode<
  { updateFinding: BoardFinding },
  { id: string; input: FindingInput & { version: number } }
> = gql`
  mutation UpdateFinding($id: ID!, $input: UpdateFindingInput!) {
    updateFinding(id: $id, input: $input) {
      ...FindingsBoard_finding @unmask
    }
  }
  ${FINDING_FIELDS}
`;

export const DELETE_FINDING_MUTATION: TypedDocumentNode<{ deleteFinding: { __typename: 'Finding'; id: string } }, { id: string }> = gql`
  mutation DeleteFinding($id: ID!) {
    deleteFinding(id: $id) {
      id
    }
  }
`;

export const LINK_FINDING_MUTATION: TypedDocumentNode<{ linkFindingToRisk: BoardFinding }, { findingId: string; riskId: string }> = gql`
  mutation LinkFindingToRisk($findingId: ID!, $riskId: ID!) {
    linkFindingToRisk(findingId: $findingId, riskId: $riskId) {
      ...FindingsBoard_finding @unmask
    }
  }
  ${FINDING_FIELDS}
`;

export const UNLINK_FINDING_MUTATION: TypedDocumentNode<{ unlinkFindingFromRisk: BoardFinding }, { findingId: string; riskId: string }> = gql`
  mutation UnlinkFindingFromRisk($findingId: ID!, $riskId: ID!) {
    unlinkFindingFromRisk(findingId: $findingId, riskId: $riskId) {
      ...FindingsBoard_finding @unmask
    }
  }
  ${FINDING_FIELDS}
`;

export const RISK_PICKER_QUERY: TypedDocumentNode<
  { risks: { edges: { node: LinkedRisk }[]; totalCount: number } },
  { first: number; filter: { search?: string } }
> = gql`
  query FindingRiskPicker($first: Int!, $filter: RiskFilter) {
    risks(first: $first, filter: $filter) {
      edges {
        node {
          id
          reference
          title
        }
      }
      totalCount
    }
  }
`;
