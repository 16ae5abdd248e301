import { gql, type TypedDocumentNode } from '@apollo/client';
import { RISK_MATRIX_FIELDS, type MatrixData } from '../matrix/matrixQuery.ts';
import type { RiskBasis, RiskFilterInput, RiskLevel, RiskStatus } from '../shared/riskUrlState.ts';

export type RiskMoveKind = 'ADDED' | 'REMOVED' | 'HIGHER' | 'LOWER' | 'SAME_SCORE' | 'UNCHANGED';
export const RISK_MOVE_KINDS: readonly RiskMoveKind[] = ['ADDED', 'REMOVED', 'HIGHER', 'LOWER', 'SAME_SCORE', 'UNCHANGED'];

export type RiskPositionData = {
  __typename: 'RiskPosition';
  likelihood: number;
  consequence: number;
  level: RiskLevel | null;
  status: RiskStatus;
};

export type RiskMoveData = {
  __typename: 'RiskMove';
  risk: { __typename: 'Risk'; id: string; reference: string; title: string; shortTitle: string | null };
  from: RiskPositionData | null;
  to: RiskPositionData | null;
  kind: RiskMoveKind;
};

export type RiskMatrixComparisonQuery = {
  riskMatrixComparison: { __typename: 'RiskMatrixComparison'; from: MatrixData; to: MatrixData; moves: RiskMoveData[] };
};

/** One side of a comparison: exactly one of the two. */
export type RiskMatrixPointInput = { asOf: string } | { baselineId: string };

export type RiskMatrixComparisonVariables = {
  from: RiskMatrixPointInput;
  to: RiskMatrixPointInput;
  basis: RiskBasis;
  filter: RiskFilterInput;
  cellLimit: number;
};

export const RISK_MATRIX_COMPARISON_QUERY: TypedDocumentNode<RiskMatrixComparisonQuery, RiskMatrixComparisonVariables> = gql`
  query RiskMatrixComparison($from: RiskMatrixPoint!, $to: RiskMatrixPoint!, $basis: RiskBasis, $filter: RiskFilter, $cellLimit: Int) {
    riskMatrixComparison(from: $from, to: $to, basis: $basis, filter: $filter, cellLimit: $cellLimit) {
      from {
        ...RiskMatrix_matrix @unmask
      }
      to {
        ...RiskMatrix_matrix @unmask
      }
      moves {
        risk {
          id
          reference
          title
          shortTitle
        }
        from {
          likelihood
          consequence
          level
          status
        }
        to {
          likelihood
          consequence
          level
          status
        }
        kind
      }
    }
  }
  ${RISK_MATRIX_FIELDS}
`;
