import { beforeEach, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/testApi.ts';
import { useTestApi } from '../../testing/useTestApi.ts';

// One database copy for the file: each test makes its own rows (numbers 9xxx) and changes no seeded row.
const t = useTestApi({ per: 'file' });
let admin: TestClient;
let viewer: TestClient;
beforeEach(async () => {
  admin = await t.api.signIn('admin');
  viewer = await t.api.signIn('leser');
});

const FIELDS = `id number name role participates version`;
const CREATE = `mutation CreateMunicipality($input: CreateMunicipalityInput!) { createMunicipality(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation UpdateMunicipality($id: ID!, $input: UpdateMunicipalityInput!) { updateMunicipality(id: $id, input: $input) { ${FIELDS} } }`;
const DELETE = `mutation DeleteMunicipality($id: ID!) { deleteMunicipality(id: $id) { ${FIELDS} } }`;
const RESTORE = `mutation RestoreMunicipality($id: ID!) { restoreMunicipality(id: $id) { ${FIELDS} } }`;
type Written = { id: string; number: string; name: string; role: string; participates: boolean; version: number };

async function create(number: string, name = `Testkommune ${number}`): Promise<Written> {
  const result = await admin.gql<{ createMunicipality: Written }>(CREATE, { input: { number, name, role: 'PARTNER', participates: true } });
  expect(result.errors).toBeUndefined();
  return result.data!.createMunicipality;
}

describe('administering municipalities', () => {
  it('creates a municipality with an audit row, and finds it by id', async () => {
    const created = await create('9001', 'Ny kommune');
    expect(created).toMatchObject({ number: '9001', name: 'Ny kommune', role: 'PARTNER', participates: true, version: 1 });
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { entityType: 'Municipality', entityId: created.id, action: 'create' } });
    expect(audit.after).toMatchObject({ number: '9001', name: 'Ny kommune' });
    const found = await viewer.gql<{ municipality: { name: string } }>(`query($id: ID!) { municipality(id: $id) { name } }`, { id: created.id });
    expect(found.data!.municipality).toEqual({ name: 'Ny kommune' });
  });

  it('rejects a number that is not four digits, and an empty name, with field errors', async () => {
    const result = await admin.gql(CREATE, { input: { number: '123', name: ' ', role: 'PARTNER', participates: true } });
    expect(result.errors?.[0]).toMatchObject({ message: 'Kommunenummeret må ha fire sifre.', extensions: { code: 'VALIDATION_FAILED', path: ['input', 'number'] } });
    const issues = result.errors![0]!.extensions!.issues as { path: string[] }[];
    expect(issues.map((i) => i.path.join('.'))).toEqual(['input.number', 'input.name']);
  });

  it('refuses a number in use with ALREADY_EXISTS at the field', async () => {
    const result = await admin.gql(CREATE, { input: { number: '3303', name: 'Kopi', role: 'PARTNER', participates: true } });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'ALREADY_EXISTS', path: ['input', 'number'], deleted: false } });
  });

  it('tells that a number belongs to a deleted municipality', async () => {
    const created = await create('9012');
    await admin.gql(DELETE, { id: created.id });
    const result = await admin.gql(CREATE, { input: { number: '9012', name: 'Igjen', role: 'PARTNER', participates: true } });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'ALREADY_EXISTS', path: ['input', 'number'], deleted: true } });
  });

  it('refuses a second live host with a coded error, never the database index', async () => {
    const created = await create('9002');
    const onCreate = await admin.gql(CREATE, { input: { number: '9003', name: 'Vert to', role: 'HOST', participates: true } });
    expect(onCreate.errors?.[0]).toMatchObject({ message: 'Kongsberg er allerede vertskommune. Det kan bare være én.', extensions: { code: 'ALREADY_EXISTS', path: ['input', 'role'] } });
    const onUpdate = await admin.gql(UPDATE, { id: created.id, input: { number: '9002', name: created.name, role: 'HOST', participates: true, version: 1 } });
    expect(onUpdate.errors?.[0]).toMatchObject({ extensions: { code: 'ALREADY_EXISTS', path: ['input', 'role'] } });
  });

  it('lets the host stay host when it is updated', async () => {
    const kongsberg = await t.db.prisma.municipality.findUniqueOrThrow({ where: { number: '3303' } });
    const result = await admin.gql<{ updateMunicipality: Written }>(UPDATE, { id: String(kongsberg.id), input: { number: '3303', name: 'Kongsberg', role: 'HOST', participates: true, version: kongsberg.version } });
    expect(result.errors).toBeUndefined();
    expect(result.data!.updateMunicipality.version).toBe(kongsberg.version + 1);
  });

  it('refuses to restore a deleted host while another municipality is host', async () => {
    const former = await t.db.prisma.municipality.create({ data: { number: '9011', name: 'Tidligere vert', role: 'PARTNER' } });
    await t.db.prisma.municipality.update({ where: { id: former.id }, data: { role: 'HOST', deletedAt: new Date() } });
    const result = await admin.gql(RESTORE, { id: String(former.id) });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'ALREADY_EXISTS', path: ['id'] } });
  });

  it('updates with the version it was based on and records before and after', async () => {
    const created = await create('9004');
    const result = await admin.gql<{ updateMunicipality: Written }>(UPDATE, { id: created.id, input: { number: '9005', name: 'Omdøpt', role: 'PARTNER', participates: false, version: 1 } });
    expect(result.data!.updateMunicipality).toMatchObject({ number: '9005', name: 'Omdøpt', participates: false, version: 2 });
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { entityType: 'Municipality', entityId: created.id, action: 'update' } });
    expect(audit.before).toMatchObject({ number: '9004', version: 1 });
    expect(audit.after).toMatchObject({ number: '9005', version: 2 });
  });

  it('refuses a stale version with VERSION_CONFLICT carrying the current values', async () => {
    const created = await create('9006');
    await admin.gql(UPDATE, { id: created.id, input: { number: '9006', name: 'Først', role: 'PARTNER', participates: true, version: 1 } });
    const stale = await admin.gql(UPDATE, { id: created.id, input: { number: '9006', name: 'Sist', role: 'PARTNER', participates: true, version: 1 } });
    expect(stale.errors?.[0]).toMatchObject({ extensions: { code: 'VERSION_CONFLICT', path: ['input', 'version'], current: { name: 'Først', version: 2 } } });
  });

  it('lets exactly one of two concurrent updates of the same version win', async () => {
    const created = await create('9007');
    const results = await Promise.all(['A', 'B'].map((name) => admin.gql(UPDATE, { id: created.id, input: { number: '9007', name, role: 'PARTNER', participates: true, version: 1 } })));
    expect(results.map((r) => r.errors?.[0]?.extensions?.code ?? 'ok').sort()).toEqual(['VERSION_CONFLICT', 'ok']);
    expect((await t.db.prisma.municipality.findUniqueOrThrow({ where: { id: Number(created.id) } })).version).toBe(2);
  });

  it('soft-deletes a municipality nothing depends on, hides it, and lets ADMIN restore it', async () => {
    const created = await create('9008');
    expect((await admin.gql(DELETE, { id: created.id })).errors).toBeUndefined();
    const list = await viewer.gql<{ municipalities: { number: string }[] }>(`{ municipalities { number } }`);
    expect(list.data!.municipalities.map((m) => m.number)).not.toContain('9008');
    expect((await viewer.gql(`query($id: ID!) { municipality(id: $id) { id } }`, { id: created.id })).data).toEqual({ municipality: null });
    expect((await admin.gql(UPDATE, { id: created.id, input: { number: '9008', name: 'X', role: 'PARTNER', participates: true, version: 2 } })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const restored = await admin.gql<{ restoreMunicipality: Written }>(RESTORE, { id: created.id });
    expect(restored.data!.restoreMunicipality).toMatchObject({ number: '9008', version: 3 });
    const actions = await t.db.prisma.auditEvent.findMany({ where: { entityType: 'Municipality', entityId: created.id }, orderBy: { id: 'asc' } });
    expect(actions.map((e) => e.action)).toEqual(['create', 'delete', 'restore']);
  });

  it('refuses to restore a live municipality with NOT_DELETED', async () => {
    const created = await create('9009');
    expect((await admin.gql(RESTORE, { id: created.id })).errors?.[0]?.extensions?.code).toBe('NOT_DELETED');
  });

  it('refuses to delete a municipality with series, archives, memberships and risks with IN_USE and the counts', async () => {
    const kongsberg = await t.db.prisma.municipality.findUniqueOrThrow({ where: { number: '3303' } });
    const result = await admin.gql(DELETE, { id: String(kongsberg.id) });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'IN_USE', dependents: { series: expect.any(Number), archives: expect.any(Number), memberships: expect.any(Number) } } });
    expect((await t.db.prisma.municipality.findUniqueOrThrow({ where: { id: kongsberg.id } })).deletedAt).toBeNull();
  });

  it('refuses to delete a municipality that only a membership names', async () => {
    const created = await create('9010');
    const user = await t.db.prisma.user.findUniqueOrThrow({ where: { username: 'leser' } });
    await t.db.prisma.membership.create({ data: { userId: user.id, municipalityId: Number(created.id), role: 'VIEWER' } });
    expect((await admin.gql(DELETE, { id: created.id })).errors?.[0]).toMatchObject({ extensions: { code: 'IN_USE', dependents: { memberships: 1 } } });
  });

  it('refuses to delete a municipality that only a live risk names', async () => {
    const created = await create('9014');
    const risk = await t.db.prisma.risk.findFirstOrThrow({ where: { deletedAt: null } });
    await t.db.prisma.riskMunicipality.create({ data: { riskId: risk.id, municipalityId: Number(created.id) } });
    expect((await admin.gql(DELETE, { id: created.id })).errors?.[0]).toMatchObject({ extensions: { code: 'IN_USE', dependents: { risks: 1 } } });
  });

  it('refuses every municipality change to a coordinator', async () => {
    const coordinator = await t.api.signIn('koordinator');
    const result = await coordinator.gql(CREATE, { input: { number: '9013', name: 'X', role: 'PARTNER', participates: true } });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await t.db.prisma.municipality.count({ where: { number: '9013' } })).toBe(0);
  });
});
