import type { PrismaClient } from '@samarkiv/db';
import { describe, expect, it } from 'vitest';
import type { TestApi, TestClient } from '../../testing/testApi.ts';
import { runHousekeeping } from '../../jobs.ts';
import { createLogger } from '../../logger.ts';
import { useTestApi } from '../../testing/useTestApi.ts';
import { makeSeries } from '../archive-series/fixtures.ts';
import { REPORT_FIELDS, upload, waitFor, type Job } from './testing.ts';

// The CSV import through GraphQL: upload, preview, mapping, dry run, import, on both backends.

// One database for the file: each test makes its own rows (own identifiers) and compares before and after.
const t = useTestApi({ per: 'file' });

const JOB = `id kind dryRun status bytesRead bytesTotal progress report { ${REPORT_FIELDS} }`;
type Mapping = { column: number; field: string }[];
type CsvJob = Job & { kind: string };

const HEADER = ['Identifikator', 'Tittel', 'Arkivdelstatus', 'Dokumentmedium', 'Arkivperiode startdato', 'Arkivperiode sluttdato', 'Kassasjonsvedtak', 'Hyllemeter', 'Arkiv'];
const FIELDS = ['IDENTIFIER', 'TITLE', 'STATUS', 'DOCUMENT_MEDIUM', 'PERIOD_START', 'PERIOD_END', 'RETENTION_DECISION', 'EXTENT_SHELF_METRES', 'ARCHIVE'];
const MAPPING: Mapping = FIELDS.map((field, column) => ({ column, field }));
const csv = (rows: string[][], separator = ';') => Buffer.from(`\uFEFF${[HEADER, ...rows].map((r) => r.join(separator)).join('\r\n')}\r\n`);

async function flesberg(prisma: PrismaClient): Promise<number> {
  return (await prisma.municipality.findUniqueOrThrow({ where: { number: '3334' } })).id;
}

async function run(client: TestClient, dryRun: boolean, uploadId: string, municipalityId: number, mapping: Mapping = MAPPING) {
  const field = dryRun ? 'csvImportDryRun' : 'runCsvImport';
  return client.gql<{ job: CsvJob }>(`mutation($u: ID!, $m: ID!, $map: [CsvColumnMappingInput!]!) { job: ${field}(uploadId: $u, municipalityId: $m, mapping: $map) { ${JOB} } }`, { u: uploadId, m: String(municipalityId), map: mapping });
}

async function toEnd(client: TestClient, dryRun: boolean, uploadId: string, municipalityId: number, mapping: Mapping = MAPPING): Promise<CsvJob> {
  const started = await run(client, dryRun, uploadId, municipalityId, mapping);
  if (started.errors) throw new Error(JSON.stringify(started.errors));
  return (await waitFor(client, started.data!.job.id)) as CsvJob;
}

/** What an import can change: series and audit events (sign-ins aside). */
async function snapshot(prisma: PrismaClient) {
  const [series, audit] = await Promise.all([prisma.archiveSeries.findMany({ orderBy: { id: 'asc' } }), prisma.auditEvent.count({ where: { action: { notIn: ['sign-in', 'access-denied'] } } })]);
  return { series, audit };
}

const preview = (client: TestClient, uploadId: string) =>
  client.gql<{ csvImportPreview: { filename: string; delimiter: string; columns: { index: number; header: string; samples: string[]; proposedField: string | null }[]; requiredFields: string[]; problems: { severity: string; code: string; path: string; line: number | null; file: string }[] } }>(
    `query($u: ID!) { csvImportPreview(uploadId: $u) { uploadId filename delimiter requiredFields columns { index header samples proposedField } problems { severity code path line file message } } }`,
    { u: uploadId },
  );

async function setUp(api: TestApi, prisma: PrismaClient, archiveTitle = `Arkiv ${Math.random()}`) {
  const arkivar = await api.signIn('arkivar');
  const m = await flesberg(prisma);
  const archive = await prisma.archive.create({ data: { municipalityId: m, title: archiveTitle } });
  return { arkivar, m, archive };
}

