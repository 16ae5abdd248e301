import { screen, waitFor, within } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiErrorResponse, FLESBERG, me, signInAs, VIEWER } from '../../../test/auth.ts';
import { renderApp } from '../../../test/renderApp.tsx';
import { server } from '../../../test/server.ts';
import { auditEvent, eventConnection } from '../../audit/auditFixtures.ts';
import type { SeriesChainLink, SeriesPage_series } from './seriesPageQuery.ts';

const ARCHIVIST = me({ id: 'u-arkivar', memberships: [{ role: 'ARCHIVIST', municipality: FLESBERG }] });

const link = (id: string, identifier: string, periodStart: string, periodEnd: string | null): SeriesChainLink => ({
  __typename: 'ArchiveSeries', id, identifier, title: `Sakarkiv ${identifier}`, periodStart, periodEnd,
});

function seriesFixture(fields: Partial<SeriesPage_series> = {}): SeriesPage_series {
  return {
    __typename: 'ArchiveSeries',
    id: '42',
    municipality: { __typename: 'Municipality', id: FLESBERG.id, name: 'Flesberg' },
    archive: { __typename: 'Archive', id: '5', title: 'Flesberg kommunes arkiv', systemId: null },
    archiveCreator: { __typename: 'ArchiveCreator', id: '6', name: 'Flesberg kommune', creatorId: '3334' },
    systemId: 'a1b2c3',
    identifier: 'SAK-2020',
    title: 'Sakarkiv 2020–2025',
    description: 'Saksarkivet i Elements.',
    status: 'AVSLUTTET_PERIODE',
    documentMedium: 'ELEKTRONISK',
    periodStart: '2020-01-01',
    periodEnd: '2025-12-31',
    isContinuous: false,
    classificationType: 'K-koder',
    retentionDecision: 'BEVARES',
    retentionYears: null,
    retentionBasis: 'Bevarings- og kassasjonsplan for kommunene',
    accessRestriction: 'Unntatt offentlighet',
    restrictionBasis: 'Offl. § 13',
    storageLocation: null,
    extentFiles: 12450,
    extentRecords: 98000,
    extentShelfMetres: null,
    system: 'Elements',
    depositStatus: 'IKKE_AVLEVERT',
    depositDate: null,
    targetSeries: { __typename: 'TargetSeries', id: '2', code: 'SAK-FOR-2026', title: 'Sakarkiv før 2026' },
    version: 3,
    updatedAt: '2026-03-05T13:30:00.000Z',
    canEdit: true,
    predecessor: {
      ...link('41', 'SAK-2016', '2016-01-01', '2019-12-31'),
      predecessor: { ...link('40', 'SAK-2012', '2012-01-01', '2015-12-31'), predecessor: { ...link('39', 'SAK-2008', '2008-01-01', '2011-12-31'), earlier: { id: '38' } } },
    },
    successor: { ...link('43', 'SAK-2026', '2026-01-01', null), successor: null },
    ...fields,
  };
}

function answerSeries(series: SeriesPage_series | null) {
  server.use(
    graphql.query('SeriesPage', () => HttpResponse.json({ data: { archiveSeriesById: series } })),
    graphql.query('HistoryPanel', () => HttpResponse.json({ data: { entityHistory: eventConnection([]) } })),
    graphql.query('SeriesEditOptions', () =>
      HttpResponse.json({
        data: {
          archives: [{ __typename: 'Archive', id: '5', title: 'Flesberg kommunes arkiv' }],
          archiveCreators: [{ __typename: 'ArchiveCreator', id: '6', name: 'Flesberg kommune' }],
          targetSeries: [
            { __typename: 'TargetSeries', id: '1', code: 'SAK-2026', title: 'Sakarkiv 2026–' },
            { __typename: 'TargetSeries', id: '2', code: 'SAK-FOR-2026', title: 'Sakarkiv før 2026' },
          ],
        },
      }),
    ),
  );
}

/** The value shown for a field, found by its Norwegian name (with the M-number beside it). */
function fact(name: string | RegExp) {
  const term = screen.getByText((_, element) => element?.tagName === 'DT' && (typeof name === 'string' ? element.textContent?.trim() === name : name.test(element.textContent ?? '')));
  return term.nextElementSibling as HTMLElement;
}

