import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/testApi.ts';
import { useTestApi } from '../../testing/useTestApi.ts';

// One database copy for the file: each test makes its own services (names with its own word).
const t = useTestApi({ per: 'file' });
let coordinator: TestClient;
beforeEach(async () => {
  coordinator = await t.api.signIn('koordinator');
});

const FIELDS = `id name description serviceLevel costSharingKey contact status version municipalities { id name }`;
const LIST = `query ServiceCatalogue { services { ${FIELDS} } }`;
const CREATE = `mutation CreateService($input: ServiceInput!) { createService(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation UpdateService($id: ID!, $input: UpdateServiceInput!) { updateService(id: $id, input: $input) { ${FIELDS} } }`;
const DELETE = `mutation DeleteService($id: ID!) { deleteService(id: $id) { id } }`;
type Out = { id: string; name: string; version: number; municipalities: { id: string; name: string }[] };

const municipalityId = async (name: string) => String((await t.db.prisma.municipality.findFirstOrThrow({ where: { name } })).id);
const input = async (name: string, municipalities: string[] = ['Kongsberg']) => ({
  name, description: 'Beskrivelse', serviceLevel: 'Innen én arbeidsdag', costSharingKey: 'VOLUME', contact: 'Postmottaket', status: 'ACTIVE',
  municipalityIds: await Promise.all(municipalities.map(municipalityId)),
});

describe('the service catalogue', () => {
  it('lists the seeded catalogue by name with æ, ø, å after z, to a viewer', async () => {
    const viewer = await t.api.signIn('leser');
    const { data, errors } = await viewer.gql<{ services: Out[] }>(LIST);
    expect(errors).toBeUndefined();
    const names = data!.services.map((s) => s.name);
    expect(names).toContain('Postmottak og skanning');
    expect(data!.services.find((s) => s.name === 'Journalføring')!.municipalities).toHaveLength(8);
    await coordinator.gql(CREATE, { input: await input('Zebrakurs') });
    await coordinator.gql(CREATE, { input: await input('Ærlig tjeneste') });
    const after = (await viewer.gql<{ services: Out[] }>(LIST)).data!.services.map((s) => s.name);
    expect(after.indexOf('Ærlig tjeneste')).toBeGreaterThan(after.indexOf('Zebrakurs'));
  });

  it('lets a coordinator create and update a service with its municipalities, each change audited', async () => {
    const created = await coordinator.gql<{ createService: Out }>(CREATE, { input: await input('Skanning av byggesaker', ['Sigdal', 'Kongsberg']) });
    expect(created.errors).toBeUndefined();
    const service = created.data!.createService;
    expect(service.municipalities.map((m) => m.name)).toEqual(['Kongsberg', 'Sigdal']);
    const updated = await coordinator.gql<{ updateService: Out }>(UPDATE, { id: service.id, input: { ...(await input('Skanning av byggesaker', ['Tinn'])), version: 1 } });
    expect(updated.data!.updateService).toMatchObject({ version: 2, municipalities: [{ name: 'Tinn' }] });
    const events = await t.db.prisma.auditEvent.findMany({ where: { entityType: 'Service', entityId: service.id }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(['create', 'update']);
    expect(events[1]!.before).toMatchObject({ municipalityIds: expect.arrayContaining([Number(await municipalityId('Sigdal'))]) });
  });

  it('refuses an empty name, a name in use and an unknown municipality with field errors, writing nothing', async () => {
    const empty = await coordinator.gql(CREATE, { input: { ...(await input('x')), name: ' ' } });
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', path: ['input', 'name'] });
    const taken = await coordinator.gql(CREATE, { input: await input('postmottak OG skanning') });
    expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'ALREADY_EXISTS', path: ['input', 'name'] });
    // Case-blind for æ, ø, å as well (PostgreSQL's lower() under the C collation is not).
    expect((await coordinator.gql(CREATE, { input: await input('JOURNALFØRING') })).errors?.[0]?.extensions?.code).toBe('ALREADY_EXISTS');
    const unknown = await coordinator.gql(CREATE, { input: { ...(await input('Ukjent kommune')), municipalityIds: ['999999'] } });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', path: ['input', 'municipalityIds', 0] });
    expect(await t.db.prisma.service.count({ where: { name: 'Ukjent kommune' } })).toBe(0);
  });

  it('refuses a stale version with the current values', async () => {
    const service = (await coordinator.gql<{ createService: Out }>(CREATE, { input: await input('Versjonstest') })).data!.createService;
    await coordinator.gql(UPDATE, { id: service.id, input: { ...(await input('Versjonstest 2')), version: 1 } });
    const stale = await coordinator.gql(UPDATE, { id: service.id, input: { ...(await input('Versjonstest 3')), version: 1 } });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'VERSION_CONFLICT', current: { name: 'Versjonstest 2', version: 2 } });
  });

  it('deletes a service out of the catalogue and frees its name', async () => {
    const service = (await coordinator.gql<{ createService: Out }>(CREATE, { input: await input('Slettes') })).data!.createService;
    expect((await coordinator.gql(DELETE, { id: service.id })).errors).toBeUndefined();
    expect((await coordinator.gql<{ services: Out[] }>(LIST)).data!.services.map((s) => s.id)).not.toContain(service.id);
    expect((await coordinator.gql(CREATE, { input: await input('Slettes') })).errors).toBeUndefined();
  });

  it('leaves catalogue changes to ADMIN and COORDINATOR', async () => {
    const archivist = await t.api.signIn('arkivar');
    expect((await archivist.gql(CREATE, { input: await input('Arkivarens tjeneste') })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('reads the catalogue with its municipalities in a fixed number of statements', async () => {
    const count = async () => {
      let n = 0;
      const stop = t.db.onQuery(() => n++);
      await coordinator.gql(LIST);
      stop();
      return n;
    };
    const before = await count();
    for (let i = 0; i < 5; i++) await coordinator.gql(CREATE, { input: await input(`Ekstra ${i}`, ['Rollag', 'Tinn']) });
    expect(await count()).toBe(before);
  });

  it('exports the catalogue as XLSX and records the download', async () => {
    const response = await fetch(`${t.api.url}/exports/service-catalogue?format=xlsx`, { headers: { cookie: coordinator.cookie! } });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const sheet = workbook.getWorksheet('Tjenestekatalog')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Tjeneste', 'Beskrivelse', 'Tjenestenivå', 'Kommuner', 'Fordelingsnøkkel', 'Kontakt', 'Status']);
    const names: string[] = [];
    sheet.eachRow((row, i) => { if (i > 1) names.push(String(row.getCell(1).value)); });
    expect(names).toContain('Postmottak og skanning');
    expect(await t.db.prisma.auditEvent.count({ where: { entityType: 'Service', action: 'export' } })).toBeGreaterThan(0);
  });
});
