import { fireEvent, screen, within } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { KONGSBERG, me, signInAs } from '../../test/auth.ts';
import { renderApp } from '../../test/renderApp.tsx';
import { server } from '../../test/server.ts';
import { exampleBenefit, measurement, ON_TRACK } from './benefitFixtures.ts';
import type { BenefitPageData } from './benefitQueries.ts';

const COORDINATOR = me({ id: 'u-coord', username: 'lars', displayName: 'Lars Bakken', memberships: [{ role: 'COORDINATOR', municipality: KONGSBERG }] });

function answerBenefit(benefit: BenefitPageData) {
  server.use(graphql.query('BenefitPage', () => HttpResponse.json({ data: { benefit } })));
}

async function statusShown() {
  // The first test waits for the lazy page chunk too.
  return (await screen.findByTestId('benefit-status', {}, { timeout: 5000 })).textContent;
}

describe('BenefitPage: the status computed from the measurements (the issue\'s examples)', () => {
  it('is on track with 8, 6 and 4 days at the half-years', async () => {
    signInAs();
    answerBenefit(exampleBenefit(ON_TRACK));
    renderApp('/gevinster/b1');
    expect(await statusShown()).toBe('Status: I rute');
  });

  it('is behind with a last measurement of 5 on 2026-07-01', async () => {
    signInAs();
    answerBenefit(exampleBenefit([...ON_TRACK.slice(0, 2), measurement('m3', '2026-07-01', 5)]));
    renderApp('/gevinster/b1');
    expect(await statusShown()).toBe('Status: Bak plan');
  });

  it('is achieved with 2 on 2026-10-01', async () => {
    signInAs();
    answerBenefit(exampleBenefit([...ON_TRACK, measurement('m4', '2026-10-01', 2)]));
    renderApp('/gevinster/b1');
    expect(await statusShown()).toBe('Status: Nådd');
  });

  it('lists the measurements beside the planned value as the chart\'s text alternative, with Norwegian dates and decimals', async () => {
    signInAs();
    answerBenefit(exampleBenefit(ON_TRACK));
    renderApp('/gevinster/b1');
    const table = await screen.findByRole('table', { name: 'Målinger' });
    const rows = within(table).getAllByRole('row').slice(1).map((row) => Array.from((row as HTMLTableRowElement).cells, (c) => c.textContent));
    expect(rows[0]).toEqual(['01.07.2025', '8', '8', '–', 'Lars Bakken']);
    expect(rows[2]).toEqual(['01.07.2026', '4', '4', '–', 'Lars Bakken']);
    expect(screen.getByTestId('benefit-trend-chart')).toHaveAttribute('aria-hidden', 'true');
    // A viewer gets no form.
    expect(screen.queryByRole('heading', { name: 'Registrer en måling' })).not.toBeInTheDocument();
  });

  it('lets a coordinator add a measurement, and the status and trend follow the benefit the server returns', async () => {
    signInAs(COORDINATOR);
    const inputs: unknown[] = [];
    answerBenefit(exampleBenefit([measurement('m1', '2025-07-01', 8)]));
    server.use(
      graphql.mutation('AddBenefitMeasurement', ({ variables }) => {
        inputs.push(variables.input);
        return HttpResponse.json({ data: { addBenefitMeasurement: exampleBenefit([measurement('m1', '2025-07-01', 8), measurement('m2', '2026-10-01', 2)]) } });
      }),
    );
    const { user } = renderApp('/gevinster/b1');
    expect(await statusShown()).toBe('Status: I rute');
    // jsdom sanitises a date input typed key by key; set it as a date picker would.
    fireEvent.change(screen.getByLabelText('Dato'), { target: { value: '2026-10-01' } });
    await user.type(screen.getByLabelText('Verdi (dager)'), '2,0');
    await user.click(screen.getByRole('button', { name: 'Lagre målingen' }));
    expect(await screen.findByText('Målingen er lagret. Status og utvikling er oppdatert.')).toBeInTheDocument();
    expect(inputs).toEqual([{ benefitId: 'b1', measuredOn: '2026-10-01', value: 2, comment: null }]);
    expect(await statusShown()).toBe('Status: Nådd');
    expect(screen.getByTestId('benefit-trend-chart')).toHaveAttribute('data-points', '2');
  });

  it('shows the server\'s field error at the date and keeps what was typed', async () => {
    signInAs(COORDINATOR);
    answerBenefit(exampleBenefit([]));
    server.use(
      graphql.mutation('AddBenefitMeasurement', () =>
        HttpResponse.json({ errors: [{ message: 'Det finnes allerede en måling denne dagen.', extensions: { code: 'ALREADY_EXISTS', path: ['input', 'measuredOn'] } }] }),
      ),
    );
    const { user } = renderApp('/gevinster/b1');
    fireEvent.change(await screen.findByLabelText('Dato', {}, { timeout: 5000 }), { target: { value: '2026-01-01' } });
    await user.type(screen.getByLabelText('Verdi (dager)'), '6');
    await user.click(screen.getByRole('button', { name: 'Lagre målingen' }));
    expect(await screen.findByLabelText('Dato')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Verdi (dager)')).toHaveValue('6');
    expect(await statusShown()).toBe('Status: Ikke målt');
  });
});
