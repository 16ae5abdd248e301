import { readFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '@samarkiv/db';
import { describe, expect, it } from 'vitest';
import { runHousekeeping } from '../../jobs.ts';
import { createLogger } from '../../logger.ts';
import { useTestApi } from '../../testing/useTestApi.ts';
import { arkivstruktur, arkivuttrekk, twoArchives, uuidOf, type Version } from './fixtures/noark5.ts';
import { runToEnd, start, upload, waitFor, type Report } from './testing.ts';

// The Noark 5 importer through GraphQL: upload, dry run, import, on both backends.

const t = useTestApi({ per: 'test' });

const xml = (version: Version) => Buffer.from([...arkivstruktur(version, twoArchives(version))].join(''));
const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const ERRORS = readFileSync(new URL('./fixtures/errors/arkivstruktur.xml', import.meta.url));

async function municipality(prisma: PrismaClient, name: string): Promise<string> {
  return String((await prisma.municipality.findFirstOrThrow({ where: { name } })).id);
}

/** What the import can change: rows of the three tables and audit events. */
async function snapshot(prisma: PrismaClient) {
  const [archives, creators, series, audit] = await Promise.all([
    prisma.archive.findMany({ orderBy: { id: 'asc' } }),
    prisma.archiveCreator.findMany({ orderBy: { id: 'asc' } }),
    prisma.archiveSeries.findMany({ orderBy: { id: 'asc' } }),
    prisma.auditEvent.count({ where: { action: { not: 'sign-in' } } }),
  ]);
  return { archives, creators, series, audit };
}

const problemsOf = (report: Report) => report.problems.map((p) => [p.severity, p.code, p.path, p.line]);

describe('a well-formed Noark 5 v5.0 extraction without arkivuttrekk.xml', () => {
  it('is dry-run (nothing written), imported in one go with its audit trail, and a second import changes nothing', async () => {
    const { db, api } = t;
    const arkivar = await api.signIn('arkivar');
    const flesberg = await municipality(db.prisma, 'Flesberg');
    const data = xml('5.0');
    const uploadId = await upload(api, arkivar, 'arkivstruktur.xml', data);
    const before = await snapshot(db.prisma);

    const dry = await runToEnd(arkivar, true, { uploadId });
    expect(dry.status).toBe('SUCCEEDED');
    expect(dry.progress).toBe(1);
    const report = dry.report!;
    expect(report).toMatchObject({ dryRun: true, version: '5.0', versionSource: 'CONTENT', canImport: true, errorCount: 0, classes: 6, files: 14, records: 34 });
    // No municipality given: the proposal (from «Flesberg kommune») is what the plan compares with.
    expect(report.proposedMunicipality).toEqual({ id: flesberg, name: 'Flesberg' });
    expect(report.proposalReason).toMatch(/Flesberg kommune/);
    expect(report.municipality?.id).toBe(flesberg);
    expect(report.toCreate).toEqual({ archives: 3, archiveCreators: 1, series: 4 });
    const series = report.items.filter((i) => i.kind === 'ARCHIVE_SERIES');
    expect(series.map((s) => [s.title, s.action, s.path, s.classes, s.extentFiles, s.extentRecords, s.classificationType])).toEqual([
      ['Sakarkiv 2010–2015', 'CREATE', '/arkiv/arkiv[1]/arkivdel[1]', 2, 6, 12, 'K-koder'],
      ['Sakarkiv 2016–2019', 'CREATE', '/arkiv/arkiv[1]/arkivdel[2]', 1, 4, 12, 'Funksjonsbasert, hierarkisk'],
      ['Personalmapper', 'CREATE', '/arkiv/arkiv[2]/arkivdel[1]', 1, 2, 2, 'Fødselsnummer'],
      ['Byggesaker', 'CREATE', '/arkiv/arkiv[2]/arkivdel[2]', 2, 2, 8, 'Gårds- og bruksnummer'],
    ]);
    expect(await snapshot(db.prisma)).toEqual(before);

    const run = await runToEnd(arkivar, false, { uploadId, municipalityId: flesberg });
    expect(run.status).toBe('SUCCEEDED');
    expect(run.report).toMatchObject({ dryRun: false, failure: null, created: { archives: 3, archiveCreators: 1, series: 4 }, updated: { archives: 0, archiveCreators: 0, series: 0 } });

    const m = Number(flesberg);
    const stored = await db.prisma.archiveSeries.findMany({ where: { municipalityId: m, systemId: { in: series.map((s) => s.key) } }, include: { archive: true, archiveCreator: true } });
    expect(stored).toHaveLength(4);
    const byTitle = Object.fromEntries(stored.map((s) => [s.title, s]));
    const old = byTitle['Sakarkiv 2010–2015']!;
    const next = byTitle['Sakarkiv 2016–2019']!;
    expect(series.map((s) => s.key)).toContain(uuidOf('5.0/sak-2010'));
    expect(old).toMatchObject({ systemId: uuidOf('5.0/sak-2010'), identifier: uuidOf('5.0/sak-2010'), status: 'AVSLUTTET_PERIODE', documentMedium: 'ELEKTRONISK', classificationType: 'K-koder', retentionDecision: 'BEVARES', extentFiles: 6, extentRecords: 12, successorId: next.id, predecessorId: null });
    expect(old.periodStart.toISOString().slice(0, 10)).toBe('2010-01-01');
    expect(old.periodEnd?.toISOString().slice(0, 10)).toBe('2015-12-31');
    expect(next.predecessorId).toBe(old.id);
    expect(old.archive?.title).toBe('Sakarkiv 2010–2019');
    expect(old.archiveCreator).toMatchObject({ creatorId: '964963193', name: 'Flesberg kommune' });
    expect(byTitle.Personalmapper).toMatchObject({ retentionDecision: 'KASSERES', retentionYears: 10, retentionBasis: 'Riksarkivarens forskrift § 7-19', accessRestriction: 'Personalsaker', restrictionBasis: 'Offl. § 13', archiveCreatorId: old.archiveCreatorId });
    expect(byTitle.Byggesaker).toMatchObject({ status: 'AKTIV_PERIODE', periodEnd: null, documentMedium: 'BLANDET', storageLocation: 'Arkivrommet, hylle 3' });
    expect(byTitle.Byggesaker!.archive?.title).toBe('Personalarkiv');
    // One audit event per created object, and one for the import.
    const audit = await db.prisma.auditEvent.findMany({ where: { action: { in: ['import-create', 'import-update', 'import'] } } });
    expect(audit.filter((a) => a.action === 'import-create').map((a) => a.entityType).sort()).toEqual(['Archive', 'Archive', 'Archive', 'ArchiveCreator', 'ArchiveSeries', 'ArchiveSeries', 'ArchiveSeries', 'ArchiveSeries']);
    expect(audit.filter((a) => a.action === 'import')).toHaveLength(1);
    expect(new Set(audit.map((a) => a.actorId))).toEqual(new Set([(await db.prisma.user.findUniqueOrThrow({ where: { username: 'arkivar' } })).id]));

    // The same file again: nothing new, nothing changed (no version, no audit event).
    const afterFirst = await snapshot(db.prisma);
    const again = await runToEnd(arkivar, false, { uploadId, municipalityId: flesberg });
    expect(again.status).toBe('SUCCEEDED');
    expect(again.report).toMatchObject({ created: { archives: 0, archiveCreators: 0, series: 0 }, updated: { archives: 0, archiveCreators: 0, series: 0 }, unchanged: { archives: 3, archiveCreators: 1, series: 4 } });
    expect(again.report!.items.every((i) => i.action === 'UNCHANGED' && i.existingId !== null)).toBe(true);
    expect(await snapshot(db.prisma)).toEqual(afterFirst);
  });

  it('updates what changed in a new extraction of the same series, with before and after in the audit trail', async () => {
    const { db, api } = t;
    const arkivar = await api.signIn('arkivar');
    const flesberg = await municipality(db.prisma, 'Flesberg');
    await runToEnd(arkivar, false, { uploadId: await upload(api, arkivar, 'arkivstruktur.xml', xml('5.0')), municipalityId: flesberg });
    const spec = twoArchives('5.0');
    const byggesaker = spec.archives![1]!.series![1]!;
    Object.assign(byggesaker, { status: 'Avsluttet periode', end: '2025-12-31', filesPerClass: 3 });
    const uploadId = await upload(api, arkivar, 'arkivstruktur.xml', Buffer.from([...arkivstruktur('5.0', spec)].join('')));

    const dry = await runToEnd(arkivar, true, { uploadId, municipalityId: flesberg });
    const item = dry.report!.items.find((i) => i.title === 'Byggesaker')!;
    expect(item).toMatchObject({ action: 'UPDATE', extentFiles: 6, extentRecords: 24 });
    expect(item.changedFields.sort()).toEqual(['extentFiles', 'extentRecords', 'periodEnd', 'status']);
    expect(dry.report!.toUpdate).toEqual({ archives: 0, archiveCreators: 0, series: 1 });

    const run = await runToEnd(arkivar, false, { uploadId, municipalityId: flesberg });
    expect(run.report!.updated).toEqual({ archives: 0, archiveCreators: 0, series: 1 });
    const row = await db.prisma.archiveSeries.findUniqueOrThrow({ where: { id: Number(item.existingId) } });
    expect(row).toMatchObject({ status: 'AVSLUTTET_PERIODE', extentFiles: 6, extentRecords: 24, version: 2 });
    const event = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'import-update', entityType: 'ArchiveSeries', entityId: item.existingId! } });
    expect(event.before).toMatchObject({ status: 'AKTIV_PERIODE', extentFiles: 2, periodEnd: null });
    expect(event.after).toMatchObject({ status: 'AVSLUTTET_PERIODE', extentFiles: 6, periodEnd: '2025-12-31' });
  });
});

