import type { ArchiveSeries } from '@samarkiv/db';
import { isoDate } from '../../graphql/dates.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/testApi.ts';
import { useTestApi } from '../../testing/useTestApi.ts';
import { countSeries } from './count.ts';
import { normaliseFilter } from './filter.ts';
import { makeSeries, municipalityIdOf, walkForward } from './fixtures.ts';

const t = useTestApi({ per: 'file' });
let leser: TestClient;
let flesberg: number;
let live: ArchiveSeries[];

beforeAll(async () => {
  leser = await t.api.signIn('leser');
  flesberg = await municipalityIdOf(t.db.prisma, '3334');
  await makeSeries(t.db.prisma, flesberg, { identifier: 'PERS-1', title: 'Personalmapper', description: 'Ansatte' });
  await makeSeries(t.db.prisma, flesberg, { identifier: 'BYGG', title: 'Byggesaker etter matrikkel' });
  await makeSeries(t.db.prisma, flesberg, { identifier: 'X-BYGG', title: 'Bygg', deletedAt: new Date() });
  // A chain with every relation set, for the statement count.
  const archive = await t.db.prisma.archive.findFirstOrThrow({ where: { municipalityId: flesberg } });
  const creator = await t.db.prisma.archiveCreator.findFirstOrThrow({ where: { municipalityId: flesberg } });
  const target = await t.db.prisma.targetSeries.findFirstOrThrow();
  let previous: ArchiveSeries | null = null;
  for (let i = 0; i < 55; i++) {
    const s: ArchiveSeries = await makeSeries(t.db.prisma, flesberg, { identifier: `REL-${String(i).padStart(2, '0')}`, archiveId: archive.id, archiveCreatorId: creator.id, targetSeriesId: target.id, predecessorId: previous?.id ?? null });
    if (previous) await t.db.prisma.archiveSeries.update({ where: { id: previous.id }, data: { successorId: s.id } });
    previous = s;
  }
  live = await t.db.prisma.archiveSeries.findMany({ where: { deletedAt: null } });
});

const ids = (rows: ArchiveSeries[]) => rows.map((r) => String(r.id)).sort();

describe('filters', () => {
  const cases: [string, () => Record<string, unknown>, (r: ArchiveSeries) => boolean][] = [
    ['municipality', () => ({ municipalityIds: [String(flesberg)] }), (r) => r.municipalityId === flesberg],
    ['status', () => ({ statuses: ['AKTIV_PERIODE'] }), (r) => r.status === 'AKTIV_PERIODE'],
    ['document medium', () => ({ documentMedia: ['FYSISK', 'BLANDET'] }), (r) => r.documentMedium !== 'ELEKTRONISK'],
    ['retention decision', () => ({ retentionDecisions: ['KASSERES'] }), (r) => r.retentionDecision === 'KASSERES'],
    ['retention decision missing', () => ({ retentionDecisionMissing: true }), (r) => r.retentionDecision === null],
    ['classification type', () => ({ classificationTypes: ['K-koder'] }), (r) => r.classificationType === 'K-koder'],
    ['restricted', () => ({ restricted: true }), (r) => r.accessRestriction !== null],
    ['restriction basis', () => ({ restrictionBases: ['Offl. § 13, jf. fvl. § 13'] }), (r) => r.restrictionBasis === 'Offl. § 13, jf. fvl. § 13'],
    ['period overlap', () => ({ periodFrom: '1990-01-01', periodTo: '1999-12-31' }), (r) => isoDate(r.periodStart) <= '1999-12-31' && (isoDate(r.periodEnd) ?? '9999') >= '1990-01-01'],
    ['system', () => ({ systems: ['ePhorte'] }), (r) => r.system === 'ePhorte'],
    ['target series', () => ({ targetSeriesIds: [String(live.find((r) => r.targetSeriesId)!.targetSeriesId)] }), (r) => r.targetSeriesId === live.find((x) => x.targetSeriesId)!.targetSeriesId],
    ['deposit status', () => ({ depositStatuses: ['AVLEVERT'] }), (r) => r.depositStatus === 'AVLEVERT'],
    ['archive creator', () => ({ archiveCreatorIds: [String(live.find((r) => r.archiveCreatorId)!.archiveCreatorId)] }), (r) => r.archiveCreatorId === live.find((x) => x.archiveCreatorId)!.archiveCreatorId],
  ];
  it.each(cases)('filters by %s as the rows say, leaving soft-deleted series out', async (_, filter, keep) => {
    const found = await walkForward(leser, { filter: filter() });
    expect(found.sort()).toEqual(ids(live.filter(keep)));
  });
});

