import { gql, type TypedDocumentNode } from '@apollo/client';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import type { ApiError } from '../../../lib/errors.ts';
import { outcomeOf } from '../../../lib/mutationOutcome.ts';
import type { RiskStatus } from '../shared/riskUrlState.ts';
import {
  RISK_FINDINGS_FRAGMENT,
  RISK_MEASURES_FRAGMENT,
  RISK_MEASURE_FRAGMENT,
  RISK_PAGE_RISK_FRAGMENT,
  type KnowledgeStrength,
  type MeasureStatus,
  type RiskRef,
  type TreatmentStrategy,
} from './riskPageFragments.ts';

// The risk page's writes. Each returns what the page shows of what it changed, so the Apollo
// cache (and with it the page) is current without reading the risk again.

export type UpdateRiskInput = {
  title?: string;
  shortTitle?: string | null;
  cause?: string | null;
  event?: string | null;
  consequence?: string | null;
  areaId?: string;
  appliesToAll?: boolean;
  municipalityIds?: string[];
  ownerId?: string | null;
  ownerName?: string | null;
  status?: RiskStatus;
  treatmentStrategy?: TreatmentStrategy | null;
  knowledgeStrength?: KnowledgeStrength | null;
  nextReviewDate?: string | null;
  version: number;
};

const UPDATE_RISK: TypedDocumentNode<{ updateRisk: RiskRef }, { id: string; input: UpdateRiskInput }> = gql`
  mutation RiskPageUpdateRisk($id: ID!, $input: UpdateRiskInput!) {
    updateRisk(id: $id, input: $input) {
      id
      ...RiskPage_risk
    }
  }
  ${RISK_PAGE_RISK_FRAGMENT}
`;

export type RescoreRiskInput = {
  inherentLikelihood: number;
  inherentConsequence: number;
  residualLikelihood: number | null;
  residualConsequence: number | null;
  comment: string | null;
  version: number;
};

const RESCORE_RISK: TypedDocumentNode<{ rescoreRisk: RiskRef }, { id: string; input: RescoreRiskInput }> = gql`
  mutation RiskPageRescoreRisk($id: ID!, $input: RescoreRiskInput!) {
    rescoreRisk(id: $id, input: $input) {
      id
      ...RiskPage_risk
    }
  }
  ${RISK_PAGE_RISK_FRAGMENT}
`;

export type ConsequenceScoresInput = {
  scores: { dimensionId: string; consequence: number }[];
  overallConsequence: number | null;
  consequenceReason: string | null;
  comment: string | null;
  version: number;
};

const SET_CONSEQUENCE_SCORES: TypedDocumentNode<{ setRiskConsequenceScores: RiskRef }, { id: string; input: ConsequenceScoresInput }> = gql`
  mutation RiskPageSetConsequenceScores($id: ID!, $input: RiskConsequenceScoresInput!) {
    setRiskConsequenceScores(id: $id, input: $input) {
      id
      ...RiskPage_risk
    }
  }
  ${RISK_PAGE_RISK_FRAGMENT}
`;

export type AcceptRiskInput = {
  approverId: string | null;
  approverName: string;
  acceptedOn: string;
  expiresOn: string;
  comment: string | null;
  version: number;
};

const ACCEPT_RISK: TypedDocumentNode<{ acceptRiskResidual: RiskRef }, { id: string; input: AcceptRiskInput }> = gql`
  mutation RiskPageAcceptResidual($id: ID!, $input: AcceptRiskInput!) {
    acceptRiskResidual(id: $id, input: $input) {
      id
      ...RiskPage_risk
    }
  }
  ${RISK_PAGE_RISK_FRAGMENT}
`;

const REVOKE_ACCEPTANCE: TypedDocumentNode<{ revokeRiskAcceptance: RiskRef }, { id: string; version: number }> = gql`
  mutation RiskPageRevokeAcceptance($id: ID!, $version: Int!) {
    revokeRiskAcceptance(id: $id, version: $version) {
      id
      ...RiskPage_risk
    }
  }
  ${RISK_PAGE_RISK_FRAGMENT}
`;

// Each write to the risk is an audit event of the risk: the page's audit history reads again.
const refreshHistory = { refetchQueries: ['HistoryPanel'] };

export function useRiskWrites(riskId: string) {
  const [update, updating] = useMutation(UPDATE_RISK, refreshHistory);
  const [rescore, rescoring] = useMutation(RESCORE_RISK, refreshHistory);
  const [setScores, settingScores] = useMutation(SET_CONSEQUENCE_SCORES, refreshHistory);
  const [accept, accepting] = useMutation(ACCEPT_RISK, refreshHistory);
  const [revoke, revoking] = useMutation(REVOKE_ACCEPTANCE, refreshHistory);
  return {
    updateRisk: { loading: updating.loading, run: (input: UpdateRiskInput) => outcomeOf(() => update({ variables: { id: riskId, input } })) },
    rescoreRisk: { loading: rescoring.loading, run: (input: RescoreRiskInput) => outcomeOf(() => rescore({ variables: { id: riskId, input } })) },
    setConsequenceScores: {
      loading: settingScores.loading,
      run: (input: ConsequenceScoresInput) => outcomeOf(() => setScores({ variables: { id: riskId, input } })),
    },
    acceptResidual: { loading: accepting.loading, run: (input: AcceptRiskInput) => outcomeOf(() => accept({ variables: { id: riskId, input } })) },
    revokeAcceptance: {
      loading: revoking.loading,
      run: (version: number) => outcomeOf(() => revoke({ variables: { id: riskId, version } })),
    },
  };
}

