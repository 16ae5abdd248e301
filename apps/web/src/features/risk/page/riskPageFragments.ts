import { gql, type TypedDocumentNode } from '@apollo/client';
import type { RiskLevel, RiskStatus } from '../shared/riskUrlState.ts';

// The fragments of the risk page's components, one per component, in one file because the
// components and their mutation hooks both import them (and would otherwise import each other).
// Types written by hand until codegen generates them from the fragments; keep the two in step.

export type RiskRef = { __typename: 'Risk'; id: string };
export type TreatmentStrategy = 'REDUCE' | 'ACCEPT' | 'AVOID' | 'TRANSFER';
export type KnowledgeStrength = 'WEAK' | 'MODERATE' | 'STRONG';
export type MeasureStatus = 'PLANNED' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED';
export type FindingKind = 'SUCCESS_FACTOR' | 'VULNERABILITY' | 'STRENGTH' | 'OPPORTUNITY' | 'INSIGHT_NEED' | 'LESSON' | 'PRIORITY';
export type Person = { __typename: 'Person'; id: string; displayName: string };

export type RiskFacts_risk = {
  __typename: 'Risk';
  id: string;
  reference: string;
  title: string;
  shortTitle: string | null;
  cause: string | null;
  event: string | null;
  consequence: string | null;
  area: { __typename: 'RiskArea'; id: string; name: string };
  appliesToAll: boolean;
  municipalities: { __typename: 'Municipality'; id: string; name: string }[];
  owner: Person | null;
  ownerName: string | null;
  status: RiskStatus;
  treatmentStrategy: TreatmentStrategy | null;
  knowledgeStrength: KnowledgeStrength | null;
  nextReviewDate: string | null;
  isReviewOverdue: boolean;
  version: number;
};

export const RISK_FACTS_FRAGMENT: TypedDocumentNode<RiskFacts_risk> = gql`
  fragment RiskFacts_risk on Risk {
    id
    reference
    title
    shortTitle
    cause
    event
    consequence
    area {
      id
      name
    }
    appliesToAll
    municipalities {
      id
      name
    }
    owner {
      id
      displayName
    }
    ownerName
    status
    treatmentStrategy
    knowledgeStrength
    nextReviewDate
    isReviewOverdue
    version
  }
`;

export type RiskScores_risk = {
  __typename: 'Risk';
  id: string;
  status: RiskStatus;
  inherentLikelihood: number;
  inherentConsequence: number;
  inherentScore: number;
  inherentLevel: RiskLevel | null;
  residualLikelihood: number | null;
  residualConsequence: number | null;
  residualScore: number | null;
  residualLevel: RiskLevel | null;
  sourceScore: number | null;
  isDemoAssessment: boolean;
  version: number;
};

export const RISK_SCORES_FRAGMENT: TypedDocumentNode<RiskScores_risk> = gql`
  fragment RiskScores_risk on Risk {
    id
    status
    inherentLikelihood
    inherentConsequence
    inherentScore
    inherentLevel
    residualLikelihood
    residualConsequence
    residualScore
    residualLevel
    sourceScore
    isDemoAssessment
    version
  }
`;

export type ConsequenceScores_risk = {
  __typename: 'Risk';
  id: string;
  inherentConsequence: number;
  consequenceScores: { __typename: 'RiskConsequenceScore'; consequence: number; dimension: { __typename: 'ConsequenceDimension'; id: string } }[];
  consequenceReason: string | null;
  version: number;
};

export const CONSEQUENCE_SCORES_FRAGMENT: TypedDocumentNode<ConsequenceScores_risk> = gql`
  fragment ConsequenceScores_risk on Risk {
    id
    inherentConsequence
    consequenceScores {
      consequence
      dimension {
        id
      }
    }
    consequenceReason
    version
  }
`;

export type RiskAcceptance_risk = {
  __typename: 'Risk';
  id: string;
  residualLikelihood: number | null;
  acceptance: {
    __typename: 'RiskAcceptance';
    approverName: string;
    approver: Person | null;
    acceptedOn: string;
    expiresOn: string;
    comment: string | null;
    isExpired: boolean;
  } | null;
  version: number;
};

export const RISK_ACCEPTANCE_FRAGMENT: TypedDocumentNode<RiskAcceptance_risk> = gql`
  fragment RiskAcceptance_risk on Risk {
    id
    residualLikelihood
    acceptance {
      approverName
      approver {
        id
        displayName
      }
      acceptedOn
      expiresOn
      comment
      isExpired
    }
    version
  }
`;

