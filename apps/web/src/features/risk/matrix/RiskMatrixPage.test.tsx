import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, apiErrorResponse, KONGSBERG, me, signInAs, VIEWER } from '../../../test/auth.ts';
import { currentPath, renderApp } from '../../../test/renderApp.tsx';
import { holdQuery, server } from '../../../test/server.ts';
import type { MatrixRisk, RescoreRiskVariables, RiskMatrixVariables } from './matrixQuery.ts';
import { AREAS, answerRiskMatrix, answerRiskWorkspace, matrixRisk, MUNICIPALITIES, riskBaseline } from './matrixFixtures.ts';
import { MATRIX_RENDER_MEASURE } from './useMatrixRenderTiming.ts';

// The page's chunk may take a while to transform on a busy machine the first time.
const FIRST_LOAD = { timeout: 15_000 };

const COORDINATOR = me({ id: 'u-coord', username: 'cora', displayName: 'Cora Koordinator', memberships: [{ role: 'COORDINATOR', municipality: KONGSBERG }] });

function cell(likelihood: number, consequence: number): HTMLElement {
  const found = document.querySelector<HTMLElement>(`[data-cell="${likelihood}-${consequence}"]`);
  if (!found) throw new Error(`no cell ${likelihood}-${consequence}`);
  return found;
}

function chipIn(likelihood: number, consequence: number, reference: string): HTMLElement | null {
  return within(cell(likelihood, consequence)).queryByRole('link', { name: new RegExp(`^${reference} `) });
}

function liveRegion() {
  return screen.getByTestId('risk-matrix-live');
}

/** Five risks in 3-4 (residual), one moved down to 2-4 later, one low risk in 1-1. */
function crowdedRisks(fields: Partial<MatrixRisk> = {}): MatrixRisk[] {
  return [
    ...['1', '2', '3', '4', '5'].map((id) =>
      matrixRisk({ id, title: `Tittel ${id}`, shortTitle: id === '1' ? 'Arkiv går tapt' : null, inherentLikelihood: 4, inherentConsequence: 5, residualLikelihood: 3, residualConsequence: 4, ...fields }),
    ),
    matrixRisk({ id: '6', title: 'Liten risiko', inherentLikelihood: 1, inherentConsequence: 1, ...fields }),
  ];
}

