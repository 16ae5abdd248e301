import { beforeEach, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/testApi.ts';
import { useTestApi } from '../../testing/useTestApi.ts';
import { upload } from '../series-import/testing.ts';

// One database copy per test: the grid and the trend read whole months.
const t = useTestApi({ per: 'test' });
let coordinator: TestClient;
beforeEach(async () => {
  coordinator = await t.api.signIn('koordinator');
});

const ROW = `id month municipality { name number } incomingPost journalEntries medianRegistrationDays overdueItems digitalOutgoingPercent`;
const GRID = `query OperatingFigureGrid($month: String!) { operatingFigureGrid(month: $month) { ${ROW} } }`;
const SET = `mutation SetOperatingFigure($input: SetOperatingFigureInput!) { setOperatingFigure(input: $input) { ${ROW} } }`;
const TREND = `query Trend($months: Int) { operatingFigureTrend(months: $months) { month incomingPost journalEntries overdueItems medianRegistrationDays digitalOutgoingPercent municipalitiesReporting } }`;
const REPORT = `dryRun canImport toCreate toUpdate unchanged errorCount warningCount created updated items { line month action changedFields municipality { name } } problems { severity code path line file message }`;
const DRY = `mutation DryRun($u: ID!) { operatingFiguresImportDryRun(uploadId: $u) { ${REPORT} } }`;
const RUN = `mutation Run($u: ID!) { runOperatingFiguresImport(uploadId: $u) { ${REPORT} } }`;
type Row = { id: string; month: string; municipality: { name: string; number: string }; incomingPost: number | null; journalEntries: number | null; overdueItems: number | null };
type Report = { dryRun: boolean; canImport: boolean; toCreate: number; toUpdate: number; unchanged: number; errorCount: number; created: number | null; updated: number | null; items: { line: number; action: string; changedFields: string[] }[]; problems: { code: string; line: number | null; message: string }[] };

const municipalityId = async (name: string) => String((await t.db.prisma.municipality.findFirstOrThrow({ where: { name } })).id);
const csv = (lines: string[]) => Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
const HEADER = 'kommunenummer;måned;inngående post;journalposter;mediantid (dager);restanser;digital andel (%)';

describe('operating figures', () => {
  it('gives every participating municipality a row of the month, figures null where none is reported', async () => {
    const { data } = await coordinator.gql<{ operatingFigureGrid: Row[] }>(GRID, { month: '2025-03' });
    expect(data!.operatingFigureGrid).toHaveLength(8);
    expect(data!.operatingFigureGrid[0]).toMatchObject({ month: '2025-03', incomingPost: null, overdueItems: null });
    const seeded = (await coordinator.gql<{ operatingFigureGrid: Row[] }>(GRID, { month: '2026-03' })).data!.operatingFigureGrid;
    expect(seeded.find((r) => r.municipality.name === 'Kongsberg')!.incomingPost).toBeGreaterThan(0);
  });

  it('sets one figure of a cell without touching the others, audited', async () => {
    const kongsberg = await municipalityId('Kongsberg');
    const first = await coordinator.gql<{ setOperatingFigure: Row }>(SET, { input: { municipalityId: kongsberg, month: '2025-05', field: 'INCOMING_POST', value: 4200 } });
    expect(first.errors).toBeUndefined();
    const second = await coordinator.gql<{ setOperatingFigure: Row }>(SET, { input: { municipalityId: kongsberg, month: '2025-05', field: 'OVERDUE_ITEMS', value: 12 } });
    expect(second.data!.setOperatingFigure).toMatchObject({ id: `${kongsberg}:2025-05`, incomingPost: 4200, overdueItems: 12, journalEntries: null });
    expect(await t.db.prisma.auditEvent.count({ where: { entityType: 'OperatingFigure' } })).toBe(2);
  });

  it('refuses a negative count, a share above 100 %, a broken month and a future month with field errors', async () => {
    const kongsberg = await municipalityId('Kongsberg');
    const cases = [
      [{ field: 'INCOMING_POST', value: -1, month: '2025-05' }, ['input', 'value']],
      [{ field: 'JOURNAL_ENTRIES', value: 1.5, month: '2025-05' }, ['input', 'value']],
      [{ field: 'DIGITAL_OUTGOING_PERCENT', value: 101, month: '2025-05' }, ['input', 'value']],
      [{ field: 'INCOMING_POST', value: 1, month: '2025-13' }, ['input', 'month']],
      [{ field: 'INCOMING_POST', value: 1, month: '2999-01' }, ['input', 'month']],
    ] as const;
    for (const [input, path] of cases) {
      const result = await coordinator.gql(SET, { input: { municipalityId: kongsberg, ...input } });
      expect(result.errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({ code: 'VALIDATION_FAILED', path });
    }
    expect(await t.db.prisma.operatingFigure.count({ where: { month: new Date('2025-05-01') } })).toBe(0);
  });

  it('keeps a coordinator to their own municipalities', async () => {
    const result = await coordinator.gql(SET, { input: { municipalityId: await municipalityId('Tinn'), month: '2025-05', field: 'INCOMING_POST', value: 1 } });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('sums the months for the trend, oldest first, ending this month', async () => {
    const { data } = await coordinator.gql<{ operatingFigureTrend: { month: string; incomingPost: number | null; municipalitiesReporting: number }[] }>(TREND, { months: 12 });
    const trend = data!.operatingFigureTrend;
    expect(trend).toHaveLength(12);
    expect(trend.map((m) => m.month)).toEqual([...trend.map((m) => m.month)].sort());
    const march = trend.find((m) => m.month === '2026-03');
    if (march) {
      const rows = await t.db.prisma.operatingFigure.findMany({ where: { month: new Date('2026-03-01') } });
      expect(march).toMatchObject({ incomingPost: rows.reduce((a, r) => a + (r.incomingPost ?? 0), 0), municipalitiesReporting: rows.length });
    }
    expect((await coordinator.gql(TREND, { months: 37 })).errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
  });
});

describe('operating figures from CSV', () => {
  it('reports a dry run without writing, then imports every row in one go, audited', async () => {
    const file = csv([HEADER, '3303;2025-04;4 200;6 100;3,5;14;62,5', '3332;04.2025;510;;4;3;']);
    const dry = await coordinator.gql<{ operatingFiguresImportDryRun: Report }>(DRY, { u: await upload(t.api, coordinator, 'driftstall.csv', file) });
    expect(dry.errors).toBeUndefined();
    expect(dry.data!.operatingFiguresImportDryRun).toMatchObject({ dryRun: true, canImport: true, toCreate: 2, errorCount: 0, created: null });
    expect(await t.db.prisma.operatingFigure.count({ where: { month: new Date('2025-04-01') } })).toBe(0);

    const run = await coordinator.gql<{ runOperatingFiguresImport: Report }>(RUN, { u: await upload(t.api, coordinator, 'driftstall.csv', file) });
    expect(run.data!.runOperatingFiguresImport).toMatchObject({ dryRun: false, created: 2, updated: 0 });
    const rows = (await coordinator.gql<{ operatingFigureGrid: (Row & { medianRegistrationDays: number; digitalOutgoingPercent: number })[] }>(GRID, { month: '2025-04' })).data!.operatingFigureGrid;
    expect(rows.find((r) => r.municipality.number === '3303')).toMatchObject({ incomingPost: 4200, journalEntries: 6100, medianRegistrationDays: 3.5, overdueItems: 14, digitalOutgoingPercent: 62.5 });
    expect(rows.find((r) => r.municipality.number === '3332')).toMatchObject({ incomingPost: 510, journalEntries: null });
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { entityType: 'OperatingFigure', action: 'import' } });
    expect(audit.after).toMatchObject({ file: 'driftstall.csv', created: 2 });

    const again = await coordinator.gql<{ operatingFiguresImportDryRun: Report }>(DRY, { u: await upload(t.api, coordinator, 'driftstall.csv', csv([HEADER, '3303;2025-04;4200;6100;3,5;15;62,5'])) });
    expect(again.data!.operatingFiguresImportDryRun).toMatchObject({ toUpdate: 1, items: [{ action: 'UPDATE', changedFields: ['overdueItems'] }] });
  });

  it('reports each bad row with its line and writes nothing when the file has an error', async () => {
    const file = csv([HEADER, '3303;2025-04;100;;;;', '9999;2025-04;1;;;;', '4026;2025-04;1;;;;', '3303;2025-4x;1;;;;', '3332;2025-04;-3;;;;', '3303;2025-04;5;;;;']);
    const uploadId = await upload(t.api, coordinator, 'feil.csv', file);
    const result = (await coordinator.gql<{ runOperatingFiguresImport: Report }>(RUN, { u: uploadId })).data!.runOperatingFiguresImport;
    expect(result.canImport).toBe(false);
    expect(result.created).toBeNull();
    expect(result.problems.map((p) => [p.code, p.line])).toEqual([['UNKNOWN_MUNICIPALITY', 3], ['MUNICIPALITY_NOT_ALLOWED', 4], ['INVALID_MONTH', 5], ['INVALID_VALUE', 6], ['DUPLICATE_ROW', 7]]);
    expect(result.problems[1]!.message).toBe('Du kan ikke registrere driftstall for Tinn.');
    expect(await t.db.prisma.operatingFigure.count({ where: { month: new Date('2025-04-01') } })).toBe(0);
  });

  it('refuses a file without the key columns and an upload that is not the caller\'s', async () => {
    const noKeys = (await coordinator.gql<{ operatingFiguresImportDryRun: Report }>(DRY, { u: await upload(t.api, coordinator, 'x.csv', csv(['a;b', '1;2'])) })).data!.operatingFiguresImportDryRun;
    expect(noKeys.problems.map((p) => p.code)).toEqual(['UNKNOWN_COLUMN', 'UNKNOWN_COLUMN', 'MISSING_COLUMN']);
    const admin = await t.api.signIn('admin');
    const theirs = await upload(t.api, admin, 'x.csv', csv([HEADER]));
    expect((await coordinator.gql(DRY, { u: theirs })).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', path: ['uploadId'] });
  });
});
