import { screen, within } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { signInAs } from '../../test/auth.ts';
import { renderApp } from '../../test/renderApp.tsx';
import { server } from '../../test/server.ts';
import { exampleBenefit, measurement, ON_TRACK, trendMonth } from './benefitFixtures.ts';

const cells = (table: HTMLElement) => within(table).getAllByRole('row').slice(1).map((row) => Array.from((row as HTMLTableRowElement).cells, (c) => c.textContent));

describe('BenefitsPage: the two overview panels in one query', () => {
  it('shows each benefit\'s status and the counts per municipality, and the figures as a table', async () => {
    signInAs();
    let requests = 0;
    const sigdal = { __typename: 'Municipality' as const, id: 'm-3332', name: 'Sigdal' };
    server.use(
      graphql.query('BenefitsPage', () => {
        requests++;
        return HttpResponse.json({
          data: {
            benefits: [
              exampleBenefit(ON_TRACK),
              exampleBenefit([measurement('m9', '2026-07-01', 5)], { id: 'b2', title: 'Færre restanser', municipality: sigdal }),
              exampleBenefit([], { id: 'b3', title: 'Lavere kostnad', municipality: sigdal }),
            ],
            operatingFigureTrend: [trendMonth('2026-10', 4200), trendMonth('2026-11', 4350)],
          },
        });
      }),
    );
    renderApp('/gevinster');
    // The first test waits for the lazy page chunk too.
    const benefits = await screen.findByRole('table', { name: 'Gevinster: realisert mot planlagt' }, { timeout: 5000 });
    expect(cells(benefits).map((row) => [row[0], row[1], row[2]])).toEqual([
      ['Kortere tid fra mottak til registrering', 'Hele dokumentsenteret', 'I rute'],
      ['Færre restanser', 'Sigdal', 'Bak plan'],
      ['Lavere kostnad', 'Sigdal', 'Ikke målt'],
    ]);
    expect(cells(benefits)[0]![4]).toBe('75\u00a0%');
    expect(within(benefits).getByRole('link', { name: 'Færre restanser' })).toHaveAttribute('href', '/gevinster/b2');
    expect(cells(screen.getByRole('table', { name: 'Gevinster etter status, per kommune' }))).toEqual([
      ['Hele dokumentsenteret', '0', '1', '0', '0'],
      ['Sigdal', '0', '0', '1', '1'],
    ]);
    expect(cells(screen.getByRole('table', { name: 'Driftstall per måned, alle kommuner' }))[1]).toEqual(['11.2026', '4\u00a0350', '8\u00a0700', '3,5', '10', '62,5', '8']);
    expect(requests).toBe(1);
  });
});
