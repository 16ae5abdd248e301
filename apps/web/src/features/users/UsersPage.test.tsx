import { screen, waitFor, within } from '@testing-library/react';
import { delay, graphql, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, apiErrorResponse, FLESBERG, KONGSBERG, signInAs } from '../../test/auth.ts';
import { currentPath, renderApp } from '../../test/renderApp.tsx';
import { server } from '../../test/server.ts';
import type { Role } from '../../lib/auth/currentUser.ts';

type UserNode = {
  __typename: 'User';
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  isActive: boolean;
  mustChangePassword: boolean;
  mfaEnabled: boolean;
  lastSignInAt: string | null;
  version: number;
  memberships: { __typename: 'Membership'; role: Role; municipality: { __typename: 'Municipality'; id: string; name: string } }[];
};

function userNode(fields: Partial<Omit<UserNode, 'memberships'>> & { id: string; username: string; memberships?: [Role, typeof KONGSBERG][] }): UserNode {
  const { memberships = [['VIEWER', KONGSBERG]], ...rest } = fields;
  return {
    __typename: 'User',
    displayName: `${fields.username} Testesen`,
    email: null,
    isActive: true,
    mustChangePassword: false,
    mfaEnabled: false,
    lastSignInAt: null,
    version: 1,
    ...rest,
    memberships: memberships.map(([role, municipality]) => ({ __typename: 'Membership', role, municipality })),
  };
}

function connection(nodes: UserNode[], { hasNextPage = false, totalCount = nodes.length } = {}) {
  return {
    users: {
      __typename: 'UserConnection',
      edges: nodes.map((node) => ({ __typename: 'UserEdge', cursor: `c-${node.id}`, node })),
      pageInfo: { __typename: 'PageInfo', hasNextPage, hasPreviousPage: false, startCursor: null, endCursor: nodes.length ? `c-${nodes.at(-1)!.id}` : null },
      totalCount,
    },
  };
}

type UsersVariables = { first: number; after: string | null; filter: Record<string, unknown> };

/** Answers UsersPage from `pages` keyed by the `after` cursor ('' = first page); records each call. */
function answerUsers(pages: Record<string, ReturnType<typeof connection>>, calls: UsersVariables[] = []) {
  server.use(
    graphql.query('UsersPage', ({ variables }) => {
      calls.push(variables as UsersVariables);
      return HttpResponse.json({ data: pages[(variables.after as string | null) ?? ''] ?? connection([]) });
    }),
  );
  return calls;
}

function answerMunicipalities() {
  server.use(
    graphql.query('MembershipMunicipalities', () =>
      HttpResponse.json({ data: { municipalities: [{ ...FLESBERG }, { ...KONGSBERG }] } }),
    ),
  );
}

function bodyRows() {
  const table = screen.getByRole('table', { name: 'Brukere' });
  const [, body] = within(table).getAllByRole('rowgroup');
  return within(body!).getAllByRole('row');
}

const kari = userNode({
  id: 'u-1',
  username: 'kari',
  displayName: 'Kari Nordmann',
  email: 'kari@kongsberg.kommune.no',
  lastSignInAt: '2026-03-05T13:30:00.000Z',
  mfaEnabled: true,
  memberships: [
    ['ARCHIVIST', KONGSBERG],
    ['ARCHIVIST', FLESBERG],
  ],
});
const ola = userNode({ id: 'u-2', username: 'ola', displayName: 'Ola Nordmann', isActive: false, mustChangePassword: true });

