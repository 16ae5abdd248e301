import { screen } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { overviewAnswer } from '../overview/overviewFixtures.ts';
import { ADMIN, answerSignedOut, apiErrorResponse, me } from '../../test/auth.ts';
import { currentPath, renderApp } from '../../test/renderApp.tsx';
import { server } from '../../test/server.ts';

function answerSignIn(resolver: Parameters<typeof graphql.mutation>[1]) {
  server.use(graphql.mutation('SignIn', resolver));
}

async function signInWith(user: ReturnType<typeof renderApp>['user'], username: string, password: string) {
  await user.type(await screen.findByLabelText('Brukernavn eller e-postadresse'), username);
  await user.type(screen.getByLabelText('Passord'), password);
  await user.click(screen.getByRole('button', { name: 'Logg inn' }));
}

describe('SignInPage', { timeout: 20_000 }, () => {
  // The pages a sign-in lands on.
  beforeEach(() => {
    server.use(
      graphql.query('OverviewPage', () => HttpResponse.json({ data: overviewAnswer() })),
      graphql.query('TimelinePage', () => HttpResponse.json({ data: { phases: [], milestones: [] } })),
    );
  });

  it('sends a visitor without a session to sign in, remembering where they were going', async () => {
    answerSignedOut();
    const { router } = renderApp('/kommuner?side=2');

    expect(await screen.findByRole('heading', { level: 1, name: 'Logg inn' })).toBeInTheDocument();
    expect(currentPath(router)).toBe('/logg-inn?neste=%2Fkommuner%3Fside%3D2');
    expect(screen.queryByRole('navigation', { name: 'Hovedmeny' })).not.toBeInTheDocument();
  });

  it('labels its fields for password managers', async () => {
    answerSignedOut();
    renderApp('/logg-inn');

    expect(await screen.findByLabelText('Brukernavn eller e-postadresse')).toHaveAttribute('autocomplete', 'username');
    expect(screen.getByLabelText('Passord')).toHaveAttribute('autocomplete', 'current-password');
    expect(screen.getByLabelText('Passord')).toHaveAttribute('type', 'password');
  });

  it('returns to the page in `neste` after a successful sign-in', async () => {
    answerSignedOut();
    let input: unknown;
    answerSignIn(({ variables }) => {
      input = variables.input;
      return HttpResponse.json({ data: { signIn: ADMIN } });
    });
    const { user, router } = renderApp('/logg-inn?neste=%2Ftidslinje%3Fvis%3Dalt');

    await signInWith(user, ' admin ', 'riktig hest batteri');

    expect(await screen.findByRole('heading', { level: 1, name: 'Tidslinje' }, { timeout: 10_000 })).toHaveFocus();
    expect(currentPath(router)).toBe('/tidslinje?vis=alt');
    expect(input).toEqual({ username: 'admin', password: 'riktig hest batteri', code: null });
    expect(screen.getByRole('button', { name: /Ada Admin/ })).toBeInTheDocument();
  });

  it('goes to the overview instead of following a `neste` that leaves the app', async () => {
    answerSignedOut();
    answerSignIn(() => HttpResponse.json({ data: { signIn: ADMIN } }));
    const { user, router } = renderApp('/logg-inn?neste=%2F%2Fevil.example%2Flogin');

    await signInWith(user, 'admin', 'riktig hest batteri');

    expect(await screen.findByRole('heading', { level: 1, name: 'Oversikt' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(currentPath(router)).toBe('/');
  });

  it('says the credentials are wrong without telling which one', async () => {
    answerSignedOut();
    answerSignIn(() => apiErrorResponse('INVALID_CREDENTIALS', {}, 'Feil brukernavn eller passord.'));
    const { user, router } = renderApp('/logg-inn?neste=%2Fkommuner');

    await signInWith(user, 'admin', 'feil');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Brukernavnet, e-postadressen eller passordet er feil.');
    expect(screen.getByLabelText('Brukernavn eller e-postadresse')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByLabelText('Passord')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByLabelText('Passord')).toHaveValue('');
    expect(currentPath(router)).toBe('/logg-inn?neste=%2Fkommuner');
  });

  it('says how many minutes to wait after too many attempts', async () => {
    answerSignedOut();
    answerSignIn(() => apiErrorResponse('TOO_MANY_ATTEMPTS', { retryAfterSeconds: 870 }));
    const { user } = renderApp('/logg-inn');

    await signInWith(user, 'admin', 'feil igjen');

    expect(await screen.findByRole('alert')).toHaveTextContent('For mange mislykkede forsøk. Vent 15 minutter før du prøver igjen.');
  });

  it('asks for both fields before calling the server, and links each message to its field', async () => {
    answerSignedOut();
    let called = false;
    answerSignIn(() => {
      called = true;
      return HttpResponse.json({ data: { signIn: ADMIN } });
    });
    const { user } = renderApp('/logg-inn');

    await user.click(await screen.findByRole('button', { name: 'Logg inn' }));

    const username = screen.getByLabelText('Brukernavn eller e-postadresse');
    expect(username).toHaveAttribute('aria-invalid', 'true');
    expect(username).toHaveAccessibleDescription('Skriv inn brukernavnet eller e-postadressen din.');
    expect(screen.getByLabelText('Passord')).toHaveAccessibleDescription('Skriv inn passordet ditt.');
    expect(username).toHaveFocus();
    expect(called).toBe(false);
  });

  it('sends a user who must change the password to do that first', async () => {
    answerSignedOut();
    answerSignIn(() => HttpResponse.json({ data: { signIn: me({ mustChangePassword: true }) } }));
    const { user, router } = renderApp('/logg-inn?neste=%2Fkommuner');

    await signInWith(user, 'kari', 'midlertidig-passord');

    expect(await screen.findByRole('heading', { level: 1, name: 'Bytt passord' })).toBeInTheDocument();
    expect(currentPath(router)).toBe('/bytt-passord?neste=%2Fkommuner');
    expect(screen.queryByRole('navigation', { name: 'Hovedmeny' })).not.toBeInTheDocument();
  });

  it('offers each configured identity provider as a link to its start address', async () => {
    answerSignedOut([{ id: 'kongsberg', label: 'Kongsberg kommune', startUrl: '/auth/oidc/kongsberg/start' }]);
    renderApp('/logg-inn');
    const link = await screen.findByRole('link', { name: 'Logg inn med Kongsberg kommune' });
    expect(link).toHaveAttribute('href', '/auth/oidc/kongsberg/start');
  });

  it('says why a sign-in through the provider ended here', async () => {
    answerSignedOut();
    renderApp('/logg-inn?oidc=unknown-user');
    expect(await screen.findByRole('alert')).toHaveTextContent('har ingen bruker i Samarkiv');
  });

  it('asks for the TOTP code after a right password and sends it with the same password', async () => {
    answerSignedOut();
    const inputs: unknown[] = [];
    answerSignIn(({ variables }) => {
      inputs.push(variables.input);
      const input = variables.input as { code?: string | null };
      if (!input.code) return apiErrorResponse('MFA_CODE_REQUIRED');
      return HttpResponse.json({ data: { signIn: me({ username: 'admin' }) } });
    });
    const { user, router } = renderApp('/logg-inn');
    await signInWith(user, 'admin', 'Samarkiv-admin-2026');
    const code = await screen.findByLabelText('Kode fra autentiseringsappen');
    await user.type(code, '123456');
    await user.click(screen.getByRole('button', { name: 'Logg inn' }));
    await screen.findByRole('heading', { level: 1 });
    expect(inputs).toEqual([
      { username: 'admin', password: 'Samarkiv-admin-2026', code: null },
      { username: 'admin', password: 'Samarkiv-admin-2026', code: '123456' },
    ]);
    await expect.poll(() => currentPath(router)).toBe('/');
  });
});
