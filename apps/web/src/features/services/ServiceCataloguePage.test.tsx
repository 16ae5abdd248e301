import { screen, within } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { KONGSBERG, me, signInAs } from '../../test/auth.ts';
import { renderApp } from '../../test/renderApp.tsx';
import { server } from '../../test/server.ts';
import type { ServiceRow_service } from './serviceQueries.ts';

const COORDINATOR = me({ id: 'u-coord', memberships: [{ role: 'COORDINATOR', municipality: KONGSBERG }] });
const municipality = (id: string, name: string) => ({ __typename: 'Municipality' as const, id, name, participates: true });

function service(fields: Partial<ServiceRow_service> & Pick<ServiceRow_service, 'id' | 'name'>): ServiceRow_service {
  return { __typename: 'Service', description: null, serviceLevel: null, costSharingKey: 'VOLUME', contact: null, status: 'ACTIVE', version: 1, municipalities: [], ...fields };
}

function answerCatalogue(services: ServiceRow_service[]) {
  server.use(graphql.query('ServiceCataloguePage', () => HttpResponse.json({ data: { services, municipalities: [municipality('m1', 'Kongsberg'), municipality('m2', 'Sigdal')] } })));
}

const rows = (table: HTMLElement) => within(table).getAllByRole('row').slice(1).map((row) => Array.from((row as HTMLTableRowElement).cells, (c) => c.textContent));

describe('ServiceCataloguePage', () => {
  it('lists the services with their level, municipalities and cost-sharing key in words, and offers the XLSX download', async () => {
    signInAs();
    answerCatalogue([
      service({ id: 's1', name: 'Postmottak og skanning', description: 'Mottak av post', serviceLevel: 'Innen én arbeidsdag', municipalities: [{ __typename: 'Municipality', id: 'm1', name: 'Kongsberg' }, { __typename: 'Municipality', id: 'm2', name: 'Sigdal' }] }),
      service({ id: 's2', name: 'Opplæring', costSharingKey: 'FIXED', status: 'PLANNED' }),
    ]);
    renderApp('/tjenester');
    const table = await screen.findByRole('table', { name: 'Tjenester i katalogen' }, { timeout: 5000 });
    expect(rows(table)).toEqual([
      ['Postmottak og skanningMottak av post', 'Innen én arbeidsdag', 'Kongsberg, Sigdal', 'Etter volum', '–', 'I drift'],
      ['Opplæring', '–', 'Ingen kommuner ennå', 'Fast andel', '–', 'Planlagt'],
    ]);
    expect(screen.getByRole('link', { name: 'Last ned som Excel (XLSX)' })).toHaveAttribute('href', '/exports/service-catalogue?format=xlsx');
    expect(screen.getByRole('button', { name: 'Skriv ut katalogen' })).toBeInTheDocument();
    // A viewer reads; only ADMIN and coordinators get the edit controls.
    expect(screen.queryByRole('button', { name: 'Ny tjeneste' })).not.toBeInTheDocument();
  });

  it('lets a coordinator change a service\'s municipalities and shows the saved row', async () => {
    signInAs(COORDINATOR);
    const original = service({ id: 's1', name: 'Journalføring', municipalities: [{ __typename: 'Municipality', id: 'm1', name: 'Kongsberg' }] });
    answerCatalogue([original]);
    const inputs: unknown[] = [];
    server.use(
      graphql.mutation('UpdateService', ({ variables }) => {
        inputs.push(variables);
        return HttpResponse.json({ data: { updateService: { ...original, version: 2, municipalities: [...original.municipalities, { __typename: 'Municipality', id: 'm2', name: 'Sigdal' }] } } });
      }),
    );
    const { user } = renderApp('/tjenester');
    await user.click(await screen.findByRole('button', { name: 'Endre Journalføring' }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Sigdal' }));
    await user.click(within(dialog).getByRole('button', { name: 'Lagre tjenesten' }));
    expect(await screen.findByText('Journalføring er lagret.')).toBeInTheDocument();
    expect(inputs).toEqual([{ id: 's1', input: expect.objectContaining({ name: 'Journalføring', municipalityIds: ['m1', 'm2'], version: 1 }) }]);
    expect(rows(screen.getByRole('table', { name: 'Tjenester i katalogen' }))[0]![2]).toBe('Kongsberg, Sigdal');
  });

  it('marks an empty name at the field without asking the server', async () => {
    signInAs(COORDINATOR);
    answerCatalogue([]);
    const { user } = renderApp('/tjenester');
    await user.click(await screen.findByRole('button', { name: 'Ny tjeneste' }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Lagre tjenesten' }));
    expect(within(dialog).getByLabelText('Tjeneste')).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByText('Fyll inn navnet.')).toBeInTheDocument();
  });
});
