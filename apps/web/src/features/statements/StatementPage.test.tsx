import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { answerSignedOut } from '../../test/auth.ts';
import { currentPath, renderApp } from '../../test/renderApp.tsx';

describe('the statements', { timeout: 20_000 }, () => {
  it('links both statements from the footer and opens them without a session', async () => {
    answerSignedOut();
    const { user, router } = renderApp('/logg-inn');
    const footer = await screen.findByRole('navigation', { name: 'Erklæringer' });
    await user.click(within(footer).getByRole('link', { name: 'Tilgjengelighetserklæring' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Tilgjengelighetserklæring' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(currentPath(router)).toBe('/tilgjengelighet');
    expect(screen.getByRole('heading', { level: 2, name: 'Si fra om feil' })).toBeInTheDocument();
    expect(screen.getByText(/WCAG 2\.1 på nivå A og AA/)).toBeInTheDocument();

    await user.click(within(screen.getByRole('navigation', { name: 'Erklæringer' })).getByRole('link', { name: 'Personvernerklæring' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Personvernerklæring' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Endringslogg (sporbarhet)' })).toBeInTheDocument();
    expect(screen.getByText(/slettes fra loggen etter 90 dager/)).toBeInTheDocument();
  });
});
