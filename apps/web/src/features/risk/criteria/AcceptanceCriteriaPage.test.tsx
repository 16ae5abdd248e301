import { screen, waitFor, within } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ADMIN, apiErrorResponse, KONGSBERG, me, signInAs, VIEWER } from '../../../test/auth.ts';
import { renderApp } from '../../../test/renderApp.tsx';
import { server } from '../../../test/server.ts';
import type { ConsequenceDimension, CriteriaInForce, CriteriaVersion } from './criteriaQueries.ts';

const COORDINATOR = me({ id: 'u-coord', username: 'cora', memberships: [{ role: 'COORDINATOR', municipality: KONGSBERG }] });

const LIKELIHOOD_LABELS = ['Svært lite sannsynlig', 'Lite sannsynlig', 'Mulig', 'Sannsynlig', 'Svært sannsynlig'];
const CONSEQUENCE_LABELS = ['Ubetydelig', 'Liten', 'Moderat', 'Alvorlig', 'Svært alvorlig'];

function levelFor(likelihood: number, consequence: number) {
  const score = likelihood * consequence;
  return score <= 4 ? 'LOW' : score <= 9 ? 'MEDIUM' : 'HIGH';
}

const current: CriteriaInForce = {
  __typename: 'AcceptanceCriteria',
  id: '2',
  validFrom: '2024-05-01',
  name: 'ROS mai 2024',
  description: 'Vedtatt i styringsgruppen.',
  cells: [1, 2, 3, 4, 5].flatMap((likelihood) => [1, 2, 3, 4, 5].map((consequence) => ({ likelihood, consequence, level: levelFor(likelihood, consequence) }))),
  scale: [
    ...LIKELIHOOD_LABELS.map((label, i) => ({ axis: 'LIKELIHOOD' as const, level: i + 1, label, description: `Skjer ${label.toLowerCase()}.` })),
    ...CONSEQUENCE_LABELS.map((label, i) => ({ axis: 'CONSEQUENCE' as const, level: i + 1, label, description: `Følgene er ${label.toLowerCase()}.` })),
  ],
};
const versions: CriteriaVersion[] = [
  { __typename: 'AcceptanceCriteria', id: '1', validFrom: '2022-01-01', name: 'Første ROS', description: null },
  { __typename: 'AcceptanceCriteria', id: '2', validFrom: '2024-05-01', name: 'ROS mai 2024', description: 'Vedtatt i styringsgruppen.' },
  { __typename: 'AcceptanceCriteria', id: '3', validFrom: '2099-01-01', name: 'Neste', description: null },
];
const dimensions: ConsequenceDimension[] = [
  { __typename: 'ConsequenceDimension', id: '1', name: 'Tjenesteleveranse', description: null, sortOrder: 0, version: 1 },
  { __typename: 'ConsequenceDimension', id: '2', name: 'Omdømme og tillit', description: 'Innbyggernes tillit.', sortOrder: 1, version: 1 },
];

function answerPage(list = () => dimensions) {
  let calls = 0;
  server.use(
    graphql.query('AcceptanceCriteriaPage', () => {
      calls += 1;
      return HttpResponse.json({ data: { acceptanceCriteria: current, acceptanceCriteriaVersions: versions, consequenceDimensions: list().map((d) => ({ ...d })) } });
    }),
  );
  return () => calls;
}