// Measures: each write returns the measure and its risk's measure list and counts, so an added
// or deleted row shows up (or goes) without a refetch.

export type MeasureFields = {
  title: string;
  ownerId: string | null;
  ownerName: string | null;
  deadline: string | null;
  status: MeasureStatus;
};

const MEASURE_RESULT = gql`
  fragment RiskPageMeasureResult on Measure {
    id
    ...RiskMeasures_measure
    risk {
      id
      ...RiskMeasures_risk
    }
  }
  ${RISK_MEASURE_FRAGMENT}
  ${RISK_MEASURES_FRAGMENT}
`;

type MeasureRef = { __typename: 'Measure'; id: string };

const CREATE_MEASURE: TypedDocumentNode<{ createMeasure: MeasureRef }, { input: MeasureFields & { riskId: string } }> = gql`
  mutation RiskPageCreateMeasure($input: CreateMeasureInput!) {
    createMeasure(input: $input) {
      id
      ...RiskPageMeasureResult
    }
  }
  ${MEASURE_RESULT}
`;

const UPDATE_MEASURE: TypedDocumentNode<{ updateMeasure: MeasureRef }, { id: string; input: Partial<MeasureFields> & { version: number } }> = gql`
  mutation RiskPageUpdateMeasure($id: ID!, $input: UpdateMeasureInput!) {
    updateMeasure(id: $id, input: $input) {
      id
      ...RiskPageMeasureResult
    }
  }
  ${MEASURE_RESULT}
`;

const COMPLETE_MEASURE: TypedDocumentNode<{ completeMeasure: MeasureRef }, { id: string; version: number }> = gql`
  mutation RiskPageCompleteMeasure($id: ID!, $version: Int!) {
    completeMeasure(id: $id, version: $version) {
      id
      ...RiskPageMeasureResult
    }
  }
  ${MEASURE_RESULT}
`;

const DELETE_MEASURE: TypedDocumentNode<{ deleteMeasure: MeasureRef }, { id: string }> = gql`
  mutation RiskPageDeleteMeasure($id: ID!) {
    deleteMeasure(id: $id) {
      id
      ...RiskPageMeasureResult
    }
  }
  ${MEASURE_RESULT}
`;

export function useMeasureWrites(riskId: string) {
  const [create, creating] = useMutation(CREATE_MEASURE);
  const [update, updating] = useMutation(UPDATE_MEASURE);
  const [complete, completing] = useMutation(COMPLETE_MEASURE);
  const [remove, removing] = useMutation(DELETE_MEASURE);
  return {
    busy: creating.loading || updating.loading || completing.loading || removing.loading,
    createMeasure: (fields: MeasureFields) => outcomeOf(() => create({ variables: { input: { ...fields, riskId } } })),
    updateMeasure: (id: string, input: Partial<MeasureFields> & { version: number }) => outcomeOf(() => update({ variables: { id, input } })),
    completeMeasure: (id: string, version: number) => outcomeOf(() => complete({ variables: { id, version } })),
    deleteMeasure: (id: string) => outcomeOf(() => remove({ variables: { id } })),
  };
}

// Findings: the link mutations return the finding, so the risk's own list is refreshed by
// reading the risk's findings back in the same answer (a link is visible from both sides).

type FindingLinkResult = { __typename: 'Finding'; id: string; risks: RiskRef[] };

const LINK_FINDING: TypedDocumentNode<{ linkFindingToRisk: FindingLinkResult }, { findingId: string; riskId: string }> = gql`
  mutation RiskPageLinkFinding($findingId: ID!, $riskId: ID!) {
    linkFindingToRisk(findingId: $findingId, riskId: $riskId) {
      id
      risks {
        id
        ...RiskFindings_risk
      }
    }
  }
  ${RISK_FINDINGS_FRAGMENT}
`;

const UNLINK_FINDING: TypedDocumentNode<{ unlinkFindingFromRisk: FindingLinkResult }, { findingId: string; riskId: string }> = gql`
  mutation RiskPageUnlinkFinding($findingId: ID!, $riskId: ID!) {
    unlinkFindingFromRisk(findingId: $findingId, riskId: $riskId) {
      id
    }
  }
`;

export function useFindingLinks(riskId: string) {
  const [link, linking] = useMutation(LINK_FINDING);
  const [unlink, unlinking] = useMutation(UNLINK_FINDING);
  return {
    busy: linking.loading || unlinking.loading,
    link: (findingId: string) => outcomeOf(() => link({ variables: { findingId, riskId } })),
    unlink: (findingId: string) =>
      outcomeOf(() =>
        unlink({
          variables: { findingId, riskId },
          // The answer no longer names this risk, so take the finding out of its list here.
          update(cache) {
            cache.modify({
              id: cache.identify({ __typename: 'Risk', id: riskId }),
              fields: {
                findings: (refs: readonly { __ref: string }[], { readField }) => refs.filter((ref) => readField('id', ref) !== findingId),
              },
            });
          },
        }),
      ),
  };
}

/**
 * For the page's smaller forms (rescore, dimensions, acceptance, measures): on a VERSION_CONFLICT
 * the page reads the risk again, so it shows what is stored and the next save is based on the
 * stored version; the form keeps what the user entered. True when it was a conflict.
 */
export function useReloadOnConflict() {
  const client = useApolloClient();
  return useCallback(
    async (error: ApiError) => {
      if (error.code !== 'VERSION_CONFLICT') return false;
      await client.refetchQueries({ include: ['RiskPage'] }).catch(() => undefined);
      return true;
    },
    [client],
  );
}
