import { screen, within } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/renderApp.tsx';
import { server } from '../../test/server.ts';
import { auditEvent, eventConnection } from './auditFixtures.ts';
import { HistoryPanel } from './HistoryPanel.tsx';

describe('HistoryPanel', () => {
  it('shows who changed the entity, when, and each changed field from and to', async () => {
    let asked: unknown;
    server.use(
      graphql.query('HistoryPanel', ({ variables }) => {
        asked = variables;
        return HttpResponse.json({
          data: {
            entityHistory: eventConnection([
              auditEvent({
                id: 'e-2',
                occurredAt: '2026-07-01T08:05:00.000Z',
                before: { title: 'Uklart målbilde', likelihood: 3, owner: null },
                after: { title: 'Uklart målbilde', likelihood: 4, owner: 'Ola' },
              }),
              auditEvent({
                id: 'e-1',
                occurredAt: '2026-01-15T23:30:00.000Z',
                action: 'create',
                actor: { id: 'u-2', username: 'ola', displayName: 'Ola Nordmann' },
                after: { title: 'Uklart målbilde' },
              }),
            ]),
          },
        });
      }),
    );
    renderWithProviders(<HistoryPanel entityType="Risk" entityId="r-7" />);

    const panel = await screen.findByRole('region', { name: 'Endringshistorikk' });
    const entries = await within(panel).findAllByRole('listitem');
    expect(asked).toEqual({ entityType: 'Risk', entityId: 'r-7', first: 20 });
    expect(entries[0]).toHaveTextContent('01.07.2026 10:05 · Kari Nordmann: Endret');
    const changes = within(entries[0]!).getByRole('table', { name: 'Endringer 01.07.2026 10:05' });
    expect(
      within(changes)
        .getAllByRole('row')
        .slice(1)
        .map((row) => Array.from(row.children, (cell) => cell.textContent)),
    ).toEqual([
      ['Sannsynlighet', '3', '4'],
      ['Eier', '–Ingen verdi', 'Ola'],
    ]);
    expect(entries[1]).toHaveTextContent('16.01.2026 00:30 · Ola Nordmann: Opprettet');
  });

  it('loads older changes after the ones shown and moves focus to the first of them', async () => {
    server.use(
      graphql.query('HistoryPanel', ({ variables }) =>
        HttpResponse.json({
          data: {
            entityHistory: variables.after
              ? eventConnection([auditEvent({ id: 'e-1', action: 'create', after: { title: 'Ny' } })])
              : eventConnection([auditEvent({ id: 'e-2', before: { title: 'Ny' }, after: { title: 'Nyere' } })], { hasNextPage: true }),
          },
        }),
      ),
    );
    const { user } = renderWithProviders(<HistoryPanel entityType="Risk" entityId="r-7" />);

    await user.click(await screen.findByRole('button', { name: 'Vis eldre endringer' }));

    const entries = await screen.findAllByRole('listitem');
    expect(entries).toHaveLength(2);
    expect(entries[1]).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Vis eldre endringer' })).not.toBeInTheDocument();
  });

  it('says so when nothing is recorded', async () => {
    server.use(graphql.query('HistoryPanel', () => HttpResponse.json({ data: { entityHistory: eventConnection([]) } })));
    renderWithProviders(<HistoryPanel entityType="Risk" entityId="r-7" />);

    expect(await screen.findByText('Ingen endringer er registrert.')).toBeInTheDocument();
  });
});