describe('search', () => {
  it('finds Norwegian words by their stem: byggesak finds Byggesaker, personal finds Personalmapper', async () => {
    const titles = async (search: string) => (await leser.gql<{ archiveSeries: { edges: { node: { title: string } }[] } }>(`query($f: ArchiveSeriesFilter) { archiveSeries(first: 100, filter: $f) { edges { node { title } } } }`, { f: { search } })).data!.archiveSeries.edges.map((e) => e.node.title);
    expect((await titles('byggesak')).some((x) => x.startsWith('Byggesaker'))).toBe(true);
    expect((await titles('byggesakene')).some((x) => x.startsWith('Byggesaker'))).toBe(true);
    expect(await titles('personal')).toContain('Personalmapper');
    expect(await titles('ansatte')).toContain('Personalmapper');
  });

  it('ranks an exact identifier match first, then an exact title match', async () => {
    const first = async (search: string) => (await leser.gql<{ archiveSeries: { edges: { node: { identifier: string; title: string } }[] } }>(`query($f: ArchiveSeriesFilter) { archiveSeries(first: 3, filter: $f) { edges { node { identifier title } } } }`, { f: { search } })).data!.archiveSeries.edges[0]!.node;
    expect((await first('bygg')).identifier).toBe('BYGG');
    expect((await first('personalmapper')).title).toBe('Personalmapper');
  });
});

describe('facets', () => {
  it('counts each facet under the other filters but not its own', async () => {
    const { data } = await leser.gql<{ archiveSeriesFacets: Record<string, { value: string | null; count: number }[]> }>(
      `query($f: ArchiveSeriesFilter) { archiveSeriesFacets(filter: $f) { status { value count } municipality { value count } retentionDecision { value count } decade { value count } } }`,
      { f: { statuses: ['AKTIV_PERIODE'], municipalityIds: [String(flesberg)] } },
    );
    const f = data!.archiveSeriesFacets;
    const count = (keep: (r: ArchiveSeries) => boolean) => live.filter(keep).length;
    for (const v of f.status!) expect(v.count).toBe(count((r) => r.municipalityId === flesberg && r.status === v.value));
    for (const v of f.municipality!) expect(v.count).toBe(count((r) => r.status === 'AKTIV_PERIODE' && String(r.municipalityId) === v.value));
    for (const v of f.retentionDecision!) expect(v.count).toBe(count((r) => r.status === 'AKTIV_PERIODE' && r.municipalityId === flesberg && r.retentionDecision === v.value));
    expect(f.status!.length).toBeGreaterThan(1);
  });

  it('counts under a search from the matching rows', async () => {
    const { data } = await leser.gql<{ archiveSeriesFacets: { municipality: { value: string; count: number }[] } }>(`query { archiveSeriesFacets(filter: { search: "personalmapper" }) { municipality { value count } } }`);
    expect(data!.archiveSeriesFacets.municipality.find((v) => v.value === String(flesberg))!.count).toBe(live.filter((r) => r.municipalityId === flesberg && /personalmapper/i.test(r.title)).length);
  });
});

describe('the total count', () => {
  it('is counted only when asked for', async () => {
    const statements: string[] = [];
    const stop = t.db.onQuery((sql) => statements.push(sql));
    await leser.gql(`query { archiveSeries(first: 5) { edges { node { id } } } }`);
    const without = statements.length;
    statements.length = 0;
    const { data } = await leser.gql<{ archiveSeries: { totalCount: number; totalCountIsEstimate: boolean } }>(`query { archiveSeries(first: 5) { totalCount totalCountIsEstimate } }`);
    stop();
    expect(statements.length).toBe(without + 1);
    expect(data!.archiveSeries).toEqual({ totalCount: live.length, totalCountIsEstimate: false });
  });

  it('gives way to a flagged estimate above the exact limit', async () => {
    const exact = await countSeries(t.db.prisma, normaliseFilter({ periodFrom: '1900-01-01' }));
    expect(exact).toEqual({ count: live.length, estimate: false });
    const estimated = await countSeries(t.db.prisma, normaliseFilter({ periodFrom: '1900-01-01' }), 10);
    expect(estimated.estimate).toBe(true);
    expect(estimated.count).toBeGreaterThan(10);
  });
});

describe('statements per page', () => {
  it('issues as many statements for 50 rows with their relations as for 2', async () => {
    const query = `query($n: Int) { archiveSeries(first: $n, filter: { search: "REL-" }, orderBy: { field: IDENTIFIER, direction: ASC }) { edges { node { id municipality { name } archive { title } archiveCreator { name } targetSeries { code } predecessor { id } successor { id } } } } }`;
    const counts: number[] = [];
    for (const n of [2, 50]) {
      let statements = 0;
      const stop = t.db.onQuery(() => statements++);
      const r = await leser.gql(query, { n });
      stop();
      expect(r.errors).toBeUndefined();
      counts.push(statements);
    }
    expect(counts[1]).toBe(counts[0]);
  });
});
