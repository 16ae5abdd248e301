import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { osloToday } from '../../../lib/format.ts';
import { signInAs, VIEWER } from '../../../test/auth.ts';
import { currentPath, renderApp } from '../../../test/renderApp.tsx';
import { answerRiskComparison, answerRiskWorkspace, matrixRisk, riskBaseline, riskMove } from '../matrix/matrixFixtures.ts';
import type { RiskMatrixComparisonVariables } from './compareQuery.ts';

const steady = matrixRisk({ id: '1', title: 'Stabil risiko', residualLikelihood: 2, residualConsequence: 2 });
const before = matrixRisk({ id: '2', title: 'Tap av arkiv', residualLikelihood: 2, residualConsequence: 3 });
const after = { ...before, residualLikelihood: 4, residualConsequence: 4 };
const added = matrixRisk({ id: '3', title: 'Ny trussel', residualLikelihood: 1, residualConsequence: 5 });

// The page's chunk may take a while to transform on a busy machine the first time.
const FIRST_LOAD = { timeout: 15_000 };

function cellOf(side: HTMLElement, likelihood: number, consequence: number): HTMLElement {
  return side.querySelector<HTMLElement>(`[data-cell="${likelihood}-${consequence}"]`)!;
}

describe('RiskComparePage', { timeout: 20_000 }, () => {
  beforeEach(() => {
    signInAs(VIEWER);
    answerRiskWorkspace(() => [riskBaseline({ id: '2', name: 'ROS mai 2024' })]);
  });

  it('shows a baseline and now side by side with the moved risks marked and listed in words', async () => {
    const calls: RiskMatrixComparisonVariables[] = [];
    answerRiskComparison(
      {
        from: [steady, before],
        to: [steady, after, added],
        moves: [
          riskMove({
            risk: after,
            from: { __typename: 'RiskPosition', likelihood: 2, consequence: 3, level: 'MEDIUM', status: 'OPEN' },
            to: { __typename: 'RiskPosition', likelihood: 4, consequence: 4, level: 'HIGH', status: 'OPEN' },
            kind: 'HIGHER',
          }),
          riskMove({ risk: added, from: null, to: { __typename: 'RiskPosition', likelihood: 1, consequence: 5, level: 'MEDIUM', status: 'OPEN' }, kind: 'ADDED' }),
        ],
      },
      calls,
    );
    renderApp('/risiko/sammenlign?baseline=2&omrade=1');

    const fromSide = await screen.findByRole('region', { name: 'Fra: ROS mai 2024 (31.05.2024)' }, FIRST_LOAD);
    const toSide = screen.getByRole('region', { name: `Til: nå (${osloToday().split('-').reverse().join('.')})` });
    expect(calls[0]).toEqual({ from: { baselineId: '2' }, to: { asOf: osloToday() }, basis: 'RESIDUAL', filter: { areaIds: ['1'] }, cellLimit: 3 });

    const movedBefore = within(cellOf(fromSide, 2, 3)).getByRole('link', { name: /^R-02/ });
    expect(movedBefore).toHaveAccessibleName('R-02 Tap av arkiv, sannsynlighet 2, konsekvens 3, nivå Middels, endret mellom tidspunktene');
    expect(movedBefore).toHaveClass('risk-chip--marked');
    expect(within(cellOf(toSide, 4, 4)).getByRole('link', { name: /^R-02/ })).toHaveClass('risk-chip--marked');
    expect(within(cellOf(toSide, 2, 2)).getByRole('link', { name: /^R-01/ })).not.toHaveClass('risk-chip--marked');
    expect(within(cellOf(toSide, 2, 2)).getByRole('link', { name: /^R-01/ })).toHaveAccessibleName('R-01 Stabil risiko, sannsynlighet 2, konsekvens 2, nivå Lav');
    // Nothing moves in a comparison.
    expect(document.querySelector('[draggable]')).toBeNull();

    const moves = screen.getByRole('region', { name: '2 endrede risikoer' });
    const rows = within(moves).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('R-02 Tap av arkivsannsynlighet 2, konsekvens 3 Middels Åpensannsynlighet 4, konsekvens 4 Høy ÅpenHøyere risiko');
    expect(rows[1]).toHaveTextContent('R-03 Ny trusselIkke vurdertsannsynlighet 1, konsekvens 5 Middels ÅpenNy');
    expect(within(rows[0]!).getByRole('link', { name: 'R-02 Tap av arkiv' })).toHaveAttribute('href', '/risiko/2');
  });

  it('compares to the point in `mot` and lets the user pick both points', async () => {
    const calls = answerRiskComparison({ from: [before], to: [after], moves: [] });
    const { user, router } = renderApp('/risiko/sammenlign');

    expect(await screen.findByText('Velg en dato eller en baseline å sammenligne fra.', {}, FIRST_LOAD)).toBeInTheDocument();
    expect(calls).toHaveLength(0);

    const fromForm = screen.getByRole('form', { name: 'Sammenlign fra' });
    await user.type(within(fromForm).getByLabelText('Dato'), '2024-05-31');
    await user.click(within(fromForm).getByRole('button', { name: 'Sammenlign fra dette' }));
    await waitFor(() => expect(currentPath(router)).toBe('/risiko/sammenlign?dato=2024-05-31'));

    await user.click(screen.getByText('Sammenlign til: nå'));
    const toForm = screen.getByRole('form', { name: 'Sammenlign til' });
    await user.selectOptions(within(toForm).getByRole('combobox', { name: 'Baseline' }), 'ROS mai 2024 (31.05.2024)');
    await user.click(within(toForm).getByRole('button', { name: 'Sammenlign til dette' }));
    await waitFor(() => expect(currentPath(router)).toBe('/risiko/sammenlign?dato=2024-05-31&mot=baseline%3A2'));
    await waitFor(() => expect(calls.at(-1)).toEqual({ from: { asOf: '2024-05-31' }, to: { baselineId: '2' }, basis: 'RESIDUAL', filter: {}, cellLimit: 3 }));
    expect(await screen.findByText('Ingen risikoer er endret mellom de to tidspunktene.')).toBeInTheDocument();
  });
});
