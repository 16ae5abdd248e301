import { screen, within } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { FLESBERG, KONGSBERG, me, signInAs, VIEWER } from '../../../test/auth.ts';
import { renderApp } from '../../../test/renderApp.tsx';
import { server } from '../../../test/server.ts';
import type { ComparisonCell, ComparisonRow, SeriesComparison } from './comparisonQuery.ts';

const ARCHIVIST = me({ id: 'u-arkivar', memberships: [{ role: 'ARCHIVIST', municipality: FLESBERG }] });
const ROLLAG = { __typename: 'Municipality' as const, id: 'm-3336', name: 'Rollag' };
const COLUMNS = [FLESBERG, KONGSBERG, ROLLAG];

function cell(municipalityId: string, fields: Partial<ComparisonCell> = {}): ComparisonCell {
  return {
    __typename: 'ArchiveSeriesComparisonCell',
    municipality: { __typename: 'Municipality', id: municipalityId },
    series: [],
    seriesCount: 0,
    statuses: [],
    retentionDecisions: [],
    retentionDecisionMissing: false,
    classificationTypes: [],
    periodStart: null,
    periodEnd: null,
    differences: ['MISSING'],
    ...fields,
  };
}

const mapped = (municipalityId: string, id: string, identifier: string, fields: Partial<ComparisonCell> = {}) =>
  cell(municipalityId, {
    series: [{ __typename: 'ArchiveSeries', id, identifier, title: `Personalmapper ${identifier}` }],
    seriesCount: 1,
    statuses: ['AVSLUTTET_PERIODE'],
    retentionDecisions: ['BEVARES'],
    classificationTypes: ['Objektbasert'],
    periodStart: '2000-01-01',
    periodEnd: '2025-12-31',
    differences: [],
    ...fields,
  });

const PERSONAL: ComparisonRow = {
  __typename: 'ArchiveSeriesComparisonRow',
  targetSeries: { __typename: 'TargetSeries', id: 't-8', code: 'PERSONAL', title: 'Personalmapper' },
  commonRetentionDecision: 'BEVARES',
  commonClassificationType: 'Objektbasert',
  cells: [
    cell(FLESBERG.id),
    mapped(KONGSBERG.id, 's-1', 'PERS-KB', { seriesCount: 3 }),
    mapped(ROLLAG.id, 's-2', 'PERS-RO', {
      statuses: ['AKTIV_PERIODE'],
      periodEnd: null,
      retentionDecisions: ['KASSERES'],
      differences: ['RETENTION_DECISION_DIFFERS', 'ACTIVE_AFTER_CUTOVER'],
    }),
  ],
};

const COMPARISON: SeriesComparison = {
  __typename: 'ArchiveSeriesComparison',
  cutoverDate: '2026-01-01',
  columns: COLUMNS.map((municipality) => ({ __typename: 'ArchiveSeriesComparisonColumn', municipality, unmappedSeriesCount: municipality === FLESBERG ? 2 : 0 })),
  rows: [PERSONAL],
};

function answerComparison(comparison = COMPARISON) {
  server.use(graphql.query('SeriesComparison', () => HttpResponse.json({ data: { archiveSeriesComparison: comparison } })));
}

function cellAt(municipality: string) {
  const table = screen.getByRole('table', { name: 'Målarkivdeler etter kommune' });
  const columns = within(table).getAllByRole('columnheader').map((th) => th.firstChild?.textContent);
  const row = within(table).getByRole('rowheader', { name: /Personalmapper/ }).closest('tr')!;
  return row.querySelectorAll('td')[columns.indexOf(municipality) - 1] as HTMLElement;
}

