import { fireEvent, screen, within } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { apiErrorResponse, KONGSBERG, me, signInAs } from '../../test/auth.ts';
import { currentPath, renderApp } from '../../test/renderApp.tsx';
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

const OPTIONS: { purposes: { __typename: 'Purpose'; id: string; ordinal: number; title: string }[]; municipalities: unknown[] } = {
  purposes: [
    { __typename: 'Purpose', id: '1', ordinal: 1, title: 'Gevinster av digitale verktøy og mer automatisering' },
    { __typename: 'Purpose', id: '2', ordinal: 2, title: 'Lavere kostnader over tid' },
  ],
  municipalities: [{ __typename: 'Municipality', id: KONGSBERG.id, name: 'Kongsberg', participates: true }],
};

// Ids as the API gives them (a row's id as a string), so a conflict's stored row names the same purpose.
function editable(measurements: Parameters<typeof exampleBenefit>[0], fields: Parameters<typeof exampleBenefit>[1] = {}) {
  return exampleBenefit(measurements, { purpose: { ...OPTIONS.purposes[0]!, __typename: 'Purpose' }, ...fields });
}

function answerOptions() {
  server.use(graphql.query('CreateBenefitOptions', () => HttpResponse.json({ data: OPTIONS })));
}

async function openEdit(user: ReturnType<typeof renderApp>['user']) {
  await user.click(await screen.findByRole('button', { name: 'Endre' }, { timeout: 15000 }));
  const dialog = await screen.findByRole('dialog', { name: 'Endre gevinsten' });
  await within(dialog).findByRole('option', { name: '2. Lavere kostnader over tid' });
  return dialog;
}

