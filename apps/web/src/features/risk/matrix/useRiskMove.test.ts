import { describe, expect, it } from 'vitest';
import { matrixRisk, riskMatrixOf } from './matrixFixtures.ts';
import { rescoreInput, withMoves } from './useRiskMove.ts';

const moved = matrixRisk({ id: '1', residualLikelihood: 3, residualConsequence: 4 });
const other = matrixRisk({ id: '2', residualLikelihood: 3, residualConsequence: 4 });

function cellAt(cells: ReturnType<typeof riskMatrixOf>['cells'], likelihood: number, consequence: number) {
  return cells.find((cell) => cell.likelihood === likelihood && cell.consequence === consequence)!;
}

describe('withMoves', () => {
  it('shows a risk being saved in its new cell, first, with both counts adjusted', () => {
    const { cells } = riskMatrixOf([moved, other]);
    const shown = withMoves(cells, [{ risk: moved, from: { likelihood: 3, consequence: 4 }, to: { likelihood: 2, consequence: 2 } }]);
    expect(cellAt(shown, 3, 4)).toMatchObject({ count: 1, risks: [other] });
    expect(cellAt(shown, 2, 2)).toMatchObject({ count: 1, risks: [moved] });
    expect(cellAt(cells, 3, 4).count).toBe(2);
  });

  it('skips a move the fetched matrix already shows, so the risk is not counted twice', () => {
    const { cells } = riskMatrixOf([{ ...moved, residualLikelihood: 2, residualConsequence: 2 }, other]);
    const shown = withMoves(cells, [{ risk: moved, from: { likelihood: 3, consequence: 4 }, to: { likelihood: 2, consequence: 2 } }]);
    expect(cellAt(shown, 2, 2).count).toBe(1);
    expect(cellAt(shown, 3, 4).count).toBe(1);
  });
});

describe('rescoreInput', () => {
  it('changes only the basis shown and sends the version read', () => {
    const risk = matrixRisk({ id: '3', inherentLikelihood: 4, inherentConsequence: 5, version: 7 });
    expect(rescoreInput(risk, { likelihood: 2, consequence: 3 }, 'INHERENT', '  ')).toEqual({
      inherentLikelihood: 2,
      inherentConsequence: 3,
      residualLikelihood: null,
      residualConsequence: null,
      version: 7,
    });
    expect(rescoreInput(risk, { likelihood: 2, consequence: 3 }, 'RESIDUAL', ' Nytt tiltak ')).toEqual({
      inherentLikelihood: 4,
      inherentConsequence: 5,
      residualLikelihood: 2,
      residualConsequence: 3,
      comment: 'Nytt tiltak',
      version: 7,
    });
  });
});
