import { beforeAll, describe, expect, it } from 'vitest';
import { toDbDate } from '../../graphql/dates.ts';
import type { TestClient } from '../../testing/testApi.ts';
import { useTestApi } from '../../testing/useTestApi.ts';
import { makeSeries, municipalityIdOf } from '../archive-series/fixtures.ts';

// archive_series_readiness_count (migration readiness_summary) is kept by statement triggers:
// after any sequence of writes it must equal a recount from the series against its basis date.
// A series' row depends on its successor too, so the writes below change successors as well.

const t = useTestApi({ per: 'file' });
let admin: TestClient;
let flesberg: number;
let rollag: number;
beforeAll(async () => {
  admin = await t.api.signIn('admin');
  flesberg = await municipalityIdOf(t.db.prisma, '3334');
  rollag = await municipalityIdOf(t.db.prisma, '3336');
});

const SET = `mutation UpdateOverviewSettings($input: OverviewSettingsInput!) { updateOverviewSettings(input: $input) { cutOverDate } }`;
const READINESS = `query($id: ID) { overview(municipalityId: $id) { readiness { measures { key met total } } } }`;

const RECOUNT = `
  SELECT a.municipality_id, a.status::text AS status,
    COALESCE(n.id IS NOT NULL AND n.deleted_at IS NULL AND n.period_start >= archive_series_readiness_cut_over(), false) AS succeeded, count(*)::int AS n
  FROM archive_series a LEFT JOIN archive_series n ON n.id = a.successor_id
  WHERE a.deleted_at IS NULL AND NOT a.is_continuous AND a.period_start < archive_series_readiness_cut_over()
  GROUP BY 1, 2, 3`;
const SUMMARY = `SELECT municipality_id, status::text AS status, succeeded, count AS n FROM archive_series_readiness_count`;

async function expectSummaryEqualsRecount() {
  const session = await t.db.session();
  try {
    expect(await session.query(`${RECOUNT} EXCEPT ${SUMMARY}`)).toEqual([]);
    expect(await session.query(`${SUMMARY} EXCEPT ${RECOUNT}`)).toEqual([]);
    expect(await session.query(`SELECT * FROM archive_series_readiness_count WHERE count <= 0`)).toEqual([]);
  } finally {
    await session.release();
  }
}

const day = (d: string) => toDbDate(d);

