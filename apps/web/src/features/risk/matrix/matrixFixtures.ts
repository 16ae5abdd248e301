import { graphql, HttpResponse } from 'msw';
import { server } from '../../../test/server.ts';
import type { RiskBasis, RiskLevel } from '../shared/riskUrlState.ts';
import type { RiskMatrixComparisonVariables, RiskMoveData } from '../compare/compareQuery.ts';
import { CELL_LIMIT, positionOf, type MatrixData, type MatrixRisk, type RiskBaselineData, type RiskMatrixVariables, type ScaleLevelData } from './matrixQuery.ts';

// msw fixtures for the risk matrix, for any web test that shows one (matrix, comparison, report).
// Handlers match operations by name (RiskMatrix, RiskMatrixComparison, RiskBaselines,
// RiskFilterChoices); each records the variables it was called with.

export function matrixRisk(fields: Partial<MatrixRisk> & { id: string }): MatrixRisk {
  return {
    __typename: 'Risk',
    reference: `R-${fields.id.padStart(2, '0')}`,
    title: `Risiko ${fields.id}`,
    shortTitle: null,
    status: 'OPEN',
    inherentLikelihood: 3,
    inherentConsequence: 3,
    residualLikelihood: null,
    residualConsequence: null,
    version: 1,
    canEdit: false,
    ...fields,
  };
}

/** The demo criteria's colours: score up to 4 low, up to 10 medium, above that high. */
export function levelOf(likelihood: number, consequence: number): RiskLevel {
  const score = likelihood * consequence;
  return score <= 4 ? 'LOW' : score <= 10 ? 'MEDIUM' : 'HIGH';
}

const LIKELIHOOD_LABELS = ['Svært lite sannsynlig', 'Lite sannsynlig', 'Mulig', 'Sannsynlig', 'Svært sannsynlig'];
const CONSEQUENCE_LABELS = ['Ubetydelig', 'Mindre alvorlig', 'Alvorlig', 'Svært alvorlig', 'Kritisk'];

export const SCALE: ScaleLevelData[] = [
  ...LIKELIHOOD_LABELS.map((label, index) => ({
    __typename: 'ScaleLevel' as const,
    axis: 'LIKELIHOOD' as const,
    level: index + 1,
    label,
    description: `Sannsynlighet ${index + 1}: ${label.toLowerCase()}, beskrevet i akseptkriteriene.`,
  })),
  ...CONSEQUENCE_LABELS.map((label, index) => ({
    __typename: 'ScaleLevel' as const,
    axis: 'CONSEQUENCE' as const,
    level: index + 1,
    label,
    description: `Konsekvens ${index + 1}: ${label.toLowerCase()}, beskrevet i akseptkriteriene.`,
  })),
];

type MatrixOptions = { basis?: RiskBasis; asOf?: string; cellLimit?: number; withCriteria?: boolean };

/** The matrix the API would build from `risks`: each in its cell under the basis, by reference, the first cellLimit shown. */
export function riskMatrixOf(risks: MatrixRisk[], { basis = 'RESIDUAL', asOf = '2026-11-25', cellLimit = CELL_LIMIT, withCriteria = true }: MatrixOptions = {}): MatrixData {
  const sorted = [...risks].sort((a, b) => a.reference.localeCompare(b.reference, 'nb'));
  const cells: MatrixData['cells'] = [];
  for (let likelihood = 1; likelihood <= 5; likelihood += 1) {
    for (let consequence = 1; consequence <= 5; consequence += 1) {
      const inCell = sorted.filter((risk) => {
        const position = positionOf(risk, basis);
        return position.likelihood === likelihood && position.consequence === consequence;
      });
      cells.push({
        __typename: 'RiskMatrixCell',
        likelihood,
        consequence,
        level: withCriteria ? levelOf(likelihood, consequence) : null,
        count: inCell.length,
        risks: inCell.slice(0, cellLimit),
      });
    }
  }
  return {
    __typename: 'RiskMatrix',
    asOf,
    basis,
    totalCount: risks.length,
    criteria: withCriteria
      ? { __typename: 'AcceptanceCriteria', id: 'ac-1', name: 'Akseptkriterier 2024', validFrom: '2024-01-01', scale: SCALE }
      : null,
    cells,
  };
}