describe('extractions of Noark 5 v3.1 and v4.0', () => {
  for (const version of ['3.1', '4.0'] as const) {
    it(`imports a v${version} extraction whose version arkivuttrekk.xml names (own systemIDs allowed, system name stored)`, async () => {
      const { db, api } = t;
      const arkivar = await api.signIn('arkivar');
      const rollag = await municipality(db.prisma, 'Rollag');
      const data = xml(version);
      const uploadId = await upload(api, arkivar, 'arkivstruktur.xml', data);
      const uttrekkUploadId = await upload(api, arkivar, 'arkivuttrekk.xml', Buffer.from(arkivuttrekk({ version, systemName: `Fiktiv Sak ${version}`, sha256: sha(data), files: 14, records: 34 })));

      const dry = await runToEnd(arkivar, true, { uploadId, uttrekkUploadId, municipalityId: rollag });
      expect(dry.report).toMatchObject({ version, versionSource: 'ARKIVUTTREKK', errorCount: 0, warningCount: 0, canImport: true, toCreate: { archives: 3, archiveCreators: 1, series: 4 } });
      expect(dry.report!.municipality?.id).toBe(rollag);
      expect(dry.report!.proposedMunicipality?.name).toBe('Flesberg');

      const run = await runToEnd(arkivar, false, { uploadId, uttrekkUploadId, municipalityId: rollag });
      expect(run.status).toBe('SUCCEEDED');
      const stored = await db.prisma.archiveSeries.findMany({ where: { municipalityId: Number(rollag), systemId: { endsWith: `-${version}` } }, orderBy: { systemId: 'asc' } });
      expect(stored.map((s) => [s.systemId, s.extentFiles, s.extentRecords, s.system])).toEqual([
        [`byggesak-${version}`, 2, 8, `Fiktiv Sak ${version}`],
        [`personal-${version}`, 2, 2, `Fiktiv Sak ${version}`],
        [`sak-2010-${version}`, 6, 12, `Fiktiv Sak ${version}`],
        [`sak-2016-${version}`, 4, 12, `Fiktiv Sak ${version}`],
      ]);
    });
  }

  it('takes the version from the example arkivuttrekk.xml of the Noark 5 standard', async () => {
    const { db, api } = t;
    const arkivar = await api.signIn('arkivar');
    const flesberg = await municipality(db.prisma, 'Flesberg');
    const uploadId = await upload(api, arkivar, 'arkivstruktur.xml', xml('5.0'));
    // The example's placeholders («Oppgi sjekksumverdi …», «Oppgi antall …») are not checked against the file.
    const uttrekkUploadId = await upload(api, arkivar, 'arkivuttrekk.xml', readFileSync(new URL('./fixtures/arkivuttrekk-example.xml', import.meta.url)));
    const dry = await runToEnd(arkivar, true, { uploadId, uttrekkUploadId, municipalityId: flesberg });
    expect(dry.report).toMatchObject({ version: '5.0', versionSource: 'ARKIVUTTREKK', errorCount: 0, warningCount: 0, canImport: true });
  });

  it('tells an older extraction from its content without arkivuttrekk.xml, and applies v5.0 rules only to a v5.0 extraction', async () => {
    const { db, api } = t;
    const arkivar = await api.signIn('arkivar');
    const flesberg = await municipality(db.prisma, 'Flesberg');
    const data = xml('3.1');
    const uploadId = await upload(api, arkivar, 'arkivstruktur.xml', data);
    const byContent = await runToEnd(arkivar, true, { uploadId, municipalityId: flesberg });
    expect(byContent.report).toMatchObject({ version: '3.1/4.0', versionSource: 'CONTENT', errorCount: 0 });
    expect(byContent.report!.problems.find((p) => p.code === 'VERSION_FROM_CONTENT')).toMatchObject({ severity: 'NOTICE', path: expect.stringMatching(/registrering\[2\]$/) });

    // The same content declared as v5.0: its own systemIDs break the UUID rule of v5.0, and the
    // basisregistrering that v5.0 no longer has is pointed out.
    const claimed5 = await upload(api, arkivar, 'arkivuttrekk.xml', Buffer.from(arkivuttrekk({ version: '5.0', sha256: sha(data) })));
    const strict = await runToEnd(arkivar, true, { uploadId, uttrekkUploadId: claimed5, municipalityId: flesberg });
    expect(strict.report).toMatchObject({ version: '5.0', versionSource: 'ARKIVUTTREKK', canImport: false });
    const notUuid = strict.report!.problems.filter((p) => p.code === 'SYSTEMID_NOT_UUID');
    expect(notUuid.length).toBeGreaterThanOrEqual(20);
    expect(notUuid[0]).toMatchObject({ severity: 'ERROR', path: '/arkiv/systemID', line: 3, file: 'arkivstruktur.xml' });
    expect(strict.report!.problems.find((p) => p.code === 'VERSION_MISMATCH')).toMatchObject({ severity: 'WARNING' });
    // A checksum in arkivuttrekk.xml that is not the file's is a warning.
    const wrongSum = await upload(api, arkivar, 'arkivuttrekk.xml', Buffer.from(arkivuttrekk({ version: '3.1', sha256: sha(Buffer.from('annen fil')) })));
    const mismatch = await runToEnd(arkivar, true, { uploadId, uttrekkUploadId: wrongSum, municipalityId: flesberg });
    expect(problemsOf(mismatch.report!)).toContainEqual(['WARNING', 'CHECKSUM_MISMATCH', '/addml', null]);
  });
});