// A matrix is a large DOM for jsdom, and role queries over it are slow on a shared machine.
describe('RiskMatrixPage', { timeout: 20_000 }, () => {
  beforeEach(() => answerRiskWorkspace(() => [riskBaseline({ id: '2', name: 'ROS mai 2024' })]));

  it('shows the cells with their levels, the first chips, "+ n more" and counts that open the register', async () => {
    signInAs(VIEWER);
    const calls = answerRiskMatrix(() => crowdedRisks());
    renderApp('/risiko?omrade=1');

    expect(await screen.findByRole('heading', { level: 1, name: 'Risikomatrise' }, FIRST_LOAD)).toBeInTheDocument();
    await screen.findByRole('table', { name: /Restrisiko per 25\.11\.2026/ }, FIRST_LOAD);
    expect(calls[0]).toEqual({ basis: 'RESIDUAL', filter: { areaIds: ['1'] }, cellLimit: 3 });

    const crowded = cell(3, 4);
    expect(crowded).toHaveClass('risk-level-fill--high');
    expect(within(crowded).getByText('Høy')).toBeInTheDocument();
    const chips = within(crowded).getAllByRole('link', { name: /^R-0/ });
    expect(chips.map((chip) => chip.textContent)).toEqual([
      'R-01 Arkiv går tapt, sannsynlighet 3, konsekvens 4, nivå Høy',
      'R-02 Tittel 2, sannsynlighet 3, konsekvens 4, nivå Høy',
      'R-03 Tittel 3, sannsynlighet 3, konsekvens 4, nivå Høy',
    ]);
    expect(chips[0]).toHaveAttribute('href', '/risiko/1');
    const count = within(crowded).getByRole('link', { name: '5 risikoer i sannsynlighet 3, konsekvens 4, nivå Høy' });
    expect(count).toHaveTextContent('5');
    expect(count).toHaveAttribute('href', '/risiko/register?omrade=1&celle=3-4');
    const more = within(crowded).getByRole('link', { name: '2 risikoer til i sannsynlighet 3, konsekvens 4, nivå Høy, vis i registeret' });
    expect(more).toHaveTextContent('+ 2 flere');
    expect(cell(1, 1)).toHaveClass('risk-level-fill--low');
    expect(within(cell(1, 1)).getByRole('link', { name: '1 risiko i sannsynlighet 1, konsekvens 1, nivå Lav' })).toHaveTextContent('1');
    expect(within(cell(5, 5)).queryByRole('link')).toBeNull();
    expect(screen.getByText('6 risikoer per 25.11.2026.')).toBeInTheDocument();
    expect(screen.getByText(/Fargene følger akseptkriteriene «Akseptkriterier 2024», gjeldende fra 01\.01\.2024/)).toBeInTheDocument();
  });

  it('shows the filter bar and the matrix only once the filter choices are in (the matrix asked for meanwhile), so nothing below the bar moves', async () => {
    signInAs(VIEWER);
    const calls = answerRiskMatrix(() => crowdedRisks());
    const release = holdQuery('RiskFilterChoices', () => HttpResponse.json({ data: { riskAreas: AREAS, municipalities: MUNICIPALITIES } }));
    renderApp('/risiko');
    expect(await screen.findByText('Henter filtervalgene …', {}, FIRST_LOAD)).toBeInTheDocument();
    await waitFor(() => expect(calls.length).toBeGreaterThan(0));
    // Hidden until then (the matrix is asked for meanwhile, not after).
    expect(screen.queryByRole('search')).not.toBeInTheDocument();
    expect(document.querySelector('form[role="search"]')?.closest('[hidden]')).toBeTruthy();

    release();
    const bar = await screen.findByRole('search', { name: 'Filtrer risikoene' });
    // The choices are there in the same frame as the bar itself.
    expect(within(bar).getByRole('checkbox', { name: 'Flesberg' })).toBeInTheDocument();
    await waitFor(() => expect(document.querySelector('[data-cell="3-4"]')).not.toBeNull());
  });

  it('explains each scale level behind a disclosure that opens and closes by keyboard', async () => {
    signInAs(VIEWER);
    answerRiskMatrix(() => crowdedRisks());
    const { user } = renderApp('/risiko');
    await screen.findByRole('table', { name: /Restrisiko/ }, FIRST_LOAD);

    const header = screen.getByRole('rowheader', { name: /Sannsynlighet 3/ });
    const toggle = within(header).getByRole('button', { name: 'Hva betyr Sannsynlighet 3 (Mulig)?' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    const panel = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(panel).not.toBeVisible();
    toggle.focus();
    await user.keyboard('{Enter}');
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(panel).toBeVisible();
    expect(panel).toHaveTextContent('Sannsynlighet 3: mulig, beskrevet i akseptkriteriene.');
    await user.keyboard('{Escape}');
    expect(panel).not.toBeVisible();
    expect(toggle).toHaveFocus();
    expect(screen.getByRole('columnheader', { name: /Konsekvens 5/ })).toHaveTextContent('Kritisk');
  });

  it('puts the filters and the basis in the URL and sends them to the server', async () => {
    signInAs(VIEWER);
    const calls = answerRiskMatrix(() => crowdedRisks());
    const { user, router } = renderApp('/risiko?etter=c-9');
    await screen.findByRole('table', { name: /Restrisiko/ }, FIRST_LOAD);

    const filters = screen.getByRole('search', { name: 'Filtrer risikoene' });
    await user.click(await within(filters).findByRole('checkbox', { name: 'Informasjonssikkerhet' }));
    await user.click(within(filters).getByRole('checkbox', { name: 'Kongsberg' }));
    await user.click(within(filters).getByRole('checkbox', { name: 'Åpen' }));
    await user.click(within(filters).getByRole('checkbox', { name: 'Akseptert' }));
    await user.type(within(filters).getByRole('searchbox', { name: 'Søk' }), ' arkiv ');
    await user.click(within(filters).getByRole('button', { name: 'Bruk filtrene' }));

    await waitFor(() => expect(currentPath(router)).toBe('/risiko?omrade=2&kommune=4&status=OPEN%2CACCEPTED&sok=arkiv'));
    await waitFor(() =>
      expect(calls.at(-1)).toEqual({ basis: 'RESIDUAL', filter: { areaIds: ['2'], municipalityIds: ['4'], statuses: ['OPEN', 'ACCEPTED'], search: 'arkiv' }, cellLimit: 3 }),
    );

    await user.click(screen.getByRole('radio', { name: 'Iboende risiko' }));
    await waitFor(() => expect(currentPath(router)).toContain('grunnlag=iboende'));
    await waitFor(() => expect(calls.at(-1)?.basis).toBe('INHERENT'));
    expect(await screen.findByRole('table', { name: /Iboende risiko per/ })).toBeInTheDocument();
    // In the inherent view the five crowded risks stand in 4-5.
    expect(within(cell(4, 5)).getByRole('link', { name: /^5 risikoer/ })).toBeInTheDocument();

    await user.click(within(screen.getByRole('search', { name: 'Filtrer risikoene' })).getByRole('button', { name: 'Nullstill filtrene' }));
    await waitFor(() => expect(currentPath(router)).toBe('/risiko?grunnlag=iboende'));
  });

  it('moves a risk by keyboard with a comment, shows it in its new cell at once and announces each step', async () => {
    signInAs(COORDINATOR);
    let risks = crowdedRisks({ canEdit: true });
    answerRiskMatrix(() => risks);
    const rescores: RescoreRiskVariables[] = [];
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.use(
      graphql.mutation('RescoreRiskFromMatrix', async ({ variables }) => {
        rescores.push(variables as RescoreRiskVariables);
        await released;
        const moved = { ...risks[0]!, residualLikelihood: 2, residualConsequence: 4, version: 2 };
        risks = [moved, ...risks.slice(1)];
        return HttpResponse.json({ data: { rescoreRisk: moved } });
      }),
    );
    const { user } = renderApp('/risiko');
    await screen.findByRole('table', { name: /Restrisiko/ }, FIRST_LOAD);

    const chip = chipIn(3, 4, 'R-01')!;
    expect(chip).toHaveAccessibleDescription(/Du kan flytte risikoen med piltastene/);
    chip.focus();
    await user.keyboard('{ArrowDown}');
    expect(liveRegion()).toHaveTextContent(
      'R-01 Arkiv går tapt er plukket opp fra sannsynlighet 3, konsekvens 4, nivå Høy. Mål: sannsynlighet 2, konsekvens 4, nivå Middels.',
    );
    expect(cell(2, 4)).toHaveClass('risk-matrix__cell--target');
    await user.keyboard('{ArrowLeft}');
    expect(liveRegion()).toHaveTextContent('Mål: sannsynlighet 2, konsekvens 3, nivå Middels.');
    await user.keyboard('{ArrowRight}{Enter}');

    const dialog = await screen.findByRole('dialog', { name: 'Flytt risikoen' });
    expect(dialog).toHaveTextContent('Flytte R-01 Arkiv går tapt i matrisen for restrisiko?');
    expect(dialog).toHaveTextContent('Frasannsynlighet 3, konsekvens 4 Høy');
    expect(dialog).toHaveTextContent('Tilsannsynlighet 2, konsekvens 4 Middels');
    await user.type(within(dialog).getByRole('textbox', { name: 'Kommentar (valgfri)' }), 'Tiltak gjennomført');
    await user.click(within(dialog).getByRole('button', { name: 'Flytt' }));

    await waitFor(() => expect(rescores).toHaveLength(1));
    expect(rescores[0]).toEqual({
      id: '1',
      input: { inherentLikelihood: 4, inherentConsequence: 5, residualLikelihood: 2, residualConsequence: 4, comment: 'Tiltak gjennomført', version: 1 },
    });
    // Optimistic: in its new cell before the server has answered.
    expect(chipIn(2, 4, 'R-01')).toHaveAccessibleName('R-01 Arkiv går tapt, sannsynlighet 2, konsekvens 4, nivå Middels');
    expect(chipIn(2, 4, 'R-01')).toHaveFocus();
    expect(chipIn(3, 4, 'R-01')).toBeNull();
    expect(within(cell(3, 4)).getByRole('link', { name: /^4 risikoer/ })).toBeInTheDocument();
    expect(liveRegion()).toHaveTextContent('R-01 Arkiv går tapt er flyttet til sannsynlighet 2, konsekvens 4, nivå Middels. Lagrer …');

    release();
    await waitFor(() => expect(liveRegion()).toHaveTextContent('R-01 Arkiv går tapt står nå i sannsynlighet 2, konsekvens 4, nivå Middels. Endringen er lagret.'));
    expect(chipIn(2, 4, 'R-01')).not.toBeNull();
    expect(within(cell(2, 4)).getByRole('link', { name: /^1 risiko i/ })).toBeInTheDocument();
    expect(within(cell(3, 4)).getByRole('link', { name: /^4 risikoer/ })).toBeInTheDocument();
  });

  it('puts the risk back and says why when the server refuses the move', async () => {
    signInAs(COORDINATOR);
    answerRiskMatrix(() => crowdedRisks({ canEdit: true }));
    server.use(graphql.mutation('RescoreRiskFromMatrix', () => apiErrorResponse('VERSION_CONFLICT')));
    const { user } = renderApp('/risiko');
    await screen.findByRole('table', { name: /Restrisiko/ }, FIRST_LOAD);

    chipIn(3, 4, 'R-01')!.focus();
    await user.keyboard('{ArrowUp}{Enter}');
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Flytt' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('R-01 Arkiv går tapt ble ikke flyttet, og står der den stod. Noen andre har endret dette siden du åpnet det.');
    expect(chipIn(3, 4, 'R-01')).toHaveFocus();
    expect(chipIn(4, 4, 'R-01')).toBeNull();
    expect(within(alert).getByRole('button', { name: 'Hent matrisen på nytt' })).toBeInTheDocument();
  });

  it('cancels a keyboard move with Escape without asking the server', async () => {
    signInAs(COORDINATOR);
    answerRiskMatrix(() => crowdedRisks({ canEdit: true }));
    const { user } = renderApp('/risiko');
    await screen.findByRole('table', { name: /Restrisiko/ }, FIRST_LOAD);

    chipIn(3, 4, 'R-02')!.focus();
    await user.keyboard('{ArrowUp}{Escape}');
    expect(liveRegion()).toHaveTextContent('Flyttingen av R-02 Tittel 2 er avbrutt.');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.querySelector('.risk-matrix__cell--target')).toBeNull();
  });

  it('moves a risk by dragging it with the mouse; in the inherent view the inherent scores change', async () => {
    signInAs(COORDINATOR);
    answerRiskMatrix(() => crowdedRisks({ canEdit: true }));
    const rescores: RescoreRiskVariables[] = [];
    server.use(
      graphql.mutation('RescoreRiskFromMatrix', ({ variables }) => {
        rescores.push(variables as RescoreRiskVariables);
        return HttpResponse.json({ data: { rescoreRisk: { ...crowdedRisks({ canEdit: true })[1]!, inherentLikelihood: 2, version: 2 } } });
      }),
    );
    const { user } = renderApp('/risiko?grunnlag=iboende');
    await screen.findByRole('table', { name: /Iboende risiko/ }, FIRST_LOAD);

    const chip = chipIn(4, 5, 'R-02')!;
    expect(chip).toHaveAttribute('draggable', 'true');
    fireEvent.dragStart(chip);
    expect(liveRegion()).toHaveTextContent('R-02 Tittel 2 er plukket opp fra sannsynlighet 4, konsekvens 5, nivå Høy.');
    fireEvent.dragOver(cell(2, 5));
    expect(cell(2, 5)).toHaveClass('risk-matrix__cell--target');
    fireEvent.drop(cell(2, 5));

    const dialog = await screen.findByRole('dialog', { name: 'Flytt risikoen' });
    expect(dialog).toHaveTextContent('i matrisen for iboende risiko');
    await user.click(within(dialog).getByRole('button', { name: 'Flytt' }));
    await waitFor(() => expect(rescores).toHaveLength(1));
    expect(rescores[0]).toEqual({
      id: '2',
      input: { inherentLikelihood: 2, inherentConsequence: 5, residualLikelihood: 3, residualConsequence: 4, version: 1 },
    });
  });

  it('gives a viewer plain links to the risks and no moving or freezing control', async () => {
    signInAs(VIEWER);
    answerRiskMatrix(() => crowdedRisks());
    const { user } = renderApp('/risiko');
    await screen.findByRole('table', { name: /Restrisiko/ }, FIRST_LOAD);

    const chip = chipIn(3, 4, 'R-01')!;
    expect(chip).not.toHaveAttribute('draggable');
    expect(chip).not.toHaveAttribute('aria-describedby');
    expect(screen.queryByText(/Du kan flytte risikoen/)).toBeNull();
    chip.focus();
    await user.keyboard('{ArrowDown}');
    expect(document.querySelector('.risk-matrix__cell--target')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Frys som baseline' })).toBeNull();
    for (const name of [/^Ny/, /^Endre/, /^Rediger/, /^Slett/, /^Lagre/, /^Opprett/, /^Legg til/, /^Flytt/]) {
      expect(screen.queryByRole('button', { name })).toBeNull();
    }
  });

  it('draws arrows from inherent to residual position, with the same in words', async () => {
    signInAs(VIEWER);
    answerRiskMatrix(() => crowdedRisks());
    const { user } = renderApp('/risiko');
    await screen.findByRole('table', { name: /Restrisiko/ }, FIRST_LOAD);

    await user.click(screen.getByRole('checkbox', { name: 'Vis piler fra iboende risiko til restrisiko' }));
    const list = screen.getByRole('region', { name: 'Fra iboende risiko til restrisiko' });
    expect(list).toHaveTextContent('R-01 Arkiv går tapt: fra sannsynlighet 4, konsekvens 5 til sannsynlighet 3, konsekvens 4');
    expect(list).toHaveTextContent('R-06 Liten risiko: sannsynlighet 1, konsekvens 1, ingen restrisiko vurdert');
    expect(document.querySelectorAll('.risk-matrix__arrows line')).toHaveLength(3);
  });

  it('shows the matrix as it stood on a date or at a baseline, without moving', async () => {
    signInAs(COORDINATOR);
    const calls = answerRiskMatrix(() => crowdedRisks({ canEdit: true }));
    const { user, router } = renderApp('/risiko?dato=2024-05-31');

    await screen.findByRole('table', { name: /Restrisiko per 31\.05\.2024/ }, FIRST_LOAD);
    expect(calls[0]).toMatchObject({ asOf: '2024-05-31', basis: 'RESIDUAL' });
    expect(screen.getByText('Du ser matrisen slik den var 31.05.2024. Risikoene kan ikke flyttes her.')).toBeInTheDocument();
    expect(chipIn(3, 4, 'R-01')).not.toHaveAttribute('draggable');
    // The register shows risks as they are now: no cell of a past matrix links to it.
    expect(within(cell(3, 4)).queryByRole('link', { name: /risikoer i/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Frys som baseline' })).toBeNull();
    expect(screen.getByRole('checkbox', { name: /Vis piler/ })).toBeDisabled();

    // The time controls sit behind a disclosure that names the point shown.
    await user.click(screen.getByText('Tidspunkt for matrisen: 31.05.2024'));
    const time = screen.getByRole('form', { name: 'Tidspunkt for matrisen' });
    await user.selectOptions(within(time).getByRole('combobox', { name: 'Baseline' }), 'ROS mai 2024 (31.05.2024)');
    await user.click(within(time).getByRole('button', { name: 'Vis tidspunktet' }));
    await waitFor(() => expect(currentPath(router)).toBe('/risiko?baseline=2'));
    await waitFor(() => expect(calls.at(-1)).toEqual({ baselineId: '2', basis: 'RESIDUAL', filter: {}, cellLimit: 3 }));
    expect(await screen.findByText('Du ser baselinen ROS mai 2024 (31.05.2024). Risikoene kan ikke flyttes her.')).toBeInTheDocument();

    expect(screen.getByText('Tidspunkt for matrisen: ROS mai 2024 (31.05.2024)')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Vis matrisen slik den er nå' }));
    await waitFor(() => expect(currentPath(router)).toBe('/risiko'));
  });

  it('freezes the present matrix as a named baseline and shows a taken name at the field', async () => {
    signInAs(ADMIN);
    answerRiskMatrix(() => crowdedRisks({ canEdit: true }));
    const inputs: unknown[] = [];
    server.use(
      graphql.mutation('CreateRiskBaseline', ({ variables }) => {
        inputs.push(variables.input);
        if (variables.input.name === 'ROS mai 2024') return apiErrorResponse('ALREADY_EXISTS', { path: ['input', 'name'] });
        return HttpResponse.json({ data: { createRiskBaseline: riskBaseline({ id: '3', name: variables.input.name, takenAt: '2026-11-25T12:00:00.000Z' }) } });
      }),
    );
    const { user } = renderApp('/risiko');
    await screen.findByRole('table', { name: /Restrisiko/ }, FIRST_LOAD);

    await user.click(screen.getByRole('button', { name: 'Frys som baseline' }));
    const dialog = await screen.findByRole('dialog', { name: 'Frys matrisen som baseline' });
    await user.click(within(dialog).getByRole('button', { name: 'Frys' }));
    expect(within(dialog).getByRole('textbox', { name: 'Navn' })).toHaveAccessibleDescription(/Skriv et navn på baselinen/);
    expect(inputs).toHaveLength(0);

    await user.type(within(dialog).getByRole('textbox', { name: 'Navn' }), 'ROS mai 2024');
    await user.click(within(dialog).getByRole('button', { name: 'Frys' }));
    await waitFor(() => expect(within(dialog).getByRole('textbox', { name: 'Navn' })).toHaveAccessibleDescription(/Det finnes allerede en baseline med dette navnet/));
    expect(within(dialog).getByRole('textbox', { name: 'Navn' })).toHaveFocus();

    await user.clear(within(dialog).getByRole('textbox', { name: 'Navn' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Navn' }), 'ROS november 2026');
    await user.click(within(dialog).getByRole('button', { name: 'Frys' }));
    expect(await screen.findByText('Baselinen «ROS november 2026» er frosset.')).toBeInTheDocument();
    expect(inputs.at(-1)).toEqual({ name: 'ROS november 2026' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('measures the time from the data to the painted matrix for the browser journey', async () => {
    signInAs(VIEWER);
    performance.clearMeasures(MATRIX_RENDER_MEASURE);
    answerRiskMatrix(() => crowdedRisks());
    renderApp('/risiko');
    await screen.findByRole('table', { name: /Restrisiko/ }, FIRST_LOAD);
    await waitFor(() => expect(performance.getEntriesByName(MATRIX_RENDER_MEASURE).length).toBeGreaterThan(0));
  });
});

export type { RiskMatrixVariables };
