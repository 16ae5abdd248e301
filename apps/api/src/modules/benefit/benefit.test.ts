import { beforeEach, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/testApi.ts';
import { useTestApi } from '../../testing/useTestApi.ts';

// One database copy for the file: each test makes its own benefits. The example is a
// benefit with lower better, 10 days on 2025-01-01 down to 2 days on 2027-01-01.
const t = useTestApi({ per: 'file' });
let coordinator: TestClient;
beforeEach(async () => {
  coordinator = await t.api.signIn('koordinator');
});

const FIELDS = `id title status realisedShare plannedShare version baselineDate targetDate municipality { name } purpose { ordinal } measurements { id measuredOn value comment recordedByName }`;
const CREATE = `mutation CreateBenefit($input: BenefitInput!) { createBenefit(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation UpdateBenefit($id: ID!, $input: UpdateBenefitInput!) { updateBenefit(id: $id, input: $input) { ${FIELDS} } }`;
const ADD = `mutation AddBenefitMeasurement($input: BenefitMeasurementInput!) { addBenefitMeasurement(input: $input) { ${FIELDS} } }`;
const REMOVE = `mutation DeleteBenefitMeasurement($id: ID!) { deleteBenefitMeasurement(id: $id) { ${FIELDS} } }`;
const ONE = `query BenefitPage($id: ID!) { benefit(id: $id) { ${FIELDS} } }`;
const LIST = `query Benefits { benefits { id title status } }`;
const COUNTS = `query BenefitCounts { benefitStatusByMunicipality { municipality { name } achieved onTrack behind notMeasured } }`;
type Out = { id: string; title: string; status: string; version: number; realisedShare: number | null; plannedShare: number; measurements: { id: string; measuredOn: string; value: number; recordedByName: string | null }[] };

const purposeId = async (ordinal = 1) => String((await t.db.prisma.purpose.findFirstOrThrow({ where: { ordinal } })).id);
const municipalityId = async (name: string) => String((await t.db.prisma.municipality.findFirstOrThrow({ where: { name } })).id);
const example = async (extra: Record<string, unknown> = {}) => ({
  purposeId: await purposeId(), title: 'Kortere registreringstid', type: 'EFFICIENCY', ownerName: 'Daglig leder', indicator: 'Mediantid', unit: 'dager',
  direction: 'LOWER_IS_BETTER', baselineValue: 10, baselineDate: '2025-01-01', targetValue: 2, targetDate: '2027-01-01', ...extra,
});

async function create(extra: Record<string, unknown> = {}, client = coordinator): Promise<Out> {
  const result = await client.gql<{ createBenefit: Out }>(CREATE, { input: await example(extra) });
  expect(result.errors).toBeUndefined();
  return result.data!.createBenefit;
}

async function measure(benefit: Out, measuredOn: string, value: number, client = coordinator): Promise<Out> {
  const result = await client.gql<{ addBenefitMeasurement: Out }>(ADD, { input: { benefitId: benefit.id, measuredOn, value } });
  expect(result.errors).toBeUndefined();
  return result.data!.addBenefitMeasurement;
}

describe('benefit status, computed from the measurements (the issue\'s examples)', () => {
  it('is not measured before any measurement, and on track with 8, 6 and 4 days', async () => {
    const benefit = await create();
    expect(benefit).toMatchObject({ status: 'NOT_MEASURED', realisedShare: null });
    expect((await measure(benefit, '2025-07-01', 8)).status).toBe('ON_TRACK');
    expect((await measure(benefit, '2026-01-01', 6)).status).toBe('ON_TRACK');
    const after = await measure(benefit, '2026-07-01', 4);
    expect(after).toMatchObject({ status: 'ON_TRACK', realisedShare: 0.75 });
    expect(after.measurements.map((m) => [m.measuredOn, m.value, m.recordedByName])).toEqual([['2025-07-01', 8, 'Lars Bakken'], ['2026-01-01', 6, 'Lars Bakken'], ['2026-07-01', 4, 'Lars Bakken']]);
  });

  it('is behind with a last measurement of 5 on 2026-07-01', async () => {
    const benefit = await create();
    await measure(benefit, '2025-07-01', 8);
    await measure(benefit, '2026-01-01', 6);
    expect((await measure(benefit, '2026-07-01', 5)).status).toBe('BEHIND');
  });

  it('is achieved with 2 on 2026-10-01, and goes back when that measurement is deleted', async () => {
    const benefit = await create();
    await measure(benefit, '2026-07-01', 4);
    const achieved = await measure(benefit, '2026-10-01', 2);
    expect(achieved.status).toBe('ACHIEVED');
    const removed = await coordinator.gql<{ deleteBenefitMeasurement: Out }>(REMOVE, { id: achieved.measurements.at(-1)!.id });
    expect(removed.data!.deleteBenefitMeasurement.status).toBe('ON_TRACK');
    expect((await coordinator.gql<{ benefit: Out }>(ONE, { id: benefit.id })).data!.benefit.measurements).toHaveLength(1);
  });

  it('shows the seeded example as on track to a viewer, and counts statuses per municipality', async () => {
    const viewer = await t.api.signIn('leser');
    const { data } = await viewer.gql<{ benefits: Out[] }>(LIST);
    expect(data!.benefits.find((b) => b.title === 'Kortere tid fra mottak til registrering')!.status).toBe('ON_TRACK');
    expect(data!.benefits.find((b) => b.title === 'Lavere kostnad per journalpost')!.status).toBe('NOT_MEASURED');
    const counts = (await viewer.gql<{ benefitStatusByMunicipality: { municipality: { name: string } | null; achieved: number; notMeasured: number }[] }>(COUNTS)).data!.benefitStatusByMunicipality;
    expect(counts[0]!.municipality).toBeNull();
    expect(counts.find((c) => c.municipality?.name === 'Sigdal')).toMatchObject({ achieved: 1 });
  });
});

describe('benefit writes', () => {
  it('records each change with its audit row', async () => {
    const benefit = await create();
    const after = await measure(benefit, '2026-01-01', 6);
    expect(await t.db.prisma.auditEvent.count({ where: { entityType: 'Benefit', entityId: benefit.id, action: 'create' } })).toBe(1);
    expect(await t.db.prisma.auditEvent.count({ where: { entityType: 'BenefitMeasurement', entityId: after.measurements[0]!.id, action: 'create' } })).toBe(1);
  });

  it('refuses a target date before the baseline and a target equal to the baseline, writing nothing', async () => {
    const early = await coordinator.gql(CREATE, { input: await example({ title: 'Feil dato', targetDate: '2024-01-01' }) });
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', path: ['input', 'targetDate'] });
    const same = await coordinator.gql(CREATE, { input: await example({ title: 'Feil dato', targetValue: 10 }) });
    expect(same.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', path: ['input', 'targetValue'] });
    expect(await t.db.prisma.benefit.count({ where: { title: 'Feil dato' } })).toBe(0);
  });

  it('refuses a measurement on or before the baseline, in the future, or a second one the same day', async () => {
    const benefit = await create();
    const before = await coordinator.gql(ADD, { input: { benefitId: benefit.id, measuredOn: '2025-01-01', value: 9 } });
    expect(before.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', path: ['input', 'measuredOn'] });
    const future = await coordinator.gql(ADD, { input: { benefitId: benefit.id, measuredOn: '2999-01-01', value: 9 } });
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', path: ['input', 'measuredOn'] });
    await measure(benefit, '2025-06-01', 9);
    const twice = await coordinator.gql(ADD, { input: { benefitId: benefit.id, measuredOn: '2025-06-01', value: 8 } });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'ALREADY_EXISTS', path: ['input', 'measuredOn'] });
    const bad = await coordinator.gql(ADD, { input: { benefitId: benefit.id, measuredOn: '2025-02-30', value: 8 } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', path: ['input', 'measuredOn'] });
  });

  it('keeps a coordinator to benefits of the whole centre or of their municipalities, before and after the change', async () => {
    const admin = await t.api.signIn('admin');
    const tinn = await create({ municipalityId: await municipalityId('Tinn'), title: 'Tinns gevinst' }, admin);
    const refused = await coordinator.gql(ADD, { input: { benefitId: tinn.id, measuredOn: '2026-01-01', value: 5 } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const own = await create({ municipalityId: await municipalityId('Sigdal'), title: 'Sigdals gevinst' });
    const moved = await coordinator.gql(UPDATE, { id: own.id, input: { ...(await example({ municipalityId: await municipalityId('Tinn') })), version: own.version } });
    expect(moved.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const archivist = await t.api.signIn('arkivar');
    expect((await archivist.gql(CREATE, { input: await example() })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('updates on its version and refuses a stale one', async () => {
    const benefit = await create();
    const updated = await coordinator.gql<{ updateBenefit: Out }>(UPDATE, { id: benefit.id, input: { ...(await example({ title: 'Nytt navn' })), version: 1 } });
    expect(updated.data!.updateBenefit).toMatchObject({ title: 'Nytt navn', version: 2 });
    const stale = await coordinator.gql(UPDATE, { id: benefit.id, input: { ...(await example()), version: 1 } });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'VERSION_CONFLICT', current: { title: 'Nytt navn' } });
  });

  it('reads the list with statuses in a fixed number of statements', async () => {
    const count = async () => {
      let n = 0;
      const stop = t.db.onQuery(() => n++);
      await coordinator.gql(`query { benefits { id status plannedShare purpose { id } municipality { id } measurements { id recordedByName } } }`);
      stop();
      return n;
    };
    const before = await count();
    for (let i = 0; i < 4; i++) await measure(await create({ title: `Mange ${i}`, municipalityId: await municipalityId('Kongsberg') }), '2026-01-01', 6);
    expect(await count()).toBe(before);
  });
});