describe('extractions with problems', () => {
  it('reports every error of a faulty extraction with path and line, and the import writes nothing', async () => {
    const { db, api } = t;
    const arkivar = await api.signIn('arkivar');
    const flesberg = await municipality(db.prisma, 'Flesberg');
    const uploadId = await upload(api, arkivar, 'arkivstruktur.xml', ERRORS);
    const before = await snapshot(db.prisma);

    const dry = await runToEnd(arkivar, true, { uploadId, municipalityId: flesberg });
    const report = dry.report!;
    expect(report.canImport).toBe(false);
    const expected = [
      ['ERROR', 'SYSTEMID_NOT_UUID', '/arkiv/systemID', 3],
      ['ERROR', 'DOKUMENTMEDIUM_INVALID', '/arkiv/dokumentmedium', 6],
      ['ERROR', 'ARKIVSKAPERNAVN_MISSING', '/arkiv/arkivskaper[1]/arkivskaperNavn', 7],
      ['ERROR', 'ARKIVDELSTATUS_INVALID', '/arkiv/arkivdel[1]/arkivdelstatus', 13],
      ['ERROR', 'DATE_INVALID', '/arkiv/arkivdel[1]/arkivperiodeStartDato', 14],
      ['ERROR', 'TITTEL_MISSING', '/arkiv/arkivdel[2]/tittel', 16],
      ['ERROR', 'ARKIVDELSTATUS_MISSING', '/arkiv/arkivdel[2]/arkivdelstatus', 16],
      ['ERROR', 'SYSTEMID_DUPLICATE', '/arkiv/arkivdel[2]/systemID', 17],
      ['ERROR', 'PERIOD_END_BEFORE_START', '/arkiv/arkivdel[2]/arkivperiodeSluttDato', 20],
      ['ERROR', 'KASSASJONSVEDTAK_INVALID', '/arkiv/arkivdel[2]/kassasjon/kassasjonsvedtak', 22],
      ['ERROR', 'BEVARINGSTID_INVALID', '/arkiv/arkivdel[2]/kassasjon/bevaringstid', 23],
      ['ERROR', 'TILGANGSRESTRIKSJON_MISSING', '/arkiv/arkivdel[2]/skjerming/tilgangsrestriksjon', 25],
      ['NOTICE', 'KLASSIFIKASJONSTYPE_NOT_IN_LIST', '/arkiv/arkivdel[2]/klassifikasjonssystem[1]/klassifikasjonstype', 30],
      ['ERROR', 'SYSTEMID_NOT_UUID', '/arkiv/arkivdel[2]/klassifikasjonssystem[1]/klasse[1]/systemID', 33],
      ['ERROR', 'SYSTEMID_NOT_UUID', '/arkiv/arkivdel[2]/klassifikasjonssystem[1]/klasse[1]/mappe[1]/systemID', 37],
      ['NOTICE', 'VERSION_FROM_CONTENT', '/arkiv/arkivdel[2]/klassifikasjonssystem[1]/klasse[1]/mappe[1]/registrering[1]', 39],
      ['ERROR', 'SYSTEMID_NOT_UUID', '/arkiv/arkivdel[2]/klassifikasjonssystem[1]/klasse[1]/mappe[1]/registrering[1]/systemID', 40],
      ['ERROR', 'PERIOD_START_MISSING', '/arkiv/arkivdel[3]/arkivperiodeStartDato', 47],
      ['WARNING', 'PERIOD_END_MISSING', '/arkiv/arkivdel[3]/arkivperiodeSluttDato', 47],
      ['WARNING', 'CODE_LETTER_CASE', '/arkiv/arkivdel[3]/arkivdelstatus', 50],
    ];
    for (const problem of expected) expect(problemsOf(report), JSON.stringify(problem)).toContainEqual(problem);
    expect(report.errorCount).toBe(expected.filter((p) => p[0] === 'ERROR').length);
    // Every problem is explained in Norwegian, and the list is in file order.
    expect(report.problems.every((p) => p.message.length > 20 && p.file === 'arkivstruktur.xml')).toBe(true);
    expect(report.problems.find((p) => p.code === 'ARKIVDELSTATUS_INVALID')!.message).toBe('Arkivdelstatus «Lukket» finnes ikke i kodelisten for M051. Gyldige verdier: «Aktiv periode», «Overlappingsperiode», «Avsluttet periode» og «Uaktuelle mapper».');
    const lines = report.problems.map((p) => p.line ?? 0);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));

    const run = await runToEnd(arkivar, false, { uploadId, municipalityId: flesberg });
    expect(run.status).toBe('FAILED');
    expect(run.report!.failure).toMatchObject({ code: 'IMPORT_HAS_ERRORS', message: expect.stringMatching(new RegExp(`^Importen ble ikke kjørt fordi uttrekket har ${report.errorCount} feil\\. Ingenting er lagret`)) });
    expect(run.report!.created).toBeNull();
    expect(await snapshot(db.prisma)).toEqual(before);
  });

  it('reports a truncated file and writes nothing', async () => {
    const { db, api } = t;
    const arkivar = await api.signIn('arkivar');
    const flesberg = await municipality(db.prisma, 'Flesberg');
    const full = xml('5.0');
    const uploadId = await upload(api, arkivar, 'arkivstruktur.xml', full.subarray(0, Math.floor(full.length * 0.6)));
    const before = await snapshot(db.prisma);
    const dry = await runToEnd(arkivar, true, { uploadId, municipalityId: flesberg });
    expect(problemsOf(dry.report!)).toEqual([['ERROR', 'TRUNCATED', '/', null]]);
    expect(dry.report!.problems[0]!.message).toMatch(/avkortet/);
    const run = await runToEnd(arkivar, false, { uploadId, municipalityId: flesberg });
    expect(run).toMatchObject({ status: 'FAILED', report: { failure: { code: 'IMPORT_HAS_ERRORS' }, canImport: false } });
    expect(await snapshot(db.prisma)).toEqual(before);
  });

  it('reports a file that is not XML, and XML that is not an arkivstruktur, and writes nothing', async () => {
    const { db, api } = t;
    const arkivar = await api.signIn('arkivar');
    const flesberg = await municipality(db.prisma, 'Flesberg');
    const before = await snapshot(db.prisma);
    // The zipped extraction instead of its arkivstruktur.xml: a usual mistake.
    const zip = await upload(api, arkivar, 'arkivstruktur.xml', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), Buffer.from('arkivstruktur.xml'), randomBytes(2000)]));
    const notXml = await runToEnd(arkivar, false, { uploadId: zip, municipalityId: flesberg });
    expect(notXml.status).toBe('FAILED');
    expect(problemsOf(notXml.report!)).toEqual([['ERROR', 'NOT_WELL_FORMED_XML', '/', 1]]);
    expect(notXml.report!.problems[0]!.message).toMatch(/^Filen er ikke velformet XML \(linje 1\)/);

    const other = await upload(api, arkivar, 'arkivstruktur.xml', Buffer.from('<?xml version="1.0"?>\n<rapport xmlns="urn:noe-annet"><tittel>Ikke Noark</tittel></rapport>\n'));
    const wrongRoot = await runToEnd(arkivar, true, { uploadId: other, municipalityId: flesberg });
    expect(problemsOf(wrongRoot.report!)).toEqual([['ERROR', 'NOT_ARKIVSTRUKTUR', '/rapport', 2]]);
    expect(await snapshot(db.prisma)).toEqual(before);
  });

  it('writes nothing when the transaction fails half-way, and the report says why', async () => {
    const { db, api } = t;
    const arkivar = await api.signIn('arkivar');
    const flesberg = await municipality(db.prisma, 'Flesberg');
    const uploadId = await upload(api, arkivar, 'arkivstruktur.xml', xml('5.0'));
    const before = await snapshot(db.prisma);
    // The audit trail cannot be written: the archives inserted before the first audit row must go too.
    await db.prisma.$executeRaw`ALTER TABLE "audit_event" RENAME TO "audit_event_away"`;
    try {
      const run = await runToEnd(arkivar, false, { uploadId, municipalityId: flesberg });
      expect(run.status).toBe('FAILED');
      expect(run.report!.failure).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', message: expect.stringMatching(/Ingenting er lagret/) });
      // The plan made inside the transaction is still shown, with nothing counted as written.
      expect(run.report).toMatchObject({ toCreate: { archives: 3, archiveCreators: 1, series: 4 }, created: null, updated: null });
    } finally {
      await db.prisma.$executeRaw`ALTER TABLE "audit_event_away" RENAME TO "audit_event"`;
    }
    expect(await snapshot(db.prisma)).toEqual(before);
  });
});

