import { gql, type TypedDocumentNode } from '@apollo/client';
import type { DatePrecision, FuzzyDate } from './precision.ts';

export type MilestoneKind = 'DECISION' | 'AGREEMENT' | 'ANALYSIS' | 'HIRING' | 'OPERATION' | 'EVALUATION' | 'PROCUREMENT' | 'PREPARATION';
export type MilestoneStatus = 'PLANNED' | 'DONE' | 'CANCELLED';

export type TimelinePhase = {
  __typename: 'Phase';
  id: string;
  name: string;
  description: string | null;
  date: FuzzyDate & { __typename?: 'FuzzyDate' };
  sortOrder: number;
  version: number;
};

export type TimelineMilestone = {
  __typename: 'Milestone';
  id: string;
  title: string;
  description: string | null;
  date: FuzzyDate & { __typename?: 'FuzzyDate' };
  kind: MilestoneKind;
  decidingBody: string | null;
  status: MilestoneStatus;
  isDelayed: boolean;
  caseReference: string | null;
  sortOrder: number;
  phase: { __typename: 'Phase'; id: string; name: string } | null;
  version: number;
};

export type TimelineView_query = { phases: TimelinePhase[]; milestones: TimelineMilestone[] };

// Spread with `@unmask`: with data masking a plain spread would hide the fields from the
// component that reads them, and the chart, the list and the forms all read them.
const PHASE_FIELDS = gql`
  fragment TimelinePhaseFields on Phase {
    id name description date { start end precision note } sortOrder version
  }
`;

const MILESTONE_FIELDS = gql`
  fragment TimelineMilestoneFields on Milestone {
    id title description date { start end precision note } kind decidingBody status isDelayed caseReference sortOrder phase { id name } version
  }
`;

/** What the timeline's chart and list show, owned by TimelineView. */
export const TIMELINE_VIEW_FRAGMENT: TypedDocumentNode<TimelineView_query> = gql`
  fragment TimelineView_query on Query {
    phases { ...TimelinePhaseFields @unmask }
    milestones { ...TimelineMilestoneFields @unmask }
  }
  ${PHASE_FIELDS}
  ${MILESTONE_FIELDS}
`;

export const TIMELINE_PAGE_QUERY: TypedDocumentNode<Record<string, never>> = gql`
  query TimelinePage {
    ...TimelineView_query
  }
  ${TIMELINE_VIEW_FRAGMENT}
`;

export type FuzzyDateInput = { start: string; precision: DatePrecision; end?: string | null; note?: string | null };
export type MilestoneInput = {
  phaseId: string | null;
  title: string;
  description: string | null;
  date: FuzzyDateInput;
  kind: MilestoneKind;
  decidingBody: string | null;
  status: MilestoneStatus;
  caseReference: string | null;
  sortOrder: number;
};
export type PhaseInput = { name: string; description: string | null; date: FuzzyDateInput; sortOrder: number };

export const CREATE_MILESTONE_MUTATION: TypedDocumentNode<{ createMilestone: TimelineMilestone }, { input: MilestoneInput }> = gql`
  mutation CreateMilestone($input: MilestoneInput!) {
    createMilestone(input: $input) { ...TimelineMilestoneFields @unmask }
  }
  ${MILESTONE_FIELDS}
`;

export const UPDATE_MILESTONE_MUTATION: TypedDocumentNode<{ updateMilestone: TimelineMilestone }, { id: string; input: MilestoneInput & { version: number } }> = gql`
  mutation UpdateMilestone($id: ID!, $input: UpdateMilestoneInput!) {
    updateMilestone(id: $id, input: $input) { ...TimelineMilestoneFields @unmask }
  }
  ${MILESTONE_FIELDS}
`;

export const CREATE_PHASE_MUTATION: TypedDocumentNode<{ createPhase: TimelinePhase }, { input: PhaseInput }> = gql`
  mutation CreatePhase($input: PhaseInput!) {
    createPhase(input: $input) { ...TimelinePhaseFields @unmask }
  }
  ${PHASE_FIELDS}
`;

export const UPDATE_PHASE_MUTATION: TypedDocumentNode<{ updatePhase: TimelinePhase }, { id: string; input: PhaseInput & { version: number } }> = gql`
  mutation UpdatePhase($id: ID!, $input: UpdatePhaseInput!) {
    updatePhase(id: $id, input: $input) { ...TimelinePhaseFields @unmask }
  }
  ${PHASE_FIELDS}
`;

/** After a version conflict: the item as stored now. */
export const LATEST_MILESTONE_QUERY: TypedDocumentNode<{ milestone: TimelineMilestone | null }, { id: string }> = gql`
  query LatestMilestone($id: ID!) {
    milestone(id: $id) { ...TimelineMilestoneFields @unmask }
  }
  ${MILESTONE_FIELDS}
`;

export const LATEST_PHASE_QUERY: TypedDocumentNode<{ phase: TimelinePhase | null }, { id: string }> = gql`
  query LatestPhase($id: ID!) {
    phase(id: $id) { ...TimelinePhaseFields @unmask }
  }
  ${PHASE_FIELDS}
`;
