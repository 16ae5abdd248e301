import type { ArchiveSeries } from '@samarkiv/db';
import { isoDate } from '../../graphql/dates.ts';
import { norwegianSortKey } from '@samarkiv/shared';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/testApi.ts';
import { useTestApi } from '../../testing/useTestApi.ts';
import { walkBackward, walkForward } from './fixtures.ts';

// Walks every page forwards and backwards under random filters and orderings, over a few
// hundred series with many equal sort values and NULLs, and checks the visit against the order
// computed here from the rows themselves: every match exactly once, in order.

const t = useTestApi({ per: 'file' });
let client: TestClient;
let municipalityId: number;
let rows: ArchiveSeries[];

const STATUSES = ['AKTIV_PERIODE', 'OVERLAPPINGSPERIODE', 'AVSLUTTET_PERIODE', 'UAKTUELLE_MAPPER'];
const MEDIA = ['FYSISK', 'ELEKTRONISK', 'BLANDET'];
const RETENTION = ['BEVARES', 'KASSERES', 'VURDERES_SENERE'];
const DEPOSIT = ['IKKE_AVLEVERT', 'DEPONERT', 'AVLEVERT'];
const TITLES = ['Ærlig arkiv', 'Åsen skole', 'alfa saker', 'Alfa saker', 'Øvre mapper', 'beta'];
const SYSTEMS = [null, 'ePhorte', 'Elements'];
const CLASSES = [null, 'K-koder', 'Objektbasert'];
const STARTS = ['1990-01-01', '2000-01-01', '2010-06-01'];
const ENDS = [null, '2015-12-31', '2020-12-31'];
const UPDATED = ['2026-01-01T10:00:00.000Z', '2026-02-01T10:00:00.000Z', '2026-03-01T10:00:00.000Z'];

beforeAll(async () => {
  client = await t.api.signIn('leser');
  municipalityId = (await t.db.prisma.municipality.create({ data: { number: '9901', name: 'Sidekommune' } })).id;
  const pick = <T,>(list: readonly T[], i: number, salt: number) => list[(i * 7 + salt * 13 + ((i * salt) % 5)) % list.length]!;
  await t.db.prisma.archiveSeries.createMany({
    data: Array.from({ length: 240 }, (_, i) => {
      const title = pick(TITLES, i, 1);
      const deposit = pick(DEPOSIT, i, 8);
      return {
        municipalityId,
        identifier: `P-${String(i).padStart(4, '0')}`,
        title,
        titleSortKey: norwegianSortKey(title),
        status: pick(STATUSES, i, 2) as ArchiveSeries['status'],
        documentMedium: pick(MEDIA, i, 3) as ArchiveSeries['documentMedium'],
        periodStart: new Date(`${pick(STARTS, i, 4)}T00:00:00Z`),
        periodEnd: ((e) => (e ? new Date(`${e}T00:00:00Z`) : null))(pick(ENDS, i, 5)),
        retentionDecision: (i % 4 === 0 ? null : pick(RETENTION, i, 6)) as ArchiveSeries['retentionDecision'],
        classificationType: pick(CLASSES, i, 7),
        system: pick(SYSTEMS, i, 9),
        accessRestriction: i % 3 === 0 ? 'Unntatt offentlighet' : null,
        depositStatus: deposit as ArchiveSeries['depositStatus'],
        depositDate: deposit === 'IKKE_AVLEVERT' ? null : new Date('2021-01-01T00:00:00Z'),
        updatedAt: new Date(pick(UPDATED, i, 10)),
      };
    }),
  });
  rows = await t.db.prisma.archiveSeries.findMany({ where: { municipalityId } });
});

const KEY: Record<string, (r: ArchiveSeries, search: string) => (string | number)[]> = {
  IDENTIFIER: (r) => [r.identifier],
  TITLE: (r) => [r.titleSortKey],
  STATUS: (r) => [STATUSES.indexOf(r.status)],
  DOCUMENT_MEDIUM: (r) => [MEDIA.indexOf(r.documentMedium)],
  PERIOD_START: (r) => [isoDate(r.periodStart)],
  PERIOD_END: (r) => [isoDate(r.periodEnd) ?? '9999-12-31'],
  RETENTION_DECISION: (r) => [r.retentionDecision === null ? 1 : 0, RETENTION.indexOf(r.retentionDecision ?? 'BEVARES')],
  CLASSIFICATION_TYPE: (r) => [r.classificationType ?? ''],
  SYSTEM: (r) => [r.system ?? ''],
  DEPOSIT_STATUS: (r) => [DEPOSIT.indexOf(r.depositStatus)],
  UPDATED_AT: (r) => [r.updatedAt.getTime()],
  RELEVANCE: (r, search) => [r.identifier.toLowerCase() === search.toLowerCase() ? 0 : r.titleSortKey === norwegianSortKey(search) ? 1 : 2, r.titleSortKey],
};

interface Filter {
  statuses?: string[];
  systems?: string[];
  retentionDecisionMissing?: boolean;
  restricted?: boolean;
  periodFrom?: string;
  periodTo?: string;
  search?: string;
}