// The page holds four tables and the new-version form 45 controls: role queries over that much
// DOM take jsdom more than the default 5 s on a busy machine.
describe('AcceptanceCriteriaPage', { timeout: 30_000 }, () => {
  it('shows the version in force as a grid in colour and words, its scale and every version', async () => {
    signInAs(VIEWER);
    answerPage();
    renderApp('/risiko/akseptkriterier');

    // The first test waits for the lazy page's chunk to be transformed, slow on a busy machine.
    expect(await screen.findByRole('heading', { level: 1, name: 'Akseptkriterier' }, { timeout: 10_000 })).toBeInTheDocument();
    const grid = await screen.findByRole('table', { name: 'Risikonivå per celle i «ROS mai 2024»' });
    const rows = within(grid).getAllByRole('row');
    // Likelihood 5 on top; consequence 1..5 left to right.
    expect(within(rows[1]!).getByRole('rowheader')).toHaveTextContent('Sannsynlighet 5 Svært sannsynlig');
    expect(within(rows[0]!).getAllByRole('columnheader')[0]).toHaveTextContent('Konsekvens 1 Ubetydelig');
    const topRow = within(rows[1]!).getAllByRole('cell');
    expect(topRow.map((cell) => cell.textContent)).toEqual(['Middels', 'Høy', 'Høy', 'Høy', 'Høy']);
    expect(topRow[0]).toHaveClass('risk-level-fill--medium');
    const bottomRow = within(rows[5]!).getAllByRole('cell');
    expect(bottomRow.map((cell) => cell.textContent)).toEqual(['Lav', 'Lav', 'Lav', 'Lav', 'Middels']);

    const likelihood = screen.getByRole('table', { name: 'Sannsynlighet' });
    expect(within(likelihood).getAllByRole('row')[3]).toHaveTextContent('3MuligSkjer mulig.');
    const consequence = screen.getByRole('table', { name: 'Konsekvens' });
    expect(within(consequence).getAllByRole('row')[5]).toHaveTextContent('5Svært alvorligFølgene er svært alvorlig.');

    const list = screen.getByRole('table', { name: 'Alle versjoner, nyeste først' });
    const versionRows = within(list).getAllByRole('row').slice(1);
    expect(versionRows.map((row) => row.textContent)).toEqual([
      '01.01.2099NesteKommende',
      '01.05.2024ROS mai 2024Vedtatt i styringsgruppen.Gjelder nå',
      '01.01.2022Første ROSTidligere',
    ]);
    expect(screen.getByRole('table', { name: 'Konsekvensdimensjoner i rekkefølge' })).toHaveTextContent('Omdømme og tillit');
  });

  it('offers no control to change criteria or dimensions to anyone but an administrator', async () => {
    signInAs(COORDINATOR);
    answerPage();
    renderApp('/risiko/akseptkriterier');
    await screen.findByRole('table', { name: 'Konsekvensdimensjoner i rekkefølge' });

    expect(screen.queryByRole('button', { name: /Ny|Endre|Slett|Opprett|Lagre|Legg til|Rediger/ })).not.toBeInTheDocument();
  });

  it('lets an administrator create a version from the one in force, checked before sending and with the server refusal shown', async () => {
    signInAs(ADMIN);
    const pageCalls = answerPage();
    const inputs: { validFrom: string; name: string; cells: { likelihood: number; consequence: number; level: string }[]; scale: unknown[] }[] = [];
    server.use(
      graphql.mutation('CreateAcceptanceCriteriaVersion', ({ variables }) => {
        inputs.push(variables.input as (typeof inputs)[number]);
        if (inputs.length === 1) {
          return apiErrorResponse('ALREADY_EXISTS', { path: ['input', 'validFrom'] }, 'Det finnes allerede en versjon av akseptkriteriene fra denne datoen.');
        }
        return HttpResponse.json({ data: { createAcceptanceCriteriaVersion: { __typename: 'AcceptanceCriteria', id: '4', validFrom: '2026-01-01', name: 'ROS 2026', description: null } } });
      }),
    );
    const { user } = renderApp('/risiko/akseptkriterier');
    await screen.findByRole('table', { name: 'Alle versjoner, nyeste først' });

    await user.click(screen.getByRole('button', { name: 'Ny versjon' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ny versjon av akseptkriteriene' });
    // Prefilled from the version in force.
    expect(within(dialog).getByLabelText('Sannsynlighet 5, konsekvens 2')).toHaveValue('HIGH');
    expect(within(dialog).getByLabelText('Konsekvens 4: betegnelse')).toHaveValue('Alvorlig');

    // A level that falls as likelihood grows is refused before anything is sent.
    await user.type(within(dialog).getByLabelText('Gjelder fra'), '2024-05-01');
    await user.type(within(dialog).getByLabelText('Navn'), 'ROS 2026');
    await user.selectOptions(within(dialog).getByLabelText('Sannsynlighet 5, konsekvens 5'), 'Lav');
    await user.click(within(dialog).getByRole('button', { name: 'Opprett versjonen' }));
    expect(await within(dialog).findByText('Nivået kan ikke synke når sannsynligheten øker: S5 × K5 er lavere enn S4 × K5.')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Sannsynlighet 5, konsekvens 5')).toHaveAttribute('aria-invalid', 'true');
    expect(inputs).toEqual([]);

    await user.selectOptions(within(dialog).getByLabelText('Sannsynlighet 5, konsekvens 5'), 'Høy');
    await user.click(within(dialog).getByRole('button', { name: 'Opprett versjonen' }));
    expect(await within(dialog).findByText('Det finnes allerede en versjon som gjelder fra denne datoen. Velg en annen dato.')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Gjelder fra')).toHaveAttribute('aria-invalid', 'true');

    await user.clear(within(dialog).getByLabelText('Gjelder fra'));
    await user.type(within(dialog).getByLabelText('Gjelder fra'), '2026-01-01');
    await user.click(within(dialog).getByRole('button', { name: 'Opprett versjonen' }));

    expect(await screen.findByText('Versjonen «ROS 2026» er opprettet og gjelder fra 01.01.2026.')).toBeInTheDocument();
    const sent = inputs.at(-1)!;
    expect(sent).toMatchObject({ validFrom: '2026-01-01', name: 'ROS 2026', description: null });
    expect(sent.cells).toHaveLength(25);
    expect(sent.cells).toEqual(current.cells);
    expect(sent.scale).toEqual(current.scale);
    await waitFor(() => expect(pageCalls()).toBe(2));
  });

  it('shows the monotone-level refusal of the server at the cell it names', async () => {
    signInAs(ADMIN);
    answerPage();
    const message = 'Nivået kan ikke synke når konsekvensen øker: S1 × K2 er lavere enn S1 × K1.';
    server.use(
      graphql.mutation('CreateAcceptanceCriteriaVersion', () =>
        apiErrorResponse('VALIDATION_FAILED', { path: ['input', 'cells', 1], issues: [{ path: ['input', 'cells', 1], message }] }, message),
      ),
    );
    const { user } = renderApp('/risiko/akseptkriterier');
    await user.click(await screen.findByRole('button', { name: 'Ny versjon' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Gjelder fra'), '2026-02-01');
    await user.type(within(dialog).getByLabelText('Navn'), 'ROS 2026');
    await user.click(within(dialog).getByRole('button', { name: 'Opprett versjonen' }));

    expect(await within(dialog).findByText(message)).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Sannsynlighet 1, konsekvens 2')).toHaveAccessibleDescription(message);
  });

  it('lets an administrator add, rename and delete consequence dimensions, and says why one in use stays', async () => {
    signInAs(ADMIN);
    let list = dimensions;
    answerPage(() => list);
    const sent: unknown[] = [];
    server.use(
      graphql.mutation('CreateConsequenceDimension', ({ variables }) => {
        sent.push(['create', variables]);
        const created = { __typename: 'ConsequenceDimension' as const, id: '3', name: 'Økonomi', description: null, sortOrder: 2, version: 1 };
        list = [...list, created];
        return HttpResponse.json({ data: { createConsequenceDimension: created } });
      }),
      graphql.mutation('UpdateConsequenceDimension', ({ variables }) => {
        sent.push(['update', variables]);
        return HttpResponse.json({ data: { updateConsequenceDimension: { ...dimensions[0]!, name: 'Tjenester', version: 2 } } });
      }),
      graphql.mutation('DeleteConsequenceDimension', ({ variables }) => {
        sent.push(['delete', variables]);
        return apiErrorResponse('IN_USE', { dependents: 'risks' }, 'Dette kan ikke slettes fordi andre oppføringer er knyttet til det.');
      }),
    );
    const { user } = renderApp('/risiko/akseptkriterier');
    await screen.findByRole('table', { name: 'Konsekvensdimensjoner i rekkefølge' });

    await user.click(screen.getByRole('button', { name: 'Ny konsekvensdimensjon' }));
    let dialog = await screen.findByRole('dialog', { name: 'Ny konsekvensdimensjon' });
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    expect(await within(dialog).findByText('Fyll inn navnet.')).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText('Navn'), 'Økonomi');
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    expect(await screen.findByText('«Økonomi» er lagt til.')).toBeInTheDocument();
    expect(await screen.findByRole('rowheader', { name: 'Økonomi' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Endre Tjenesteleveranse' }));
    dialog = await screen.findByRole('dialog', { name: 'Endre «Tjenesteleveranse»' });
    await user.clear(within(dialog).getByLabelText('Navn'));
    await user.type(within(dialog).getByLabelText('Navn'), 'Tjenester');
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    expect(await screen.findByText('Endringene i «Tjenester» er lagret.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Slett Omdømme og tillit' }));
    dialog = await screen.findByRole('dialog', { name: 'Slette konsekvensdimensjonen?' });
    await user.click(within(dialog).getByRole('button', { name: 'Slett dimensjonen' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      '«Omdømme og tillit» kan ikke slettes fordi risikoer er vurdert etter den. Fjern vurderingene fra risikoene først.',
    );

    expect(sent).toEqual([
      ['create', { input: { name: 'Økonomi', description: null, sortOrder: 2 } }],
      ['update', { id: '1', input: { name: 'Tjenester', description: null, sortOrder: 0, version: 1 } }],
      ['delete', { id: '2' }],
    ]);
  });

  it('lets an administrator make the first version when none is in force', async () => {
    signInAs(ADMIN);
    server.use(graphql.query('AcceptanceCriteriaPage', () => apiErrorResponse('NOT_FOUND', { path: ['asOf'] }, 'Ingen akseptkriterier gjaldt på denne datoen.')));
    const { user } = renderApp('/risiko/akseptkriterier');

    expect(await screen.findByText(/Ingen versjon av akseptkriteriene gjelder i dag/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Ny versjon' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ny versjon av akseptkriteriene' });
    expect(within(dialog).getByLabelText('Sannsynlighet 3, konsekvens 3')).toHaveValue('');
    expect(within(dialog).getByLabelText('Sannsynlighet 1: betegnelse')).toHaveValue('');
  });
});
