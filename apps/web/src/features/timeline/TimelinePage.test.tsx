import { screen, within } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { apiErrorResponse, KONGSBERG, me, signInAs } from '../../test/auth.ts';
import { server } from '../../test/server.ts';
import { renderApp } from '../../test/renderApp.tsx';
import type { TimelineMilestone, TimelinePhase } from './timelineQueries.ts';

const COORDINATOR = me({ id: 'u-k', username: 'koordinator', memberships: [{ role: 'COORDINATOR', municipality: KONGSBERG }] });

function phase(fields: Partial<TimelinePhase> & Pick<TimelinePhase, 'id' | 'name'>): TimelinePhase {
  return { __typename: 'Phase', description: null, date: { __typename: 'FuzzyDate', start: '2017-01-01', end: '2018-12-31', precision: 'RANGE', note: null }, sortOrder: 0, version: 1, ...fields };
}

function milestone(fields: Partial<TimelineMilestone> & Pick<TimelineMilestone, 'id' | 'title'>): TimelineMilestone {
  return {
    __typename: 'Milestone',
    description: null,
    date: { __typename: 'FuzzyDate', start: '2024-01-26', end: '2024-01-26', precision: 'DAY', note: null },
    kind: 'DECISION',
    decidingBody: null,
    status: 'DONE',
    isDelayed: false,
    caseReference: null,
    sortOrder: 0,
    phase: null,
    version: 1,
    ...fields,
  };
}

const PHASES = [phase({ id: '11', name: 'Felles anskaffelse' })];
const MILESTONES = [
  milestone({ id: 'm1', title: 'Vedtak i KDU', decidingBody: 'KDU', caseReference: '2024/17', phase: { __typename: 'Phase', id: '11', name: 'Felles anskaffelse' } }),
  milestone({ id: 'm2', title: 'Behandling i kommunestyrene', date: { start: '2025-03-01', end: '2025-05-31', precision: 'SEASON', note: null }, status: 'PLANNED', isDelayed: true, kind: 'DECISION' }),
  milestone({ id: 'm3', title: 'Drift', date: { start: '2026-01-01', end: '2026-01-01', precision: 'DAY', note: null }, status: 'PLANNED', kind: 'OPERATION' }),
];

function answerTimeline(milestones = MILESTONES) {
  server.use(graphql.query('TimelinePage', () => HttpResponse.json({ data: { phases: PHASES, milestones } })));
}

