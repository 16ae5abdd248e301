import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/testApi.ts';
import { useTestApi } from '../../testing/useTestApi.ts';

// One database copy for the file: each test makes its own archives and creators (system ids and
// creator ids unique to the test) and changes no seeded row.
const t = useTestApi({ per: 'file' });
let archivist: TestClient;
let admin: TestClient;
const municipality: Record<string, string> = {};
beforeAll(async () => {
  for (const m of await t.db.prisma.municipality.findMany()) municipality[m.number] = String(m.id);
});
beforeEach(async () => {
  archivist = await t.api.signIn('arkivar');
  admin = await t.api.signIn('admin');
});
// arkivar is ARCHIVIST in 3334 Flesberg and 3336 Rollag.
const FLESBERG = () => municipality['3334']!;
const ROLLAG = () => municipality['3336']!;
const KONGSBERG = () => municipality['3303']!;

const ARCHIVE = `id systemId title description version municipality { number }`;
const CREATOR = `id creatorId name description version municipality { number } archive { id title }`;
const CREATE_ARCHIVE = `mutation CreateArchive($input: ArchiveInput!) { createArchive(input: $input) { ${ARCHIVE} } }`;
const UPDATE_ARCHIVE = `mutation UpdateArchive($id: ID!, $input: UpdateArchiveInput!) { updateArchive(id: $id, input: $input) { ${ARCHIVE} } }`;
const DELETE_ARCHIVE = `mutation DeleteArchive($id: ID!) { deleteArchive(id: $id) { id } }`;
const RESTORE_ARCHIVE = `mutation RestoreArchive($id: ID!) { restoreArchive(id: $id) { id version } }`;
const CREATE_CREATOR = `mutation CreateArchiveCreator($input: ArchiveCreatorInput!) { createArchiveCreator(input: $input) { ${CREATOR} } }`;
const UPDATE_CREATOR = `mutation UpdateArchiveCreator($id: ID!, $input: UpdateArchiveCreatorInput!) { updateArchiveCreator(id: $id, input: $input) { ${CREATOR} } }`;
const DELETE_CREATOR = `mutation DeleteArchiveCreator($id: ID!) { deleteArchiveCreator(id: $id) { id } }`;
const RESTORE_CREATOR = `mutation RestoreArchiveCreator($id: ID!) { restoreArchiveCreator(id: $id) { id version } }`;

type ArchiveOut = { id: string; systemId: string | null; title: string; version: number; municipality: { number: string } };
type CreatorOut = { id: string; creatorId: string; name: string; version: number; archive: { id: string } | null };

async function createArchive(input: Record<string, unknown>, client = archivist): Promise<ArchiveOut> {
  const result = await client.gql<{ createArchive: ArchiveOut }>(CREATE_ARCHIVE, { input: { municipalityId: FLESBERG(), title: 'Testarkiv', ...input } });
  expect(result.errors).toBeUndefined();
  return result.data!.createArchive;
}

async function createCreator(input: Record<string, unknown>): Promise<CreatorOut> {
  const result = await archivist.gql<{ createArchiveCreator: CreatorOut }>(CREATE_CREATOR, { input: { municipalityId: FLESBERG(), name: 'Testskaper', ...input } });
  expect(result.errors).toBeUndefined();
  return result.data!.createArchiveCreator;
}

