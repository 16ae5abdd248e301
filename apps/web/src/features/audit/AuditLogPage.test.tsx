import { screen, waitFor, within } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, apiErrorResponse, signInAs } from '../../test/auth.ts';
import { currentPath, renderApp } from '../../test/renderApp.tsx';
import { server } from '../../test/server.ts';
import { auditEvent, eventConnection } from './auditFixtures.ts';

type AuditVariables = { first: number; after: string | null; filter: Record<string, string> };

function answerAuditLog(pages: Record<string, ReturnType<typeof eventConnection>>) {
  const calls: AuditVariables[] = [];
  server.use(
    graphql.query('AuditLogPage', ({ variables }) => {
      calls.push(variables as AuditVariables);
      return HttpResponse.json({ data: { auditEvents: pages[(variables.after as string | null) ?? ''] ?? eventConnection([]) } });
    }),
    graphql.query('AuditActorChoices', () =>
      HttpResponse.json({
        data: {
          users: {
            edges: [
              { node: { __typename: 'User', id: 'u-1', username: 'kari', displayName: 'Kari Nordmann' } },
              { node: { __typename: 'User', id: 'u-2', username: 'ola', displayName: 'Ola Nordmann' } },
            ],
          },
        },
      }),
    ),
  );
  return calls;
}

function bodyRows() {
  const [, body] = within(screen.getByRole('table', { name: 'Revisjonslogg' })).getAllByRole('rowgroup');
  return within(body!).getAllByRole('row');
}

const riskUpdate = auditEvent({
  id: 'e-2',
  occurredAt: '2026-07-01T08:05:00.000Z',
  action: 'update',
  entityType: 'Risk',
  entityId: 'r-7',
  before: { title: 'Uklart målbilde', likelihood: 3, reviewed: false },
  after: { title: 'Uklart målbilde', likelihood: 4, reviewed: true },
});
const signIn = auditEvent({ id: 'e-1', occurredAt: '2026-01-15T23:30:00.000Z', action: 'sign-in', entityType: 'Session', entityId: null, actor: null });

