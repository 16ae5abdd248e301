import { gql, type TypedDocumentNode } from '@apollo/client';
import type { RiskLevel } from '../shared/riskUrlState.ts';

// Written by hand until codegen generates web types; keep in step with the documents below.
export type ScaleAxis = 'LIKELIHOOD' | 'CONSEQUENCE';
export type CriteriaCell = { likelihood: number; consequence: number; level: RiskLevel };
export type ScaleLevel = { axis: ScaleAxis; level: number; label: string; description: string };
export type CriteriaVersion = {
  __typename: 'AcceptanceCriteria';
  id: string;
  validFrom: string;
  name: string;
  description: string | null;
};
export type CriteriaInForce = CriteriaVersion & { cells: CriteriaCell[]; scale: ScaleLevel[] };
export type ConsequenceDimension = {
  __typename: 'ConsequenceDimension';
  id: string;
  name: string;
  description: string | null;
  sortOrder: number;
  version: number;
};

type CriteriaPageData = {
  acceptanceCriteria: CriteriaInForce;
  acceptanceCriteriaVersions: CriteriaVersion[];
  consequenceDimensions: ConsequenceDimension[];
};

/** The whole page in one round trip: the version in force, every version, the dimensions. */
export const CRITERIA_PAGE_QUERY: TypedDocumentNode<CriteriaPageData, Record<string, never>> = gql`
  query AcceptanceCriteriaPage {
    acceptanceCriteria {
      id
      validFrom
      name
      description
      cells {
        likelihood
        consequence
        level
      }
      scale {
        axis
        level
        label
        description
      }
    }
    acceptanceCriteriaVersions {
      id
      validFrom
      name
      description
    }
    consequenceDimensions {
      id
      name
      description
      sortOrder
      version
    }
  }
`;

export type CreateCriteriaInput = {
  validFrom: string;
  name: string;
  description: string | null;
  cells: CriteriaCell[];
  scale: ScaleLevel[];
};

export const CREATE_CRITERIA_MUTATION: TypedDocumentNode<{ createAcceptanceCriteriaVersion: CriteriaVersion }, { input: CreateCriteriaInput }> = gql`
  mutation CreateAcceptanceCriteriaVersion($input: CreateAcceptanceCriteriaInput!) {
    createAcceptanceCriteriaVersion(input: $input) {
      id
      validFrom
      name
      description
    }
  }
`;

export type DimensionInput = { name: string; description: string | null; sortOrder: number };

const DIMENSION_FIELDS = gql`
  fragment CriteriaPage_dimension on ConsequenceDimension {
    id
    name
    description
    sortOrder
    version
  }
`;

export const CREATE_DIMENSION_MUTATION: TypedDocumentNode<{ createConsequenceDimension: ConsequenceDimension }, { input: DimensionInput }> = gql`
  mutation CreateConsequenceDimension($input: ConsequenceDimensionInput!) {
    createConsequenceDimension(input: $input) {
      ...CriteriaPage_dimension @unmask
    }
  }
  ${DIMENSION_FIELDS}
`;

export const UPDATE_DIMENSION_MUTATION: TypedDocumentNode<
  { updateConsequenceDimension: ConsequenceDimension },
  { id: string; input: DimensionInput & { version: number } }
> = gql`
  mutation UpdateConsequenceDimension($id: ID!, $input: UpdateConsequenceDimensionInput!) {
    updateConsequenceDimension(id: $id, input: $input) {
      ...CriteriaPage_dimension @unmask
    }
  }
  ${DIMENSION_FIELDS}
`;

export const DELETE_DIMENSION_MUTATION: TypedDocumentNode<{ deleteConsequenceDimension: { __typename: 'ConsequenceDimension'; id: string } }, { id: string }> = gql`
  mutation DeleteConsequenceDimension($id: ID!) {
    deleteConsequenceDimension(id: $id) {
      id
    }
  }
`;