describe('who may import where', () => {
  it('refuses an archivist outside the municipality, a viewer, and someone else\'s upload, and writes nothing', async () => {
    const { db, api } = t;
    const arkivar = await api.signIn('arkivar');
    const kongsberg = await municipality(db.prisma, 'Kongsberg');
    const uploadId = await upload(api, arkivar, 'arkivstruktur.xml', xml('5.0'));
    const before = await snapshot(db.prisma);
    for (const dryRun of [true, false]) {
      const refused = await start(arkivar, dryRun, { uploadId, municipalityId: kongsberg });
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const leser = await api.signIn('leser');
    expect((await start(leser, true, { uploadId, municipalityId: kongsberg })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // The administrator may import anywhere, but not another user's upload.
    const admin = await api.signIn('admin');
    const theirs = await start(admin, true, { uploadId, municipalityId: kongsberg });
    expect(theirs.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', path: ['uploadId'] });
    // Nor may anyone read another user's job.
    const own = await runToEnd(arkivar, true, { uploadId });
    const other = await api.signIn('koordinator');
    expect((await other.gql(`query($id: ID!) { noarkImportJob(id: $id) { id } }`, { id: own.id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await admin.gql<{ noarkImportJob: { id: string } }>(`query($id: ID!) { noarkImportJob(id: $id) { id } }`, { id: own.id })).data?.noarkImportJob?.id).toBe(own.id);
    const denials = await db.prisma.auditEvent.count({ where: { action: 'access-denied', entityId: { in: ['noarkImportDryRun', 'runNoarkImport'] } } });
    expect(denials).toBeGreaterThanOrEqual(3);
    const after = await snapshot(db.prisma);
    expect({ ...after, audit: 0 }).toEqual({ ...before, audit: 0 });
  });

  it('answers NOT_FOUND at the field for an unknown upload, and reports progress while a job runs', async () => {
    const { db, api } = t;
    const arkivar = await api.signIn('arkivar');
    const flesberg = await municipality(db.prisma, 'Flesberg');
    const missing = await start(arkivar, true, { uploadId: 'x'.repeat(32), municipalityId: flesberg });
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', path: ['uploadId'] });
    const uploadId = await upload(api, arkivar, 'arkivstruktur.xml', xml('5.0'));
    const started = await start(arkivar, true, { uploadId, uttrekkUploadId: 'y'.repeat(32), municipalityId: flesberg });
    expect(started.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', path: ['uttrekkUploadId'] });
    const ok = await start(arkivar, true, { uploadId, municipalityId: flesberg });
    expect(ok.data!.job).toMatchObject({ dryRun: true, bytesTotal: xml('5.0').length, report: null });
    expect(['QUEUED', 'RUNNING', 'SUCCEEDED']).toContain(ok.data!.job.status);
    const done = await waitFor(arkivar, ok.data!.job.id);
    expect(done).toMatchObject({ status: 'SUCCEEDED', bytesRead: xml('5.0').length, progress: 1 });
  });

  it('lets the housekeeping of any process take over a job whose heartbeat stopped, and leaves a live one alone', async () => {
    const { db, api } = t;
    const arkivar = await api.signIn('arkivar');
    const data = xml('4.0');
    const uploadId = await upload(api, arkivar, 'arkivstruktur.xml', data);
    const userId = (await db.prisma.user.findUniqueOrThrow({ where: { username: 'arkivar' } })).id;
    const long = new Date(Date.now() - 10 * 60_000);
    const orphan = await db.prisma.importJob.create({ data: { kind: 'NOARK5', dryRun: true, status: 'RUNNING', createdById: userId, uploadId, bytesTotal: BigInt(data.length), bytesRead: 1000n, createdAt: long, startedAt: long, heartbeatAt: long } });
    const live = await db.prisma.importJob.create({ data: { kind: 'NOARK5', dryRun: true, status: 'RUNNING', createdById: userId, uploadId, bytesTotal: BigInt(data.length), bytesRead: 1000n, startedAt: new Date(), heartbeatAt: new Date() } });
    await runHousekeeping(db, api.config, createLogger('silent'));
    const done = await waitFor(arkivar, String(orphan.id));
    expect(done).toMatchObject({ status: 'SUCCEEDED', progress: 1, report: { errorCount: 0, version: '3.1/4.0' } });
    expect(await db.prisma.importJob.findUniqueOrThrow({ where: { id: live.id } })).toMatchObject({ status: 'RUNNING', bytesRead: 1000n });
  });
});