describe('a CSV file of archive series', () => {
  it('is previewed, dry-run, then imported with create, update and unchanged rows and their audit trail; a second import changes nothing', async () => {
    const { db, api } = t;
    const { arkivar, m, archive } = await setUp(api, db.prisma, 'Sakarkiv Flesberg');
    const same = await makeSeries(db.prisma, m, { identifier: 'CSV-SAME', title: 'Uendret', status: 'AVSLUTTET_PERIODE', documentMedium: 'FYSISK', periodStart: new Date('1990-01-01T00:00:00Z'), periodEnd: new Date('1999-12-31T00:00:00Z'), retentionDecision: 'BEVARES', extentShelfMetres: 12.5, archiveId: archive.id });
    const changed = await makeSeries(db.prisma, m, { identifier: 'CSV-UPD', title: 'Gammel tittel', status: 'AKTIV_PERIODE', documentMedium: 'ELEKTRONISK', periodStart: new Date('2000-01-01T00:00:00Z') });
    const file = csv([
      ['CSV-SAME', 'Uendret', 'Avsluttet periode', 'Fysisk arkiv', '01.01.1990', '31.12.1999', 'Bevares', '12,5', 'Sakarkiv Flesberg'],
      ['CSV-UPD', 'Ny tittel', 'AVSLUTTET_PERIODE', 'Elektronisk arkiv', '2000-01-01', '31.12.2019', '', '1 234,75', ''],
      ['CSV-NEW', 'Ny arkivdel', 'aktiv periode', 'Blandet fysisk og elektronisk arkiv', '1.1.2020', '', 'Vurderes senere', '', 'Ukjent arkiv'],
    ]);
    const uploadId = await upload(api, arkivar, 'arkivdeler.csv', file);

    const seen = await preview(arkivar, uploadId);
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.csvImportPreview).toMatchObject({ filename: 'arkivdeler.csv', delimiter: ';', problems: [] });
    expect(seen.data!.csvImportPreview.requiredFields).toEqual(['IDENTIFIER', 'TITLE', 'STATUS', 'DOCUMENT_MEDIUM', 'PERIOD_START']);
    expect(seen.data!.csvImportPreview.columns.map((c) => c.proposedField)).toEqual(FIELDS);
    expect(seen.data!.csvImportPreview.columns[1]).toEqual({ index: 1, header: 'Tittel', samples: ['Uendret', 'Ny tittel', 'Ny arkivdel'], proposedField: 'TITLE' });
    const before = await snapshot(db.prisma);

    const started = await run(arkivar, true, uploadId, m);
    expect(started.data!.job).toMatchObject({ kind: 'CSV', dryRun: true, bytesTotal: file.length });
    const dry = (await waitFor(arkivar, started.data!.job.id)) as CsvJob;
    expect(dry).toMatchObject({ status: 'SUCCEEDED', progress: 1, bytesRead: file.length });
    const report = dry.report!;
    expect(report).toMatchObject({ dryRun: true, canImport: true, errorCount: 0, toCreate: { series: 1 }, toUpdate: { series: 1 }, unchanged: { series: 1 } });
    expect(report.items.map((i) => [i.kind, i.action, i.key, i.path, i.line])).toEqual([
      ['ARCHIVE_SERIES', 'UNCHANGED', 'CSV-SAME', '/rad[2]', 2],
      ['ARCHIVE_SERIES', 'UPDATE', 'CSV-UPD', '/rad[3]', 3],
      ['ARCHIVE_SERIES', 'CREATE', 'CSV-NEW', '/rad[4]', 4],
    ]);
    expect(report.items[1]!.changedFields.sort()).toEqual(['extentShelfMetres', 'periodEnd', 'status', 'title']);
    expect(report.problems.map((p) => [p.severity, p.code, p.path, p.line, p.file])).toEqual([['WARNING', 'LINK_NOT_FOUND', '/rad[4]/Arkiv', 4, 'arkivdeler.csv']]);
    expect(report.problems[0]!.message).toMatch(/Fant ikke arkivet «Ukjent arkiv» i Flesberg/);
    expect(await snapshot(db.prisma)).toEqual(before);

    const done = await toEnd(arkivar, false, uploadId, m);
    expect(done.status).toBe('SUCCEEDED');
    expect(done.report).toMatchObject({ failure: null, created: { series: 1 }, updated: { series: 1 } });
    expect(await db.prisma.archiveSeries.findUniqueOrThrow({ where: { id: same.id } })).toEqual(same);
    const updated = await db.prisma.archiveSeries.findUniqueOrThrow({ where: { id: changed.id } });
    expect(updated).toMatchObject({ title: 'Ny tittel', titleSortKey: 'ny tittel', status: 'AVSLUTTET_PERIODE', version: 2 });
    expect(Number(updated.extentShelfMetres)).toBe(1234.75);
    expect(updated.periodEnd?.toISOString().slice(0, 10)).toBe('2019-12-31');
    const created = await db.prisma.archiveSeries.findFirstOrThrow({ where: { municipalityId: m, identifier: 'CSV-NEW' } });
    expect(created).toMatchObject({ title: 'Ny arkivdel', status: 'AKTIV_PERIODE', documentMedium: 'BLANDET', retentionDecision: 'VURDERES_SENERE', archiveId: null, systemId: null });
    expect(created.periodStart.toISOString().slice(0, 10)).toBe('2020-01-01');
    const audit = await db.prisma.auditEvent.findMany({ where: { action: { in: ['import-create', 'import-update', 'import'] } } });
    expect(audit.map((a) => [a.action, a.entityType, a.entityId]).sort()).toEqual(
      [['import', 'CsvImport', done.id], ['import-create', 'ArchiveSeries', String(created.id)], ['import-update', 'ArchiveSeries', String(changed.id)]].sort(),
    );
    expect(audit.find((a) => a.action === 'import-update')!.before).toMatchObject({ title: 'Gammel tittel' });

    const afterFirst = await snapshot(db.prisma);
    const again = await toEnd(arkivar, false, uploadId, m);
    expect(again.report).toMatchObject({ created: { series: 0 }, updated: { series: 0 }, unchanged: { series: 3 } });
    expect(await snapshot(db.prisma)).toEqual(afterFirst);
  });

  it('reports every series of its own export, re-imported unchanged, as UNCHANGED', async () => {
    const { db, api } = t;
    const { arkivar, m, archive } = await setUp(api, db.prisma);
    const creator = await db.prisma.archiveCreator.create({ data: { municipalityId: m, creatorId: 'csv-skaper', name: 'Flesberg kommune, rådmannen' } });
    const target = await db.prisma.targetSeries.create({ data: { code: 'CSV-MÅL', title: 'Sak og arkiv', titleSortKey: 'sak og arkiv' } });
    const common = { system: 'CsvRundtur', archiveId: archive.id, archiveCreatorId: creator.id };
    await makeSeries(db.prisma, m, { ...common, identifier: 'RT-1', systemId: 'b9c1e8a0-0000-4000-8000-000000000001', title: '=SUM(A1); "sitat"', description: 'To linjer\nmed semikolon; og «sitat»', status: 'AVSLUTTET_PERIODE', documentMedium: 'FYSISK', periodEnd: new Date('2010-12-31T00:00:00Z'), retentionDecision: 'KASSERES', retentionYears: 10, retentionBasis: 'RA § 7-19', accessRestriction: 'Personalsaker', restrictionBasis: 'Offl. § 13', storageLocation: 'Hylle 3', extentFiles: 1200, extentRecords: 34567, extentShelfMetres: 2.5, targetSeriesId: target.id, depositStatus: 'AVLEVERT', depositDate: new Date('2021-06-30T00:00:00Z'), classificationType: 'K-koder' });
    await makeSeries(db.prisma, m, { ...common, identifier: '-RT-2', title: 'Byggesaker', status: 'AKTIV_PERIODE', isContinuous: true, documentMedium: 'BLANDET' });
    const exported = await fetch(`${api.url}/exports/archive-series?format=csv&kommune=${m}&system=CsvRundtur`, { headers: { cookie: arkivar.cookie! } });
    expect(exported.status).toBe(200);
    const uploadId = await upload(api, arkivar, 'eksport.csv', Buffer.from(await exported.arrayBuffer()));
    const columns = (await preview(arkivar, uploadId)).data!.csvImportPreview.columns;
    // Every column of the export but «Sist endret» proposes its field.
    expect(columns.filter((c) => c.proposedField === null).map((c) => c.header)).toEqual(['Sist endret']);
    const mapping = columns.filter((c) => c.proposedField).map((c) => ({ column: c.index, field: c.proposedField! }));
    const before = await snapshot(db.prisma);
    const job = await toEnd(arkivar, false, uploadId, m, mapping);
    expect(job.report!.problems).toEqual([]);
    expect(job.report).toMatchObject({ unchanged: { series: 2 }, toCreate: { series: 0 }, toUpdate: { series: 0 }, created: { series: 0 }, updated: { series: 0 } });
    expect(await snapshot(db.prisma)).toEqual(before);
  });

  it('reports the errors of every row with path and line, and the import writes nothing', async () => {
    const { db, api } = t;
    const { arkivar, m } = await setUp(api, db.prisma);
    await makeSeries(db.prisma, m, { identifier: 'CSV-DEL', systemId: 'slettet-1', deletedAt: new Date() });
    const header = ['SystemID', 'Identifikator', 'Tittel', 'Arkivdelstatus', 'Dokumentmedium', 'Arkivperiode startdato', 'Arkivperiode sluttdato', 'Bevaringstid (år)', 'Kommune'];
    const mapping = ['SYSTEM_ID', 'IDENTIFIER', 'TITLE', 'STATUS', 'DOCUMENT_MEDIUM', 'PERIOD_START', 'PERIOD_END', 'RETENTION_YEARS', 'MUNICIPALITY'].map((field, column) => ({ column, field }));
    const rows = [
      ['', 'E-1', 'Grei rad', 'Aktiv periode', 'Fysisk arkiv', '01.01.2000', '', '', 'Flesberg'],
      ['', 'E-2', 'Feil status', 'Halvferdig', 'Fysisk arkiv', '31.02.2000', '', 'ti', ''],
      ['', 'E-3', '', 'Aktiv periode', 'Papir', '01.01.2000', '01.01.1999', '', 'Kongsberg'],
      ['', '', 'Uten nøkkel', 'Aktiv periode', 'Fysisk arkiv', '01.01.2000', '', '', ''],
      ['', 'E-1', 'Samme som rad 2', 'Aktiv periode', 'Fysisk arkiv', '01.01.2000', '', '', ''],
      ['slettet-1', 'E-6', 'Slettet', 'Aktiv periode', 'Fysisk arkiv', '01.01.2000', '', '', ''],
    ];
    const uploadId = await upload(api, arkivar, 'feil.csv', Buffer.from([header, ...rows].map((r) => r.join(';')).join('\n')));
    const before = await snapshot(db.prisma);
    const dry = await toEnd(arkivar, true, uploadId, m, mapping);
    expect(dry.report!.problems.map((p) => [p.severity, p.code, p.path, p.line])).toEqual([
      ['ERROR', 'STATUS_INVALID', '/rad[3]/Arkivdelstatus', 3],
      ['ERROR', 'PERIOD_START_INVALID', '/rad[3]/Arkivperiode startdato', 3],
      ['ERROR', 'RETENTION_YEARS_INVALID', '/rad[3]/Bevaringstid (år)', 3],
      ['ERROR', 'DOCUMENT_MEDIUM_INVALID', '/rad[4]/Dokumentmedium', 4],
      ['ERROR', 'MUNICIPALITY_MISMATCH', '/rad[4]/Kommune', 4],
      ['ERROR', 'SERIES_RULE', '/rad[4]/Tittel', 4],
      ['ERROR', 'SERIES_RULE', '/rad[4]/Arkivperiode sluttdato', 4],
      ['ERROR', 'KEY_MISSING', '/rad[5]/Identifikator', 5],
      ['ERROR', 'DUPLICATE_ROW', '/rad[6]/Identifikator', 6],
      ['ERROR', 'SERIES_DELETED', '/rad[7]/SystemID', 7],
    ]);
    expect(dry.report!.problems.every((p) => p.file === 'feil.csv' && p.message.length > 10)).toBe(true);
    expect(dry.report!.problems.find((p) => p.code === 'SERIES_RULE' && p.path.endsWith('sluttdato'))!.message).toBe('Sluttdatoen kan ikke være før startdatoen.');
    expect(dry.report).toMatchObject({ errorCount: 10, canImport: false, toCreate: { series: 1 } });
    const done = await toEnd(arkivar, false, uploadId, m, mapping);
    expect(done).toMatchObject({ status: 'FAILED', report: { created: null, failure: { code: 'IMPORT_HAS_ERRORS' } } });
    expect(await snapshot(db.prisma)).toEqual(before);
  });

  it('reports a file that is not UTF-8 at its line and writes nothing', async () => {
    const { db, api } = t;
    const { arkivar, m } = await setUp(api, db.prisma);
    const latin1 = Buffer.concat([Buffer.from(`${HEADER.join(';')}\nL-1;Grei;Aktiv periode;Fysisk arkiv;01.01.2000;;;;\nL-2;`), Buffer.from([0x4d, 0xf8, 0x74, 0x65]), Buffer.from(';Aktiv periode;Fysisk arkiv;01.01.2000;;;;\n')]);
    const uploadId = await upload(api, arkivar, 'latin1.csv', latin1);
    expect((await preview(arkivar, uploadId)).data!.csvImportPreview.problems.map((p) => [p.code, p.line])).toEqual([['NOT_UTF8', 3]]);
    const before = await snapshot(db.prisma);
    const done = await toEnd(arkivar, false, uploadId, m);
    expect(done.status).toBe('FAILED');
    expect(done.report!.problems.map((p) => [p.severity, p.code, p.line])).toEqual([['ERROR', 'NOT_UTF8', 3]]);
    expect(done.report).toMatchObject({ items: [], canImport: false, failure: { code: 'IMPORT_HAS_ERRORS' } });
    expect(await snapshot(db.prisma)).toEqual(before);
  });

  it('reads a comma-separated file with quoted fields holding commas, quotes and line breaks', async () => {
    const { db, api } = t;
    const { arkivar, m } = await setUp(api, db.prisma);
    const text = 'Identifikator,Tittel,Beskrivelse,Arkivdelstatus,Dokumentmedium,Arkivperiode startdato\n'
      + 'K-1,"Møter, styre og råd","Første linje\r\nandre linje med ""sitat""",Aktiv periode,Fysisk arkiv,01.01.2001\n'
      + "K-2,'=Formel,,Avsluttet periode,Elektronisk arkiv,2002-02-02\n";
    const uploadId = await upload(api, arkivar, 'komma.csv', Buffer.from(text));
    expect((await preview(arkivar, uploadId)).data!.csvImportPreview).toMatchObject({ delimiter: ',', problems: [] });
    const mapping = ['IDENTIFIER', 'TITLE', 'DESCRIPTION', 'STATUS', 'DOCUMENT_MEDIUM', 'PERIOD_START'].map((field, column) => ({ column, field }));
    const done = await toEnd(arkivar, false, uploadId, m, mapping);
    expect(done.report!.items.map((i) => [i.title, i.path, i.line])).toEqual([['Møter, styre og råd', '/rad[2]', 2], ['=Formel', '/rad[3]', 4]]);
    const row = await db.prisma.archiveSeries.findFirstOrThrow({ where: { municipalityId: m, identifier: 'K-1' } });
    expect(row.description).toBe('Første linje\r\nandre linje med "sitat"');
  });

  it('writes nothing when the transaction fails half-way, and the report says why', async () => {
    const { db, api } = t;
    const { arkivar, m } = await setUp(api, db.prisma);
    const uploadId = await upload(api, arkivar, 'to.csv', csv([['T-1', 'En', 'Aktiv periode', 'Fysisk arkiv', '01.01.2000', '', '', '', ''], ['T-2', 'To', 'Aktiv periode', 'Fysisk arkiv', '01.01.2000', '', '', '', '']]));
    const before = await snapshot(db.prisma);
    // The audit trail cannot be written: the series inserted before the first audit row must go too.
    await db.prisma.$executeRaw`ALTER TABLE "audit_event" RENAME TO "audit_event_away"`;
    try {
      const done = await toEnd(arkivar, false, uploadId, m);
      expect(done).toMatchObject({ status: 'FAILED', report: { toCreate: { series: 2 }, created: null, failure: { code: 'INTERNAL_SERVER_ERROR', message: expect.stringMatching(/Ingenting er lagret/) } } });
    } finally {
      await db.prisma.$executeRaw`ALTER TABLE "audit_event_away" RENAME TO "audit_event"`;
    }
    expect(await snapshot(db.prisma)).toEqual(before);
  });
});

