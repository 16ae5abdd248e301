import { screen, within } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { overviewAnswer } from '../../features/overview/overviewFixtures.ts';
import { ADMIN, answerSignedOut, signInAs, VIEWER } from '../../test/auth.ts';
import { holdQuery, server } from '../../test/server.ts';
import { renderApp } from '../../test/renderApp.tsx';

function mainNav() {
  return screen.getByRole('navigation', { name: 'Hovedmeny' });
}

describe('AppLayout', { timeout: 20_000 }, () => {
  // The overview and the timeline are the pages these tests move between.
  beforeEach(() => {
    server.use(
      graphql.query('OverviewPage', () => HttpResponse.json({ data: overviewAnswer() })),
      graphql.query('TimelinePage', () => HttpResponse.json({ data: { phases: [], milestones: [] } })),
    );
  });

  it('marks only the current page as current in the main navigation', async () => {
    signInAs(ADMIN);
    renderApp('/tidslinje');
    await screen.findByRole('heading', { level: 1, name: 'Tidslinje' }, { timeout: 10_000 });

    const links = within(mainNav()).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      'Oversikt',
      'Risiko',
      'Arkivserier',
      'Tidslinje',
      'Funn',
      'Tjenester',
      'Gevinster',
      'Kommuner',
      'Brukere',
      'Revisjonslogg',
    ]);
    expect(links.filter((link) => link.getAttribute('aria-current') === 'page')).toEqual([
      within(mainNav()).getByRole('link', { name: 'Tidslinje' }),
    ]);
  });

  it('shows a viewer no administration in the menu', async () => {
    signInAs(VIEWER);
    renderApp('/');
    await screen.findByRole('heading', { level: 1, name: 'Oversikt' }, { timeout: 10_000 });

    expect(within(mainNav()).queryByRole('link', { name: 'Brukere' })).not.toBeInTheDocument();
    expect(within(mainNav()).queryByRole('link', { name: 'Revisjonslogg' })).not.toBeInTheDocument();
    expect(within(mainNav()).getByRole('link', { name: 'Kommuner' })).toBeInTheDocument();
  });

  it('tells a viewer who opens an administrator page that it is not for them', async () => {
    signInAs(VIEWER);
    renderApp('/admin/brukere');

    expect(await screen.findByRole('heading', { level: 1, name: 'Ingen tilgang' })).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('offers a skip link first that targets the main landmark', async () => {
    signInAs();
    const { user } = renderApp('/');
    await screen.findByRole('heading', { level: 1, name: 'Oversikt' }, { timeout: 10_000 });

    await user.tab();
    const skipLink = screen.getByRole('link', { name: 'Hopp til hovedinnhold' });
    expect(skipLink).toHaveFocus();
    const target = skipLink.getAttribute('href')!.slice(1);
    expect(screen.getByRole('main')).toHaveAttribute('id', target);
    expect(screen.getByRole('banner')).toHaveTextContent('Kongsbergregionen dokumentsenter');
    expect(screen.getByRole('contentinfo')).toBeInTheDocument();
  });

  it('switches the menu, the page and <html lang> to English and remembers the choice', async () => {
    signInAs();
    const { user } = renderApp('/tidslinje');
    await screen.findByRole('heading', { level: 1, name: 'Tidslinje' }, { timeout: 10_000 });

    await user.click(screen.getByRole('button', { name: 'English' }));

    const nav = screen.getByRole('navigation', { name: 'Main menu' });
    expect(within(nav).getByRole('link', { name: 'Municipalities' })).toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'Kommuner' })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Timeline' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('Timeline – Samarkiv');
    expect(window.localStorage.getItem('samarkiv.language')).toBe('en');
  });

  it('moves focus to the new page heading after following a menu link', async () => {
    signInAs();
    const { user } = renderApp('/');
    await screen.findByRole('heading', { level: 1, name: 'Oversikt' }, { timeout: 10_000 });

    await user.click(within(mainNav()).getByRole('link', { name: 'Tidslinje' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Tidslinje' }, { timeout: 10_000 })).toHaveFocus();
    expect(document.title).toBe('Tidslinje – Samarkiv');
  });

  it('shows a not-found page for an unknown address', async () => {
    signInAs();
    renderApp('/finnes-ikke');

    expect(await screen.findByRole('heading', { level: 1, name: 'Fant ikke siden' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Gå til oversikten' })).toHaveAttribute('href', '/');
    expect(document.title).toBe('Fant ikke siden – Samarkiv');
  });

  describe('while the session is checked', () => {
    it('keeps room for the menu in a browser that was signed in, then shows the menu there', async () => {
      signInAs(VIEWER);
      const first = renderApp('/');
      await screen.findByRole('heading', { level: 1, name: 'Oversikt' }, { timeout: 10_000 });
      expect(window.localStorage.getItem('samarkiv.signedIn')).toBe('1');
      first.unmount();

      const release = holdQuery('CurrentUser', () => HttpResponse.json({ data: { me: VIEWER } }));
      const { unmount } = renderApp('/');
      const placeholder = await screen.findByTestId('main-nav-placeholder');
      // Nothing in it is read out or reachable, and no menu is offered before the answer.
      expect(placeholder).toHaveAttribute('aria-hidden', 'true');
      expect(placeholder.querySelector('a, button, [tabindex]')).toBeNull();
      expect(screen.queryByRole('navigation', { name: 'Hovedmeny' })).not.toBeInTheDocument();

      release();
      expect(await screen.findByRole('navigation', { name: 'Hovedmeny' })).toBeInTheDocument();
      expect(screen.queryByTestId('main-nav-placeholder')).not.toBeInTheDocument();
      unmount();
    });

    it('keeps no room in a browser that was not signed in, and forgets it on a signed-out answer', async () => {
      window.localStorage.setItem('samarkiv.signedIn', '1');
      answerSignedOut();
      const first = renderApp('/');
      expect(await screen.findByRole('button', { name: 'Logg inn' }, { timeout: 10_000 })).toBeInTheDocument();
      expect(window.localStorage.getItem('samarkiv.signedIn')).toBeNull();
      first.unmount();

      const release = holdQuery('CurrentUser', () => HttpResponse.json({ data: { me: VIEWER } }));
      renderApp('/');
      await screen.findByRole('banner');
      expect(screen.queryByTestId('main-nav-placeholder')).not.toBeInTheDocument();
      release();
      expect(await screen.findByRole('navigation', { name: 'Hovedmeny' })).toBeInTheDocument();
    });
  });
});
