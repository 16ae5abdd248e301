import { readinessShortfallFilter, type ReadinessMeasureKeyName } from '@samarkiv/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { osloDate, toDbDate } from '../../graphql/dates.ts';
import type { TestClient } from '../../testing/testApi.ts';
import { useTestApi } from '../../testing/useTestApi.ts';
import { makeSeries } from '../archive-series/fixtures.ts';
import { addMonths } from './settings.ts';

// Readiness on stated examples. The cut-over is set a month before today (within the 3-month
// overlap window) or six months before (after it), so the answers hold whatever day the suite runs.

const t = useTestApi({ per: 'file' });
let admin: TestClient;
let viewer: TestClient;
beforeAll(async () => {
  admin = await t.api.signIn('admin');
  viewer = await t.api.signIn('leser');
});

const READINESS = `query OverviewReadiness($id: ID) { overview(municipalityId: $id) {
  settings { cutOverDate overlapMonths overlapEndsOn }
  readiness { municipality { id name } seriesCount overall weakest measures { key met total share } } } }`;
const SET = `mutation UpdateOverviewSettings($input: OverviewSettingsInput!) { updateOverviewSettings(input: $input) { cutOverDate overlapMonths overlapEndsOn } }`;
const SERIES = `query($filter: ArchiveSeriesFilter) { archiveSeries(first: 100, filter: $filter) { totalCount edges { node { title } } } }`;

type Measure = { key: ReadinessMeasureKeyName; met: number; total: number; share: number | null };
type Readiness = { municipality: { id: string; name: string }; seriesCount: number; overall: number | null; weakest: string | null; measures: Measure[] };

let number = 9900;
async function makeMunicipality(name: string): Promise<number> {
  number += 1;
  return (await t.db.prisma.municipality.create({ data: { number: String(number), name } })).id;
}

async function setCutOver(cutOverDate: string) {
  const result = await admin.gql(SET, { input: { cutOverDate, overlapMonths: 3 } });
  expect(result.errors).toBeUndefined();
}

async function readinessOf(id: number): Promise<Readiness> {
  const { data, errors } = await viewer.gql<{ overview: { readiness: Readiness[] } }>(READINESS, { id: String(id) });
  expect(errors).toBeUndefined();
  return data!.overview.readiness[0]!;
}

const shares = (r: Readiness) => Object.fromEntries(r.measures.map((m) => [m.key, [m.met, m.total]]));

/**
 * Six counted series (A, B, C, D, E, F), one in Uaktuelle mapper and one deleted (neither counted):
 * A Avsluttet 2010-, Bevares, restricted with basis, mapped, succeeded by E (from the cut-over);
 * B Overlappingsperiode 2015-, Kasseres, restricted without basis, unmapped, succeeded by F (began before the cut-over);
 * C Aktiv 2018-, Vurderes senere, restricted with basis, mapped; D continuous (løpende) Aktiv, no decision, mapped;
 * E Aktiv from the cut-over, Bevares, mapped; F Aktiv from 10 days before the cut-over, no decision, unmapped.
 */
