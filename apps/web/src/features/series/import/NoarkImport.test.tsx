import { screen, within } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { apiErrorResponse, me, signInAs, VIEWER } from '../../../test/auth.ts';
import { renderApp } from '../../../test/renderApp.tsx';
import { server } from '../../../test/server.ts';
import { answerJobPolls, answerUploads, counts, FLESBERG, item, job, problem, report, ROLLAG } from './testData.ts';

const ARCHIVIST = me({ id: 'u-arkivar', username: 'arkivar', memberships: [{ role: 'ARCHIVIST', municipality: FLESBERG }, { role: 'ARCHIVIST', municipality: ROLLAG }] });

const xml = (name: string) => new File([name], name, { type: 'text/xml' });

async function startDryRun() {
  const view = renderApp('/arkivserier/import');
  await view.user.upload(await screen.findByLabelText('arkivstruktur.xml'), xml('arkivstruktur.xml'));
  await view.user.upload(screen.getByLabelText('arkivuttrekk.xml (valgfri)'), xml('arkivuttrekk.xml'));
  await view.user.click(screen.getByRole('button', { name: 'Last opp og start prøvekjøring' }));
  return view;
}

describe('the Noark 5 import', () => {
  it('uploads both files, shows the dry run progress and report, imports on confirmation and links to the result', async () => {
    signInAs(ARCHIVIST);
    const uploaded = answerUploads();
    const dryRuns: Record<string, unknown>[] = [];
    const runs: Record<string, unknown>[] = [];
    server.use(
      graphql.mutation('StartNoarkImportDryRun', ({ variables }) => {
        dryRuns.push(variables);
        return HttpResponse.json({ data: { noarkImportDryRun: job() } });
      }),
      graphql.mutation('RunNoarkImport', ({ variables }) => {
        runs.push(variables);
        answerJobPolls(job({ id: 'job-2', dryRun: false, progress: 0.7 }), job({ id: 'job-2', dryRun: false, status: 'SUCCEEDED', progress: 1, report: report({ dryRun: false, created: counts(1, 0, 1), updated: counts(0, 0, 1) }) }));
        return HttpResponse.json({ data: { runNoarkImport: job({ id: 'job-2', dryRun: false, progress: 0.1 }) } });
      }),
    );
    answerJobPolls(
      job({ progress: 0.4 }),
      job({ status: 'SUCCEEDED', progress: 1, report: report({ problems: [problem({ message: 'Arkivdelen mangler dokumentmedium.', line: 31 })] }) }),
    );
    const { user } = await startDryRun();

    const bar = await screen.findByRole('progressbar');
    expect(bar).toHaveAttribute('value', '40');
    expect(screen.getByText('40 % lest (4 kB av 10 kB)')).toBeInTheDocument();
    expect(uploaded).toEqual(['up-1', 'up-2']);
    expect(dryRuns).toEqual([{ uploadId: 'up-1', uttrekkUploadId: 'up-2', municipalityId: null }]);

    await screen.findByRole('heading', { name: 'Rapport fra prøvekjøringen' });
    expect(screen.getByText('Noark 5-versjon 5.0 (oppgitt i arkivuttrekk.xml).')).toBeInTheDocument();
    expect(screen.getByTestId('import-proposal')).toHaveTextContent('Foreslått kommune: Flesberg. arkivskaperNavn «Flesberg kommune» inneholder kommunenavnet Flesberg.');
    expect(screen.getByRole('combobox', { name: 'Kommune' })).toHaveValue(FLESBERG.id);
    const itemsTable = screen.getByRole('table', { name: '3 objekter i filen' });
    const updated = within(itemsTable).getByRole('row', { name: /Personalmapper/ });
    expect(updated).toHaveTextContent('Endres');
    expect(updated).toHaveTextContent('Tittel, Kassasjonsvedtak');
    expect(updated).toHaveTextContent('6 mapper, 12 registreringer, 2 klasser');
    const warnings = screen.getByRole('table', { name: '1 advarsel' });
    expect(within(warnings).getByRole('row', { name: /dokumentmedium/ })).toHaveTextContent('Advarselarkivstruktur.xml/arkiv/arkivdel[1]31Arkivdelen mangler dokumentmedium.');

    await user.click(screen.getByRole('button', { name: 'Importer til Flesberg' }));
    expect(await screen.findByRole('heading', { name: 'Resultat av importen' })).toBeInTheDocument();
    expect(runs).toEqual([{ uploadId: 'up-1', uttrekkUploadId: 'up-2', municipalityId: FLESBERG.id }]);
    expect(screen.getByText('Opprettet: 1 arkiv, 0 arkivskapere og 1 arkivdeler.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Personalmapper' })).toHaveAttribute('href', '/arkivserier/77');
    expect(screen.getByRole('link', { name: 'Sakarkiv 2010–2015' })).toHaveAttribute('href', `/arkivserier?kommune=${FLESBERG.id}&sok=Sakarkiv+2010%E2%80%932015`);
    expect(screen.getByRole('link', { name: 'Se arkivseriene til Flesberg' })).toHaveAttribute('href', `/arkivserier?kommune=${FLESBERG.id}`);
    expect(uploaded).toHaveLength(2);
  });

  it('offers no import when the report has errors, and filters the problems by severity', async () => {
    signInAs(ARCHIVIST);
    answerUploads();
    server.use(graphql.mutation('StartNoarkImportDryRun', () => HttpResponse.json({ data: { noarkImportDryRun: job() } })));
    answerJobPolls(
      job({
        status: 'SUCCEEDED',
        progress: 1,
        report: report({
          omittedProblemCount: 12,
          problems: [
            problem({ severity: 'ERROR', code: 'SYSTEMID_NOT_UUID', message: 'systemID må være en UUID i Noark 5 v5.0.', path: '/arkiv/arkivdel[2]/systemID', line: 44 }),
            problem({ severity: 'NOTICE', message: 'Arkivdelen har ingen klasser.', line: null }),
          ],
        }),
      }),
    );
    const { user } = await startDryRun();

    await screen.findByRole('heading', { name: 'Rapport fra prøvekjøringen' });
    expect(screen.queryByRole('button', { name: /Importer til/ })).not.toBeInTheDocument();
    expect(screen.getByText(/Filen har 1 feil som hindrer import/)).toBeInTheDocument();
    expect(screen.getByText(/12 funn til er talt med/)).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: '1 merknad' })).getByText('Hele filen')).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: '1 feil' }));
    expect(screen.getByRole('table', { name: '1 feil' })).toHaveTextContent('/arkiv/arkivdel[2]/systemID44systemID må være en UUID i Noark 5 v5.0.');
    expect(screen.queryByRole('table', { name: '1 merknad' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Begynn på nytt' }));
    expect(await screen.findByLabelText('arkivstruktur.xml')).toHaveValue('');
  });

  it('says nothing was written and why when the import fails', async () => {
    signInAs(ARCHIVIST);
    answerUploads();
    server.use(
      graphql.mutation('StartNoarkImportDryRun', () => HttpResponse.json({ data: { noarkImportDryRun: job({ status: 'SUCCEEDED', progress: 1, report: report() }) } })),
      graphql.mutation('RunNoarkImport', () =>
        HttpResponse.json({
          data: {
            runNoarkImport: job({
              id: 'job-2',
              dryRun: false,
              status: 'FAILED',
              progress: 1,
              report: report({ dryRun: false, failure: { __typename: 'NoarkImportFailure', code: 'INTERNAL_SERVER_ERROR', message: 'Databasen svarte ikke. Prøv igjen senere.' } }),
            }),
          },
        }),
      ),
    );
    const { user } = await startDryRun();
    await user.click(await screen.findByRole('button', { name: 'Importer til Flesberg' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Importen mislyktes');
    expect(alert).toHaveTextContent('Ingenting er lagret.');
    expect(alert).toHaveTextContent('Databasen svarte ikke. Prøv igjen senere.');
    expect(screen.getByRole('button', { name: 'Importer en ny fil' })).toBeInTheDocument();
  });

  it('asks for arkivstruktur.xml before sending anything, and shows an expired upload at its field', async () => {
    signInAs(ARCHIVIST);
    const uploaded = answerUploads();
    let dryRuns = 0;
    server.use(
      graphql.mutation('StartNoarkImportDryRun', () => {
        dryRuns++;
        return apiErrorResponse('NOT_FOUND', { path: ['uploadId'] }, 'Fant ikke den opplastede filen.');
      }),
    );
    const { user } = renderApp('/arkivserier/import');
    await user.click(await screen.findByRole('button', { name: 'Last opp og start prøvekjøring' }));
    expect(screen.getByLabelText('arkivstruktur.xml')).toHaveAccessibleDescription(/Velg arkivstruktur.xml fra uttrekket./);
    expect(uploaded).toEqual([]);

    await user.upload(screen.getByLabelText('arkivstruktur.xml'), xml('arkivstruktur.xml'));
    await user.click(screen.getByRole('button', { name: 'Last opp og start prøvekjøring' }));
    await screen.findByText(/Serveren har ikke lenger den opplastede filen/);
    expect(screen.getByLabelText('arkivstruktur.xml')).toHaveAttribute('aria-invalid', 'true');
    expect(dryRuns).toBe(1);
  });

  it('makes the archivist choose when the proposal is a municipality not theirs', async () => {
    signInAs(ARCHIVIST);
    answerUploads();
    const kongsberg = { __typename: 'Municipality' as const, id: 'm-3303', name: 'Kongsberg' };
    server.use(
      graphql.mutation('StartNoarkImportDryRun', () =>
        HttpResponse.json({ data: { noarkImportDryRun: job({ status: 'SUCCEEDED', progress: 1, report: report({ municipality: kongsberg, proposedMunicipality: kongsberg, proposalReason: 'arkivskaperNavn «Kongsberg kommune» inneholder kommunenavnet Kongsberg.' }) }) } }),
      ),
    );
    await startDryRun();
    expect(await screen.findByText('Du kan ikke importere til Kongsberg. Velg en av dine kommuner og kjør prøvekjøringen på nytt.')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Kommune' })).toHaveValue('');
    expect(screen.queryByRole('button', { name: /Importer til/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Kjør prøvekjøringen på nytt' })).toBeDisabled();
  });

  it('offers only the archivist\'s own municipalities', async () => {
    signInAs(ARCHIVIST);
    renderApp('/arkivserier/import');
    const select = await screen.findByRole('combobox', { name: 'Kommune' });
    expect(within(select).getAllByRole('option').map((option) => option.textContent)).toEqual(['Foreslå ut fra arkivskaperen i uttrekket', 'Flesberg', 'Rollag']);
  });

  it('shows a reader the no-access page instead of the import', async () => {
    signInAs(VIEWER);
    renderApp('/arkivserier/import');
    expect(await screen.findByRole('heading', { level: 1, name: 'Ingen tilgang' })).toBeInTheDocument();
    expect(screen.queryByLabelText('arkivstruktur.xml')).not.toBeInTheDocument();
  });
});
