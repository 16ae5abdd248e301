import { gql, type TypedDocumentNode } from '@apollo/client';
import type { BenefitDirection } from '@samarkiv/shared';

// Written by hand until codegen; keep in step with benefit.graphql and operating-figure.graphql.
export type BenefitType = 'EFFICIENCY' | 'QUALITY' | 'OTHER';

export type BenefitMeasurement = { __typename: 'BenefitMeasurement'; id: string; measuredOn: string; value: number; comment: string | null; recordedByName: string | null };

/** What the status computation and the trend need of a benefit (the panel and the benefit's page share it). */
export type BenefitPlan_benefit = {
  __typename: 'Benefit';
  id: string;
  title: string;
  unit: string;
  direction: BenefitDirection;
  baselineValue: number;
  baselineDate: string;
  targetValue: number;
  targetDate: string;
  municipality: { __typename: 'Municipality'; id: string; name: string } | null;
  measurements: BenefitMeasurement[];
};

export const BENEFIT_PLAN_FRAGMENT: TypedDocumentNode<BenefitPlan_benefit> = gql`
  fragment BenefitPlan_benefit on Benefit {
    id
    title
    unit
    direction
    baselineValue
    baselineDate
    targetValue
    targetDate
    municipality {
      id
      name
    }
    measurements {
      id
      measuredOn
      value
      comment
      recordedByName
    }
  }
`;

export type BenefitPageData = BenefitPlan_benefit & {
  description: string | null;
  type: BenefitType;
  ownerName: string;
  indicator: string;
  purpose: { __typename: 'Purpose'; id: string; ordinal: number; title: string };
};

export const BENEFIT_PAGE_QUERY: TypedDocumentNode<{ benefit: BenefitPageData | null }, { id: string }> = gql`
  query BenefitPage($id: ID!) {
    benefit(id: $id) {
      id
      description
      type
      ownerName
      indicator
      purpose {
        id
        ordinal
        title
      }
      ...BenefitPlan_benefit @unmask
    }
  }
  ${BENEFIT_PLAN_FRAGMENT}
`;

export const ADD_BENEFIT_MEASUREMENT: TypedDocumentNode<
  { addBenefitMeasurement: BenefitPlan_benefit },
  { input: { benefitId: string; measuredOn: string; value: number; comment: string | null } }
> = gql`
  mutation AddBenefitMeasurement($input: BenefitMeasurementInput!) {
    addBenefitMeasurement(input: $input) {
      id
      ...BenefitPlan_benefit @unmask
    }
  }
  ${BENEFIT_PLAN_FRAGMENT}
`;
