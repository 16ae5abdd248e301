import { screen } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { apiErrorResponse, me, signInAs } from '../../test/auth.ts';
import { currentPath, renderApp } from '../../test/renderApp.tsx';
import { server } from '../../test/server.ts';

type App = ReturnType<typeof renderApp>;

async function fill({ user }: App, current: string, next: string, repeat = next) {
  await user.type(await screen.findByLabelText('Nåværende passord'), current);
  await user.type(screen.getByLabelText('Nytt passord'), next);
  await user.type(screen.getByLabelText('Gjenta nytt passord'), repeat);
  await user.click(screen.getByRole('button', { name: 'Bytt passord' }));
}

describe('ChangePasswordPage', () => {
  it('keeps a user who must change the password on this page, then lets them go on', async () => {
    const forced = me({ mustChangePassword: true });
    signInAs(forced);
    server.use(
      graphql.mutation('ChangePassword', () => HttpResponse.json({ data: { changePassword: { ...forced, mustChangePassword: false } } })),
    );
    const app = renderApp('/kommuner');
    server.use(graphql.query('MunicipalitiesPage', () => HttpResponse.json({ data: { municipalities: [] } })));

    expect(await screen.findByText('Du må velge et nytt passord før du kan bruke Samarkiv.')).toBeInTheDocument();
    expect(currentPath(app.router)).toBe('/bytt-passord?neste=%2Fkommuner');

    await fill(app, 'midlertidig-passord', 'et langt nytt passord');

    expect(await screen.findByRole('heading', { level: 1, name: 'Kommuner' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Hovedmeny' })).toBeInTheDocument();
  });

  it('checks length and repetition before calling the server', async () => {
    signInAs();
    let called = false;
    server.use(
      graphql.mutation('ChangePassword', () => {
        called = true;
        return HttpResponse.json({ data: { changePassword: me() } });
      }),
    );
    const app = renderApp('/bytt-passord');

    await fill(app, 'gammelt', 'for kort', 'noe annet');

    const newPassword = screen.getByLabelText('Nytt passord');
    expect(newPassword).toHaveAttribute('aria-invalid', 'true');
    expect(newPassword).toHaveAccessibleDescription('Det nye passordet må ha minst 12 tegn. Minst 12 tegn.');
    expect(screen.getByLabelText('Gjenta nytt passord')).toHaveAccessibleDescription('Passordene er ikke like. Skriv det nye passordet på nytt.');
    expect(newPassword).toHaveFocus();
    expect(called).toBe(false);
  });

  it('shows the server’s validation message at the field it names', async () => {
    signInAs();
    server.use(
      graphql.mutation('ChangePassword', () =>
        apiErrorResponse('VALIDATION_FAILED', { path: ['input', 'newPassword'] }, 'Passordet er for vanlig. Velg et annet.'),
      ),
    );
    const app = renderApp('/bytt-passord');

    await fill(app, 'gammelt passord', 'passord12345678');

    expect(await screen.findByText('Passordet er for vanlig. Velg et annet.')).toBeInTheDocument();
    expect(screen.getByLabelText('Nytt passord')).toHaveAccessibleDescription(/Passordet er for vanlig/);
    expect(screen.getByLabelText('Nytt passord')).toHaveFocus();
  });

  it('says so at the field when the current password is wrong', async () => {
    signInAs();
    server.use(graphql.mutation('ChangePassword', () => apiErrorResponse('INVALID_CREDENTIALS')));
    const app = renderApp('/bytt-passord');

    await fill(app, 'feil passord', 'et langt nytt passord');

    expect(await screen.findByText('Det nåværende passordet er feil.')).toBeInTheDocument();
    expect(screen.getByLabelText('Nåværende passord')).toHaveAttribute('aria-invalid', 'true');
  });

  it('confirms a voluntary change and stays on the page', async () => {
    signInAs();
    server.use(graphql.mutation('ChangePassword', () => HttpResponse.json({ data: { changePassword: me() } })));
    const app = renderApp('/bytt-passord');

    await fill(app, 'gammelt passord', 'et langt nytt passord');

    expect(await screen.findByText('Passordet er endret.')).toBeInTheDocument();
    expect(currentPath(app.router)).toBe('/bytt-passord');
    expect(screen.getByLabelText('Nytt passord')).toHaveValue('');
  });
});