function matches(r: ArchiveSeries, f: Filter): boolean {
  if (f.statuses && !f.statuses.includes(r.status)) return false;
  if (f.systems && !f.systems.includes(r.system ?? '\u0000')) return false;
  if (f.retentionDecisionMissing !== undefined && (r.retentionDecision === null) !== f.retentionDecisionMissing) return false;
  if (f.restricted !== undefined && (r.accessRestriction !== null) !== f.restricted) return false;
  if (f.periodTo && isoDate(r.periodStart) > f.periodTo) return false;
  if (f.periodFrom && (isoDate(r.periodEnd) ?? '9999-12-31') < f.periodFrom) return false;
  if (f.search && !`${r.identifier} ${r.title} ${r.description ?? ''}`.toLowerCase().includes(f.search.toLowerCase())) return false;
  return true;
}

function compare(a: (string | number)[], b: (string | number)[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}

// At most two filters at a time, so that most runs page through many rows.
const filterArb: fc.Arbitrary<Filter> = fc
  .tuple(
    fc.record({
      statuses: fc.subarray(STATUSES, { minLength: 1 }),
      systems: fc.subarray(['ePhorte', 'Elements'], { minLength: 1 }),
      retentionDecisionMissing: fc.boolean(),
      restricted: fc.boolean(),
      periodFrom: fc.constantFrom('1995-06-01', '2016-01-01'),
      periodTo: fc.constantFrom('1999-12-31', '2005-01-01'),
      search: fc.constantFrom('alfa', 'saker', 'P-0010'),
    }),
    fc.subarray(['statuses', 'systems', 'retentionDecisionMissing', 'restricted', 'periodFrom', 'periodTo', 'search'] as const, { maxLength: 2 }),
  )
  .map(([all, keys]) => Object.fromEntries(keys.map((k) => [k, all[k]])) as Filter);

describe('paging the series', () => {
  it('visits every matching series exactly once and in order, forwards and backwards', async () => {
    let longest = 0;
    await fc.assert(
      fc.asyncProperty(
        filterArb,
        fc.constantFrom(...Object.keys(KEY)),
        fc.constantFrom('ASC', 'DESC'),
        fc.integer({ min: 7, max: 60 }),
        fc.integer({ min: 7, max: 60 }),
        async (filter, field, direction, forwardSize, backwardSize) => {
          const search = filter.search ?? '';
          const orderField = field === 'RELEVANCE' && !search ? 'TITLE' : field;
          const sign = direction === 'ASC' ? 1 : -1;
          const expected = rows
            .filter((r) => matches(r, filter))
            .sort((a, b) => sign * (compare(KEY[orderField]!(a, search), KEY[orderField]!(b, search)) || a.id - b.id))
            .map((r) => String(r.id));
          const variables = { filter: { ...filter, municipalityIds: [String(municipalityId)] }, orderBy: { field, direction } };
          longest = Math.max(longest, expected.length);
          expect(await walkForward(client, variables, forwardSize)).toEqual(expected);
          expect(await walkBackward(client, variables, backwardSize)).toEqual(expected);
        },
      ),
      { numRuns: 30, interruptAfterTimeLimit: 90_000 },
    );
    expect(longest).toBeGreaterThan(100);
  }, 180_000);
});

describe('every ordering', () => {
  it('pages every field in both directions in the order the rows say', async () => {
    for (const field of Object.keys(KEY).filter((f) => f !== 'RELEVANCE')) {
      for (const direction of ['ASC', 'DESC'] as const) {
        const sign = direction === 'ASC' ? 1 : -1;
        const expected = [...rows].sort((a, b) => sign * (compare(KEY[field]!(a, ''), KEY[field]!(b, '')) || a.id - b.id)).map((r) => String(r.id));
        const variables = { filter: { municipalityIds: [String(municipalityId)] }, orderBy: { field, direction } };
        expect(await walkForward(client, variables, 40), `${field} ${direction}`).toEqual(expected);
        expect(await walkBackward(client, variables, 33), `${field} ${direction}`).toEqual(expected);
      }
    }
  }, 180_000);

  it('puts missing values where the schema says: open period end and missing retention decision last, missing system and classification first', async () => {
    const variables = (field: string) => ({ filter: { municipalityIds: [String(municipalityId)] }, orderBy: { field, direction: 'ASC' } });
    const byId = new Map(rows.map((r) => [String(r.id), r]));
    const periodEnd = (await walkForward(client, variables('PERIOD_END'))).map((id) => byId.get(id)!.periodEnd);
    expect(periodEnd.at(-1)).toBeNull();
    expect(periodEnd.findIndex((v) => v === null)).toBe(periodEnd.filter((v) => v !== null).length);
    const retention = (await walkForward(client, variables('RETENTION_DECISION'))).map((id) => byId.get(id)!.retentionDecision);
    expect(retention.findIndex((v) => v === null)).toBe(retention.filter((v) => v !== null).length);
    const system = (await walkForward(client, variables('SYSTEM'))).map((id) => byId.get(id)!.system);
    expect(system.findLastIndex((v) => v === null)).toBe(system.filter((v) => v === null).length - 1);
    const classification = (await walkForward(client, variables('CLASSIFICATION_TYPE'))).map((id) => byId.get(id)!.classificationType);
    expect(classification[0]).toBeNull();
  });

  it('refuses a cursor of another ordering with BAD_CURSOR', async () => {
    const first = await client.gql<{ archiveSeries: { pageInfo: { endCursor: string } } }>(`query { archiveSeries(first: 2) { pageInfo { endCursor } } }`);
    const r = await client.gql(`query($after: String) { archiveSeries(first: 2, after: $after, orderBy: { field: SYSTEM, direction: ASC }) { edges { cursor } } }`, { after: first.data!.archiveSeries.pageInfo.endCursor });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_CURSOR');
  });
});