describe('AuditLogPage', () => {
  beforeEach(() => signInAs(ADMIN));

  it('lists events with Oslo time, actor, action and object type in words', async () => {
    answerAuditLog({ '': eventConnection([riskUpdate, signIn]) });
    renderApp('/revisjonslogg');

    expect(await screen.findByRole('heading', { level: 1, name: 'Revisjonslogg' })).toBeInTheDocument();
    await screen.findByRole('table', { name: 'Revisjonslogg' });
    const [first, second] = bodyRows();
    const firstCells = within(first!).getAllByRole('cell').map((cell) => cell.textContent);
    expect(within(first!).getByRole('rowheader')).toHaveTextContent('01.07.2026 10:05');
    expect(firstCells.slice(0, 4)).toEqual(['Kari Nordmannkari', 'Endret', 'Risiko', 'r-7']);
    expect(within(second!).getByRole('rowheader')).toHaveTextContent('16.01.2026 00:30');
    expect(second).toHaveTextContent('Systemet');
    expect(second).toHaveTextContent('Logget inn');
    expect(second).toHaveTextContent('Økt');
  });

  it('shows before and after side by side in a disclosure, marking what changed', async () => {
    answerAuditLog({ '': eventConnection([riskUpdate]) });
    const { user } = renderApp('/revisjonslogg');
    await screen.findByRole('table', { name: 'Revisjonslogg' });

    await user.click(screen.getByText('Vis endringer'));

    const changes = await screen.findByRole('table', { name: 'Endringer: Endret, Risiko, 01.07.2026 10:05' });
    const rows = within(changes).getAllByRole('row').slice(1);
    expect(rows.map((row) => Array.from(row.children, (cell) => cell.textContent))).toEqual([
      ['Tittel', 'Uklart målbilde', 'Uklart målbilde'],
      ['Sannsynlighetendret', '3', '4'],
      ['reviewedendret', 'Nei', 'Ja'],
    ]);
  });

  it('puts the filters in the URL and sends them as the API filter, dates as Oslo days', async () => {
    const calls = answerAuditLog({ '': eventConnection([riskUpdate]) });
    const { user, router } = renderApp('/revisjonslogg');
    await screen.findByRole('table', { name: 'Revisjonslogg' });
    const filters = screen.getByRole('search', { name: 'Filtrer revisjonsloggen' });

    await within(filters).findByRole('option', { name: 'Kari Nordmann (kari)' });
    await user.selectOptions(within(filters).getByLabelText('Utført av'), 'Kari Nordmann (kari)');
    await user.selectOptions(within(filters).getByLabelText('Objekttype'), 'Risiko');
    await user.type(within(filters).getByLabelText('Objekt-ID'), 'r-7');
    await user.selectOptions(within(filters).getByLabelText('Handling'), 'Endret');
    await user.type(within(filters).getByLabelText('Fra og med dato'), '2026-03-01');
    await user.type(within(filters).getByLabelText('Til og med dato'), '2026-03-31');
    await user.click(within(filters).getByRole('button', { name: 'Bruk filter' }));

    await waitFor(() =>
      expect(currentPath(router)).toBe('/revisjonslogg?bruker=u-1&type=Risk&objekt=r-7&handling=update&fra=2026-03-01&til=2026-03-31'),
    );
    await waitFor(() =>
      expect(calls.at(-1)).toEqual({
        first: 50,
        after: null,
        filter: {
          actorId: 'u-1',
          entityType: 'Risk',
          entityId: 'r-7',
          action: 'update',
          from: '2026-02-28T23:00:00.000Z',
          to: '2026-03-31T22:00:00.000Z',
        },
      }),
    );
    expect(within(screen.getByRole('search')).getByRole('button', { name: 'Nullstill filter' })).toBeInTheDocument();
  });

  it('refuses a to date before the from date, at the field', async () => {
    answerAuditLog({ '': eventConnection([riskUpdate]) });
    const { user, router } = renderApp('/revisjonslogg');
    await screen.findByRole('table', { name: 'Revisjonslogg' });

    await user.type(screen.getByLabelText('Fra og med dato'), '2026-03-10');
    await user.type(screen.getByLabelText('Til og med dato'), '2026-03-01');
    await user.click(screen.getByRole('button', { name: 'Bruk filter' }));

    const to = screen.getByLabelText('Til og med dato');
    await waitFor(() => expect(to).toHaveFocus());
    expect(to).toHaveAccessibleDescription('Til-datoen kan ikke være før fra-datoen.');
    expect(currentPath(router)).toBe('/revisjonslogg');
  });

  it('pages with the cursor and back again', async () => {
    answerAuditLog({ '': eventConnection([riskUpdate], { hasNextPage: true }), 'c-e-2': eventConnection([signIn]) });
    const { user, router } = renderApp('/revisjonslogg?type=Risk');
    await screen.findByRole('table', { name: 'Revisjonslogg' });
    expect(screen.getByText('Side 1, 1 hendelse')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Neste side' }));

    await waitFor(() => expect(bodyRows()[0]).toHaveTextContent('Logget inn'));
    expect(currentPath(router)).toBe('/revisjonslogg?type=Risk&etter=c-e-2');
    expect(screen.getByText('Side 2, 1 hendelse')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Neste side' })).toHaveAttribute('aria-disabled', 'true');

    await user.click(screen.getByRole('button', { name: 'Forrige side' }));
    await waitFor(() => expect(bodyRows()[0]).toHaveTextContent('Endret'));
    expect(currentPath(router)).toBe('/revisjonslogg?type=Risk');
  });

  it('offers the first page when the cursor in the address is refused', async () => {
    answerAuditLog({ '': eventConnection([riskUpdate]) });
    server.use(
      graphql.query('AuditLogPage', ({ variables }) => (variables.after === 'gammel' ? apiErrorResponse('BAD_CURSOR') : undefined)),
    );
    const { user, router } = renderApp('/revisjonslogg?etter=gammel');

    expect(await screen.findByRole('alert')).toHaveTextContent('Sidepekeren i adressen er ugyldig eller utgått.');
    await user.click(screen.getByRole('button', { name: 'Gå til første side' }));

    await screen.findByRole('table', { name: 'Revisjonslogg' });
    expect(currentPath(router)).toBe('/revisjonslogg');
  });

  it('is closed to anyone but administrators', async () => {
    signInAs();
    renderApp('/revisjonslogg');

    expect(await screen.findByRole('heading', { level: 1, name: 'Ingen tilgang' })).toBeInTheDocument();
  });
});