describe('UsersPage', () => {
  beforeEach(() => signInAs(ADMIN));

  it('lists users with their roles and municipalities in words', async () => {
    answerUsers({ '': connection([kari, ola]) });
    renderApp('/admin/brukere');

    expect(await screen.findByRole('heading', { level: 1, name: 'Brukere' })).toBeInTheDocument();
    await screen.findByRole('table', { name: 'Brukere' });
    const [first, second] = bodyRows();
    expect(within(first!).getByRole('rowheader')).toHaveTextContent('kari');
    expect(first).toHaveTextContent('Kari Nordmann');
    expect(first).toHaveTextContent('Arkivar i Kongsberg og Flesberg');
    expect(first).toHaveTextContent('05.03.2026 14:30');
    expect(second).toHaveTextContent('Deaktivert');
    expect(second).toHaveTextContent('Må bytte passord');
    expect(second).toHaveTextContent('Aldri');
    expect(screen.getByRole('columnheader', { name: 'Tofaktor' })).toBeInTheDocument();
    expect(first).toHaveTextContent('Satt opp');
    expect(second).toHaveTextContent('Ikke satt opp');
    expect(screen.getByText('Viser 1–2 av 2 brukere')).toBeInTheDocument();
    expect(within(first!).getByRole('button', { name: 'Administrer kari' })).toBeInTheDocument();
  });

  it('puts the search and the status filter in the URL and sends them to the server', async () => {
    const calls = answerUsers({ '': connection([kari]) });
    const { user, router } = renderApp('/admin/brukere');
    await screen.findByRole('table', { name: 'Brukere' });

    await user.type(screen.getByRole('searchbox', { name: 'Søk' }), 'kari');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Deaktiverte');
    await user.click(within(screen.getByRole('search')).getByRole('button', { name: 'Søk' }));

    await waitFor(() => expect(currentPath(router)).toBe('/admin/brukere?sok=kari&status=deaktiverte'));
    await waitFor(() => expect(calls.at(-1)).toEqual({ first: 25, after: null, filter: { search: 'kari', isActive: false } }));
  });

  it('reads the filters from the URL it was opened with', async () => {
    const calls = answerUsers({ '': connection([kari]) });
    renderApp('/admin/brukere?sok=kari&status=aktive');

    await screen.findByRole('table', { name: 'Brukere' });
    expect(calls[0]).toEqual({ first: 25, after: null, filter: { search: 'kari', isActive: true } });
    expect(screen.getByRole('searchbox', { name: 'Søk' })).toHaveValue('kari');
  });

  it('pages forward with the cursor and keeps the previous page visible while the next loads', async () => {
    let releaseSecondPage: () => void = () => {};
    const secondPageReleased = new Promise<void>((resolve) => {
      releaseSecondPage = resolve;
    });
    server.use(
      graphql.query('UsersPage', async ({ variables }) => {
        if (variables.after === 'c-u-1') {
          await secondPageReleased;
          return HttpResponse.json({ data: connection([ola], { totalCount: 26 }) });
        }
        // Only one row of the first 25 is needed to prove the point.
        return HttpResponse.json({ data: connection([kari], { hasNextPage: true, totalCount: 26 }) });
      }),
    );
    const { user, router } = renderApp('/admin/brukere');
    await screen.findByRole('table', { name: 'Brukere' });

    await user.click(screen.getByRole('button', { name: 'Neste side' }));

    await waitFor(() => expect(currentPath(router)).toBe('/admin/brukere?etter=c-u-1'));
    expect(screen.getByRole('table', { name: 'Brukere' })).toHaveAttribute('aria-busy', 'true');
    expect(bodyRows()[0]).toHaveTextContent('Kari Nordmann');

    releaseSecondPage();
    await waitFor(() => expect(bodyRows()[0]).toHaveTextContent('Ola Nordmann'));
    expect(screen.getByRole('table', { name: 'Brukere' })).not.toHaveAttribute('aria-busy');
    expect(screen.getByText('Viser 26–26 av 26 brukere')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Forrige side' }));
    await waitFor(() => expect(bodyRows()[0]).toHaveTextContent('Kari Nordmann'));
    expect(currentPath(router)).toBe('/admin/brukere');
  });

  it('creates a user with a membership and shows it in the list', async () => {
    const created = userNode({ id: 'u-3', username: 'nora', displayName: 'Nora Arkivar', memberships: [['ARCHIVIST', KONGSBERG]], mustChangePassword: true });
    let createdYet = false;
    server.use(
      graphql.query('UsersPage', () => HttpResponse.json({ data: connection(createdYet ? [kari, created] : [kari]) })),
    );
    answerMunicipalities();
    let input: unknown;
    server.use(
      graphql.mutation('CreateUser', async ({ variables }) => {
        input = variables.input;
        createdYet = true;
        await delay(10);
        return HttpResponse.json({ data: { createUser: created } });
      }),
    );
    const { user } = renderApp('/admin/brukere');
    await screen.findByRole('table', { name: 'Brukere' });

    await user.click(screen.getByRole('button', { name: 'Ny bruker' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ny bruker' });
    expect(within(dialog).getByLabelText('Brukernavn')).toHaveFocus();
    await user.type(within(dialog).getByLabelText('Brukernavn'), 'nora');
    await user.type(within(dialog).getByLabelText('Navn'), 'Nora Arkivar');
    await user.type(within(dialog).getByLabelText('Første passord'), 'et langt første passord');
    await user.click(within(dialog).getByRole('button', { name: 'Legg til kommune' }));
    const row = within(dialog).getByRole('group', { name: 'Tilgang 1' });
    await within(row).findByRole('option', { name: 'Kongsberg' });
    await user.selectOptions(within(row).getByLabelText('Kommune'), 'Kongsberg');
    await user.selectOptions(within(row).getByLabelText('Rolle'), 'Arkivar');
    await user.click(within(dialog).getByRole('button', { name: 'Opprett brukeren' }));

    expect(await screen.findByText('Brukeren nora er opprettet. Brukeren må bytte passord ved første innlogging.')).toBeInTheDocument();
    expect(input).toEqual({
      username: 'nora',
      displayName: 'Nora Arkivar',
      email: null,
      password: 'et langt første passord',
      memberships: [{ municipalityId: KONGSBERG.id, role: 'ARCHIVIST' }],
    });
    await waitFor(() => expect(bodyRows()).toHaveLength(2));
    expect(bodyRows()[1]).toHaveTextContent('Nora Arkivar');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('shows a taken username at the username field', async () => {
    answerUsers({ '': connection([kari]) });
    answerMunicipalities();
    server.use(graphql.mutation('CreateUser', () => apiErrorResponse('USERNAME_TAKEN', { path: ['input', 'username'] })));
    const { user } = renderApp('/admin/brukere');
    await screen.findByRole('table', { name: 'Brukere' });

    await user.click(screen.getByRole('button', { name: 'Ny bruker' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ny bruker' });
    await user.type(within(dialog).getByLabelText('Brukernavn'), 'kari');
    await user.type(within(dialog).getByLabelText('Navn'), 'Kari To');
    await user.type(within(dialog).getByLabelText('Første passord'), 'et langt første passord');
    await user.click(within(dialog).getByRole('button', { name: 'Opprett brukeren' }));

    const username = within(dialog).getByLabelText('Brukernavn');
    await waitFor(() => expect(username).toHaveAttribute('aria-invalid', 'true'));
    expect(username).toHaveAccessibleDescription(/Brukernavnet er allerede i bruk. Velg et annet./);
    expect(username).toHaveFocus();
  });

  it('marks every field the server rejects, with its message, memberships included', async () => {
    answerUsers({ '': connection([kari]) });
    answerMunicipalities();
    server.use(
      graphql.mutation('CreateUser', () =>
        apiErrorResponse(
          'VALIDATION_FAILED',
          {
            path: ['input', 'username'],
            issues: [
              { path: ['input', 'username'], message: 'Brukernavnet kan bare ha små bokstaver a–z, tall, punktum, bindestrek og understrek.' },
              { path: ['input', 'email'], message: 'Skriv en gyldig e-postadresse.' },
              { path: ['input', 'memberships', 0, 'municipalityId'], message: 'Velg en kommune.' },
            ],
          },
          'Brukernavnet kan bare ha små bokstaver a–z, tall, punktum, bindestrek og understrek.',
        ),
      ),
    );
    const { user } = renderApp('/admin/brukere');
    await screen.findByRole('table', { name: 'Brukere' });

    await user.click(screen.getByRole('button', { name: 'Ny bruker' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ny bruker' });
    await user.type(within(dialog).getByLabelText('Brukernavn'), 'Kari Nordmann');
    await user.type(within(dialog).getByLabelText('Navn'), 'Kari Nordmann');
    await user.type(within(dialog).getByLabelText('E-postadresse (valgfritt)'), 'kari@kommune');
    await user.type(within(dialog).getByLabelText('Første passord'), 'et langt første passord');
    await user.click(within(dialog).getByRole('button', { name: 'Legg til kommune' }));
    const row = within(dialog).getByRole('group', { name: 'Tilgang 1' });
    await within(row).findByRole('option', { name: 'Kongsberg' });
    await user.selectOptions(within(row).getByLabelText('Kommune'), 'Kongsberg');
    await user.click(within(dialog).getByRole('button', { name: 'Opprett brukeren' }));

    const username = within(dialog).getByLabelText('Brukernavn');
    await waitFor(() => expect(username).toHaveFocus());
    expect(username).toHaveAccessibleDescription(/kan bare ha små bokstaver/);
    expect(within(dialog).getByLabelText('E-postadresse (valgfritt)')).toHaveAccessibleDescription('Skriv en gyldig e-postadresse.');
    expect(within(row).getByLabelText('Kommune')).toHaveAccessibleDescription('Velg en kommune.');
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('explains in words that the last administrator cannot be deactivated', async () => {
    const admin = userNode({ id: 'u-admin', username: 'admin', displayName: 'Ada Admin', memberships: [['ADMIN', KONGSBERG]] });
    answerUsers({ '': connection([admin]) });
    answerMunicipalities();
    server.use(graphql.mutation('DeactivateUser', () => apiErrorResponse('LAST_ADMIN', {}, 'last admin')));
    const { user } = renderApp('/admin/brukere');
    await screen.findByRole('table', { name: 'Brukere' });

    await user.click(screen.getByRole('button', { name: 'Administrer admin' }));
    const dialog = await screen.findByRole('dialog', { name: 'Administrer Ada Admin' });
    await user.click(within(dialog).getByRole('button', { name: 'Deaktiver brukeren' }));
    const confirm = within(dialog).getByRole('button', { name: 'Ja, deaktiver' });
    expect(confirm).toHaveFocus();
    await user.click(confirm);

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Dette er den siste aktive administratoren. Gi en annen bruker administratorrollen først.',
    );
    expect(within(dialog).getByText('Kontoen er aktiv.')).toBeInTheDocument();
  });

  it('explains in words that the last administrator cannot lose the role', async () => {
    const admin = userNode({ id: 'u-admin', username: 'admin', displayName: 'Ada Admin', memberships: [['ADMIN', KONGSBERG]] });
    answerUsers({ '': connection([admin]) });
    answerMunicipalities();
    let sent: unknown;
    server.use(
      graphql.mutation('SetMemberships', ({ variables }) => {
        sent = variables;
        return apiErrorResponse('LAST_ADMIN');
      }),
    );
    const { user } = renderApp('/admin/brukere');
    await screen.findByRole('table', { name: 'Brukere' });

    await user.click(screen.getByRole('button', { name: 'Administrer admin' }));
    const dialog = await screen.findByRole('dialog', { name: 'Administrer Ada Admin' });
    const row = within(dialog).getByRole('group', { name: 'Tilgang 1' });
    await user.selectOptions(within(row).getByLabelText('Rolle'), 'Leser');
    await user.click(within(dialog).getByRole('button', { name: 'Lagre tilganger' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Dette er den siste aktive administratoren.');
    expect(sent).toEqual({ userId: 'u-admin', memberships: [{ municipalityId: KONGSBERG.id, role: 'VIEWER' }] });
  });

  it('saves a new display name with the version it was based on', async () => {
    answerUsers({ '': connection([kari]) });
    answerMunicipalities();
    let sent: unknown;
    server.use(
      graphql.mutation('UpdateUser', ({ variables }) => {
        sent = variables;
        return HttpResponse.json({ data: { updateUser: { ...kari, displayName: 'Kari N. Hansen', version: 2 } } });
      }),
    );
    const { user } = renderApp('/admin/brukere');
    await screen.findByRole('table', { name: 'Brukere' });

    await user.click(screen.getByRole('button', { name: 'Administrer kari' }));
    const dialog = await screen.findByRole('dialog', { name: 'Administrer Kari Nordmann' });
    const name = within(dialog).getByLabelText('Navn');
    expect(name).toHaveFocus();
    await user.clear(name);
    await user.type(name, 'Kari N. Hansen');
    await user.click(within(dialog).getByRole('button', { name: 'Lagre navn og e-post' }));

    expect(await within(dialog).findByText('Endringene er lagret.')).toBeInTheDocument();
    expect(sent).toEqual({ id: 'u-1', input: { displayName: 'Kari N. Hansen', email: 'kari@kongsberg.kommune.no', version: 1 } });
    expect(bodyRows()[0]).toHaveTextContent('Kari N. Hansen');
  });

  it('explains a version conflict and loads the latest version on request', async () => {
    answerUsers({ '': connection([kari]) });
    answerMunicipalities();
    server.use(
      graphql.mutation('UpdateUser', () => apiErrorResponse('VERSION_CONFLICT')),
      graphql.query('ManageUserDialogLatest', () =>
        HttpResponse.json({ data: { user: { ...kari, displayName: 'Kari Endret-Av-Andre', version: 2 } } }),
      ),
    );
    const { user } = renderApp('/admin/brukere');
    await screen.findByRole('table', { name: 'Brukere' });

    await user.click(screen.getByRole('button', { name: 'Administrer kari' }));
    const dialog = await screen.findByRole('dialog', { name: 'Administrer Kari Nordmann' });
    await user.type(within(dialog).getByLabelText('Navn'), ' Hansen');
    await user.click(within(dialog).getByRole('button', { name: 'Lagre navn og e-post' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Noen andre har endret dette siden du åpnet det.');
    await user.click(within(dialog).getByRole('button', { name: 'Hent siste versjon' }));

    await waitFor(() => expect(within(dialog).getByLabelText('Navn')).toHaveValue('Kari Endret-Av-Andre'));
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows a temporary password once, with a button that copies it', async () => {
    answerUsers({ '': connection([kari]) });
    answerMunicipalities();
    server.use(
      graphql.mutation('ResetPassword', () =>
        HttpResponse.json({
          data: { resetPassword: { __typename: 'ResetPasswordPayload', user: { ...kari, mustChangePassword: true, version: 2 }, temporaryPassword: 'Tmp-7hq2-Lx9p-44' } },
        }),
      ),
    );
    const { user } = renderApp('/admin/brukere');
    await screen.findByRole('table', { name: 'Brukere' });

    await user.click(screen.getByRole('button', { name: 'Administrer kari' }));
    let dialog = await screen.findByRole('dialog', { name: 'Administrer Kari Nordmann' });
    await user.click(within(dialog).getByRole('button', { name: 'Tilbakestill passordet' }));
    await user.click(within(dialog).getByRole('button', { name: 'Ja, tilbakestill' }));

    const password = await within(dialog).findByLabelText('Midlertidig passord');
    expect(password).toHaveValue('Tmp-7hq2-Lx9p-44');
    expect(password).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Kopier passordet' }));
    expect(await navigator.clipboard.readText()).toBe('Tmp-7hq2-Lx9p-44');
    expect(within(dialog).getByText('Passordet er kopiert.')).toBeInTheDocument();
    expect(within(dialog).getByText(/Brukeren må bytte passord ved neste innlogging/)).toBeInTheDocument();

    await user.click(within(dialog).getAllByRole('button', { name: 'Lukk' }).at(-1)!);
    expect(screen.getByRole('button', { name: 'Administrer kari' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Administrer kari' }));
    dialog = await screen.findByRole('dialog', { name: 'Administrer Kari Nordmann' });
    expect(within(dialog).queryByLabelText('Midlertidig passord')).not.toBeInTheDocument();
  });
  it('resets a second factor only after a confirmation that says what happens', async () => {
    let calls: unknown[] = [];
    let resetYet = false;
    server.use(graphql.query('UsersPage', () => HttpResponse.json({ data: connection([resetYet ? { ...kari, mfaEnabled: false } : kari]) })));
    answerMunicipalities();
    server.use(
      graphql.mutation('ResetUserMfa', ({ variables }) => {
        calls = [...calls, variables];
        resetYet = true;
        return HttpResponse.json({ data: { resetUserMfa: { ...kari, mfaEnabled: false } } });
      }),
    );
    const { user } = renderApp('/admin/brukere');
    await screen.findByRole('table', { name: 'Brukere' });

    await user.click(screen.getByRole('button', { name: 'Administrer kari' }));
    const dialog = await screen.findByRole('dialog', { name: 'Administrer Kari Nordmann' });
    expect(within(dialog).getByText(/Tofaktorinnlogging er satt opp\./)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Nullstill tofaktor' }));
    const confirm = within(dialog).getByRole('button', { name: 'Ja, nullstill tofaktor' });
    expect(confirm).toHaveFocus();
    expect(confirm).toHaveAccessibleDescription(/Brukeren blir logget ut.*setter brukeren opp tofaktorinnlogging på nytt/);
    expect(calls).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Avbryt' }));
    expect(within(dialog).getByRole('button', { name: 'Nullstill tofaktor' })).toHaveFocus();
    expect(calls).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Nullstill tofaktor' }));
    await user.click(within(dialog).getByRole('button', { name: 'Ja, nullstill tofaktor' }));

    expect(await within(dialog).findByText(/Tofaktorinnloggingen er nullstilt, og brukeren er logget ut\./)).toBeInTheDocument();
    expect(calls).toEqual([{ id: 'u-1' }]);
    expect(within(dialog).queryByRole('button', { name: 'Nullstill tofaktor' })).not.toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Deaktiver brukeren' })).toHaveFocus();
    expect(bodyRows()[0]).toHaveTextContent('Ikke satt opp');
  });

  it('explains a refused reset in words', async () => {
    answerUsers({ '': connection([kari]) });
    answerMunicipalities();
    server.use(graphql.mutation('ResetUserMfa', () => apiErrorResponse('MFA_SELF_RESET', { path: ['id'] })));
    const { user } = renderApp('/admin/brukere');
    await screen.findByRole('table', { name: 'Brukere' });

    await user.click(screen.getByRole('button', { name: 'Administrer kari' }));
    const dialog = await screen.findByRole('dialog', { name: 'Administrer Kari Nordmann' });
    await user.click(within(dialog).getByRole('button', { name: 'Nullstill tofaktor' }));
    await user.click(within(dialog).getByRole('button', { name: 'Ja, nullstill tofaktor' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('En annen administrator må tilbakestille din tofaktorinnlogging.');
    expect(within(dialog).getByRole('button', { name: 'Nullstill tofaktor' })).toHaveFocus();
    expect(within(dialog).getByText(/Tofaktorinnlogging er satt opp\./)).toBeInTheDocument();
  });

  it('does not offer a reset of one\'s own factor, nor of a factor not set up', async () => {
    const self = userNode({ id: ADMIN.id, username: 'admin', displayName: 'Ada Admin', memberships: [['ADMIN', KONGSBERG]], mfaEnabled: true });
    answerUsers({ '': connection([self, ola]) });
    answerMunicipalities();
    const { user } = renderApp('/admin/brukere');
    await screen.findByRole('table', { name: 'Brukere' });

    await user.click(screen.getByRole('button', { name: 'Administrer admin' }));
    let dialog = await screen.findByRole('dialog', { name: 'Administrer Ada Admin' });
    expect(within(dialog).getByText(/Tofaktorinnlogging er satt opp\./)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Tilbakestill passordet' })).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Nullstill tofaktor' })).not.toBeInTheDocument();
    await user.click(within(dialog).getAllByRole('button', { name: 'Lukk' }).at(-1)!);

    await user.click(screen.getByRole('button', { name: 'Administrer ola' }));
    dialog = await screen.findByRole('dialog', { name: 'Administrer Ola Nordmann' });
    expect(within(dialog).getByText(/Tofaktorinnlogging er ikke satt opp\./)).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Nullstill tofaktor' })).not.toBeInTheDocument();
  });
});
