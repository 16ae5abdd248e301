import { screen, within } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { apiErrorResponse, me, signInAs } from '../../../test/auth.ts';
import { renderApp } from '../../../test/renderApp.tsx';
import { server } from '../../../test/server.ts';
import type { CsvImportPreview } from './CsvMapping.tsx';
import { answerJobPolls, answerUploads, counts, FLESBERG, job, problem, report } from './testData.ts';

const ARCHIVIST = me({ id: 'u-arkivar', username: 'arkivar', memberships: [{ role: 'ARCHIVIST', municipality: FLESBERG }] });

function preview(fields: Partial<CsvImportPreview> = {}): CsvImportPreview {
  const column = (index: number, header: string, samples: string[], proposedField: CsvImportPreview['columns'][number]['proposedField']) => ({ __typename: 'CsvImportColumn' as const, index, header, samples, proposedField });
  return {
    __typename: 'CsvImportPreview',
    uploadId: 'up-1',
    filename: 'serier.csv',
    delimiter: ';',
    columns: [
      column(0, 'Identifikator', ['BYGG-1', 'POST-1'], 'IDENTIFIER'),
      column(1, 'Tittel', ['Byggesaker', 'Postjournal'], 'TITLE'),
      column(2, 'Status', ['Avsluttet periode'], 'STATUS'),
      column(3, 'Medium', ['Elektronisk arkiv'], null),
      column(4, 'Fra', ['2010-01-01'], 'PERIOD_START'),
      column(5, 'Merknad', [], null),
    ],
    requiredFields: ['IDENTIFIER', 'SYSTEM_ID', 'TITLE', 'STATUS', 'DOCUMENT_MEDIUM', 'PERIOD_START'],
    problems: [],
    ...fields,
  };
}

function answerPreview(answer: CsvImportPreview) {
  server.use(graphql.query('CsvImportPreview', ({ variables }) => HttpResponse.json({ data: { csvImportPreview: { ...answer, uploadId: variables.uploadId } } })));
}

const csv = () => new File(['Identifikator;Tittel\n'], 'serier.csv', { type: 'text/csv' });

async function openMapping(answer = preview()) {
  signInAs(ARCHIVIST);
  answerUploads();
  answerPreview(answer);
  const view = renderApp('/arkivserier/import?format=csv');
  await view.user.upload(await screen.findByLabelText('CSV-fil'), csv());
  await view.user.click(screen.getByRole('button', { name: 'Last opp og les kolonnene' }));
  await screen.findByRole('heading', { name: '2. Koble kolonnene i serier.csv' });
  return view;
}

const columnSelect = (n: number, header: string) => screen.getByRole('combobox', { name: `Kolonne ${n}: «${header}»` });