// The first test waits for the lazy page chunk to be transformed, slow on a busy machine.
describe('SeriesPage', { timeout: 20_000 }, () => {
  beforeEach(() => signInAs(ARCHIVIST));

  it('shows the Noark 5 fields by their Norwegian names with code-list words, and the chain of periods as links', async () => {
    answerSeries(seriesFixture());
    renderApp('/arkivserier/42');

    // The first render waits for the page's lazy chunk.
    expect(await screen.findByRole('heading', { level: 1, name: 'Sakarkiv 2020–2025' }, { timeout: 12_000 })).toBeInTheDocument();
    expect(fact('Arkivdelstatus M051')).toHaveTextContent('Avsluttet periode');
    expect(fact('Dokumentmedium M300')).toHaveTextContent('Elektronisk arkiv');
    expect(fact('Kassasjonsvedtak M450')).toHaveTextContent('Bevares');
    expect(fact('Arkivperiodens startdato M107')).toHaveTextContent('01.01.2020');
    expect(fact('Arkivperiodens sluttdato M108')).toHaveTextContent('31.12.2025');
    expect(fact('Tilgangsrestriksjon M500')).toHaveTextContent('Unntatt offentlighet');
    expect(fact('Antall mapper')).toHaveTextContent(/^12\s450$/);
    expect(fact('Hyllemeter')).toHaveTextContent('Ingen verdi');
    expect(fact('Arkivskaper M023')).toHaveTextContent('Flesberg kommune (3334)');
    expect(fact('Avleveringsstatus')).toHaveTextContent('Ikke avlevert');
    expect(fact('Målarkivdel')).toHaveTextContent('SAK-FOR-2026 Sakarkiv før 2026');
    expect(fact('Forløper M202')).toContainElement(screen.getAllByRole('link', { name: /^SAK-2016/ })[0]!);

    const chain = screen.getByRole('list', { name: 'Periodekjede' });
    const items = within(chain).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'SAK-2008 Sakarkiv SAK-2008 (01.01.2008–31.12.2011) (eldre perioder finnes)',
      'SAK-2012 Sakarkiv SAK-2012 (01.01.2012–31.12.2015)',
      'SAK-2016 Sakarkiv SAK-2016 (01.01.2016–31.12.2019)',
      'SAK-2020 Sakarkiv 2020–2025 (01.01.2020–31.12.2025) (denne arkivserien)',
      'SAK-2026 Sakarkiv SAK-2026 (01.01.2026–)',
    ]);
    expect(within(items[0]!).getByRole('link')).toHaveAttribute('href', '/arkivserier/39');
    expect(within(items[4]!).getByRole('link')).toHaveAttribute('href', '/arkivserier/43');
    expect(items[3]).toHaveAttribute('aria-current', 'page');
    expect(within(items[3]!).queryByRole('link')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Alle arkivserier' })).toHaveAttribute('href', '/arkivserier');
    expect(await screen.findByRole('region', { name: 'Endringshistorikk' })).toBeInTheDocument();
  });

  it('checks the shared rules before sending: an empty title is refused at the field, no request', async () => {
    answerSeries(seriesFixture());
    let sent = 0;
    server.use(graphql.mutation('UpdateArchiveSeries', () => { sent += 1; return HttpResponse.json({ data: null }); }));
    const { user } = renderApp('/arkivserier/42');
    await user.click(await screen.findByRole('button', { name: 'Endre' }));
    const title = screen.getByRole('textbox', { name: 'Tittel' });
    await user.clear(title);
    await user.click(screen.getByRole('button', { name: 'Lagre' }));

    expect(await screen.findByText('Fyll inn tittel.')).toBeInTheDocument();
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveFocus();
    expect(sent).toBe(0);
  });

  it('shows the server\'s field error at its field', async () => {
    answerSeries(seriesFixture());
    server.use(
      graphql.mutation('UpdateArchiveSeries', () =>
        apiErrorResponse('ALREADY_EXISTS', { path: ['input', 'identifier'], existingId: 7 }, 'Kommunen har allerede en arkivdel med denne identifikatoren.'),
      ),
    );
    const { user } = renderApp('/arkivserier/42');
    await user.click(await screen.findByRole('button', { name: 'Endre' }));
    const identifier = screen.getByRole('textbox', { name: 'Identifikator' });
    await user.clear(identifier);
    await user.type(identifier, 'SAK-2016');
    await user.click(screen.getByRole('button', { name: 'Lagre' }));

    expect(await screen.findByText('Kommunen har allerede en arkivdel med denne identifikatoren.')).toBeInTheDocument();
    expect(identifier).toHaveAttribute('aria-invalid', 'true');
  });

  it('saves every field with the version it was based on, and shows the saved series', async () => {
    answerSeries(seriesFixture());
    let sent: Record<string, unknown> | undefined;
    server.use(
      graphql.mutation('UpdateArchiveSeries', ({ variables }) => {
        sent = variables;
        return HttpResponse.json({ data: { updateArchiveSeries: seriesFixture({ retentionDecision: 'KASSERES', extentShelfMetres: 2.5, version: 4 }) } });
      }),
    );
    const { user } = renderApp('/arkivserier/42');
    await user.click(await screen.findByRole('button', { name: 'Endre' }));
    await user.selectOptions(screen.getByRole('combobox', { name: /Kassasjonsvedtak/ }), 'Kasseres');
    await user.type(screen.getByRole('textbox', { name: 'Hyllemeter' }), '2,5');
    await user.click(screen.getByRole('button', { name: 'Lagre' }));

    expect(await screen.findByText('Endringene er lagret.')).toBeInTheDocument();
    expect(sent).toMatchObject({
      id: '42',
      input: { version: 3, retentionDecision: 'KASSERES', extentShelfMetres: 2.5, title: 'Sakarkiv 2020–2025', periodEnd: '2025-12-31', archiveId: '5', targetSeriesId: '2', storageLocation: null, isContinuous: false },
    });
    expect(fact('Kassasjonsvedtak M450')).toHaveTextContent('Kasseres');
    expect(fact('Hyllemeter')).toHaveTextContent('2,5');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Endre' })).toHaveFocus());
  });

  it('tells a version conflict without the stored values in words and reloads the stored series', async () => {
    answerSeries(seriesFixture());
    server.use(graphql.mutation('UpdateArchiveSeries', () => apiErrorResponse('VERSION_CONFLICT', { path: ['input', 'version'] })));
    const { user } = renderApp('/arkivserier/42');
    await user.click(await screen.findByRole('button', { name: 'Endre' }));
    await user.click(screen.getByRole('button', { name: 'Lagre' }));

    expect(await screen.findByText(/Noen andre har endret arkivserien/)).toBeInTheDocument();
    answerSeries(seriesFixture({ title: 'Sakarkiv 2020–2025 (endret)', version: 4 }));
    await user.click(screen.getByRole('button', { name: 'Last inn på nytt' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sakarkiv 2020–2025 (endret)' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Lagre' })).not.toBeInTheDocument();
  });

  it('shows the stored values of a version conflict beside the user\'s own, field by field, and saves the choices against the stored version', async () => {
    answerSeries(seriesFixture());
    const inputs: Record<string, unknown>[] = [];
    // The other person changed the title, the retention decision and the archive (the API's seriesView: ids as numbers).
    const stored = { ...seriesFixture(), archiveId: null, archiveCreatorId: 6, targetSeriesId: 1, title: 'Sakarkiv 2020–2025 (rettet)', retentionDecision: 'VURDERES_SENERE', version: 5 };
    server.use(
      graphql.mutation('UpdateArchiveSeries', ({ variables }) => {
        inputs.push(variables.input as Record<string, unknown>);
        if (inputs.length === 1) return apiErrorResponse('VERSION_CONFLICT', { path: ['input', 'version'], current: stored });
        return HttpResponse.json({ data: { updateArchiveSeries: seriesFixture({ title: 'Sakarkiv 2020–2025 (rettet)', retentionDecision: 'KASSERES', version: 6 }) } });
      }),
    );
    const { user } = renderApp('/arkivserier/42');
    await user.click(await screen.findByRole('button', { name: 'Endre' }));
    await user.selectOptions(screen.getByRole('combobox', { name: /Kassasjonsvedtak/ }), 'Kasseres');
    await user.clear(screen.getByRole('textbox', { name: 'System' }));
    await user.type(screen.getByRole('textbox', { name: 'System' }), 'Elements Cloud');
    await user.click(screen.getByRole('button', { name: 'Lagre' }));

    const dialog = within(await screen.findByRole('dialog', { name: 'Noen andre har endret dette' }));
    const group = (name: string | RegExp) => within(dialog.getByRole('group', { name }));
    // Fields the user left alone start on the stored value, the fields they changed on their own.
    expect(group('Tittel').getByRole('radio', { name: 'Lagret av andre: Sakarkiv 2020–2025 (rettet)' })).toBeChecked();
    expect(group('Tittel').getByRole('radio', { name: 'Din verdi: Sakarkiv 2020–2025' })).not.toBeChecked();
    expect(group('Kassasjonsvedtak').getByRole('radio', { name: 'Din verdi: Kasseres' })).toBeChecked();
    expect(group('Kassasjonsvedtak').getByRole('radio', { name: 'Lagret av andre: Vurderes senere' })).not.toBeChecked();
    expect(group('Arkiv').getByRole('radio', { name: 'Lagret av andre: (tomt)' })).toBeChecked();
    expect(group('Arkiv').getByRole('radio', { name: 'Din verdi: Flesberg kommunes arkiv' })).toBeInTheDocument();
    expect(group('Målarkivdel').getByRole('radio', { name: 'Lagret av andre: SAK-2026 Sakarkiv 2026–' })).toBeChecked();
    expect(group('System').getByRole('radio', { name: 'Din verdi: Elements Cloud' })).toBeChecked();
    expect(dialog.queryByRole('group', { name: 'Beskrivelse' })).not.toBeInTheDocument();

    await user.click(group('Arkiv').getByRole('radio', { name: 'Din verdi: Flesberg kommunes arkiv' }));
    await user.click(dialog.getByRole('button', { name: 'Lagre valgene' }));

    expect(await screen.findByText('Endringene er lagret.')).toBeInTheDocument();
    expect(inputs).toHaveLength(2);
    expect(inputs[1]).toMatchObject({ version: 5, title: 'Sakarkiv 2020–2025 (rettet)', retentionDecision: 'KASSERES', archiveId: '5', targetSeriesId: '1', system: 'Elements Cloud', archiveCreatorId: '6' });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('offers a viewer no editing control', async () => {
    signInAs(VIEWER);
    answerSeries(seriesFixture({ canEdit: false }));
    renderApp('/arkivserier/42');
    await screen.findByRole('heading', { level: 1, name: 'Sakarkiv 2020–2025' });
    for (const name of ['Endre', 'Rediger', 'Lagre', 'Slett']) expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
  });

  it('offers no editing to an archivist of another municipality', async () => {
    answerSeries(seriesFixture({ municipality: { __typename: 'Municipality', id: 'm-3303', name: 'Kongsberg' }, canEdit: false }));
    renderApp('/arkivserier/42');
    await screen.findByRole('heading', { level: 1, name: 'Sakarkiv 2020–2025' });
    expect(screen.queryByRole('button', { name: 'Endre' })).not.toBeInTheDocument();
  });

  it('names the fields and code values of its history in the words of the page', async () => {
    answerSeries(seriesFixture());
    const change = auditEvent({ id: 'e-1', entityType: 'ArchiveSeries', entityId: '42', before: { retentionDecision: 'BEVARES', version: 3 }, after: { retentionDecision: 'KASSERES', version: 4 } });
    server.use(graphql.query('HistoryPanel', () => HttpResponse.json({ data: { entityHistory: eventConnection([change]) } })));
    renderApp('/arkivserier/42');

    const history = await screen.findByRole('region', { name: 'Endringshistorikk' });
    const row = (await within(history).findByRole('rowheader', { name: 'Kassasjonsvedtak' })).closest('tr')!;
    expect(within(row).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['Bevares', 'Kasseres']);
  });

  it('says clearly when the series does not exist', async () => {
    answerSeries(null);
    renderApp('/arkivserier/999');
    expect(await screen.findByRole('heading', { level: 1, name: 'Fant ikke arkivserien' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Alle arkivserier' })).toHaveAttribute('href', '/arkivserier');
  });
});
