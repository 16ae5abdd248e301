import { fireEvent, screen, within } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { KONGSBERG, me, signInAs } from '../../test/auth.ts';
import { currentPath, renderApp } from '../../test/renderApp.tsx';
import { server } from '../../test/server.ts';
import { exampleBenefit } from './benefitFixtures.ts';

const COORDINATOR = me({ id: 'u-coord', memberships: [{ role: 'COORDINATOR', municipality: KONGSBERG }] });

describe('CreateBenefitDialog', () => {
  it('checks the plan in the form, then creates the benefit and opens its page', async () => {
    signInAs(COORDINATOR);
    server.use(
      graphql.query('BenefitsPage', () => HttpResponse.json({ data: { benefits: [], operatingFigureTrend: [] } })),
      graphql.query('CreateBenefitOptions', () =>
        HttpResponse.json({ data: { purposes: [{ __typename: 'Purpose', id: 'p1', ordinal: 1, title: 'Gevinster av digitale verktøy' }], municipalities: [{ __typename: 'Municipality', id: KONGSBERG.id, name: 'Kongsberg', participates: true }] } }),
      ),
      graphql.query('BenefitPage', () => HttpResponse.json({ data: { benefit: exampleBenefit([], { id: 'b9', title: 'Raskere innsyn' }) } })),
    );
    const inputs: unknown[] = [];
    server.use(graphql.mutation('CreateBenefit', ({ variables }) => {
      inputs.push(variables.input);
      return HttpResponse.json({ data: { createBenefit: { __typename: 'Benefit', id: 'b9' } } });
    }));
    const { user, router } = renderApp('/gevinster');
    await user.click(await screen.findByRole('button', { name: 'Ny gevinst' }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByRole('option', { name: '1. Gevinster av digitale verktøy' });
    await user.click(within(dialog).getByRole('button', { name: 'Lagre gevinsten' }));
    expect(within(dialog).getByLabelText('Formål')).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByLabelText('Gevinst')).toHaveAttribute('aria-invalid', 'true');
    expect(inputs).toEqual([]);

    await user.selectOptions(within(dialog).getByLabelText('Formål'), 'p1');
    await user.type(within(dialog).getByLabelText('Gevinst'), 'Raskere innsyn');
    await user.type(within(dialog).getByLabelText('Gevinsteier'), 'Arkivleder');
    await user.type(within(dialog).getByLabelText('Indikator'), 'Dager til svar');
    await user.type(within(dialog).getByLabelText('Enhet (for eksempel dager, kr eller %)'), 'dager');
    await user.type(within(dialog).getByLabelText('Nullpunkt (verdi)'), '5,5');
    fireEvent.change(within(dialog).getByLabelText('Dato for nullpunktet'), { target: { value: '2026-01-01' } });
    await user.type(within(dialog).getByLabelText('Mål (verdi)'), '1');
    fireEvent.change(within(dialog).getByLabelText('Måldato'), { target: { value: '2025-01-01' } });
    await user.click(within(dialog).getByRole('button', { name: 'Lagre gevinsten' }));
    expect(within(dialog).getByText('Måldatoen må være etter datoen for nullpunktet.')).toBeInTheDocument();

    fireEvent.change(within(dialog).getByLabelText('Måldato'), { target: { value: '2027-01-01' } });
    await user.click(within(dialog).getByRole('button', { name: 'Lagre gevinsten' }));
    await screen.findByRole('heading', { level: 1, name: 'Raskere innsyn' }, { timeout: 5000 });
    expect(currentPath(router)).toBe('/gevinster/b9');
    expect(inputs).toEqual([expect.objectContaining({ purposeId: 'p1', municipalityId: null, title: 'Raskere innsyn', baselineValue: 5.5, baselineDate: '2026-01-01', targetValue: 1, targetDate: '2027-01-01', direction: 'LOWER_IS_BETTER' })]);
  });
});