describe('the readiness summary', () => {
  it('equals a recount after inserts, updates of series and of their successors, soft and hard deletes, and bulk updates', async () => {
    await expectSummaryEqualsRecount();
    const next = await makeSeries(t.db.prisma, flesberg, { status: 'AKTIV_PERIODE', periodStart: day('2026-01-01') });
    const early = await makeSeries(t.db.prisma, flesberg, { status: 'AKTIV_PERIODE', periodStart: day('2025-06-01') });
    const a = await makeSeries(t.db.prisma, flesberg, { status: 'AVSLUTTET_PERIODE', periodStart: day('2010-01-01'), successorId: next.id });
    const b = await makeSeries(t.db.prisma, flesberg, { status: 'OVERLAPPINGSPERIODE', periodStart: day('2012-01-01'), successorId: next.id });
    const c = await makeSeries(t.db.prisma, rollag, { status: 'AVSLUTTET_PERIODE', periodStart: day('2011-01-01'), successorId: early.id });
    await expectSummaryEqualsRecount();

    // The successor's period moves before the cut-over and back: its predecessors' rows follow.
    await t.db.prisma.archiveSeries.update({ where: { id: next.id }, data: { periodStart: day('2025-12-31') } });
    await expectSummaryEqualsRecount();
    await t.db.prisma.archiveSeries.update({ where: { id: next.id }, data: { periodStart: day('2026-02-01') } });
    await expectSummaryEqualsRecount();
    // The successor is soft-deleted and restored; a predecessor changes successor, status and municipality.
    await t.db.prisma.archiveSeries.update({ where: { id: next.id }, data: { deletedAt: new Date() } });
    await expectSummaryEqualsRecount();
    await t.db.prisma.archiveSeries.update({ where: { id: next.id }, data: { deletedAt: null } });
    await t.db.prisma.archiveSeries.update({ where: { id: c.id }, data: { successorId: next.id, status: 'OVERLAPPINGSPERIODE', municipalityId: flesberg } });
    await expectSummaryEqualsRecount();
    // One statement changing a predecessor and its successor together, then a bulk update.
    await t.db.prisma.archiveSeries.updateMany({ where: { id: { in: [a.id, next.id] } }, data: { periodStart: day('2026-03-01') } });
    await expectSummaryEqualsRecount();
    await t.db.prisma.archiveSeries.updateMany({ where: { municipalityId: flesberg }, data: { isContinuous: false } });
    await expectSummaryEqualsRecount();
    await t.db.prisma.archiveSeries.updateMany({ where: { id: { in: [b.id, c.id] } }, data: { isContinuous: true } });
    await expectSummaryEqualsRecount();
    // A hard delete of a successor: the foreign key clears its predecessors' successor.
    await t.db.prisma.archiveSeries.update({ where: { id: b.id }, data: { isContinuous: false } });
    await t.db.prisma.archiveSeries.delete({ where: { id: next.id } });
    expect((await t.db.prisma.archiveSeries.findUniqueOrThrow({ where: { id: b.id } })).successorId).toBeNull();
    await expectSummaryEqualsRecount();
  });

  it('is recounted in the transaction that changes the cut-over date, and records that date as its basis', async () => {
    const later = await makeSeries(t.db.prisma, rollag, { status: 'AKTIV_PERIODE', periodStart: day('2027-01-01') });
    await makeSeries(t.db.prisma, rollag, { status: 'AVSLUTTET_PERIODE', periodStart: day('2026-06-01'), successorId: later.id });
    for (const cutOverDate of ['2027-01-01', '2026-01-01']) {
      expect((await admin.gql(SET, { input: { cutOverDate, overlapMonths: 3 } })).errors).toBeUndefined();
      const [basis] = await t.db.prisma.$queryRaw<{ d: string }[]>`SELECT to_char(archive_series_readiness_cut_over(), 'YYYY-MM-DD') AS d`;
      expect(basis!.d).toBe(cutOverDate);
      await expectSummaryEqualsRecount();
    }
  });

  it('is left aside when the cut-over setting was changed behind the API: the measures are counted from the series', async () => {
    const id = (await t.db.prisma.municipality.create({ data: { number: '9801', name: 'Endret for hånd' } })).id;
    const later = await makeSeries(t.db.prisma, id, { status: 'AKTIV_PERIODE', periodStart: day('2027-03-01') });
    await makeSeries(t.db.prisma, id, { status: 'AVSLUTTET_PERIODE', periodStart: day('2026-06-01'), successorId: later.id });
    await makeSeries(t.db.prisma, id, { status: 'AVSLUTTET_PERIODE', periodStart: day('2020-01-01') });
    const measures = async () => {
      const { data, errors } = await admin.gql<{ overview: { readiness: { measures: { key: string; met: number; total: number }[] }[] } }>(READINESS, { id: String(id) });
      expect(errors).toBeUndefined();
      return Object.fromEntries(data!.overview.readiness[0]!.measures.filter((m) => ['CLOSED_AT_CUT_OVER', 'SUCCEEDED'].includes(m.key)).map((m) => [m.key, [m.met, m.total]]));
    };
    // Basis 2026-01-01: only the 2020 series began before the cut-over; it has no successor.
    expect(await measures()).toEqual({ CLOSED_AT_CUT_OVER: [1, 1], SUCCEEDED: [0, 1] });
    await t.db.prisma.appSetting.upsert({ where: { key: 'overview.cut_over_date' }, create: { key: 'overview.cut_over_date', value: '2027-01-01' }, update: { value: '2027-01-01' } });
    // Cut-over 2027-01-01: both closed series count, and the one succeeded from 1.3.2027 counts as succeeded.
    expect(await measures()).toEqual({ CLOSED_AT_CUT_OVER: [2, 2], SUCCEEDED: [1, 2] });
    await t.db.prisma.appSetting.delete({ where: { key: 'overview.cut_over_date' } });
  });

  it('has its triggers in place (the drift check cannot see them)', async () => {
    const rows = await t.db.prisma.$queryRaw<{ tgname: string }[]>`
      SELECT tgname FROM pg_trigger WHERE tgrelid = 'archive_series'::regclass AND tgname LIKE 'archive_series_readiness_%' ORDER BY tgname`;
    expect(rows.map((r) => r.tgname)).toEqual(['archive_series_readiness_delete', 'archive_series_readiness_insert', 'archive_series_readiness_truncate', 'archive_series_readiness_update']);
  });
});
