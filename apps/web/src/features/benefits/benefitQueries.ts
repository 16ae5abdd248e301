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
  version: number;
};

/** What a benefit's page shows and its edit form starts from. */
const BENEFIT_PAGE_FRAGMENT = gql`
  fragment BenefitPage_benefit on Benefit {
    id
    description
    type
    ownerName
    indicator
    version
    purpose {
      id
      ordinal
      title
    }
    ...BenefitPlan_benefit @unmask
  }
  ${BENEFIT_PLAN_FRAGMENT}
`;

export const BENEFIT_PAGE_QUERY: TypedDocumentNode<{ benefit: BenefitPageData | null }, { id: string }> = gql`
  query BenefitPage($id: ID!) {
    benefit(id: $id) {
      id
      ...BenefitPage_benefit @unmask
    }
  }
  ${BENEFIT_PAGE_FRAGMENT}
`;

export type UpdateBenefitInput = Record<string, unknown> & { version: number };

export const UPDATE_BENEFIT: TypedDocumentNode<{ updateBenefit: BenefitPageData }, { id: string; input: UpdateBenefitInput }> = gql`
  mutation UpdateBenefit($id: ID!, $input: UpdateBenefitInput!) {
    updateBenefit(id: $id, input: $input) {
      id
      ...BenefitPage_benefit @unmask
    }
  }
  ${BENEFIT_PAGE_FRAGMENT}
`;

export const DELETE_BENEFIT: TypedDocumentNode<{ deleteBenefit: { __typename: 'Benefit'; id: string } }, { id: string }> = gql`
  mutation DeleteBenefit($id: ID!) {
    deleteBenefit(id: $id) {
      id
    }
  }
`;

/** Returns the benefit, so its status, trend and measurements update together. */
export const DELETE_BENEFIT_MEASUREMENT: TypedDocumentNode<{ deleteBenefitMeasurement: BenefitPlan_benefit }, { id: string }> = gql`
  mutation DeleteBenefitMeasurement($id: ID!) {
    deleteBenefitMeasurement(id: $id) {
      id
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