// The first test waits for the lazy page chunk to be transformed, slow on a busy machine.
describe('SeriesComparePage', { timeout: 20_000 }, () => {
  it('shows each cell\'s series, status, period and retention, and differences in words as well as colour', async () => {
    signInAs(VIEWER);
    answerComparison();
    renderApp('/arkivserier/sammenligning');

    expect(await screen.findByRole('table', { name: 'Målarkivdeler etter kommune' }, { timeout: 12_000 })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Sammenligning av arkivserier' })).toBeInTheDocument();
    expect(screen.getAllByRole('columnheader').map((th) => th.firstChild?.textContent)).toEqual(['Målarkivdel', 'Flesberg', 'Kongsberg', 'Rollag']);
    expect(screen.getByRole('columnheader', { name: /Flesberg/ })).toHaveTextContent('2 arkivdeler uten målarkivdel');

    const flesberg = cellAt('Flesberg');
    expect(flesberg).toHaveTextContent('Mangler arkivdel');
    expect(flesberg).toHaveClass('compare-cell--missing');

    const kongsberg = cellAt('Kongsberg');
    expect(within(kongsberg).getByRole('link', { name: 'PERS-KB Personalmapper PERS-KB' })).toHaveAttribute('href', '/arkivserier/s-1');
    expect(kongsberg).toHaveTextContent('… og 2 til');
    expect(kongsberg).toHaveTextContent('Avsluttet periode');
    expect(kongsberg).toHaveTextContent('01.01.2000–31.12.2025');
    expect(kongsberg).toHaveTextContent('Bevares');
    expect(kongsberg).not.toHaveTextContent('Avvik');
    expect(kongsberg).not.toHaveClass('compare-cell--differs');

    const rollag = cellAt('Rollag');
    expect(rollag).toHaveClass('compare-cell--differs');
    expect(rollag).toHaveTextContent('Aktiv periode');
    expect(rollag).toHaveTextContent('01.01.2000–');
    expect(within(rollag).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'PERS-RO Personalmapper PERS-RO',
      'Annet kassasjonsvedtak enn flertallet (Bevares)',
      'Fortsatt aktiv periode etter driftsstart 01.01.2026',
    ]);

    // A viewer maps nothing.
    expect(screen.queryByRole('button', { name: /Koble/ })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Last ned sammenligningen som Excel (XLSX)' })).toHaveAttribute('href', '/exports/archive-series-comparison');
    expect(screen.getByRole('link', { name: 'Alle arkivserier' })).toHaveAttribute('href', '/arkivserier');
  });

  it('lets an archivist map one of the municipality\'s unmapped series from an empty cell', async () => {
    signInAs(ARCHIVIST);
    answerComparison();
    let mapped: Record<string, unknown> | undefined;
    let asked: Record<string, unknown> | undefined;
    server.use(
      graphql.query('UnmappedSeries', ({ variables }) => {
        asked = variables;
        return HttpResponse.json({
          data: {
            unmappedArchiveSeries: [
              { __typename: 'ArchiveSeries', id: 's-7', identifier: 'PERS-FL', title: 'Personalmapper Flesberg', version: 4 },
              { __typename: 'ArchiveSeries', id: 's-9', identifier: 'DIV', title: 'Diverse', version: 1 },
            ],
          },
        });
      }),
      graphql.mutation('MapArchiveSeries', ({ variables }) => {
        mapped = variables;
        answerComparison({ ...COMPARISON, rows: [{ ...PERSONAL, cells: [mappedCell(), ...PERSONAL.cells.slice(1)] }] });
        return HttpResponse.json({ data: { mapArchiveSeries: { __typename: 'ArchiveSeries', id: 's-7', version: 5 } } });
      }),
    );
    const mappedCell = () => ({ ...PERSONAL.cells[1]!, municipality: { __typename: 'Municipality' as const, id: FLESBERG.id }, series: [{ __typename: 'ArchiveSeries' as const, id: 's-7', identifier: 'PERS-FL', title: 'Personalmapper Flesberg' }], seriesCount: 1 });
    const { user } = renderApp('/arkivserier/sammenligning');

    // Only in the archivist's own municipality, and only where a series is missing.
    const open = await screen.findByRole('button', { name: 'Koble en arkivdel fra Flesberg til Personalmapper' }, { timeout: 12_000 });
    expect(screen.getAllByRole('button', { name: /Koble en arkivdel/ })).toHaveLength(1);
    await user.click(open);
    const dialog = await screen.findByRole('dialog', { name: 'Koble arkivdel til Personalmapper' });
    expect(asked).toEqual({ municipalityId: FLESBERG.id });

    await user.click(within(dialog).getByRole('button', { name: 'Koble' }));
    expect(await within(dialog).findByText('Velg en arkivdel.')).toBeInTheDocument();
    expect(mapped).toBeUndefined();

    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Arkivdel fra Flesberg uten målarkivdel' }), 'PERS-FL Personalmapper Flesberg');
    await user.click(within(dialog).getByRole('button', { name: 'Koble' }));

    expect(await screen.findByText('PERS-FL Personalmapper Flesberg er koblet til Personalmapper.')).toBeInTheDocument();
    expect(mapped).toEqual({ id: 's-7', targetSeriesId: 't-8', version: 4 });
    expect(await within(cellAt('Flesberg')).findByRole('link', { name: 'PERS-FL Personalmapper Flesberg' })).toBeInTheDocument();
  });

  it('says what must happen before there is anything to compare', async () => {
    signInAs(VIEWER);
    answerComparison({ ...COMPARISON, rows: [] });
    renderApp('/arkivserier/sammenligning');
    expect(await screen.findByText(/Det finnes ingen målarkivdeler eller deltakende kommuner/, {}, { timeout: 12_000 })).toBeInTheDocument();
    expect(screen.getByText(/Målarkivdelene legges inn av en administrator/)).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('says what went wrong when the grid cannot be fetched', async () => {
    signInAs(VIEWER);
    server.use(graphql.query('SeriesComparison', () => HttpResponse.json({ errors: [{ message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: 'abc' } }] })));
    renderApp('/arkivserier/sammenligning');
    expect(await screen.findByText(/Sammenligningen kunne ikke hentes\. .*abc/, {}, { timeout: 12_000 })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Prøv igjen' })).toBeInTheDocument();
  });
});