describe('archives', () => {
  it('lets an archivist create an archive in their own municipality, with an audit row', async () => {
    const created = await createArchive({ systemId: 'sys-a1', title: '  Flesberg kommunearkiv 2  ', description: 'Nytt' });
    expect(created).toMatchObject({ systemId: 'sys-a1', title: 'Flesberg kommunearkiv 2', version: 1, municipality: { number: '3334' } });
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { entityType: 'Archive', entityId: created.id, action: 'create' } });
    expect(audit.after).toMatchObject({ systemId: 'sys-a1', municipalityId: Number(FLESBERG()) });
  });

  it("refuses an archive in another municipality to an archivist, and audits the refusal", async () => {
    const result = await archivist.gql(CREATE_ARCHIVE, { input: { municipalityId: KONGSBERG(), title: 'Ikke mitt' } });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await t.db.prisma.auditEvent.count({ where: { action: 'access-denied', entityId: 'createArchive' } })).toBeGreaterThan(0);
    expect(await t.db.prisma.archive.count({ where: { title: 'Ikke mitt' } })).toBe(0);
  });

  it('lets ADMIN create an archive in any municipality', async () => {
    const created = await createArchive({ municipalityId: municipality['4026'], systemId: 'sys-admin' }, admin);
    expect(created.municipality.number).toBe('4026');
  });

  it('rejects an empty title and an unknown municipality', async () => {
    const empty = await archivist.gql(CREATE_ARCHIVE, { input: { municipalityId: FLESBERG(), title: '' } });
    expect(empty.errors?.[0]).toMatchObject({ message: 'Fyll inn tittelen.', extensions: { code: 'VALIDATION_FAILED', path: ['input', 'title'] } });
    const unknown = await admin.gql(CREATE_ARCHIVE, { input: { municipalityId: '999999', title: 'X' } });
    expect(unknown.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND', path: ['input', 'municipalityId'] } });
  });

  it('refuses a system id in use in the municipality with ALREADY_EXISTS, and allows it in another', async () => {
    await createArchive({ systemId: 'sys-dup' });
    const again = await archivist.gql(CREATE_ARCHIVE, { input: { municipalityId: FLESBERG(), title: 'Kopi', systemId: 'sys-dup' } });
    expect(again.errors?.[0]).toMatchObject({ extensions: { code: 'ALREADY_EXISTS', path: ['input', 'systemId'] } });
    await createArchive({ municipalityId: ROLLAG(), systemId: 'sys-dup' });
  });

  it('updates on the version it was based on and refuses a stale one with the current values', async () => {
    const created = await createArchive({ systemId: 'sys-u' });
    const updated = await archivist.gql<{ updateArchive: ArchiveOut }>(UPDATE_ARCHIVE, { id: created.id, input: { municipalityId: FLESBERG(), systemId: 'sys-u', title: 'Nytt navn', version: 1 } });
    expect(updated.data!.updateArchive).toMatchObject({ title: 'Nytt navn', version: 2 });
    const stale = await archivist.gql(UPDATE_ARCHIVE, { id: created.id, input: { municipalityId: FLESBERG(), systemId: 'sys-u', title: 'Gammelt', version: 1 } });
    expect(stale.errors?.[0]).toMatchObject({ extensions: { code: 'VERSION_CONFLICT', current: { title: 'Nytt navn', version: 2 } } });
  });

  it('moves an archive between two of the archivist’s municipalities, but not into another one', async () => {
    const created = await createArchive({ systemId: 'sys-move' });
    const moved = await archivist.gql<{ updateArchive: ArchiveOut }>(UPDATE_ARCHIVE, { id: created.id, input: { municipalityId: ROLLAG(), systemId: 'sys-move', title: 'Flyttet', version: 1 } });
    expect(moved.data!.updateArchive.municipality.number).toBe('3336');
    const away = await archivist.gql(UPDATE_ARCHIVE, { id: created.id, input: { municipalityId: KONGSBERG(), systemId: 'sys-move', title: 'Bort', version: 2 } });
    expect(away.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("refuses an archivist's change to an archive of another municipality", async () => {
    const kongsbergArchive = await createArchive({ municipalityId: KONGSBERG(), systemId: 'sys-k' }, admin);
    const result = await archivist.gql(UPDATE_ARCHIVE, { id: kongsbergArchive.id, input: { municipalityId: FLESBERG(), title: 'Tatt', version: 1 } });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await archivist.gql(DELETE_ARCHIVE, { id: kongsbergArchive.id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses to delete an archive that live series and creators use with IN_USE', async () => {
    const seeded = await t.db.prisma.archive.findFirstOrThrow({ where: { municipalityId: Number(FLESBERG()), series: { some: {} } } });
    const result = await archivist.gql(DELETE_ARCHIVE, { id: String(seeded.id) });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'IN_USE', dependents: { series: expect.any(Number) } } });
  });

  it('refuses to delete an archive that only a creator uses', async () => {
    const archive = await createArchive({ systemId: 'sys-c' });
    await createCreator({ creatorId: 'c-only', archiveId: archive.id });
    expect((await archivist.gql(DELETE_ARCHIVE, { id: archive.id })).errors?.[0]).toMatchObject({ extensions: { code: 'IN_USE', dependents: { archiveCreators: 1 } } });
  });

  it('soft-deletes an archive out of every list and lookup, and lets only ADMIN restore it', async () => {
    const archive = await createArchive({ systemId: 'sys-del', title: 'Slettes' });
    expect((await archivist.gql(DELETE_ARCHIVE, { id: archive.id })).errors).toBeUndefined();
    const list = await archivist.gql<{ archives: { id: string }[] }>(`query($m: ID!) { archives(municipalityId: $m) { id } }`, { m: FLESBERG() });
    expect(list.data!.archives.map((a) => a.id)).not.toContain(archive.id);
    expect((await archivist.gql(`query($id: ID!) { archive(id: $id) { id } }`, { id: archive.id })).data).toEqual({ archive: null });
    expect((await archivist.gql(RESTORE_ARCHIVE, { id: archive.id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await admin.gql(RESTORE_ARCHIVE, { id: archive.id })).data).toEqual({ restoreArchive: { id: archive.id, version: 3 } });
    expect((await admin.gql(RESTORE_ARCHIVE, { id: archive.id })).errors?.[0]?.extensions?.code).toBe('NOT_DELETED');
  });

  it('lists a municipality’s archives in Norwegian title order', async () => {
    for (const title of ['Åsen', 'Ørje', 'Ærø', 'Zeta']) await createArchive({ municipalityId: ROLLAG(), title, systemId: `sys-sort-${title}` });
    const list = await archivist.gql<{ archives: { title: string }[] }>(`query($m: ID!) { archives(municipalityId: $m) { title } }`, { m: ROLLAG() });
    const titles = list.data!.archives.map((a) => a.title).filter((t) => ['Åsen', 'Ørje', 'Ærø', 'Zeta'].includes(t));
    expect(titles).toEqual(['Zeta', 'Ærø', 'Ørje', 'Åsen']);
  });

  it('reads archives and creators with their municipality and archive in a constant number of statements', async () => {
    const tinn = municipality['4026']!;
    for (let i = 0; i < 20; i++) {
      const archive = await t.db.prisma.archive.create({ data: { municipalityId: Number(tinn), title: `Q${i}`, systemId: `q-${i}` } });
      await t.db.prisma.archiveCreator.create({ data: { municipalityId: Number(tinn), archiveId: archive.id, creatorId: `q-${i}`, name: `Q${i}` } });
    }
    const count = async (m: string) => {
      let n = 0;
      const stop = t.db.onQuery(() => n++);
      const result = await archivist.gql<{ archives: unknown[]; archiveCreators: unknown[] }>(`query($m: ID!) { archives(municipalityId: $m) { ${ARCHIVE} } archiveCreators(municipalityId: $m) { ${CREATOR} } }`, { m });
      stop();
      return { rows: result.data!.archives.length + result.data!.archiveCreators.length, statements: n };
    };
    const few = await count(FLESBERG());
    const many = await count(tinn);
    expect(many.rows).toBeGreaterThan(few.rows + 30);
    expect(many.statements).toBe(few.statements);
  });
});

describe('archive creators', () => {
  it('creates a creator under an archive of the same municipality, with an audit row', async () => {
    const archive = await createArchive({ systemId: 'sys-cc' });
    const creator = await createCreator({ creatorId: 'cc-1', name: 'Oppvekst', archiveId: archive.id, description: 'Etat' });
    expect(creator).toMatchObject({ creatorId: 'cc-1', name: 'Oppvekst', version: 1, archive: { id: archive.id } });
    expect(await t.db.prisma.auditEvent.count({ where: { entityType: 'ArchiveCreator', entityId: creator.id, action: 'create' } })).toBe(1);
    const byId = await archivist.gql<{ archiveCreator: { name: string } }>(`query($id: ID!) { archiveCreator(id: $id) { name } }`, { id: creator.id });
    expect(byId.data!.archiveCreator).toEqual({ name: 'Oppvekst' });
  });

  it('refuses an archive of another municipality at archiveId', async () => {
    const rollagArchive = await createArchive({ municipalityId: ROLLAG(), systemId: 'sys-other' });
    const result = await archivist.gql(CREATE_CREATOR, { input: { municipalityId: FLESBERG(), creatorId: 'cc-x', name: 'X', archiveId: rollagArchive.id } });
    expect(result.errors?.[0]).toMatchObject({ message: 'Arkivet må høre til samme kommune som arkivskaperen.', extensions: { code: 'VALIDATION_FAILED', path: ['input', 'archiveId'] } });
  });

  it('refuses a creator id in use in the municipality with ALREADY_EXISTS', async () => {
    await createCreator({ creatorId: 'cc-dup' });
    const result = await archivist.gql(CREATE_CREATOR, { input: { municipalityId: FLESBERG(), creatorId: 'cc-dup', name: 'Kopi' } });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'ALREADY_EXISTS', path: ['input', 'creatorId'] } });
  });

  it('rejects an empty creator id and name with field errors', async () => {
    const result = await archivist.gql(CREATE_CREATOR, { input: { municipalityId: FLESBERG(), creatorId: ' ', name: '' } });
    const issues = result.errors![0]!.extensions!.issues as { path: string[] }[];
    expect(issues.map((i) => i.path.join('.'))).toEqual(['input.creatorId', 'input.name']);
  });

  it("refuses a creator in another municipality to an archivist", async () => {
    const result = await archivist.gql(CREATE_CREATOR, { input: { municipalityId: KONGSBERG(), creatorId: 'cc-k', name: 'X' } });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('updates on its version, refuses a stale one, and refuses a move into another municipality', async () => {
    const creator = await createCreator({ creatorId: 'cc-u' });
    const updated = await archivist.gql<{ updateArchiveCreator: CreatorOut }>(UPDATE_CREATOR, { id: creator.id, input: { municipalityId: FLESBERG(), creatorId: 'cc-u', name: 'Nytt', version: 1 } });
    expect(updated.data!.updateArchiveCreator).toMatchObject({ name: 'Nytt', version: 2 });
    const stale = await archivist.gql(UPDATE_CREATOR, { id: creator.id, input: { municipalityId: FLESBERG(), creatorId: 'cc-u', name: 'Gammelt', version: 1 } });
    expect(stale.errors?.[0]).toMatchObject({ extensions: { code: 'VERSION_CONFLICT', current: { name: 'Nytt' } } });
    const away = await archivist.gql(UPDATE_CREATOR, { id: creator.id, input: { municipalityId: KONGSBERG(), creatorId: 'cc-u', name: 'Nytt', version: 2 } });
    expect(away.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses to delete a creator that live series name, and soft-deletes and restores one that none do', async () => {
    const used = await t.db.prisma.archiveCreator.findFirstOrThrow({ where: { municipalityId: Number(FLESBERG()), series: { some: { deletedAt: null } } } });
    expect((await archivist.gql(DELETE_CREATOR, { id: String(used.id) })).errors?.[0]).toMatchObject({ extensions: { code: 'IN_USE', dependents: { series: expect.any(Number) } } });
    const creator = await createCreator({ creatorId: 'cc-del' });
    expect((await archivist.gql(DELETE_CREATOR, { id: creator.id })).errors).toBeUndefined();
    const list = await archivist.gql<{ archiveCreators: { id: string }[] }>(`query($m: ID!) { archiveCreators(municipalityId: $m) { id } }`, { m: FLESBERG() });
    expect(list.data!.archiveCreators.map((c) => c.id)).not.toContain(creator.id);
    expect((await archivist.gql(RESTORE_CREATOR, { id: creator.id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await admin.gql(RESTORE_CREATOR, { id: creator.id })).data).toEqual({ restoreArchiveCreator: { id: creator.id, version: 3 } });
  });

  it('refuses to restore a creator whose archive is deleted', async () => {
    const archive = await createArchive({ systemId: 'sys-orphan' });
    const creator = await createCreator({ creatorId: 'cc-orphan', archiveId: archive.id });
    await archivist.gql(DELETE_CREATOR, { id: creator.id });
    await archivist.gql(DELETE_ARCHIVE, { id: archive.id });
    const result = await admin.gql(RESTORE_CREATOR, { id: creator.id });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND', path: ['id'] } });
    await admin.gql(RESTORE_ARCHIVE, { id: archive.id });
    expect((await admin.gql(RESTORE_CREATOR, { id: creator.id })).errors).toBeUndefined();
  });

  it('keeps archive writes from a coordinator and a viewer', async () => {
    for (const username of ['koordinator', 'leser']) {
      const client = await t.api.signIn(username);
      expect((await client.gql(CREATE_CREATOR, { input: { municipalityId: FLESBERG(), creatorId: `cc-${username}`, name: 'X' } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});
