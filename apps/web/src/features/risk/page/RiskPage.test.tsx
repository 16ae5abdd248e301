import { screen, waitFor, within } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { apiErrorResponse, signInAs, VIEWER } from '../../../test/auth.ts';
import { renderApp } from '../../../test/renderApp.tsx';
import { server } from '../../../test/server.ts';
import { answerRiskPage, COORDINATOR, measure, riskFixture } from './riskPageFixtures.ts';

/** The definition of a term in a definition list: "Årsak" -> "Fukt i magasinet". */
function fact(section: HTMLElement, term: string): string | null {
  const dt = within(section).getAllByRole('term').find((element) => element.textContent === term);
  if (!dt) throw new Error(`No term ${term}`);
  return dt.nextElementSibling?.textContent ?? null;
}

async function openRisk(risk = riskFixture(), user = COORDINATOR) {
  signInAs(user);
  answerRiskPage(risk);
  const view = renderApp('/risiko/7');
  await screen.findByRole('heading', { level: 1, name: 'R-07 Tap av arkivmateriale' });
  return view;
}

// Typing into many fields on a loaded machine takes longer than the default 5 s.
describe('a risk\'s page', { timeout: 30_000 }, () => {
  it('shows every field of the risk, its scores, acceptance, measures, findings and dimensions', async () => {
    await openRisk();

    const facts = screen.getByRole('region', { name: 'Opplysninger' });
    expect(fact(facts, 'Referanse')).toBe('R-07');
    expect(fact(facts, 'Kort tittel')).toBe('Tap av arkiv');
    expect(fact(facts, 'Risikoområde')).toBe('Bevaring');
    expect(fact(facts, 'Kommuner')).toBe('Kongsberg, Flesberg');
    expect(fact(facts, 'Eier')).toBe('Per Eiersen');
    expect(fact(facts, 'Status')).toBe('Åpen');
    expect(fact(facts, 'Strategi')).toBe('Redusere');
    expect(fact(facts, 'Kunnskapsstyrke')).toBe('Middels');
    expect(fact(facts, 'Neste gjennomgang')).toBe('01.09.2026 (gjennomgangen er forfalt)');
    expect(fact(facts, 'Årsak')).toBe('Fukt i magasinet');
    expect(fact(facts, 'Hendelse')).toBe('Vannlekkasje over reolene');
    expect(fact(facts, 'Konsekvens')).toBe('Papirarkiv går tapt');

    const scores = screen.getByRole('region', { name: 'Vurdering' });
    const rows = within(within(scores).getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => Array.from(row.children, (cell) => cell.textContent))).toEqual([
      ['Iboende risiko', '3', '4', 'Høy (12)'],
      ['Restrisiko', '2', '3', 'Middels (6)'],
    ]);
    expect(fact(scores, 'Kildens poeng')).toBe('15');
    expect(within(scores).getByText(/demodata, ikke kildens egen/)).toBeInTheDocument();

    const acceptance = screen.getByRole('region', { name: 'Aksept av restrisiko' });
    expect(fact(acceptance, 'Godkjent av')).toBe('Kommunedirektør Ola Olsen');
    expect(fact(acceptance, 'Akseptert dato')).toBe('10.01.2025');
    expect(fact(acceptance, 'Utløper')).toBe('10.01.2026 (utløpt)');

    const measures = within(screen.getByRole('region', { name: 'Tiltak' })).getByRole('table', { name: 'Tiltak for risikoen' });
    const measureRows = within(measures).getAllByRole('row').slice(1);
    expect(measureRows.map((row) => Array.from(row.children, (cell) => cell.textContent).slice(0, 4))).toEqual([
      ['Flytte arkivet', 'Per Eiersen', '01.03.2026 (forfalt)', 'Pågår'],
      ['Montere fuktmåler', 'Vaktmester', '01.12.2026', 'Planlagt'],
    ]);

    const findings = screen.getByRole('region', { name: 'Koblede funn' });
    expect(within(findings).getByRole('link', { name: 'Felles magasin' })).toHaveAttribute('href', '/funn#funn-42');
    expect(within(findings).getAllByRole('listitem')[0]).toHaveTextContent('Suksessfaktor: Felles magasin');

    const dimensions = within(screen.getByRole('region', { name: 'Konsekvens per dimensjon' }));
    expect(dimensions.getByRole('combobox', { name: 'Tjenesteleveranse' })).toHaveValue('4');
    expect(dimensions.getByRole('combobox', { name: 'Økonomi' })).toHaveValue('2');
    expect(dimensions.getByRole('combobox', { name: 'Omdømme og tillit' })).toHaveValue('');
    expect(dimensions.getByText(/Høyeste dimensjon: 4/)).toBeInTheDocument();

    expect(await screen.findByRole('region', { name: 'Endringshistorikk' })).toBeInTheDocument();
  });

  it('shows the assessment history as a chart with a table alternative and as a list', async () => {
    await openRisk();
    const history = within(screen.getByRole('region', { name: 'Vurderingshistorikk' }));

    expect(history.getByRole('img', { name: /Poeng over tid, 2 vurderinger fra 02\.05\.2024 til 08\.05\.2026/ })).toBeInTheDocument();
    const table = history.getByRole('table', { name: 'Poeng over tid' });
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => Array.from(row.children, (cell) => cell.textContent)),
    ).toEqual([
      ['02.05.2024 kl. 10:00', 'S4 × K4 = 16 (Høy)', 'ikke vurdert'],
      ['08.05.2026 kl. 14:30', 'S3 × K4 = 12 (Høy)', 'S2 × K3 = 6 (Middels)'],
    ]);

    const list = history.getByRole('list', { name: 'Vurderinger, nyeste først' });
    const entries = Array.from(list.querySelectorAll(':scope > li'));
    expect(entries).toHaveLength(2);
    expect(entries[0]).toHaveTextContent('08.05.2026 kl. 14:30 · Kari Koordinator · demodata');
    expect(entries[0]).toHaveTextContent('Iboende risiko: fra S4 × K4 = 16 (Høy) til S3 × K4 = 12 (Høy)');
    expect(entries[0]).toHaveTextContent('Restrisiko: fra ikke vurdert til S2 × K3 = 6 (Middels)');
    expect(entries[0]).toHaveTextContent('Status: fra Åpen til Overvåkes');
    expect(entries[0]).toHaveTextContent('Kommentar: Etter tiltak');
    expect(entries[1]).toHaveTextContent('02.05.2024 kl. 10:00 · Ukjent');
    expect(entries[1]).toHaveTextContent('Iboende risiko: første vurdering, S4 × K4 = 16 (Høy)');
  });

  it('refuses an invalid edit at the field with the shared rule\'s message, without asking the server', async () => {
    let requests = 0;
    server.use(
      graphql.mutation('RiskPageUpdateRisk', () => {
        requests += 1;
        return HttpResponse.json({ data: { updateRisk: riskFixture() } });
      }),
    );
    const { user } = await openRisk();

    await user.click(screen.getByRole('button', { name: 'Endre opplysninger' }));
    const form = within(screen.getByRole('form', { name: 'Endre opplysninger om risikoen' }));
    await user.clear(form.getByLabelText('Tittel'));
    await user.click(form.getByRole('button', { name: 'Lagre endringene' }));

    const title = form.getByLabelText('Tittel');
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription('Fyll inn tittel.');
    expect(title).toHaveFocus();
    expect(requests).toBe(0);
  });

  it('shows the server\'s field error at its field', async () => {
    server.use(
      graphql.mutation('RiskPageUpdateRisk', () =>
        apiErrorResponse('VALIDATION_FAILED', { path: ['input', 'shortTitle'] }, 'Den korte tittelen er allerede brukt av R-02.'),
      ),
    );
    const { user } = await openRisk();

    await user.click(screen.getByRole('button', { name: 'Endre opplysninger' }));
    const form = within(screen.getByRole('form', { name: 'Endre opplysninger om risikoen' }));
    await user.clear(form.getByLabelText('Kort tittel'));
    await user.type(form.getByLabelText('Kort tittel'), 'Tap');
    await user.click(form.getByRole('button', { name: 'Lagre endringene' }));

    const shortTitle = form.getByLabelText('Kort tittel');
    await expect.poll(() => shortTitle.getAttribute('aria-invalid')).toBe('true');
    expect(shortTitle).toHaveAccessibleDescription('Den korte tittelen er allerede brukt av R-02.');
  });

  it('saves an edit with the version it was based on and shows the result', async () => {
    let sent: unknown;
    server.use(
      graphql.mutation('RiskPageUpdateRisk', ({ variables }) => {
        sent = variables;
        return HttpResponse.json({ data: { updateRisk: riskFixture({ title: 'Tap av papirarkiv', cause: 'Fukt og mugg', version: 4 }) } });
      }),
    );
    const { user } = await openRisk();

    await user.click(screen.getByRole('button', { name: 'Endre opplysninger' }));
    const form = within(screen.getByRole('form', { name: 'Endre opplysninger om risikoen' }));
    await user.clear(form.getByLabelText('Tittel'));
    await user.type(form.getByLabelText('Tittel'), 'Tap av papirarkiv');
    await user.clear(form.getByLabelText('Årsak'));
    await user.type(form.getByLabelText('Årsak'), 'Fukt og mugg');
    await user.selectOptions(form.getByLabelText('Status'), 'Overvåkes');
    await user.click(form.getByRole('button', { name: 'Lagre endringene' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'R-07 Tap av papirarkiv' })).toBeInTheDocument();
    expect(sent).toEqual({
      id: '7',
      input: {
        title: 'Tap av papirarkiv',
        shortTitle: 'Tap av arkiv',
        areaId: '2',
        appliesToAll: false,
        municipalityIds: ['1', '3'],
        ownerId: '9',
        ownerName: null,
        status: 'MONITORING',
        treatmentStrategy: 'REDUCE',
        knowledgeStrength: 'MODERATE',
        nextReviewDate: '2026-09-01',
        cause: 'Fukt og mugg',
        event: 'Vannlekkasje over reolene',
        consequence: 'Papirarkiv går tapt',
        version: 3,
      },
    });
    const facts = screen.getByRole('region', { name: 'Opplysninger' });
    expect(fact(facts, 'Årsak')).toBe('Fukt og mugg');
    expect(within(facts).getByRole('status')).toHaveTextContent('Endringene er lagret.');
  });

  it('on a version conflict shows both values per field and saves the chosen mix against the stored version', async () => {
    const inputs: Record<string, unknown>[] = [];
    server.use(
      graphql.mutation('RiskPageUpdateRisk', ({ variables }) => {
        inputs.push(variables.input as Record<string, unknown>);
        if (inputs.length === 1) {
          // Someone else changed the title, the status and the review date meanwhile (the stored row).
          return apiErrorResponse('VERSION_CONFLICT', {
            path: ['input', 'version'],
            current: {
              id: 7,
              reference: 'R-07',
              title: 'Tap av arkiv i kjelleren',
              shortTitle: 'Tap av arkiv',
              cause: 'Fukt i magasinet',
              event: 'Vannlekkasje over reolene',
              consequence: 'Papirarkiv går tapt',
              areaId: 2,
              appliesToAll: false,
              municipalityIds: [1, 3],
              ownerId: 9,
              ownerName: null,
              status: 'MONITORING',
              treatmentStrategy: 'REDUCE',
              knowledgeStrength: 'MODERATE',
              nextReviewDate: '2026-10-01T00:00:00.000Z',
              version: 5,
            },
          });
        }
        return HttpResponse.json({ data: { updateRisk: riskFixture({ title: 'Tap av arkiv i kjelleren', cause: 'Fukt og mugg', version: 6 }) } });
      }),
    );
    const { user } = await openRisk();

    await user.click(screen.getByRole('button', { name: 'Endre opplysninger' }));
    const form = within(screen.getByRole('form', { name: 'Endre opplysninger om risikoen' }));
    await user.clear(form.getByLabelText('Tittel'));
    await user.type(form.getByLabelText('Tittel'), 'Mitt forslag');
    await user.clear(form.getByLabelText('Årsak'));
    await user.type(form.getByLabelText('Årsak'), 'Fukt og mugg');
    await user.click(form.getByRole('button', { name: 'Lagre endringene' }));

    const dialog = within(await screen.findByRole('dialog', { name: 'Noen andre har endret dette' }));
    const group = (name: string) => within(dialog.getByRole('group', { name }));
    // Each differing field: their stored value beside the user's own; fields the user did not
    // touch start on the stored value, fields they changed on their own.
    expect(group('Tittel').getByRole('radio', { name: 'Lagret av andre: Tap av arkiv i kjelleren' })).not.toBeChecked();
    expect(group('Tittel').getByRole('radio', { name: 'Din verdi: Mitt forslag' })).toBeChecked();
    expect(group('Årsak').getByRole('radio', { name: 'Din verdi: Fukt og mugg' })).toBeChecked();
    expect(group('Årsak').getByRole('radio', { name: 'Lagret av andre: Fukt i magasinet' })).toBeInTheDocument();
    expect(group('Status').getByRole('radio', { name: 'Lagret av andre: Overvåkes' })).toBeChecked();
    expect(group('Status').getByRole('radio', { name: 'Din verdi: Åpen' })).toBeInTheDocument();
    expect(group('Neste gjennomgang').getByRole('radio', { name: 'Lagret av andre: 01.10.2026' })).toBeChecked();
    expect(dialog.queryByRole('group', { name: 'Hendelse' })).not.toBeInTheDocument();

    await user.click(group('Tittel').getByRole('radio', { name: 'Lagret av andre: Tap av arkiv i kjelleren' }));
    await user.click(dialog.getByRole('button', { name: 'Lagre valgene' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'R-07 Tap av arkiv i kjelleren' })).toBeInTheDocument();
    expect(inputs).toHaveLength(2);
    expect(inputs[1]).toMatchObject({
      title: 'Tap av arkiv i kjelleren',
      cause: 'Fukt og mugg',
      status: 'MONITORING',
      nextReviewDate: '2026-10-01',
      version: 5,
    });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('adds a measure and completes one', async () => {
    let created: unknown;
    let completed: unknown;
    const riskWith = (measures: unknown[], counts: { openMeasureCount: number; overdueMeasureCount: number }) => ({
      __typename: 'Risk',
      id: '7',
      ...counts,
      measures,
    });
    const base = riskFixture().measures;
    const added = measure({ id: '33', title: 'Lage beredskapsplan', ownerName: 'Arkivleder', deadline: '2026-11-30' });
    const done = { ...base[0]!, status: 'DONE', isOverdue: false, completedAt: '2026-06-01T10:00:00.000Z', version: 2 };
    server.use(
      graphql.mutation('RiskPageCreateMeasure', ({ variables }) => {
        created = variables.input;
        return HttpResponse.json({ data: { createMeasure: { ...added, risk: riskWith([...base, added], { openMeasureCount: 3, overdueMeasureCount: 1 }) } } });
      }),
      graphql.mutation('RiskPageCompleteMeasure', ({ variables }) => {
        completed = variables;
        return HttpResponse.json({ data: { completeMeasure: { ...done, risk: riskWith([done, base[1]!, added], { openMeasureCount: 2, overdueMeasureCount: 0 }) } } });
      }),
    );
    const { user } = await openRisk();
    const section = within(screen.getByRole('region', { name: 'Tiltak' }));

    await user.click(section.getByRole('button', { name: 'Legg til tiltak' }));
    const form = within(section.getByRole('form', { name: 'Nytt tiltak' }));
    await user.click(form.getByRole('button', { name: 'Legg til' }));
    expect(form.getByLabelText('Tiltak')).toHaveAccessibleDescription('Fyll inn tittel.');
    await user.type(form.getByLabelText('Tiltak'), 'Lage beredskapsplan');
    await user.type(form.getByLabelText('Eier (navn eller rolle)'), 'Arkivleder');
    await user.type(form.getByLabelText('Frist'), '2026-11-30');
    await user.click(form.getByRole('button', { name: 'Legg til' }));

    expect(await section.findByRole('rowheader', { name: 'Lage beredskapsplan' })).toBeInTheDocument();
    expect(created).toEqual({ riskId: '7', title: 'Lage beredskapsplan', ownerId: null, ownerName: 'Arkivleder', deadline: '2026-11-30', status: 'PLANNED' });
    expect(section.getByText('Tiltaket «Lage beredskapsplan» er lagt til.')).toBeInTheDocument();

    await user.click(section.getByRole('button', { name: 'Fullfør tiltaket Flytte arkivet' }));
    const row = (await section.findByRole('rowheader', { name: 'Flytte arkivet' })).closest('tr')!;
    await expect.poll(() => row.textContent).toContain('Fullført');
    expect(row).not.toHaveTextContent('forfalt');
    expect(completed).toEqual({ id: '31', version: 1 });
    expect(section.getByText('Åpne tiltak: 2. Forfalte: 0.')).toBeInTheDocument();
    expect(section.queryByRole('button', { name: 'Fullfør tiltaket Flytte arkivet' })).not.toBeInTheDocument();
  });

  it('asks for a reason when the overall consequence differs from the highest, and shows the server\'s REASON_REQUIRED there too', async () => {
    let requests = 0;
    server.use(
      graphql.mutation('RiskPageSetConsequenceScores', () => {
        requests += 1;
        return apiErrorResponse('REASON_REQUIRED', { path: ['input', 'consequenceReason'] }, 'Begrunn avviket.');
      }),
    );
    const { user } = await openRisk();
    const section = within(screen.getByRole('region', { name: 'Konsekvens per dimensjon' }));
    const reasonText = 'Begrunn hvorfor samlet konsekvens avviker fra den høyeste dimensjonen.';

    await user.selectOptions(section.getByRole('combobox', { name: 'Samlet konsekvens' }), '5');
    await user.click(section.getByRole('button', { name: 'Lagre konsekvensvurderingen' }));
    expect(section.getByLabelText('Begrunnelse for samlet konsekvens')).toHaveAccessibleDescription(reasonText);
    expect(requests).toBe(0);

    await user.type(section.getByLabelText('Begrunnelse for samlet konsekvens'), 'Skjønn');
    await user.click(section.getByRole('button', { name: 'Lagre konsekvensvurderingen' }));
    await expect.poll(() => requests).toBe(1);
    await waitFor(() => expect(section.getByLabelText('Begrunnelse for samlet konsekvens')).toHaveAccessibleDescription(reasonText));
  });

  it('offers a viewer no editing control', async () => {
    await openRisk(riskFixture({ canEdit: false }), VIEWER);

    expect(screen.getByRole('region', { name: 'Opplysninger' })).toBeInTheDocument();
    const main = screen.getByRole('main');
    const buttons = within(main)
      .queryAllByRole('button')
      .map((button) => button.textContent);
    expect(buttons.filter((name) => /Ny|Endre|Rediger|Slett|Lagre|Opprett|Legg til|Fullfør|Aksepter|Forny|Trekk|Vurder|Koble|Fjern/.test(name ?? ''))).toEqual([]);
    expect(within(main).queryAllByRole('combobox')).toEqual([]);
    expect(within(main).queryAllByRole('textbox')).toEqual([]);
    // The dimensions are shown as values instead.
    const dimensions = within(screen.getByRole('region', { name: 'Konsekvens per dimensjon' })).getByRole('table');
    expect(within(dimensions).getAllByRole('row')[1]).toHaveTextContent('Tjenesteleveranse4');
  });

  it('says clearly when the risk does not exist or was deleted, with a way back', async () => {
    signInAs(COORDINATOR);
    answerRiskPage(null);
    renderApp('/risiko/999');

    expect(await screen.findByRole('heading', { level: 1, name: 'Fant ikke risikoen' })).toBeInTheDocument();
    expect(screen.getByText('Risikoen finnes ikke, eller den er slettet. Lenken kan være gammel.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Gå til risikoregisteret' })).toHaveAttribute('href', '/risiko/register');
  });
});
