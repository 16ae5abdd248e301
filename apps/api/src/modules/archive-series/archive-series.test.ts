import { beforeEach, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/testApi.ts';
import { useTestApi } from '../../testing/useTestApi.ts';
import { makeSeries, municipalityIdOf } from './fixtures.ts';

const t = useTestApi({ per: 'test' });
let arkivar: TestClient;
let flesberg: number;
let kongsberg: number;
beforeEach(async () => {
  arkivar = await t.api.signIn('arkivar');
  flesberg = await municipalityIdOf(t.db.prisma, '3334');
  kongsberg = await municipalityIdOf(t.db.prisma, '3303');
});

const FIELDS = 'id identifier title periodStart periodEnd version canEdit status depositStatus depositDate predecessor { id } successor { id } targetSeries { id }';
const CREATE = `mutation($input: CreateArchiveSeriesInput!) { createArchiveSeries(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateArchiveSeriesInput!) { updateArchiveSeries(id: $id, input: $input) { ${FIELDS} } }`;
const DELETE = `mutation($id: ID!) { deleteArchiveSeries(id: $id) { id } }`;
const RESTORE = `mutation($id: ID!) { restoreArchiveSeries(id: $id) { id version } }`;
const MAP = `mutation($id: ID!, $target: ID, $version: Int!) { mapArchiveSeries(id: $id, targetSeriesId: $target, version: $version) { id version targetSeries { id } } }`;
const BY_ID = `query($id: ID!) { archiveSeriesById(id: $id) { id } }`;

const base = () => ({ municipalityId: String(flesberg), identifier: 'NY-1', title: 'Økonomisaker', status: 'AKTIV_PERIODE', documentMedium: 'ELEKTRONISK', periodStart: '2020-01-01' });
const code = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code;
const path = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.path;

type Series = { id: string; version: number; canEdit: boolean; predecessor: { id: string } | null; successor: { id: string } | null; targetSeries: { id: string } | null };

describe('creating a series', () => {
  it('creates a series in the archivist\'s municipality with its Norwegian sort key and an audit row', async () => {
    const r = await arkivar.gql<{ createArchiveSeries: Series }>(CREATE, { input: base() });
    expect(r.errors).toBeUndefined();
    const row = await t.db.prisma.archiveSeries.findUniqueOrThrow({ where: { id: Number(r.data!.createArchiveSeries.id) } });
    expect(row.titleSortKey).toBe('|konomisaker');
    expect(r.data!.createArchiveSeries.canEdit).toBe(true);
    const audit = await t.db.prisma.auditEvent.findFirst({ where: { entityType: 'ArchiveSeries', entityId: String(row.id), action: 'create' } });
    expect(audit).not.toBeNull();
  });

  it('refuses an archivist in a municipality that is not theirs', async () => {
    const r = await arkivar.gql(CREATE, { input: { ...base(), municipalityId: String(kongsberg) } });
    expect(code(r)).toBe('FORBIDDEN');
  });

  it('refuses an identifier a live series of the municipality has, with ALREADY_EXISTS on input.identifier', async () => {
    await makeSeries(t.db.prisma, flesberg, { identifier: 'NY-1' });
    const r = await arkivar.gql(CREATE, { input: base() });
    expect([code(r), path(r)]).toEqual(['ALREADY_EXISTS', ['input', 'identifier']]);
  });

  it('allows the identifier of a soft-deleted series', async () => {
    await makeSeries(t.db.prisma, flesberg, { identifier: 'NY-1', deletedAt: new Date() });
    expect((await arkivar.gql(CREATE, { input: base() })).errors).toBeUndefined();
  });

  it.each([
    ['period end before start', { periodEnd: '2019-12-31' }, ['input', 'periodEnd']],
    ['period end on a continuous series', { isContinuous: true, periodEnd: '2021-12-31' }, ['input', 'periodEnd']],
    ['deposit status without a date', { depositStatus: 'DEPONERT' }, ['input', 'depositDate']],
    ['deposit date without a deposit', { depositDate: '2021-01-01' }, ['input', 'depositDate']],
    ['negative retention years', { retentionYears: -1 }, ['input', 'retentionYears']],
    ['a date that does not exist', { periodStart: '2021-02-30' }, ['input', 'periodStart']],
    ['an empty title', { title: '  ' }, ['input', 'title']],
  ])('rejects %s with a field error', async (_, change, expectedPath) => {
    const r = await arkivar.gql(CREATE, { input: { ...base(), ...change } });
    expect([code(r), path(r)]).toEqual(['VALIDATION_FAILED', expectedPath]);
  });

  it('rejects an archive of another municipality and a missing target series', async () => {
    const archive = await t.db.prisma.archive.findFirstOrThrow({ where: { municipalityId: kongsberg } });
    const r1 = await arkivar.gql(CREATE, { input: { ...base(), archiveId: String(archive.id) } });
    expect([code(r1), path(r1)]).toEqual(['VALIDATION_FAILED', ['input', 'archiveId']]);
    const r2 = await arkivar.gql(CREATE, { input: { ...base(), targetSeriesId: '999999' } });
    expect([code(r2), path(r2)]).toEqual(['NOT_FOUND', ['input', 'targetSeriesId']]);
  });

  it('rejects a predecessor of another municipality or a soft-deleted one', async () => {
    const other = await makeSeries(t.db.prisma, kongsberg);
    const r1 = await arkivar.gql(CREATE, { input: { ...base(), predecessorId: String(other.id) } });
    expect([code(r1), path(r1)]).toEqual(['VALIDATION_FAILED', ['input', 'predecessorId']]);
    const gone = await makeSeries(t.db.prisma, flesberg, { deletedAt: new Date() });
    const r2 = await arkivar.gql(CREATE, { input: { ...base(), predecessorId: String(gone.id) } });
    expect([code(r2), path(r2)]).toEqual(['NOT_FOUND', ['input', 'predecessorId']]);
  });
});

describe('the predecessor chain', () => {
  it('points the predecessor\'s successor back at the new series', async () => {
    const older = await makeSeries(t.db.prisma, flesberg);
    const r = await arkivar.gql<{ createArchiveSeries: Series }>(CREATE, { input: { ...base(), predecessorId: String(older.id) } });
    expect(r.errors).toBeUndefined();
    const after = await t.db.prisma.archiveSeries.findUniqueOrThrow({ where: { id: older.id } });
    expect(after.successorId).toBe(Number(r.data!.createArchiveSeries.id));
  });

  it('refuses a predecessor that already has another successor with CHAIN_CONFLICT', async () => {
    const newer = await makeSeries(t.db.prisma, flesberg);
    const older = await makeSeries(t.db.prisma, flesberg, { successorId: newer.id });
    const r = await arkivar.gql(CREATE, { input: { ...base(), predecessorId: String(older.id) } });
    expect([code(r), path(r)]).toEqual(['CHAIN_CONFLICT', ['input', 'predecessorId']]);
  });

  it('unlinks the old predecessor when the predecessor is cleared', async () => {
    const older = await makeSeries(t.db.prisma, flesberg);
    const created = (await arkivar.gql<{ createArchiveSeries: Series }>(CREATE, { input: { ...base(), predecessorId: String(older.id) } })).data!.createArchiveSeries;
    const r = await arkivar.gql(UPDATE, { id: created.id, input: { version: created.version, predecessorId: null } });
    expect(r.errors).toBeUndefined();
    expect((await t.db.prisma.archiveSeries.findUniqueOrThrow({ where: { id: older.id } })).successorId).toBeNull();
  });
});

describe('updating a series', () => {
  it('changes the fields given, bumps the version and keeps the rest', async () => {
    const s = await makeSeries(t.db.prisma, flesberg, { description: 'Beholdes' });
    const r = await arkivar.gql<{ updateArchiveSeries: Series & { title: string } }>(UPDATE, { id: String(s.id), input: { version: 1, title: 'Åsen skole' } });
    expect(r.errors).toBeUndefined();
    const row = await t.db.prisma.archiveSeries.findUniqueOrThrow({ where: { id: s.id } });
    expect([row.title, row.titleSortKey, row.description, row.version]).toEqual(['Åsen skole', '}sen skole', 'Beholdes', 2]);
  });

  it('refuses a stale version with VERSION_CONFLICT carrying the current values', async () => {
    const s = await makeSeries(t.db.prisma, flesberg);
    await arkivar.gql(UPDATE, { id: String(s.id), input: { version: 1, title: 'Første' } });
    const r = await arkivar.gql(UPDATE, { id: String(s.id), input: { version: 1, title: 'Andre' } });
    expect(code(r)).toBe('VERSION_CONFLICT');
    expect((r.errors![0]!.extensions!.current as { title: string; version: number })).toMatchObject({ title: 'Første', version: 2 });
  });

  it('lets only one of two concurrent updates from the same version win', async () => {
    const s = await makeSeries(t.db.prisma, flesberg);
    const other = await t.api.signIn('arkivar');
    const results = await Promise.all([arkivar, other].map((c, i) => c.gql(UPDATE, { id: String(s.id), input: { version: 1, title: `Samtidig ${i}` } })));
    expect(results.map(code).sort()).toEqual([undefined, 'VERSION_CONFLICT'].sort());
    expect((await t.db.prisma.archiveSeries.findUniqueOrThrow({ where: { id: s.id } })).version).toBe(2);
  });

  it('records the values before and after in the audit row', async () => {
    const s = await makeSeries(t.db.prisma, flesberg, { title: 'Før' });
    await arkivar.gql(UPDATE, { id: String(s.id), input: { version: 1, title: 'Etter' } });
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { entityType: 'ArchiveSeries', entityId: String(s.id), action: 'update' } });
    expect([(audit.before as { title: string }).title, (audit.after as { title: string }).title]).toEqual(['Før', 'Etter']);
    // The database's search key follows the title, but is not a change of its own in the trail.
    expect(audit.after).not.toHaveProperty('searchKey');
  });

  it('checks the rules across fields on the series as it would become', async () => {
    const s = await makeSeries(t.db.prisma, flesberg, { periodStart: new Date('2010-01-01T00:00:00Z') });
    const r = await arkivar.gql(UPDATE, { id: String(s.id), input: { version: 1, periodEnd: '2009-12-31' } });
    expect([code(r), path(r)]).toEqual(['VALIDATION_FAILED', ['input', 'periodEnd']]);
  });

  it('refuses an archivist on a Kongsberg series', async () => {
    const s = await makeSeries(t.db.prisma, kongsberg);
    expect(code(await arkivar.gql(UPDATE, { id: String(s.id), input: { version: 1, title: 'X' } }))).toBe('FORBIDDEN');
  });
});