async function exampleMunicipality(cutOver: string): Promise<number> {
  const id = await makeMunicipality(`Eksempel ${cutOver}`);
  const target = await t.db.prisma.targetSeries.findFirstOrThrow();
  const day = (d: string) => toDbDate(d);
  const e = await makeSeries(t.db.prisma, id, { title: 'E', status: 'AKTIV_PERIODE', periodStart: day(cutOver), retentionDecision: 'BEVARES', targetSeriesId: target.id });
  const f = await makeSeries(t.db.prisma, id, { title: 'F', status: 'AKTIV_PERIODE', periodStart: new Date(Date.parse(`${cutOver}T00:00:00Z`) - 10 * 86_400_000) });
  await makeSeries(t.db.prisma, id, { title: 'A', status: 'AVSLUTTET_PERIODE', periodStart: day('2010-01-01'), retentionDecision: 'BEVARES', accessRestriction: 'Skjermet', restrictionBasis: 'Offl. § 13', targetSeriesId: target.id, successorId: e.id });
  await makeSeries(t.db.prisma, id, { title: 'B', status: 'OVERLAPPINGSPERIODE', periodStart: day('2015-01-01'), retentionDecision: 'KASSERES', accessRestriction: 'Skjermet', successorId: f.id });
  await makeSeries(t.db.prisma, id, { title: 'C', status: 'AKTIV_PERIODE', periodStart: day('2018-01-01'), retentionDecision: 'VURDERES_SENERE', accessRestriction: 'Skjermet', restrictionBasis: 'Offl. § 13', targetSeriesId: target.id });
  await makeSeries(t.db.prisma, id, { title: 'D', status: 'AKTIV_PERIODE', periodStart: day('2000-01-01'), isContinuous: true, targetSeriesId: target.id });
  await makeSeries(t.db.prisma, id, { title: 'U', status: 'UAKTUELLE_MAPPER', periodStart: day('2001-01-01'), retentionDecision: 'BEVARES', targetSeriesId: target.id });
  await makeSeries(t.db.prisma, id, { title: 'Slettet', status: 'AVSLUTTET_PERIODE', periodStart: day('2001-01-01'), retentionDecision: 'BEVARES', deletedAt: new Date() });
  return id;
}

describe('readiness per municipality', () => {
  it('measures each of the five on the example within the overlap window, and their mean', async () => {
    const cutOver = addMonths(osloDate(), -1);
    await setCutOver(cutOver);
    const r = await readinessOf(await exampleMunicipality(cutOver));
    expect(r.seriesCount).toBe(6);
    expect(shares(r)).toEqual({
      RETENTION_DECIDED: [3, 6], // A, B, E
      RESTRICTIONS_GROUNDED: [2, 3], // A, C of A, B, C
      CLOSED_AT_CUT_OVER: [2, 4], // A (Avsluttet), B (Overlapping) of A, B, C, F
      SUCCEEDED: [1, 2], // A (by E) of A, B
      MAPPED: [4, 6], // A, C, D, E
    });
    expect(r.overall).toBeCloseTo((0.5 + 2 / 3 + 0.5 + 0.5 + 2 / 3) / 5, 10);
    expect(r.weakest).toBe('RETENTION_DECIDED');
  });

  it('counts only Avsluttet periode as closed once the overlap window has passed', async () => {
    const cutOver = addMonths(osloDate(), -6);
    await setCutOver(cutOver);
    const r = await readinessOf(await exampleMunicipality(cutOver));
    expect(shares(r)).toMatchObject({ CLOSED_AT_CUT_OVER: [1, 4], SUCCEEDED: [1, 1] });
    expect(r.overall).toBeCloseTo((0.5 + 2 / 3 + 0.25 + 1 + 2 / 3) / 5, 10);
    expect(r.weakest).toBe('CLOSED_AT_CUT_OVER');
  });

  it('leaves a measure with nothing to count out of the mean', async () => {
    await setCutOver('2026-01-01');
    const id = await makeMunicipality('Bare løpende');
    await makeSeries(t.db.prisma, id, { status: 'AKTIV_PERIODE', isContinuous: true, retentionDecision: 'BEVARES' });
    const r = await readinessOf(id);
    expect(r.measures.map((m) => m.share)).toEqual([1, null, null, null, 0]);
    expect(r.overall).toBe(0.5);
    expect(r.weakest).toBe('MAPPED');
  });

  it('links each measure to exactly the series that fall short of it', async () => {
    const cutOver = addMonths(osloDate(), -1);
    await setCutOver(cutOver);
    const id = await exampleMunicipality(cutOver);
    const closed = ['OVERLAPPINGSPERIODE', 'AVSLUTTET_PERIODE'] as const;
    const short = async (key: ReadinessMeasureKeyName) => {
      const { data, errors } = await viewer.gql<{ archiveSeries: { totalCount: number; edges: { node: { title: string } }[] } }>(SERIES, { filter: readinessShortfallFilter(key, String(id), { cutOverDate: cutOver }, closed) });
      expect(errors).toBeUndefined();
      // The count comes from the facet summary where it can (mapping, restriction basis): it must agree with the rows.
      expect(data!.archiveSeries.totalCount).toBe(data!.archiveSeries.edges.length);
      return data!.archiveSeries.edges.map((e) => e.node.title).sort();
    };
    expect(await short('RETENTION_DECIDED')).toEqual(['C', 'D', 'F']);
    expect(await short('RESTRICTIONS_GROUNDED')).toEqual(['B']);
    expect(await short('CLOSED_AT_CUT_OVER')).toEqual(['C', 'F']);
    expect(await short('SUCCEEDED')).toEqual(['B']);
    expect(await short('MAPPED')).toEqual(['B', 'F']);
  });

  it('reads every municipality in as many statements as one', async () => {
    const statements = async (args: string) => {
      let n = 0;
      const stop = t.db.onQuery(() => n++);
      const { data } = await viewer.gql<{ overview: { readiness: Readiness[] } }>(`{ overview${args} { readiness { municipality { id } overall measures { share } } } }`);
      stop();
      return { rows: data!.overview.readiness.length, n };
    };
    const one = await statements(`(municipalityId: "${(await t.db.prisma.municipality.findFirstOrThrow()).id}")`);
    const all = await statements('');
    expect(one.rows).toBe(1);
    expect(all.rows).toBeGreaterThan(8);
    expect(all.n).toBe(one.n);
  });
});

