import { beforeAll, describe, expect, it } from 'vitest';
import { osloDate, osloStartOfDay, toDbDate } from '../../graphql/dates.ts';
import type { TestClient } from '../../testing/testApi.ts';
import { useTestApi } from '../../testing/useTestApi.ts';
import { makeSeries } from '../archive-series/fixtures.ts';
import { addMonths } from './settings.ts';

// The overview's own figures on data each test makes (the seed's risks and milestones are set
// aside where they would change the answer).

const t = useTestApi({ per: 'file' });
let viewer: TestClient;
beforeAll(async () => {
  viewer = await t.api.signIn('leser');
});

let number = 9800;
async function makeMunicipality(name: string): Promise<number> {
  number += 1;
  return (await t.db.prisma.municipality.create({ data: { number: String(number), name } })).id;
}

describe('overview', () => {
  it('counts series per municipality by status and by medium, leaving deleted ones out', async () => {
    const id = await makeMunicipality('Tellekommune');
    await makeSeries(t.db.prisma, id, { status: 'AKTIV_PERIODE', documentMedium: 'ELEKTRONISK' });
    await makeSeries(t.db.prisma, id, { status: 'AKTIV_PERIODE', documentMedium: 'FYSISK' });
    await makeSeries(t.db.prisma, id, { status: 'UAKTUELLE_MAPPER', documentMedium: 'FYSISK' });
    await makeSeries(t.db.prisma, id, { status: 'AVSLUTTET_PERIODE', documentMedium: 'BLANDET', deletedAt: new Date() });
    const { data, errors } = await viewer.gql<{ overview: { municipality: { name: string }; seriesCounts: unknown[] } }>(
      `query($id: ID) { overview(municipalityId: $id) { municipality { name } seriesCounts { municipality { name } total byStatus { status count } byMedium { medium count } } } }`,
      { id: String(id) },
    );
    expect(errors).toBeUndefined();
    expect(data!.overview.municipality).toEqual({ name: 'Tellekommune' });
    expect(data!.overview.seriesCounts).toEqual([
      {
        municipality: { name: 'Tellekommune' },
        total: 3,
        byStatus: [
          { status: 'AKTIV_PERIODE', count: 2 },
          { status: 'OVERLAPPINGSPERIODE', count: 0 },
          { status: 'AVSLUTTET_PERIODE', count: 0 },
          { status: 'UAKTUELLE_MAPPER', count: 1 },
        ],
        byMedium: [
          { medium: 'FYSISK', count: 2 },
          { medium: 'ELEKTRONISK', count: 1 },
          { medium: 'BLANDET', count: 0 },
        ],
      },
    ]);
  });

  it('gives the days to the next planned milestone from the first day of its window, approximate when not a day', async () => {
    await t.db.prisma.milestone.updateMany({ data: { deletedAt: new Date() } });
    const today = osloDate();
    const inTwoMonths = addMonths(today, 2);
    const monthStart = `${inTwoMonths.slice(0, 7)}-01`;
    const common = { kind: 'DECISION' as const, status: 'PLANNED' as const };
    await t.db.prisma.milestone.create({ data: { ...common, title: 'Gjort', status: 'DONE', dateStart: toDbDate(today), dateEnd: toDbDate(today), datePrecision: 'DAY' } });
    await t.db.prisma.milestone.create({ data: { ...common, title: 'Forsinket', dateStart: toDbDate('2020-01-01'), dateEnd: toDbDate('2020-01-01'), datePrecision: 'DAY' } });
    await t.db.prisma.milestone.create({ data: { ...common, title: 'Senere', dateStart: toDbDate(addMonths(today, 6)), dateEnd: toDbDate(addMonths(today, 6)), datePrecision: 'DAY' } });
    await t.db.prisma.milestone.create({ data: { ...common, title: 'Neste', dateStart: toDbDate(monthStart), dateEnd: toDbDate(addMonths(monthStart, 1)), datePrecision: 'MONTH' } });
    const { data } = await viewer.gql<{ overview: { nextMilestone: { daysUntil: number; approximate: boolean; milestone: { title: string } } } }>(
      `{ overview { nextMilestone { daysUntil approximate milestone { title } } } }`,
    );
    const days = Math.round((Date.parse(`${monthStart}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
    expect(data!.overview.nextMilestone).toEqual({ daysUntil: days, approximate: true, milestone: { title: 'Neste' } });
  });

  it('counts risks by level at the end of each month from the assessment history', async () => {
    // The seed's risks were deleted long ago for this test: only the risk made here counts.
    await t.db.prisma.risk.updateMany({ data: { deletedAt: new Date('2000-01-01T00:00:00Z') } });
    const area = await t.db.prisma.riskArea.findFirstOrThrow();
    const thisMonth = `${osloDate().slice(0, 7)}-01`;
    const twoAgo = addMonths(thisMonth, -2);
    const oneAgo = addMonths(thisMonth, -1);
    const risk = await t.db.prisma.risk.create({ data: { reference: 'R-P1', title: 'Profilrisiko', areaId: area.id, inherentLikelihood: 5, inherentConsequence: 5, residualLikelihood: 1, residualConsequence: 1 } });
    const at = (date: string) => new Date(osloStartOfDay(date).getTime() + 12 * 3_600_000);
    // Two months ago: high inherent (5x5), no residual (counts as high residual too).
    await t.db.prisma.riskAssessment.create({ data: { riskId: risk.id, assessedAt: at(twoAgo), inherentLikelihood: 5, inherentConsequence: 5, status: 'OPEN' } });
    // Last month: residual 2x3 = 6 (medium under the default criteria); this month: residual 1x1 (low).
    await t.db.prisma.riskAssessment.create({ data: { riskId: risk.id, assessedAt: at(oneAgo), inherentLikelihood: 5, inherentConsequence: 5, residualLikelihood: 2, residualConsequence: 3, status: 'OPEN' } });
    await t.db.prisma.riskAssessment.create({ data: { riskId: risk.id, assessedAt: at(thisMonth), inherentLikelihood: 5, inherentConsequence: 5, residualLikelihood: 1, residualConsequence: 1, status: 'OPEN' } });
    const { data } = await viewer.gql<{ overview: { riskProfile: { month: string; inherent: unknown; residual: unknown }[] } }>(
      `{ overview { riskProfile { month inherent { low medium high } residual { low medium high } } } }`,
    );
    const byMonth = Object.fromEntries(data!.overview.riskProfile.map((m) => [m.month, m]));
    const high = { low: 0, medium: 0, high: 1 };
    expect(byMonth[twoAgo]).toEqual({ month: twoAgo, inherent: high, residual: high });
    expect(byMonth[oneAgo]).toEqual({ month: oneAgo, inherent: high, residual: { low: 0, medium: 1, high: 0 } });
    expect(byMonth[thisMonth]).toEqual({ month: thisMonth, inherent: high, residual: { low: 1, medium: 0, high: 0 } });
    const months = data!.overview.riskProfile.map((m) => m.month);
    expect(months).toEqual([...months].sort());
    expect(months.length).toBeLessThanOrEqual(24);
  });

  it('stamps the overview with the time of the latest write', async () => {
    const id = await makeMunicipality('Stempelkommune');
    const series = await makeSeries(t.db.prisma, id);
    const { data } = await viewer.gql<{ overview: { asOf: string; dataUpdatedAt: string } }>(`{ overview { asOf dataUpdatedAt } }`);
    expect(data!.overview.asOf).toBe(osloDate());
    expect(Date.parse(data!.overview.dataUpdatedAt)).toBeGreaterThanOrEqual(series.updatedAt.getTime());
  });

  it('refuses a municipality id that names no row', async () => {
    const { errors } = await viewer.gql(`{ overview(municipalityId: "x") { asOf } }`);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', path: ['municipalityId'] });
  });
});