describe('mapping to a target series', () => {
  it('maps and unmaps with the version', async () => {
    const s = await makeSeries(t.db.prisma, flesberg);
    const target = await t.db.prisma.targetSeries.findFirstOrThrow();
    const mapped = await arkivar.gql<{ mapArchiveSeries: Series }>(MAP, { id: String(s.id), target: String(target.id), version: 1 });
    expect(mapped.data!.mapArchiveSeries.targetSeries).toEqual({ id: String(target.id) });
    const unmapped = await arkivar.gql<{ mapArchiveSeries: Series }>(MAP, { id: String(s.id), target: null, version: 2 });
    expect(unmapped.data!.mapArchiveSeries.targetSeries).toBeNull();
    expect(code(await arkivar.gql(MAP, { id: String(s.id), target: null, version: 2 }))).toBe('VERSION_CONFLICT');
    expect(await t.db.prisma.auditEvent.count({ where: { entityType: 'ArchiveSeries', entityId: String(s.id), action: 'map' } })).toBe(2);
  });
});

describe('deleting and restoring', () => {
  it('soft-deletes a series so that lookups no longer find it, and ADMIN restores it', async () => {
    const s = await makeSeries(t.db.prisma, flesberg);
    expect((await arkivar.gql(DELETE, { id: String(s.id) })).errors).toBeUndefined();
    expect((await arkivar.gql<{ archiveSeriesById: null }>(BY_ID, { id: String(s.id) })).data!.archiveSeriesById).toBeNull();
    expect(code(await arkivar.gql(RESTORE, { id: String(s.id) }))).toBe('FORBIDDEN');
    const admin = await t.api.signIn('admin');
    expect((await admin.gql(RESTORE, { id: String(s.id) })).errors).toBeUndefined();
    expect(code(await admin.gql(RESTORE, { id: String(s.id) }))).toBe('NOT_DELETED');
    expect(await t.db.prisma.auditEvent.count({ where: { entityType: 'ArchiveSeries', entityId: String(s.id), action: { in: ['delete', 'restore'] } } })).toBe(2);
  });

  it('refuses to delete a series another live series names as predecessor, with IN_USE', async () => {
    const older = await makeSeries(t.db.prisma, flesberg);
    await makeSeries(t.db.prisma, flesberg, { predecessorId: older.id });
    const r = await arkivar.gql(DELETE, { id: String(older.id) });
    expect(code(r)).toBe('IN_USE');
  });
});