/** The facts of the milestone whose heading has this title, as "term: value". */
function factsOf(title: string): string[] {
  const item = screen.getByRole('heading', { level: 3, name: title }).closest('li')!;
  return Array.from(item.querySelectorAll('dt')).map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`);
}

describe('TimelinePage', { timeout: 20_000 }, () => {
  it('lists each milestone at its own precision with kind, status (delayed computed), body and case reference', async () => {
    signInAs();
    answerTimeline();
    renderApp('/tidslinje');
    await screen.findByRole('heading', { level: 3, name: 'Vedtak i KDU' }, { timeout: 10_000 });
    expect(factsOf('Vedtak i KDU')).toEqual(['Tidspunkt: 26.01.2024', 'Type: Vedtak', 'Status: Gjennomført', 'Besluttende organ: KDU', 'Saksnummer: 2024/17', 'Fase: Felles anskaffelse']);
    expect(factsOf('Behandling i kommunestyrene')).toEqual(['Tidspunkt: vår 2025', 'Type: Vedtak', 'Status: Forsinket']);
    expect(factsOf('Drift')).toEqual(['Tidspunkt: 01.01.2026', 'Type: Drift', 'Status: Planlagt']);
    const phases = screen.getByRole('region', { name: 'Faser' });
    expect(within(phases).getByText('2017–2018')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /Tidslinje fra 2017 til \d{4} med 3 milepæler\. I dag \(\d\d\.\d\d\.\d{4}\) er markert/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Ny milepæl' })).not.toBeInTheDocument();
  });

  it('lets a coordinator add a milestone and shows it after saving', async () => {
    signInAs(COORDINATOR);
    answerTimeline();
    let sent: unknown = null;
    server.use(
      graphql.mutation('CreateMilestone', ({ variables }) => {
        sent = variables.input;
        const created = milestone({ id: 'm9', title: 'Evaluering', date: { start: '2027-03-01', end: '2027-05-31', precision: 'SEASON', note: null }, status: 'PLANNED', kind: 'EVALUATION', decidingBody: 'Styringsgruppen' });
        answerTimeline([...MILESTONES, created]);
        return HttpResponse.json({ data: { createMilestone: created } });
      }),
    );
    const { user } = renderApp('/tidslinje');
    await user.click(await screen.findByRole('button', { name: 'Ny milepæl' }, { timeout: 10_000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Ny milepæl' });
    await user.type(within(dialog).getByLabelText('Tittel'), 'Evaluering');
    await user.selectOptions(within(dialog).getByLabelText('Hvor presist er tidspunktet kjent?'), 'En årstid');
    await user.type(within(dialog).getByLabelText('Dato'), '2027-04-15');
    await user.selectOptions(within(dialog).getByLabelText('Type'), 'Evaluering');
    await user.type(within(dialog).getByLabelText('Besluttende organ'), 'Styringsgruppen');
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    expect(await screen.findByText('«Evaluering» er lagt til.')).toBeInTheDocument();
    expect(sent).toEqual({
      phaseId: null,
      title: 'Evaluering',
      description: null,
      date: { start: '2027-04-15', precision: 'SEASON', end: null, note: null },
      kind: 'EVALUATION',
      decidingBody: 'Styringsgruppen',
      status: 'PLANNED',
      caseReference: null,
      sortOrder: 0,
    });
    expect(factsOf('Evaluering')).toEqual(['Tidspunkt: vår 2027', 'Type: Evaluering', 'Status: Planlagt', 'Besluttende organ: Styringsgruppen']);
  });

  it('checks a period without an end before sending, and shows the server’s field error at its field', async () => {
    signInAs(COORDINATOR);
    answerTimeline();
    let calls = 0;
    server.use(
      graphql.mutation('CreateMilestone', () => {
        calls += 1;
        return apiErrorResponse('VALIDATION_FAILED', { path: ['input', 'caseReference'] }, 'Saksnummeret kan ha høyst 100 tegn.');
      }),
    );
    const { user } = renderApp('/tidslinje');
    await user.click(await screen.findByRole('button', { name: 'Ny milepæl' }, { timeout: 10_000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Ny milepæl' });
    await user.type(within(dialog).getByLabelText('Tittel'), 'Periode');
    await user.selectOptions(within(dialog).getByLabelText('Hvor presist er tidspunktet kjent?'), 'En periode');
    await user.type(within(dialog).getByLabelText('Fra dato'), '2027-01-01');
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    expect(within(dialog).getByLabelText('Til dato')).toHaveAccessibleDescription('Fyll inn sluttdatoen for en periode.');
    expect(calls).toBe(0);
    await user.type(within(dialog).getByLabelText('Til dato'), '2027-06-30');
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    expect(await within(dialog).findByText('Saksnummeret kan ha høyst 100 tegn.')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Saksnummer')).toHaveAttribute('aria-invalid', 'true');
  });

  it('offers the stored values after a version conflict on an edit', async () => {
    signInAs(COORDINATOR);
    answerTimeline();
    server.use(
      graphql.mutation('UpdateMilestone', () => apiErrorResponse('VERSION_CONFLICT', { path: ['input', 'version'] })),
      graphql.query('LatestMilestone', () => HttpResponse.json({ data: { milestone: { ...MILESTONES[0]!, title: 'Vedtak i KDU (endret)', version: 2 } } })),
    );
    const { user } = renderApp('/tidslinje');
    await user.click(await screen.findByRole('button', { name: 'Endre «Vedtak i KDU»' }, { timeout: 10_000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Endre «Vedtak i KDU»' });
    await user.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Noen andre har endret');
    await user.click(within(dialog).getByRole('button', { name: 'Hent det som er lagret nå' }));
    expect(await within(dialog).findByDisplayValue('Vedtak i KDU (endret)')).toBeInTheDocument();
  });
});
