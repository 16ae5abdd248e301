import { screen, within } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { overviewAnswer } from '../../features/overview/overviewFixtures.ts';
import { FLESBERG, KONGSBERG, me, signInAs, unauthenticated } from '../../test/auth.ts';
import { currentPath, renderApp } from '../../test/renderApp.tsx';
import { server } from '../../test/server.ts';

describe('the session', { timeout: 20_000 }, () => {
  // The pages a sign-in lands on.
  beforeEach(() => {
    server.use(
      graphql.query('OverviewPage', () => HttpResponse.json({ data: overviewAnswer() })),
      graphql.query('TimelinePage', () => HttpResponse.json({ data: { phases: [], milestones: [] } })),
    );
  });

  it('sends the user to sign in, returning here, when a later operation finds the session expired', async () => {
    signInAs();
    server.use(graphql.query('MunicipalitiesPage', () => unauthenticated()));
    const { router } = renderApp('/kommuner?sok=kong');

    expect(await screen.findByRole('heading', { level: 1, name: 'Logg inn' })).toBeInTheDocument();
    expect(currentPath(router)).toBe('/logg-inn?neste=%2Fkommuner%3Fsok%3Dkong');
    expect(screen.queryByRole('navigation', { name: 'Hovedmeny' })).not.toBeInTheDocument();
  });

  it('sends the CSRF header with every operation', async () => {
    const headers: (string | null)[] = [];
    server.use(
      graphql.query('CurrentUser', ({ request }) => {
        headers.push(request.headers.get('x-samarkiv-csrf'));
        return HttpResponse.json({ data: { me: me() } });
      }),
    );
    renderApp('/');

    await screen.findByRole('heading', { level: 1, name: 'Oversikt' }, { timeout: 10_000 });
    expect(headers).toEqual(['1']);
  });

  it('shows the user’s name, roles and municipalities in words in the header menu', async () => {
    signInAs(
      me({
        displayName: 'Kari Nordmann',
        memberships: [
          { role: 'ARCHIVIST', municipality: KONGSBERG },
          { role: 'ARCHIVIST', municipality: FLESBERG },
          { role: 'COORDINATOR', municipality: KONGSBERG },
        ],
      }),
    );
    const { user } = renderApp('/');

    const toggle = await screen.findByRole('button', { name: 'Innlogget som Kari Nordmann' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);

    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const panel = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(within(panel).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Koordinator i Kongsberg',
      'Arkivar i Kongsberg og Flesberg',
    ]);
    expect(within(panel).getByRole('link', { name: 'Bytt passord' })).toHaveAttribute('href', '/bytt-passord');

    await user.keyboard('{Escape}');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveFocus();
  });

  it('signs out on the server and goes to the sign-in page', async () => {
    signInAs(me({ displayName: 'Kari Nordmann' }));
    let signedOut = false;
    server.use(
      graphql.mutation('SignOut', () => {
        signedOut = true;
        return HttpResponse.json({ data: { signOut: true } });
      }),
    );
    const { user, router } = renderApp('/kommuner');
    server.use(graphql.query('MunicipalitiesPage', () => HttpResponse.json({ data: { municipalities: [] } })));

    await user.click(await screen.findByRole('button', { name: /Kari Nordmann/ }));
    await user.click(screen.getByRole('button', { name: 'Logg ut' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Logg inn' })).toBeInTheDocument();
    expect(signedOut).toBe(true);
    expect(currentPath(router)).toBe('/logg-inn');
  });

  it('offers a retry when the session check fails for another reason than no session', async () => {
    server.use(graphql.query('CurrentUser', () => HttpResponse.json({ data: { me: me() } })));
    server.use(graphql.query('CurrentUser', () => HttpResponse.error(), { once: true }));
    const { user } = renderApp('/');

    await user.click(await screen.findByRole('button', { name: 'Prøv igjen' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Oversikt' }, { timeout: 10_000 })).toBeInTheDocument();
  });
});