describe('the facet summary', () => {
  it('equals a live GROUP BY after inserts, updates, soft deletes and restores', async () => {
    const a = await makeSeries(t.db.prisma, flesberg, { system: 'Nytt', retentionDecision: 'KASSERES' });
    const b = await makeSeries(t.db.prisma, flesberg, { status: 'AKTIV_PERIODE' });
    await t.db.prisma.archiveSeries.update({ where: { id: a.id }, data: { status: 'UAKTUELLE_MAPPER', municipalityId: kongsberg } });
    await t.db.prisma.archiveSeries.update({ where: { id: b.id }, data: { deletedAt: new Date() } });
    await t.db.prisma.archiveSeries.updateMany({ where: { municipalityId: flesberg, deletedAt: null }, data: { system: null } });
    await t.db.prisma.archiveSeries.update({ where: { id: b.id }, data: { deletedAt: null } });
    await t.db.prisma.archiveSeries.delete({ where: { id: a.id } });
    const compare = `
      SELECT municipality_id, COALESCE(archive_creator_id, 0) AS c, status::text, document_medium::text, COALESCE(retention_decision::text, '') AS r,
        COALESCE(classification_type, '') AS k, access_restriction IS NOT NULL AS x, COALESCE(restriction_basis, '') AS b, COALESCE(system, '') AS s,
        COALESCE(target_series_id, 0) AS t, deposit_status::text, (date_part('year', period_start)::int / 10) * 10 AS d, count(*)::int AS n
      FROM archive_series WHERE deleted_at IS NULL GROUP BY 1,2,3,4,5,6,7,8,9,10,11,12
      EXCEPT
      SELECT municipality_id, archive_creator_id, status::text, document_medium::text, retention_decision, classification_type, restricted, restriction_basis,
        system, target_series_id, deposit_status::text, decade, count FROM archive_series_facet_count`;
    const session = await t.db.session();
    try {
      expect(await session.query(compare)).toEqual([]);
      expect(await session.query(compare.replace(/([\s\S]*)EXCEPT([\s\S]*)/, '$2 EXCEPT $1'))).toEqual([]);
    } finally {
      await session.release();
    }
  });
});
