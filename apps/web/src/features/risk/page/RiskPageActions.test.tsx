import { screen, within } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { apiErrorResponse, signInAs } from '../../../test/auth.ts';
import { renderApp } from '../../../test/renderApp.tsx';
import { server } from '../../../test/server.ts';
import { eventConnection } from '../../audit/auditFixtures.ts';
import { COORDINATOR, pageData, riskFixture, type RiskFixture } from './riskPageFixtures.ts';

/** Opens the page; the page query answers with the risks in turn (the last one from then on). */
async function openRisk(...answers: RiskFixture[]) {
  signInAs(COORDINATOR);
  let asked = 0;
  server.use(
    graphql.query('RiskPage', () => HttpResponse.json({ data: pageData(answers[Math.min(asked++, answers.length - 1)]!) })),
    graphql.query('HistoryPanel', () => HttpResponse.json({ data: { entityHistory: eventConnection([]) } })),
  );
  const view = renderApp('/risiko/7');
  await screen.findByRole('heading', { level: 1, name: 'R-07 Tap av arkivmateriale' });
  return { ...view, timesAsked: () => asked };
}

// Typing into several fields on a loaded machine takes longer than the default 5 s.
describe('acting on a risk', { timeout: 30_000 }, () => {
  it('rescores with a comment and shows the new levels', async () => {
    let sent: unknown;
    server.use(
      graphql.mutation('RiskPageRescoreRisk', ({ variables }) => {
        sent = variables.input;
        return HttpResponse.json({
          data: { rescoreRisk: riskFixture({ residualLikelihood: 1, residualConsequence: 3, residualScore: 3, residualLevel: 'LOW', version: 4 }) },
        });
      }),
    );
    const { user } = await openRisk(riskFixture());
    const section = within(screen.getByRole('region', { name: 'Vurdering' }));

    await user.click(section.getByRole('button', { name: 'Vurder på nytt' }));
    await user.selectOptions(section.getByLabelText('Sannsynlighet (rest)'), '1');
    await user.type(section.getByLabelText('Kommentar'), 'Fuktmåler montert');
    await user.click(section.getByRole('button', { name: 'Lagre vurderingen' }));

    expect(await section.findByText('Lav (3)')).toBeInTheDocument();
    expect(sent).toEqual({ inherentLikelihood: 3, inherentConsequence: 4, residualLikelihood: 1, residualConsequence: 3, comment: 'Fuktmåler montert', version: 3 });
    expect(section.getByRole('status')).toHaveTextContent('Den nye vurderingen er lagret.');
  });

  it('on a version conflict while rescoring reads the risk again and saves against the stored version next time', async () => {
    const versions: number[] = [];
    server.use(
      graphql.mutation('RiskPageRescoreRisk', ({ variables }) => {
        versions.push((variables.input as { version: number }).version);
        if (versions.length === 1) return apiErrorResponse('VERSION_CONFLICT', { path: ['input', 'version'], current: { version: 5 } });
        return HttpResponse.json({ data: { rescoreRisk: riskFixture({ version: 6 }) } });
      }),
    );
    const { user, timesAsked } = await openRisk(riskFixture(), riskFixture({ version: 5, sourceScore: 16 }));
    const section = within(screen.getByRole('region', { name: 'Vurdering' }));

    await user.click(section.getByRole('button', { name: 'Vurder på nytt' }));
    await user.selectOptions(section.getByLabelText('Konsekvens (iboende)'), '5');
    await user.click(section.getByRole('button', { name: 'Lagre vurderingen' }));

    expect(await section.findByRole('alert')).toHaveTextContent('Noen andre har endret risikoen mens du arbeidet.');
    expect(timesAsked()).toBe(2);
    expect(await section.findByText('16')).toBeInTheDocument();
    expect(section.getByLabelText('Konsekvens (iboende)')).toHaveValue('5');

    await user.click(section.getByRole('button', { name: 'Lagre vurderingen' }));
    await expect.poll(() => versions).toEqual([3, 5]);
  });

  it('when a version conflict brings no stored values, reads the risk again and keeps what the user typed', async () => {
    const versions: number[] = [];
    server.use(
      graphql.mutation('RiskPageUpdateRisk', ({ variables }) => {
        versions.push((variables.input as { version: number }).version);
        if (versions.length === 1) return apiErrorResponse('VERSION_CONFLICT', { path: ['input', 'version'] });
        return HttpResponse.json({ data: { updateRisk: riskFixture({ event: 'Brann', version: 6 }) } });
      }),
    );
    const { user, timesAsked } = await openRisk(riskFixture(), riskFixture({ version: 5 }));

    await user.click(screen.getByRole('button', { name: 'Endre opplysninger' }));
    const form = within(screen.getByRole('form', { name: 'Endre opplysninger om risikoen' }));
    await user.clear(form.getByLabelText('Hendelse'));
    await user.type(form.getByLabelText('Hendelse'), 'Brann');
    await user.click(form.getByRole('button', { name: 'Lagre endringene' }));

    expect(await form.findByRole('alert')).toHaveTextContent('Noen andre har endret risikoen mens du arbeidet.');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await expect.poll(timesAsked).toBe(2);
    expect(form.getByLabelText('Hendelse')).toHaveValue('Brann');

    await user.click(form.getByRole('button', { name: 'Lagre endringene' }));
    await expect.poll(() => versions).toEqual([3, 5]);
  });

  it('accepts the residual risk with a named approver after checking the dates, and revokes it', async () => {
    let accepted: unknown;
    let revoked: unknown;
    const withAcceptance = riskFixture({
      acceptance: {
        __typename: 'RiskAcceptance',
        approverName: 'Kommunedirektør',
        approver: null,
        acceptedOn: '2026-05-01',
        expiresOn: '2027-05-01',
        comment: null,
        isExpired: false,
      },
      version: 4,
    });
    server.use(
      graphql.mutation('RiskPageAcceptResidual', ({ variables }) => {
        accepted = variables.input;
        return HttpResponse.json({ data: { acceptRiskResidual: withAcceptance } });
      }),
      graphql.mutation('RiskPageRevokeAcceptance', ({ variables }) => {
        revoked = variables;
        return HttpResponse.json({ data: { revokeRiskAcceptance: riskFixture({ acceptance: null, version: 5 }) } });
      }),
    );
    const { user } = await openRisk(riskFixture({ acceptance: null }));
    const section = within(screen.getByRole('region', { name: 'Aksept av restrisiko' }));
    expect(section.getByText('Restrisikoen er ikke formelt akseptert.')).toBeInTheDocument();

    await user.click(section.getByRole('button', { name: 'Aksepter restrisikoen' }));
    const form = within(section.getByRole('form', { name: 'Aksepter restrisikoen' }));
    await user.clear(form.getByLabelText('Akseptert dato'));
    await user.type(form.getByLabelText('Akseptert dato'), '2026-05-01');
    await user.type(form.getByLabelText('Utløper'), '2026-04-01');
    await user.click(form.getByRole('button', { name: 'Lagre aksepten' }));
    expect(form.getByLabelText('Godkjent av (navn eller rolle)')).toHaveAccessibleDescription(/Fyll inn hvem som godkjente\./);
    expect(form.getByLabelText('Utløper')).toHaveAccessibleDescription('Utløpsdatoen må være etter datoen risikoen ble akseptert.');
    expect(accepted).toBeUndefined();

    await user.type(form.getByLabelText('Godkjent av (navn eller rolle)'), 'Kommunedirektør');
    await user.clear(form.getByLabelText('Utløper'));
    await user.type(form.getByLabelText('Utløper'), '2027-05-01');
    await user.click(form.getByRole('button', { name: 'Lagre aksepten' }));

    expect(await section.findByText('01.05.2027')).toBeInTheDocument();
    expect(accepted).toEqual({ approverId: null, approverName: 'Kommunedirektør', acceptedOn: '2026-05-01', expiresOn: '2027-05-01', comment: null, version: 3 });

    await user.click(section.getByRole('button', { name: 'Trekk tilbake aksepten' }));
    expect(await section.findByText('Restrisikoen er ikke formelt akseptert.')).toBeInTheDocument();
    expect(revoked).toEqual({ id: '7', version: 4 });
  });

  it('says in words that an unassessed residual risk cannot be accepted', async () => {
    server.use(graphql.mutation('RiskPageAcceptResidual', () => apiErrorResponse('NO_RESIDUAL', {}, 'Restrisikoen er ikke vurdert.')));
    const { user } = await openRisk(riskFixture({ acceptance: null }));
    const section = within(screen.getByRole('region', { name: 'Aksept av restrisiko' }));

    await user.click(section.getByRole('button', { name: 'Aksepter restrisikoen' }));
    await user.type(section.getByLabelText('Godkjent av (navn eller rolle)'), 'Kommunedirektør');
    await user.type(section.getByLabelText('Utløper'), '2099-01-01');
    await user.click(section.getByRole('button', { name: 'Lagre aksepten' }));

    expect(await section.findByRole('alert')).toHaveTextContent('Restrisikoen må vurderes før den kan aksepteres.');
  });

  it('changes a measure\'s owner, deadline and status, and deletes one after confirming', async () => {
    let updated: unknown;
    let deleted: unknown;
    const [first, second] = riskFixture().measures;
    const changed = { ...second!, owner: { __typename: 'Person', id: '9', displayName: 'Per Eiersen' }, ownerName: null, deadline: '2026-10-15', status: 'IN_PROGRESS', version: 2 };
    const riskWith = (measures: unknown[], openMeasureCount: number) => ({ __typename: 'Risk', id: '7', openMeasureCount, overdueMeasureCount: 1, measures });
    server.use(
      graphql.mutation('RiskPageUpdateMeasure', ({ variables }) => {
        updated = variables;
        return HttpResponse.json({ data: { updateMeasure: { ...changed, risk: riskWith([first, changed], 2) } } });
      }),
      graphql.mutation('RiskPageDeleteMeasure', ({ variables }) => {
        deleted = variables;
        return HttpResponse.json({ data: { deleteMeasure: { ...first!, risk: riskWith([changed], 1) } } });
      }),
    );
    const { user } = await openRisk(riskFixture());
    const section = within(screen.getByRole('region', { name: 'Tiltak' }));

    await user.click(section.getByRole('button', { name: 'Endre tiltaket Montere fuktmåler' }));
    const form = within(section.getByRole('form', { name: 'Endre tiltaket Montere fuktmåler' }));
    // Per Eiersen is offered because the page names him (owner of the other measure).
    await user.selectOptions(form.getByLabelText('Eier (bruker)'), 'Per Eiersen');
    await user.clear(form.getByLabelText('Eier (navn eller rolle)'));
    await user.clear(form.getByLabelText('Frist'));
    await user.type(form.getByLabelText('Frist'), '2026-10-15');
    await user.selectOptions(form.getByLabelText('Status'), 'Pågår');
    await user.click(form.getByRole('button', { name: 'Lagre tiltaket' }));

    const row = (await section.findByRole('rowheader', { name: 'Montere fuktmåler' })).closest('tr')!;
    expect(Array.from(row.children, (cell) => cell.textContent).slice(0, 4)).toEqual(['Montere fuktmåler', 'Per Eiersen', '15.10.2026', 'Pågår']);
    expect(updated).toEqual({ id: '32', input: { title: 'Montere fuktmåler', ownerId: '9', ownerName: null, deadline: '2026-10-15', status: 'IN_PROGRESS', version: 1 } });

    await user.click(section.getByRole('button', { name: 'Slett tiltaket Flytte arkivet' }));
    expect(deleted).toBeUndefined();
    await user.click(section.getByRole('button', { name: 'Slett «Flytte arkivet»' }));
    await expect.poll(() => section.queryByRole('rowheader', { name: 'Flytte arkivet' })).toBeNull();
    expect(deleted).toEqual({ id: '31' });
    // The pressed button is gone; focus is on the section's heading, not lost to the page.
    expect(section.getByRole('heading', { name: 'Tiltak' })).toHaveFocus();
    expect(section.getByText('Tiltaket «Flytte arkivet» er slettet.')).toBeInTheDocument();
  });

  it('links a finding chosen from the findings and unlinks one', async () => {
    const calls: string[] = [];
    server.use(
      graphql.query('RiskPageFindingChoices', () =>
        HttpResponse.json({
          data: {
            findings: {
              totalCount: 3,
              edges: [
                { node: { __typename: 'Finding', id: '41', kind: 'VULNERABILITY', title: 'Gamle lokaler' } },
                { node: { __typename: 'Finding', id: '42', kind: 'SUCCESS_FACTOR', title: 'Felles magasin' } },
                { node: { __typename: 'Finding', id: '43', kind: 'OPPORTUNITY', title: 'Nytt IKA-depot' } },
              ],
            },
          },
        }),
      ),
      graphql.mutation('RiskPageLinkFinding', ({ variables }) => {
        calls.push(`link ${variables.findingId} ${variables.riskId}`);
        const findings = [...riskFixture().findings, { __typename: 'Finding' as const, id: '43', kind: 'OPPORTUNITY', title: 'Nytt IKA-depot' }];
        return HttpResponse.json({ data: { linkFindingToRisk: { __typename: 'Finding', id: '43', risks: [{ __typename: 'Risk', id: '7', findings }] } } });
      }),
      graphql.mutation('RiskPageUnlinkFinding', ({ variables }) => {
        calls.push(`unlink ${variables.findingId} ${variables.riskId}`);
        return HttpResponse.json({ data: { unlinkFindingFromRisk: { __typename: 'Finding', id: '41' } } });
      }),
    );
    const { user } = await openRisk(riskFixture());
    const section = within(screen.getByRole('region', { name: 'Koblede funn' }));

    await user.click(section.getByRole('button', { name: 'Koble til funn' }));
    const choice = await section.findByRole('combobox', { name: 'Funn' });
    // Only findings not linked yet are offered.
    expect(within(choice).getAllByRole('option').map((option) => option.textContent)).toEqual(['Ikke valgt', 'Nytt IKA-depot']);
    await user.selectOptions(choice, 'Nytt IKA-depot');
    await user.click(section.getByRole('button', { name: 'Koble til' }));
    expect(await section.findByRole('link', { name: 'Nytt IKA-depot' })).toHaveAttribute('href', '/funn#funn-43');

    await user.click(section.getByRole('button', { name: 'Fjern koblingen til Gamle lokaler' }));
    await expect.poll(() => section.queryByRole('link', { name: 'Gamle lokaler' })).toBeNull();
    expect(calls).toEqual(['link 43 7', 'unlink 41 7']);
    expect(section.getByRole('status')).toHaveTextContent('Koblingen til «Gamle lokaler» er fjernet.');
  });
});
