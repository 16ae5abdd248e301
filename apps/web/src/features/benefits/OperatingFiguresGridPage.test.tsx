import { screen, waitFor } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { KONGSBERG, me, signInAs } from '../../test/auth.ts';
import { renderApp } from '../../test/renderApp.tsx';
import { server } from '../../test/server.ts';
import type { FigureRow } from './figuresQueries.ts';

const COORDINATOR = me({ id: 'u-coord', memberships: [{ role: 'COORDINATOR', municipality: KONGSBERG }] });

function row(municipality: { id: string; name: string }, fields: Partial<FigureRow> = {}): FigureRow {
  return {
    __typename: 'OperatingFigureRow', id: `${municipality.id}:2026-03`, month: '2026-03', municipality: { __typename: 'Municipality', ...municipality },
    incomingPost: null, journalEntries: null, medianRegistrationDays: null, overdueItems: null, digitalOutgoingPercent: null, ...fields,
  };
}

const kongsberg = { id: KONGSBERG.id, name: 'Kongsberg' };
const tinn = { id: 'm-4026', name: 'Tinn' };

describe('OperatingFiguresGridPage', () => {
  it('saves a cell typed the Norwegian way on Enter and moves to the next municipality\'s cell', async () => {
    const sigdal = { id: 'm-3332', name: 'Sigdal' };
    const coordinatorOfBoth = me({ id: 'u-coord', memberships: [{ role: 'COORDINATOR', municipality: KONGSBERG }, { role: 'COORDINATOR', municipality: sigdal }] });
    signInAs(coordinatorOfBoth);
    server.use(graphql.query('OperatingFigureGrid', () => HttpResponse.json({ data: { operatingFigureGrid: [row(kongsberg, { incomingPost: 4000 }), row(sigdal), row(tinn, { incomingPost: 300 })] } })));
    const inputs: unknown[] = [];
    server.use(
      graphql.mutation('SetOperatingFigure', ({ variables }) => {
        inputs.push(variables.input);
        return HttpResponse.json({ data: { setOperatingFigure: row(kongsberg, { incomingPost: 4200 }) } });
      }),
    );
    const { user } = renderApp('/gevinster/driftstall?maned=2026-03');
    const cell = await screen.findByRole('textbox', { name: 'Inngående post, Kongsberg' }, { timeout: 5000 });
    expect(cell).toHaveValue('4\u00a0000');
    await user.clear(cell);
    await user.type(cell, '4 200{Enter}');
    expect(screen.getByRole('textbox', { name: 'Inngående post, Sigdal' })).toHaveFocus();
    // The saved value comes back from the server, formatted (no-break space between thousands).
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Inngående post, Kongsberg' })).toHaveValue('4\u00a0200'));
    expect(inputs).toEqual([{ municipalityId: KONGSBERG.id, month: '2026-03', field: 'INCOMING_POST', value: 4200 }]);
    // Another municipality's figures are shown, not offered for editing.
    expect(screen.queryByRole('textbox', { name: 'Inngående post, Tinn' })).not.toBeInTheDocument();
    expect(screen.getByLabelText('Inngående post, Tinn')).toHaveTextContent('300');
  });

  it('refuses a negative count at the cell without asking the server', async () => {
    signInAs(COORDINATOR);
    server.use(graphql.query('OperatingFigureGrid', () => HttpResponse.json({ data: { operatingFigureGrid: [row(kongsberg)] } })));
    let calls = 0;
    server.use(graphql.mutation('SetOperatingFigure', () => {
      calls++;
      return HttpResponse.json({ data: null });
    }));
    const { user } = renderApp('/gevinster/driftstall?maned=2026-03');
    const cell = await screen.findByRole('textbox', { name: 'Restanser, Kongsberg' }, { timeout: 5000 });
    await user.type(cell, '-4{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Tallet kan ikke være negativt.');
    expect(cell).toHaveAttribute('aria-invalid', 'true');
    expect(calls).toBe(0);
  });
});