/** `count` risks spread over the 25 cells, for load tests (the browser journey uses 500). */
export function manyRisks(count: number, fields: Partial<MatrixRisk> = {}): MatrixRisk[] {
  return Array.from({ length: count }, (_, index) =>
    matrixRisk({
      id: String(index + 1),
      reference: `R-${String(index + 1).padStart(3, '0')}`,
      inherentLikelihood: (index % 5) + 1,
      inherentConsequence: (Math.floor(index / 5) % 5) + 1,
      ...fields,
    }),
  );
}

/**
 * Answers RiskMatrix with the matrix of whatever `risks()` returns at the time of the call (so a
 * test can change the risks between calls, as a save would), under the basis and cell limit asked.
 */
export function answerRiskMatrix(risks: () => MatrixRisk[], calls: RiskMatrixVariables[] = []) {
  server.use(
    graphql.query('RiskMatrix', ({ variables }) => {
      const asked = variables as RiskMatrixVariables;
      calls.push(asked);
      return HttpResponse.json({
        data: { riskMatrix: riskMatrixOf(risks(), { basis: asked.basis, cellLimit: asked.cellLimit, asOf: asked.asOf ?? '2026-11-25' }) },
      });
    }),
  );
  return calls;
}

export const AREAS = [
  { __typename: 'RiskArea' as const, id: '1', name: 'Arkivdanning' },
  { __typename: 'RiskArea' as const, id: '2', name: 'Informasjonssikkerhet' },
];
export const MUNICIPALITIES = [
  { __typename: 'Municipality' as const, id: '3', name: 'Flesberg' },
  { __typename: 'Municipality' as const, id: '4', name: 'Kongsberg' },
];

export function answerRiskFilterChoices() {
  server.use(graphql.query('RiskFilterChoices', () => HttpResponse.json({ data: { riskAreas: AREAS, municipalities: MUNICIPALITIES } })));
}

export function riskBaseline(fields: Partial<RiskBaselineData> & { id: string; name: string }): RiskBaselineData {
  return { __typename: 'RiskBaseline', description: null, takenAt: '2024-05-31T10:00:00.000Z', ...fields };
}

export function answerRiskBaselines(baselines: () => RiskBaselineData[] = () => []) {
  server.use(graphql.query('RiskBaselines', () => HttpResponse.json({ data: { riskBaselines: baselines() } })));
}

/** The usual queries around the matrix page: filter choices and baselines. */
export function answerRiskWorkspace(baselines: () => RiskBaselineData[] = () => []) {
  answerRiskFilterChoices();
  answerRiskBaselines(baselines);
}

export function riskMove(fields: Omit<RiskMoveData, '__typename' | 'risk'> & { risk: MatrixRisk }): RiskMoveData {
  const { risk, ...rest } = fields;
  return {
    __typename: 'RiskMove',
    ...rest,
    risk: { __typename: 'Risk', id: risk.id, reference: risk.reference, title: risk.title, shortTitle: risk.shortTitle },
  };
}

/** Answers RiskMatrixComparison from two sets of risks and the moves between them. */
export function answerRiskComparison(
  sides: { from: MatrixRisk[]; to: MatrixRisk[]; moves: RiskMoveData[] },
  calls: RiskMatrixComparisonVariables[] = [],
) {
  server.use(
    graphql.query('RiskMatrixComparison', ({ variables }) => {
      const asked = variables as RiskMatrixComparisonVariables;
      calls.push(asked);
      const asOf = (point: RiskMatrixComparisonVariables['from']) => ('asOf' in point ? point.asOf : '2024-05-31');
      return HttpResponse.json({
        data: {
          riskMatrixComparison: {
            __typename: 'RiskMatrixComparison',
            from: riskMatrixOf(sides.from, { basis: asked.basis, cellLimit: asked.cellLimit, asOf: asOf(asked.from) }),
            to: riskMatrixOf(sides.to, { basis: asked.basis, cellLimit: asked.cellLimit, asOf: asOf(asked.to) }),
            moves: sides.moves,
          },
        },
      });
    }),
  );
  return calls;
}