describe('BenefitPage: editing and deleting', () => {
  it('edits the benefit against the version shown, and the page shows what the server saved', async () => {
    signInAs(COORDINATOR);
    answerOptions();
    answerBenefit(editable(ON_TRACK));
    const calls: { id: unknown; input: unknown }[] = [];
    server.use(
      graphql.mutation('UpdateBenefit', ({ variables }) => {
        calls.push({ id: variables.id, input: variables.input });
        return HttpResponse.json({ data: { updateBenefit: editable(ON_TRACK, { title: 'Raskere registrering', targetValue: 1.5, version: 4 }) } });
      }),
    );
    const { user } = renderApp('/gevinster/b1');
    const dialog = await openEdit(user);
    expect(within(dialog).getByLabelText('Gevinst')).toHaveValue('Kortere tid fra mottak til registrering');
    expect(within(dialog).getByLabelText('Formål')).toHaveValue('1');
    await user.clear(within(dialog).getByLabelText('Gevinst'));
    await user.type(within(dialog).getByLabelText('Gevinst'), 'Raskere registrering');
    await user.clear(within(dialog).getByLabelText('Mål (verdi)'));
    await user.type(within(dialog).getByLabelText('Mål (verdi)'), '1,5');
    await user.click(within(dialog).getByRole('button', { name: 'Lagre endringene' }));
    expect(await screen.findByText('Endringene er lagret.')).toBeInTheDocument();
    expect(calls).toEqual([
      {
        id: 'b1',
        input: {
          purposeId: '1', municipalityId: null, title: 'Raskere registrering', description: null, type: 'EFFICIENCY', ownerName: 'Daglig leder', indicator: 'Mediantid fra mottak til registrering', unit: 'dager',
          direction: 'LOWER_IS_BETTER', baselineValue: 10, baselineDate: '2025-01-01', targetValue: 1.5, targetDate: '2027-01-01', version: 3,
        },
      },
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Raskere registrering' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    // The dialog gives focus back to the button that opened it.
    expect(screen.getByRole('button', { name: 'Endre' })).toHaveFocus();
  });

  it('checks the shared rules before sending, and puts the server\'s field error at its field', async () => {
    signInAs(COORDINATOR);
    answerOptions();
    answerBenefit(editable(ON_TRACK));
    let calls = 0;
    server.use(
      graphql.mutation('UpdateBenefit', () => {
        calls++;
        return apiErrorResponse('VALIDATION_FAILED', { path: ['input', 'ownerName'] }, 'Eieren er for lang.');
      }),
    );
    const { user } = renderApp('/gevinster/b1');
    const dialog = await openEdit(user);
    fireEvent.change(within(dialog).getByLabelText('Måldato'), { target: { value: '2024-01-01' } });
    await user.click(within(dialog).getByRole('button', { name: 'Lagre endringene' }));
    expect(within(dialog).getByText('Måldatoen må være etter datoen for nullpunktet.')).toBeInTheDocument();
    expect(calls).toBe(0);

    fireEvent.change(within(dialog).getByLabelText('Måldato'), { target: { value: '2027-01-01' } });
    await user.click(within(dialog).getByRole('button', { name: 'Lagre endringene' }));
    const owner = within(dialog).getByLabelText('Gevinsteier');
    await vi.waitFor(() => expect(owner).toHaveAttribute('aria-invalid', 'true'));
    expect(within(dialog).getByText('Eieren er for lang.')).toBeInTheDocument();
    await vi.waitFor(() => expect(owner).toHaveFocus());
    expect(calls).toBe(1);
  });

  it('shows a version conflict field by field and saves the choice against the stored version', async () => {
    signInAs(COORDINATOR);
    answerOptions();
    answerBenefit(editable(ON_TRACK));
    const stored = {
      id: 1, purposeId: 2, municipalityId: null, title: 'Kortere tid fra mottak til registrering', description: null, type: 'EFFICIENCY', ownerName: 'Arkivleder', indicator: 'Mediantid fra mottak til registrering',
      unit: 'dager', direction: 'LOWER_IS_BETTER', baselineValue: 10, baselineDate: '2025-01-01T00:00:00.000Z', targetValue: 2, targetDate: '2027-01-01T00:00:00.000Z', version: 5, deletedAt: null,
    };
    const inputs: Record<string, unknown>[] = [];
    server.use(
      graphql.mutation('UpdateBenefit', ({ variables }) => {
        inputs.push(variables.input as Record<string, unknown>);
        if (inputs.length === 1) return apiErrorResponse('VERSION_CONFLICT', { path: ['input', 'version'], current: stored });
        return HttpResponse.json({ data: { updateBenefit: editable(ON_TRACK, { ownerName: 'Arkivleder', unit: 'arbeidsdager', version: 6 }) } });
      }),
    );
    const { user } = renderApp('/gevinster/b1');
    const dialog = await openEdit(user);
    await user.clear(within(dialog).getByLabelText('Enhet (for eksempel dager, kr eller %)'));
    await user.type(within(dialog).getByLabelText('Enhet (for eksempel dager, kr eller %)'), 'arbeidsdager');
    await user.click(within(dialog).getByRole('button', { name: 'Lagre endringene' }));
    const conflict = await screen.findByRole('dialog', { name: 'Noen andre har endret dette' });
    const groups = within(conflict).getAllByRole('group').map((group) => group.querySelector('legend')?.textContent);
    // Only the fields that differ: theirs (purpose, owner) and mine (unit).
    expect(groups).toEqual(['Formål', 'Gevinsteier', 'Enhet (for eksempel dager, kr eller %)']);
    expect(within(conflict).getByRole('radio', { name: /2\. Lavere kostnader over tid/ })).toBeChecked();
    expect(within(conflict).getByRole('radio', { name: /arbeidsdager/ })).toBeChecked();
    await user.click(within(conflict).getByRole('button', { name: 'Lagre valgene' }));
    expect(await screen.findByText('Endringene er lagret.')).toBeInTheDocument();
    expect(inputs[1]).toMatchObject({ purposeId: '2', ownerName: 'Arkivleder', unit: 'arbeidsdager', version: 5 });
  });

  it('says a conflict in words with a way to reload when the server sends no stored values', async () => {
    signInAs(COORDINATOR);
    answerOptions();
    let fetched = 0;
    server.use(
      graphql.query('BenefitPage', () => {
        fetched++;
        return HttpResponse.json({ data: { benefit: editable(ON_TRACK, fetched > 1 ? { title: 'Endret av en annen', version: 4 } : {}) } });
      }),
      graphql.mutation('UpdateBenefit', () => apiErrorResponse('VERSION_CONFLICT', { path: ['input', 'version'] })),
    );
    const { user } = renderApp('/gevinster/b1');
    const dialog = await openEdit(user);
    await user.click(within(dialog).getByRole('button', { name: 'Lagre endringene' }));
    expect(await within(dialog).findByText('Noen andre har endret gevinsten mens du skrev. Hent gevinsten på nytt og gjør endringen igjen.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Hent gevinsten på nytt' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Endret av en annen' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('deletes the benefit after asking, and says so on /gevinster', async () => {
    signInAs(COORDINATOR);
    answerBenefit(editable(ON_TRACK));
    const deleted: unknown[] = [];
    server.use(
      graphql.query('BenefitsPage', () => HttpResponse.json({ data: { benefits: [], operatingFigureTrend: [] } })),
      graphql.mutation('DeleteBenefit', ({ variables }) => {
        deleted.push(variables.id);
        return HttpResponse.json({ data: { deleteBenefit: { __typename: 'Benefit', id: 'b1' } } });
      }),
    );
    const { user, router } = renderApp('/gevinster/b1');
    await user.click(await screen.findByRole('button', { name: 'Slett gevinst' }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Slette gevinsten?' });
    expect(within(dialog).getByText('«Kortere tid fra mottak til registrering» og de 3 målingene slettes.')).toBeInTheDocument();
    // Cancel first: nothing is deleted, focus goes back.
    await user.click(within(dialog).getByRole('button', { name: 'Avbryt' }));
    expect(screen.getByRole('button', { name: 'Slett gevinst' })).toHaveFocus();
    expect(deleted).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Slett gevinst' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Slette gevinsten?' })).getByRole('button', { name: 'Slett gevinsten' }));
    expect(await screen.findByText('Gevinsten «Kortere tid fra mottak til registrering» er slettet.', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(currentPath(router)).toBe('/gevinster');
    expect(deleted).toEqual(['b1']);
  });

  it('deletes a measurement after asking; status and table follow the benefit returned, focus goes to the trend', async () => {
    signInAs(COORDINATOR);
    answerBenefit(editable([...ON_TRACK.slice(0, 2), measurement('m3', '2026-07-01', 5)]));
    const deleted: unknown[] = [];
    server.use(
      graphql.mutation('DeleteBenefitMeasurement', ({ variables }) => {
        deleted.push(variables.id);
        return HttpResponse.json({ data: { deleteBenefitMeasurement: editable(ON_TRACK.slice(0, 2)) } });
      }),
    );
    const { user } = renderApp('/gevinster/b1');
    expect(await statusShown()).toBe('Status: Bak plan');
    await user.click(screen.getByRole('button', { name: 'Slett målingen fra 01.07.2026' }));
    const dialog = await screen.findByRole('dialog', { name: 'Slette målingen?' });
    expect(within(dialog).getByText('Målingen fra 01.07.2026 med verdien 5 slettes, og status og utvikling regnes på nytt.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Slett målingen' }));
    expect(await screen.findByText('Målingen fra 01.07.2026 er slettet. Status og utvikling er oppdatert.')).toBeInTheDocument();
    expect(deleted).toEqual(['m3']);
    expect(await statusShown()).toBe('Status: I rute');
    expect(within(screen.getByRole('table', { name: 'Målinger' })).getAllByRole('row')).toHaveLength(3);
    expect(screen.getByRole('heading', { name: 'Utvikling' })).toHaveFocus();
  });

  it('offers a viewer none of the controls', async () => {
    signInAs();
    answerBenefit(editable(ON_TRACK));
    renderApp('/gevinster/b1');
    await screen.findByRole('table', { name: 'Målinger' }, { timeout: 5000 });
    expect(screen.queryByRole('button', { name: 'Endre' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Slett gevinst' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Slett målingen/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: 'Handlinger' })).not.toBeInTheDocument();
  });
});
