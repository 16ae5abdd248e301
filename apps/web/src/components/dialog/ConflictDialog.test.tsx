import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/renderApp.tsx';
import { ConflictDialog, type ConflictField } from './ConflictDialog.tsx';

type Field = 'name' | 'endDate' | 'note';

const fields: ConflictField<Field, string | null>[] = [
  { key: 'name', label: 'Navn', mine: 'Byggesaker', theirs: 'Byggesaksarkiv' },
  { key: 'endDate', label: 'Sluttdato', mine: '2020-12-31', theirs: '2021-06-30', format: (value) => (value ? value.split('-').reverse().join('.') : '') },
  { key: 'note', label: 'Merknad', mine: null, theirs: 'Flyttet til IKA', preferred: 'theirs' },
];

describe('ConflictDialog', () => {
  it('offers each field with both values in words and hands back the side chosen per field', async () => {
    const onResolve = vi.fn();
    const { user } = renderWithProviders(<ConflictDialog open fields={fields} onResolve={onResolve} onCancel={() => {}} />);

    const dialog = within(screen.getByRole('dialog', { name: 'Noen andre har endret dette' }));
    const group = (name: string) => within(dialog.getByRole('group', { name }));
    expect(group('Navn').getByRole('radio', { name: 'Din verdi: Byggesaker' })).toBeChecked();
    expect(group('Navn').getByRole('radio', { name: 'Lagret av andre: Byggesaksarkiv' })).not.toBeChecked();
    expect(group('Sluttdato').getByRole('radio', { name: 'Din verdi: 31.12.2020' })).toBeChecked();
    expect(group('Sluttdato').getByRole('radio', { name: 'Lagret av andre: 30.06.2021' })).toBeInTheDocument();
    // An empty value is said in words, and a field may start on the stored side.
    expect(group('Merknad').getByRole('radio', { name: 'Din verdi: (tomt)' })).not.toBeChecked();
    expect(group('Merknad').getByRole('radio', { name: 'Lagret av andre: Flyttet til IKA' })).toBeChecked();

    await user.click(group('Sluttdato').getByRole('radio', { name: 'Lagret av andre: 30.06.2021' }));
    await user.click(dialog.getByRole('button', { name: 'Lagre valgene' }));

    expect(onResolve).toHaveBeenCalledWith({ name: 'mine', endDate: 'theirs', note: 'theirs' });
  });

  it('is left with Avbryt without resolving', async () => {
    const onResolve = vi.fn();
    const onCancel = vi.fn();
    const { user } = renderWithProviders(<ConflictDialog open fields={fields} onResolve={onResolve} onCancel={onCancel} />);

    await user.click(screen.getByRole('button', { name: 'Avbryt' }));

    expect(onCancel).toHaveBeenCalled();
    expect(onResolve).not.toHaveBeenCalled();
  });
});