describe('the CSV import', () => {
  it('maps the columns, runs the dry run, imports on confirmation and shows what was created', async () => {
    const dryRuns: Record<string, unknown>[] = [];
    const runs: Record<string, unknown>[] = [];
    const { user } = await openMapping();
    server.use(
      graphql.mutation('StartCsvImportDryRun', ({ variables }) => {
        dryRuns.push(variables);
        return HttpResponse.json({ data: { csvImportDryRun: job({ id: 'csv-1' }) } });
      }),
      graphql.mutation('RunCsvImport', ({ variables }) => {
        runs.push(variables);
        return HttpResponse.json({ data: { runCsvImport: job({ id: 'csv-2', dryRun: false, status: 'SUCCEEDED', progress: 1, report: report({ dryRun: false, created: counts(0, 0, 2), updated: counts(0, 0, 0) }) }) } });
      }),
    );
    answerJobPolls(job({ id: 'csv-1', status: 'SUCCEEDED', progress: 1, report: report({ proposedMunicipality: null, proposalReason: null, problems: [problem({ file: 'serier.csv', path: '/rad[3]/Tittel', line: 3, message: 'Tittelen er lang.' })] }) }));

    // Headers and samples beside each column; the proposals preselected; a field used once.
    expect(columnSelect(1, 'Identifikator')).toHaveValue('IDENTIFIER');
    expect(columnSelect(1, 'Identifikator')).toHaveAccessibleDescription('Eksempler: BYGG-1 · POST-1');
    expect(columnSelect(4, 'Medium')).toHaveValue('');
    expect(within(columnSelect(4, 'Medium')).getByRole('option', { name: 'Tittel (påkrevd)' })).toBeDisabled();
    expect(screen.getByText('Dokumentmedium: mangler')).toBeInTheDocument();
    expect(screen.getByText('Identifikator eller System-ID: koblet')).toBeInTheDocument();

    await user.selectOptions(columnSelect(4, 'Medium'), 'DOCUMENT_MEDIUM');
    expect(screen.getByText('Dokumentmedium: koblet')).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kommune' }), FLESBERG.id);
    await user.click(screen.getByRole('button', { name: 'Start prøvekjøring' }));

    await screen.findByRole('heading', { name: 'Rapport fra prøvekjøringen' });
    const mapping = [
      { column: 0, field: 'IDENTIFIER' },
      { column: 1, field: 'TITLE' },
      { column: 2, field: 'STATUS' },
      { column: 3, field: 'DOCUMENT_MEDIUM' },
      { column: 4, field: 'PERIOD_START' },
    ];
    expect(dryRuns).toEqual([{ uploadId: 'up-1', municipalityId: FLESBERG.id, mapping }]);
    expect(screen.queryByText(/Noark 5-versjon/)).not.toBeInTheDocument();
    expect(screen.getByRole('table', { name: '1 advarsel' })).toHaveTextContent('serier.csv/rad[3]/Tittel3Tittelen er lang.');

    await user.click(screen.getByRole('button', { name: 'Importer til Flesberg' }));
    await screen.findByRole('heading', { name: 'Resultat av importen' });
    expect(runs).toEqual([{ uploadId: 'up-1', municipalityId: FLESBERG.id, mapping }]);
    expect(screen.getByText('Opprettet: 0 arkiv, 0 arkivskapere og 2 arkivdeler.')).toBeInTheDocument();
  });

  it('names the required fields still unmapped and sends nothing until they are', async () => {
    let dryRuns = 0;
    server.use(
      graphql.mutation('StartCsvImportDryRun', () => {
        dryRuns++;
        return HttpResponse.json({ data: { csvImportDryRun: job() } });
      }),
    );
    const { user } = await openMapping();
    await user.selectOptions(columnSelect(2, 'Tittel'), '');
    await user.click(screen.getByRole('button', { name: 'Start prøvekjøring' }));

    expect(screen.getByRole('group', { name: 'Kolonner og felt' })).toHaveAccessibleDescription('Koble en kolonne til hvert påkrevde felt: Tittel, Dokumentmedium mangler.');
    expect(screen.getByRole('combobox', { name: 'Kommune' })).toHaveAccessibleDescription('Velg kommunen arkivdelene skal importeres til.');
    expect(dryRuns).toBe(0);
  });

  it('shows the server\'s word on the mapping at the mapping', async () => {
    const { user } = await openMapping(preview({ requiredFields: [] }));
    server.use(graphql.mutation('StartCsvImportDryRun', () => apiErrorResponse('VALIDATION_FAILED', { path: ['mapping'] }, 'Kolonne 6 finnes ikke i filen.')));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kommune' }), FLESBERG.id);
    await user.click(screen.getByRole('button', { name: 'Start prøvekjøring' }));
    expect(await screen.findByRole('group', { name: 'Kolonner og felt' })).toHaveAccessibleDescription('Kolonne 6 finnes ikke i filen.');
  });

  it('offers no import when the dry run found errors', async () => {
    const { user } = await openMapping(preview({ requiredFields: [] }));
    server.use(graphql.mutation('StartCsvImportDryRun', () => HttpResponse.json({ data: { csvImportDryRun: job({ status: 'SUCCEEDED', progress: 1, report: report({ problems: [problem({ severity: 'ERROR', message: 'Ukjent arkivdelstatus «Ferdig».', line: 4 })] }) }) } })));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kommune' }), FLESBERG.id);
    await user.click(screen.getByRole('button', { name: 'Start prøvekjøring' }));
    await screen.findByRole('heading', { name: 'Rapport fra prøvekjøringen' });
    expect(screen.getByRole('table', { name: '1 feil' })).toHaveTextContent('Ukjent arkivdelstatus «Ferdig».');
    expect(screen.queryByRole('button', { name: /Importer til/ })).not.toBeInTheDocument();
  });

  it('says nothing was written when the import fails', async () => {
    const { user } = await openMapping(preview({ requiredFields: [] }));
    server.use(
      graphql.mutation('StartCsvImportDryRun', () => HttpResponse.json({ data: { csvImportDryRun: job({ status: 'SUCCEEDED', progress: 1, report: report() }) } })),
      graphql.mutation('RunCsvImport', () => HttpResponse.json({ data: { runCsvImport: job({ dryRun: false, status: 'FAILED', progress: 1, report: report({ dryRun: false, failure: { __typename: 'NoarkImportFailure', code: 'IMPORT_HAS_ERRORS', message: 'Rad 4 har fått en feil siden prøvekjøringen.' } }) }) } })),
    );
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kommune' }), FLESBERG.id);
    await user.click(screen.getByRole('button', { name: 'Start prøvekjøring' }));
    await user.click(await screen.findByRole('button', { name: 'Importer til Flesberg' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Ingenting er lagret.');
    expect(alert).toHaveTextContent('Rad 4 har fått en feil siden prøvekjøringen.');
  });

  it('refuses a file that is not .csv and a file the preview finds broken', async () => {
    signInAs(ARCHIVIST);
    answerUploads();
    answerPreview(preview({ columns: [], problems: [problem({ severity: 'ERROR', file: 'serier.csv', path: '/', line: null, message: 'Filen er ikke UTF-8.' })] }));
    const { user } = renderApp('/arkivserier/import?format=csv');
    const input = await screen.findByLabelText('CSV-fil');
    await user.upload(input, new File(['x'], 'serier.xlsx', { type: 'text/csv' }));
    await user.click(screen.getByRole('button', { name: 'Last opp og les kolonnene' }));
    expect(input).toHaveAccessibleDescription(/Filen må slutte på .csv/);

    await user.upload(input, csv());
    await user.click(screen.getByRole('button', { name: 'Last opp og les kolonnene' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Filen er ikke UTF-8.');
    await user.click(screen.getByRole('button', { name: 'Begynn på nytt' }));
    expect(await screen.findByLabelText('CSV-fil')).toBeInTheDocument();
  });
});
