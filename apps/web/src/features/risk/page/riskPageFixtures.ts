import { graphql, HttpResponse } from 'msw';
import { me } from '../../../test/auth.ts';
import { server } from '../../../test/server.ts';
import { eventConnection } from '../../audit/auditFixtures.ts';

// A risk as the API sends it for the page's query, for the tests of this folder.

export const COORDINATOR = me({
  id: '5',
  username: 'kari',
  displayName: 'Kari Koordinator',
  memberships: [{ role: 'COORDINATOR', municipality: { id: '1', name: 'Kongsberg' } }],
});

const person = (id: string, displayName: string) => ({ __typename: 'Person' as const, id, displayName });

export function measure(fields: Partial<Record<string, unknown>> & { id: string; title: string }) {
  return {
    __typename: 'Measure' as const,
    description: null,
    owner: null,
    ownerName: null,
    deadline: null,
    status: 'PLANNED',
    completedAt: null,
    isOverdue: false,
    version: 1,
    ...fields,
  };
}

export function assessment(fields: Partial<Record<string, unknown>> & { id: string; assessedAt: string }) {
  return {
    __typename: 'RiskAssessment' as const,
    assessedBy: person('5', 'Kari Koordinator'),
    inherentLikelihood: 3,
    inherentConsequence: 4,
    residualLikelihood: null,
    residualConsequence: null,
    status: 'OPEN',
    comment: null,
    isDemoAssessment: false,
    ...fields,
  };
}

export function riskFixture(fields: Partial<Record<string, unknown>> = {}) {
  return {
    __typename: 'Risk' as const,
    id: '7',
    reference: 'R-07',
    title: 'Tap av arkivmateriale',
    shortTitle: 'Tap av arkiv',
    cause: 'Fukt i magasinet',
    event: 'Vannlekkasje over reolene',
    consequence: 'Papirarkiv går tapt',
    area: { __typename: 'RiskArea' as const, id: '2', name: 'Bevaring' },
    appliesToAll: false,
    municipalities: [
      { __typename: 'Municipality' as const, id: '1', name: 'Kongsberg' },
      { __typename: 'Municipality' as const, id: '3', name: 'Flesberg' },
    ],
    owner: person('9', 'Per Eiersen'),
    ownerName: null,
    status: 'OPEN',
    treatmentStrategy: 'REDUCE',
    knowledgeStrength: 'MODERATE',
    nextReviewDate: '2026-09-01',
    isReviewOverdue: true,
    inherentLikelihood: 3,
    inherentConsequence: 4,
    inherentScore: 12,
    inherentLevel: 'HIGH',
    residualLikelihood: 2,
    residualConsequence: 3,
    residualScore: 6,
    residualLevel: 'MEDIUM',
    sourceScore: 15,
    isDemoAssessment: true,
    consequenceScores: [
      { __typename: 'RiskConsequenceScore' as const, consequence: 4, dimension: { __typename: 'ConsequenceDimension' as const, id: '1' } },
      { __typename: 'RiskConsequenceScore' as const, consequence: 2, dimension: { __typename: 'ConsequenceDimension' as const, id: '2' } },
    ],
    consequenceReason: null,
    acceptance: {
      __typename: 'RiskAcceptance' as const,
      approverName: 'Kommunedirektør Ola Olsen',
      approver: null,
      acceptedOn: '2025-01-10',
      expiresOn: '2026-01-10',
      comment: 'Akseptert i ROS-møtet',
      isExpired: true,
    },
    openMeasureCount: 2,
    overdueMeasureCount: 1,
    measures: [
      measure({ id: '31', title: 'Flytte arkivet', owner: person('9', 'Per Eiersen'), deadline: '2026-03-01', status: 'IN_PROGRESS', isOverdue: true }),
      measure({ id: '32', title: 'Montere fuktmåler', ownerName: 'Vaktmester', deadline: '2026-12-01' }),
    ],
    findings: [
      { __typename: 'Finding' as const, id: '41', kind: 'VULNERABILITY', title: 'Gamle lokaler' },
      { __typename: 'Finding' as const, id: '42', kind: 'SUCCESS_FACTOR', title: 'Felles magasin' },
    ],
    assessments: [
      assessment({
        id: '52',
        assessedAt: '2026-05-08T12:30:00.000Z',
        residualLikelihood: 2,
        residualConsequence: 3,
        status: 'MONITORING',
        comment: 'Etter tiltak',
        isDemoAssessment: true,
      }),
      assessment({ id: '51', assessedAt: '2024-05-02T08:00:00.000Z', inherentLikelihood: 4, assessedBy: null }),
    ],
    version: 3,
    canEdit: true,
    ...fields,
  };
}

export type RiskFixture = ReturnType<typeof riskFixture>;

export function pageData(risk: RiskFixture | null) {
  return {
    risk,
    riskAreas: [
      { __typename: 'RiskArea', id: '1', name: 'Styring' },
      { __typename: 'RiskArea', id: '2', name: 'Bevaring' },
    ],
    municipalities: [
      { __typename: 'Municipality', id: '3', name: 'Flesberg' },
      { __typename: 'Municipality', id: '1', name: 'Kongsberg' },
    ],
    consequenceDimensions: [
      { __typename: 'ConsequenceDimension', id: '1', name: 'Tjenesteleveranse', description: null },
      { __typename: 'ConsequenceDimension', id: '2', name: 'Økonomi', description: null },
      { __typename: 'ConsequenceDimension', id: '3', name: 'Omdømme og tillit', description: null },
    ],
    acceptanceCriteriaVersions: [
      {
        __typename: 'AcceptanceCriteria',
        id: '1',
        validFrom: '2024-01-01',
        // Level by score: up to 4 low, up to 9 medium, above high.
        cells: Array.from({ length: 25 }, (_, index) => {
          const likelihood = Math.floor(index / 5) + 1;
          const consequence = (index % 5) + 1;
          const score = likelihood * consequence;
          return { __typename: 'AcceptanceCell', likelihood, consequence, level: score <= 4 ? 'LOW' : score <= 9 ? 'MEDIUM' : 'HIGH' };
        }),
      },
    ],
  };
}

/** Answers the page's query with the risk, and its audit history with nothing. */
export function answerRiskPage(risk: RiskFixture | null) {
  server.use(
    graphql.query('RiskPage', () => HttpResponse.json({ data: pageData(risk) })),
    graphql.query('HistoryPanel', () => HttpResponse.json({ data: { entityHistory: eventConnection([]) } })),
  );
}