export type RiskMeasure = {
  __typename: 'Measure';
  id: string;
  title: string;
  description: string | null;
  owner: Person | null;
  ownerName: string | null;
  deadline: string | null;
  status: MeasureStatus;
  completedAt: string | null;
  isOverdue: boolean;
  version: number;
};

export const RISK_MEASURE_FRAGMENT: TypedDocumentNode<RiskMeasure> = gql`
  fragment RiskMeasures_measure on Measure {
    id
    title
    description
    owner {
      id
      displayName
    }
    ownerName
    deadline
    status
    completedAt
    isOverdue
    version
  }
`;

export type RiskMeasures_risk = {
  __typename: 'Risk';
  id: string;
  openMeasureCount: number;
  overdueMeasureCount: number;
  measures: RiskMeasure[];
};

export const RISK_MEASURES_FRAGMENT: TypedDocumentNode<RiskMeasures_risk> = gql`
  fragment RiskMeasures_risk on Risk {
    id
    openMeasureCount
    overdueMeasureCount
    measures {
      id
      # The table reads the rows with the list (no component per row), so they are not masked.
      ...RiskMeasures_measure @unmask
    }
  }
  ${RISK_MEASURE_FRAGMENT}
`;

export type LinkedFinding = { __typename: 'Finding'; id: string; kind: FindingKind; title: string };

export type RiskFindings_risk = { __typename: 'Risk'; id: string; findings: LinkedFinding[] };

export const RISK_FINDINGS_FRAGMENT: TypedDocumentNode<RiskFindings_risk> = gql`
  fragment RiskFindings_risk on Risk {
    id
    findings {
      id
      kind
      title
    }
  }
`;

export type RiskAssessment = {
  __typename: 'RiskAssessment';
  id: string;
  assessedAt: string;
  assessedBy: Person | null;
  inherentLikelihood: number;
  inherentConsequence: number;
  residualLikelihood: number | null;
  residualConsequence: number | null;
  status: RiskStatus;
  comment: string | null;
  isDemoAssessment: boolean;
};

export type AssessmentHistory_risk = { __typename: 'Risk'; id: string; assessments: RiskAssessment[] };

export const ASSESSMENT_HISTORY_FRAGMENT: TypedDocumentNode<AssessmentHistory_risk> = gql`
  fragment AssessmentHistory_risk on Risk {
    id
    assessments {
      id
      assessedAt
      assessedBy {
        id
        displayName
      }
      inherentLikelihood
      inherentConsequence
      residualLikelihood
      residualConsequence
      status
      comment
      isDemoAssessment
    }
  }
`;

/** Everything the page shows of a risk; every risk mutation returns it, so the page stays current. */
export const RISK_PAGE_RISK_FRAGMENT: TypedDocumentNode<RiskRef> = gql`
  fragment RiskPage_risk on Risk {
    id
    ...RiskFacts_risk
    ...RiskScores_risk
    ...ConsequenceScores_risk
    ...RiskAcceptance_risk
    ...RiskMeasures_risk
    ...RiskFindings_risk
    ...AssessmentHistory_risk
  }
  ${RISK_FACTS_FRAGMENT}
  ${RISK_SCORES_FRAGMENT}
  ${CONSEQUENCE_SCORES_FRAGMENT}
  ${RISK_ACCEPTANCE_FRAGMENT}
  ${RISK_MEASURES_FRAGMENT}
  ${RISK_FINDINGS_FRAGMENT}
  ${ASSESSMENT_HISTORY_FRAGMENT}
`;

/** The choices the page's forms offer, read with the risk in the page's one query. */
export type RiskPageChoices = {
  riskAreas: { __typename: 'RiskArea'; id: string; name: string }[];
  municipalities: { __typename: 'Municipality'; id: string; name: string }[];
  consequenceDimensions: { __typename: 'ConsequenceDimension'; id: string; name: string; description: string | null }[];
  /** Every version, oldest first: the history names levels under the version in force today. */
  acceptanceCriteriaVersions: CriteriaVersion[];
};

export type CriteriaVersion = {
  __typename: 'AcceptanceCriteria';
  id: string;
  validFrom: string;
  cells: { __typename: 'AcceptanceCell'; likelihood: number; consequence: number; level: RiskLevel }[];
};