describe('overview settings', () => {
  it('reads the defaults while no setting is stored', async () => {
    await t.db.prisma.appSetting.deleteMany({ where: { key: { startsWith: 'overview.' } } });
    const { data } = await viewer.gql<{ overviewSettings: unknown }>(`{ overviewSettings { cutOverDate overlapMonths overlapEndsOn } }`);
    expect(data!.overviewSettings).toEqual({ cutOverDate: '2026-01-01', overlapMonths: 3, overlapEndsOn: '2026-04-01' });
  });

  it('lets an administrator change them, with an audit row', async () => {
    const { data } = await admin.gql<{ updateOverviewSettings: unknown }>(SET, { input: { cutOverDate: '2027-01-31', overlapMonths: 1 } });
    expect(data!.updateOverviewSettings).toEqual({ cutOverDate: '2027-01-31', overlapMonths: 1, overlapEndsOn: '2027-02-28' });
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { entityType: 'AppSetting', entityId: 'overview' }, orderBy: { id: 'desc' } });
    expect(audit.after).toMatchObject({ cutOverDate: '2027-01-31', overlapMonths: 1 });
  });

  it('refuses a date that does not exist and a negative window with field errors, changing nothing', async () => {
    await setCutOver('2026-01-01');
    const bad = await admin.gql(SET, { input: { cutOverDate: '2026-02-30', overlapMonths: 3 } });
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'VALIDATION_FAILED', path: ['input', 'cutOverDate'] } });
    const negative = await admin.gql(SET, { input: { cutOverDate: '2026-01-01', overlapMonths: -1 } });
    expect(negative.errors?.[0]).toMatchObject({ message: 'Overlappingsperioden kan ikke være negativ.', extensions: { path: ['input', 'overlapMonths'] } });
    const { data } = await viewer.gql<{ overviewSettings: { cutOverDate: string } }>(`{ overviewSettings { cutOverDate } }`);
    expect(data!.overviewSettings.cutOverDate).toBe('2026-01-01');
  });

  it('refuses a coordinator', async () => {
    const coordinator = await t.api.signIn('koordinator');
    const result = await coordinator.gql(SET, { input: { cutOverDate: '2026-01-01', overlapMonths: 3 } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });
});

