import { gql, type TypedDocumentNode } from '@apollo/client';
import type { RiskBasis, RiskFilterInput, RiskLevel, RiskStatus } from '../shared/riskUrlState.ts';

// Written by hand until codegen generates web types; keep them in step with the documents below.

/** A risk as a chip of the matrix shows and moves it. */
export type MatrixRisk = {
  __typename: 'Risk';
  id: string;
  reference: string;
  title: string;
  shortTitle: string | null;
  status: RiskStatus;
  inherentLikelihood: number;
  inherentConsequence: number;
  residualLikelihood: number | null;
  residualConsequence: number | null;
  version: number;
  canEdit: boolean;
};

export type MatrixCellData = {
  __typename: 'RiskMatrixCell';
  likelihood: number;
  consequence: number;
  level: RiskLevel | null;
  count: number;
  risks: MatrixRisk[];
};

export type ScaleLevelData = {
  __typename: 'ScaleLevel';
  axis: 'LIKELIHOOD' | 'CONSEQUENCE';
  level: number;
  label: string;
  description: string;
};

export type MatrixData = {
  __typename: 'RiskMatrix';
  asOf: string;
  basis: RiskBasis;
  totalCount: number;
  criteria: {
    __typename: 'AcceptanceCriteria';
    id: string;
    name: string;
    validFrom: string;
    scale: ScaleLevelData[];
  } | null;
  cells: MatrixCellData[];
};

/** The matrix's own fields, shared by the matrix page and the comparison (unmasked where spread). */
export const RISK_MATRIX_FIELDS: TypedDocumentNode<MatrixData> = gql`
  fragment RiskMatrix_matrix on RiskMatrix {
    asOf
    basis
    totalCount
    criteria {
      id
      name
      validFrom
      scale {
        axis
        level
        label
        description
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
        title
        shortTitle
        status
        inherentLikelihood
        inherentConsequence
        residualLikelihood
        residualConsequence
        version
        canEdit
      }
    }
  }
`;

/** Chips per cell before "+ n more"; few enough that the 25 cells stay readable. */
export const CELL_LIMIT = 3;

export type RiskMatrixQuery = { riskMatrix: MatrixData };
export type RiskMatrixVariables = {
  asOf?: string;
  baselineId?: string;
  basis: RiskBasis;
  filter: RiskFilterInput;
  cellLimit: number;
};

export const RISK_MATRIX_QUERY: TypedDocumentNode<RiskMatrixQuery, RiskMatrixVariables> = gql`
  query RiskMatrix($asOf: String, $baselineId: ID, $basis: RiskBasis, $filter: RiskFilter, $cellLimit: Int) {
    riskMatrix(asOf: $asOf, baselineId: $baselineId, basis: $basis, filter: $filter, cellLimit: $cellLimit) {
      ...RiskMatrix_matrix @unmask
    }
  }
  ${RISK_MATRIX_FIELDS}
`;

export type RescoreRiskVariables = {
  id: string;
  input: {
    inherentLikelihood: number;
    inherentConsequence: number;
    residualLikelihood: number | null;
    residualConsequence: number | null;
    comment?: string;
    version: number;
  };
};
type RescoreRiskResult = { rescoreRisk: MatrixRisk };

export const RESCORE_RISK_FROM_MATRIX: TypedDocumentNode<RescoreRiskResult, RescoreRiskVariables> = gql`
  mutation RescoreRiskFromMatrix($id: ID!, $input: RescoreRiskInput!) {
    rescoreRisk(id: $id, input: $input) {
      id
      reference
      title
      shortTitle
      status
      inherentLikelihood
      inherentConsequence
      residualLikelihood
      residualConsequence
      version
      canEdit
    }
  }
`;

export type RiskBaselineData = {
  __typename: 'RiskBaseline';
  id: string;
  name: string;
  description: string | null;
  takenAt: string;
};

export const RISK_BASELINES_QUERY: TypedDocumentNode<{ riskBaselines: RiskBaselineData[] }> = gql`
  query RiskBaselines {
    riskBaselines {
      id
      name
      description
      takenAt
    }
  }
`;

export const CREATE_RISK_BASELINE: TypedDocumentNode<
  { createRiskBaseline: RiskBaselineData },
  { input: { name: string; description?: string } }
> = gql`
  mutation CreateRiskBaseline($input: RiskBaselineInput!) {
    createRiskBaseline(input: $input) {
      id
      name
      description
      takenAt
    }
  }
`;

/** The cell a risk stands in under a basis (residual falls back to inherent, as the API does). */
export function positionOf(risk: MatrixRisk, basis: RiskBasis): { likelihood: number; consequence: number } {
  if (basis === 'RESIDUAL' && risk.residualLikelihood != null && risk.residualConsequence != null) {
    return { likelihood: risk.residualLikelihood, consequence: risk.residualConsequence };
  }
  return { likelihood: risk.inherentLikelihood, consequence: risk.inherentConsequence };
}

export function cellKey(likelihood: number, consequence: number): string {
  return `${likelihood}-${consequence}`;
}
