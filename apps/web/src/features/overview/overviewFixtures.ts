import { exampleBenefit, ON_TRACK, trendMonth } from '../benefits/benefitFixtures.ts';

// An OverviewPage answer whose figures the tests state: Rollag at 80 % readiness, 3 overdue measures.

const cells = (levels: Record<string, { level: 'LOW' | 'MEDIUM' | 'HIGH'; count: number }>) =>
  Array.from({ length: 25 }, (_, i) => {
    const likelihood = Math.floor(i / 5) + 1;
    const consequence = (i % 5) + 1;
    const here = levels[`${likelihood}-${consequence}`];
    return { __typename: 'RiskMatrixCell', likelihood, consequence, level: here?.level ?? (likelihood * consequence >= 12 ? 'HIGH' : likelihood * consequence >= 5 ? 'MEDIUM' : 'LOW'), count: here?.count ?? 0 };
  });

const municipality = (id: string, name: string) => ({ __typename: 'Municipality', id, name });
const measure = (key: string, met: number, total: number) => ({ __typename: 'ReadinessMeasure', key, met, total, share: total === 0 ? null : met / total });
const counts = (low: number, medium: number, high: number) => ({ __typename: 'LevelCounts', low, medium, high });

export function overviewAnswer() {
  return {
    municipalities: [
      { __typename: 'Municipality', id: '3', name: 'Rollag', participates: true },
      { __typename: 'Municipality', id: '4', name: 'Sigdal', participates: true },
    ],
    inherentLevels: { __typename: 'RiskMatrix', cells: cells({ '5-5': { level: 'HIGH', count: 4 }, '2-3': { level: 'MEDIUM', count: 2 } }) },
    residualLevels: { __typename: 'RiskMatrix', cells: cells({ '4-3': { level: 'HIGH', count: 1 }, '2-3': { level: 'MEDIUM', count: 3 }, '1-2': { level: 'LOW', count: 2 } }) },
    compactMatrix: { __typename: 'RiskMatrix', asOf: '2026-12-01', cells: cells({ '4-3': { level: 'HIGH', count: 1 }, '2-3': { level: 'MEDIUM', count: 3 }, '1-2': { level: 'LOW', count: 2 } }) },
    aboveAcceptance: { __typename: 'RiskConnection', totalCount: 1 },
    overdueMeasures: { __typename: 'MeasureConnection', totalCount: 3 },
    overdueMeasureList: {
      __typename: 'MeasureConnection',
      totalCount: 3,
      edges: [
        { __typename: 'MeasureEdge', node: { __typename: 'Measure', id: 'me1', title: 'Forankre i kommunestyrene', deadline: '2026-10-01', ownerName: 'Daglig leder', owner: null, risk: { __typename: 'Risk', id: '7', reference: 'R-03' } } },
        { __typename: 'MeasureEdge', node: { __typename: 'Measure', id: 'me2', title: 'Kartlegge arkivene', deadline: '2026-11-01', ownerName: null, owner: { __typename: 'Person', id: 'p1', displayName: 'Kari Nordmann' }, risk: { __typename: 'Risk', id: '8', reference: 'R-05' } } },
        { __typename: 'MeasureEdge', node: { __typename: 'Measure', id: 'me3', title: 'Lage opplæringsplan', deadline: '2026-11-15', ownerName: null, owner: null, risk: { __typename: 'Risk', id: '8', reference: 'R-05' } } },
      ],
    },
    topRisks: {
      __typename: 'RiskConnection',
      edges: [
        { __typename: 'RiskEdge', node: { __typename: 'Risk', id: '7', reference: 'R-03', title: 'Manglende forankring hos folkevalgte', residualScore: 12, residualLevel: 'HIGH', inherentScore: 25, inherentLevel: 'HIGH' } },
        { __typename: 'RiskEdge', node: { __typename: 'Risk', id: '8', reference: 'R-05', title: 'Undervurdere ringvirkninger', residualScore: 6, residualLevel: 'MEDIUM', inherentScore: 16, inherentLevel: 'HIGH' } },
      ],
    },
    successFactorStatuses: {
      __typename: 'FindingConnection',
      edges: [
        { __typename: 'FindingEdge', node: { __typename: 'Finding', id: 'f1', status: 'AT_RISK' } },
        { __typename: 'FindingEdge', node: { __typename: 'Finding', id: 'f2', status: 'ON_TRACK' } },
      ],
    },
    successFactors: {
      __typename: 'FindingConnection',
      edges: [
        { __typename: 'FindingEdge', node: { __typename: 'Finding', id: 'f1', title: 'Involvere berørte ansatte', status: 'AT_RISK' } },
        { __typename: 'FindingEdge', node: { __typename: 'Finding', id: 'f2', title: 'Forankring på ledernivå', status: 'ON_TRACK' } },
      ],
    },
    overview: {
      __typename: 'Overview',
      asOf: '2026-12-01',
      dataUpdatedAt: '2026-11-30T13:05:00.000Z',
      municipality: null,
      nextMilestone: { __typename: 'NextMilestone', daysUntil: 31, approximate: true, milestone: { __typename: 'Milestone', id: 'ms1', title: 'Evaluering av første driftsår' } },
      settings: { __typename: 'OverviewSettings', cutOverDate: '2026-01-01', overlapMonths: 3, overlapEndsOn: '2026-04-01' },
      riskProfile: [
        { __typename: 'RiskProfileMonth', month: '2026-10-01', inherent: counts(0, 2, 4), residual: counts(1, 3, 2) },
        { __typename: 'RiskProfileMonth', month: '2026-11-01', inherent: counts(0, 2, 4), residual: counts(2, 3, 1) },
      ],
      readiness: [
        {
          __typename: 'MunicipalityReadiness',
          municipality: municipality('3', 'Rollag'),
          seriesCount: 10,
          overall: 0.8,
          weakest: 'SUCCEEDED',
          measures: [measure('RETENTION_DECIDED', 9, 10), measure('RESTRICTIONS_GROUNDED', 4, 4), measure('CLOSED_AT_CUT_OVER', 4, 5), measure('SUCCEEDED', 2, 4), measure('MAPPED', 9, 10)],
        },
        {
          __typename: 'MunicipalityReadiness',
          municipality: municipality('4', 'Sigdal'),
          seriesCount: 1,
          overall: 0.5,
          weakest: 'MAPPED',
          measures: [measure('RETENTION_DECIDED', 1, 1), measure('RESTRICTIONS_GROUNDED', 0, 0), measure('CLOSED_AT_CUT_OVER', 0, 0), measure('SUCCEEDED', 0, 0), measure('MAPPED', 0, 1)],
        },
      ],
      seriesCounts: [
        {
          __typename: 'MunicipalitySeriesCounts',
          municipality: municipality('3', 'Rollag'),
          total: 12,
          byStatus: [
            { __typename: 'SeriesStatusCount', status: 'AKTIV_PERIODE', count: 5 },
            { __typename: 'SeriesStatusCount', status: 'OVERLAPPINGSPERIODE', count: 2 },
            { __typename: 'SeriesStatusCount', status: 'AVSLUTTET_PERIODE', count: 3 },
            { __typename: 'SeriesStatusCount', status: 'UAKTUELLE_MAPPER', count: 2 },
          ],
          byMedium: [
            { __typename: 'SeriesMediumCount', medium: 'FYSISK', count: 4 },
            { __typename: 'SeriesMediumCount', medium: 'ELEKTRONISK', count: 7 },
            { __typename: 'SeriesMediumCount', medium: 'BLANDET', count: 1 },
          ],
        },
        {
          __typename: 'MunicipalitySeriesCounts',
          municipality: municipality('4', 'Sigdal'),
          total: 1,
          byStatus: [
            { __typename: 'SeriesStatusCount', status: 'AKTIV_PERIODE', count: 1 },
            { __typename: 'SeriesStatusCount', status: 'OVERLAPPINGSPERIODE', count: 0 },
            { __typename: 'SeriesStatusCount', status: 'AVSLUTTET_PERIODE', count: 0 },
            { __typename: 'SeriesStatusCount', status: 'UAKTUELLE_MAPPER', count: 0 },
          ],
          byMedium: [
            { __typename: 'SeriesMediumCount', medium: 'FYSISK', count: 0 },
            { __typename: 'SeriesMediumCount', medium: 'ELEKTRONISK', count: 1 },
            { __typename: 'SeriesMediumCount', medium: 'BLANDET', count: 0 },
          ],
        },
      ],
    },
    benefits: [exampleBenefit(ON_TRACK)],
    operatingFigureTrend: [trendMonth('2026-10', 4200), trendMonth('2026-11', 4350)],
  };
}