describe('who may import what, and the mapping', () => {
  it("refuses another municipality's archivist, a viewer, and previews of someone else's upload", async () => {
    const { db, api } = t;
    const { arkivar, m } = await setUp(api, db.prisma);
    const kongsberg = (await db.prisma.municipality.findUniqueOrThrow({ where: { number: '3303' } })).id;
    const uploadId = await upload(api, arkivar, 'a.csv', csv([['A-1', 'En', 'Aktiv periode', 'Fysisk arkiv', '01.01.2000', '', '', '', '']]));
    const before = await snapshot(db.prisma);
    const jobs = await db.prisma.importJob.count();
    for (const dryRun of [true, false]) expect((await run(arkivar, dryRun, uploadId, kongsberg)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const leser = await api.signIn('leser');
    expect((await run(leser, true, uploadId, m)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await preview(leser, uploadId)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const admin = await api.signIn('admin');
    expect((await preview(admin, uploadId)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', path: ['uploadId'] });
    expect((await run(admin, true, uploadId, kongsberg)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', path: ['uploadId'] });
    expect(await db.prisma.importJob.count()).toBe(jobs);
    expect(await snapshot(db.prisma)).toEqual(before);
  });

  it('refuses a mapping with an unknown column, a field mapped twice or a required field missing, before any job', async () => {
    const { db, api } = t;
    const { arkivar, m } = await setUp(api, db.prisma);
    const uploadId = await upload(api, arkivar, 'a.csv', csv([['A-1', 'En', 'Aktiv periode', 'Fysisk arkiv', '01.01.2000', '', '', '', '']]));
    const jobs = await db.prisma.importJob.count();
    const bad: Mapping = [...MAPPING.filter((e) => e.field !== 'STATUS'), { column: 9, field: 'SYSTEM' }, { column: 5, field: 'TITLE' }];
    const refused = await run(arkivar, true, uploadId, m, bad);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      path: ['mapping', 8, 'column'],
      issues: [{ path: ['mapping', 8, 'column'] }, { path: ['mapping', 9, 'field'] }, { path: ['mapping'], message: expect.stringMatching(/arkivdelstatus/) }],
    });
    const noKey = await run(arkivar, false, uploadId, m, MAPPING.filter((e) => e.field !== 'IDENTIFIER'));
    expect(noKey.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', path: ['mapping'] });
    expect(await db.prisma.importJob.count()).toBe(jobs);
  });

  it('lets the housekeeping take over a CSV job whose heartbeat stopped, with the mapping it was started with', async () => {
    const { db, api } = t;
    const { arkivar, m } = await setUp(api, db.prisma);
    const file = csv([['H-1', 'Overtatt', 'Aktiv periode', 'Fysisk arkiv', '01.01.2000', '', '', '', '']]);
    const uploadId = await upload(api, arkivar, 'overtatt.csv', file);
    const userId = (await db.prisma.user.findUniqueOrThrow({ where: { username: 'arkivar' } })).id;
    const long = new Date(Date.now() - 10 * 60_000);
    const orphan = await db.prisma.importJob.create({ data: { kind: 'CSV', dryRun: true, status: 'RUNNING', municipalityId: m, createdById: userId, uploadId, options: { mapping: MAPPING }, bytesTotal: BigInt(file.length), createdAt: long, startedAt: long, heartbeatAt: long } });
    await runHousekeeping(db, api.config, createLogger('silent'));
    const done = await waitFor(arkivar, String(orphan.id));
    expect(done).toMatchObject({ status: 'SUCCEEDED', progress: 1, report: { errorCount: 0, toCreate: { series: 1 }, items: [{ key: 'H-1', action: 'CREATE', path: '/rad[2]' }] } });
  });
});
