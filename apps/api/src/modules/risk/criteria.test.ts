import { beforeEach, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/testApi.ts';
import { useTestApi } from '../../testing/useTestApi.ts';
import { cellsBy, expectCode, fullScale } from './risk.fixtures.ts';

const t = useTestApi({ per: 'test' });
let admin: TestClient;
beforeEach(async () => {
  admin = await t.api.signIn('admin');
});

const QUERY = /* GraphQL */ `
  query AcceptanceCriteriaPage($asOf: String) {
    acceptanceCriteria(asOf: $asOf) { validFrom name cells { likelihood consequence level } scale { axis level label description } }
    acceptanceCriteriaVersions { validFrom }
  }
`;
const CREATE = /* GraphQL */ `mutation CreateAcceptanceCriteriaVersion($input: CreateAcceptanceCriteriaInput!) { createAcceptanceCriteriaVersion(input: $input) { id validFrom name cells { level } scale { axis level } } }`;

const DEFAULT = (s: number) => (s >= 12 ? 'HIGH' : s >= 5 ? 'MEDIUM' : 'LOW') as 'LOW' | 'MEDIUM' | 'HIGH';
const input = (extra: Record<string, unknown> = {}) => ({ validFrom: '2026-01-01', name: 'Drift 2026', cells: cellsBy(DEFAULT), scale: fullScale(), ...extra });

describe('acceptanceCriteria', () => {
  it('gives the version in force today with its 25 cells and ten scale levels', async () => {
    const { data, errors } = await (await t.api.signIn('leser')).gql<{ acceptanceCriteria: { validFrom: string; cells: unknown[]; scale: { axis: string; label: string }[] } }>(QUERY);
    expect(errors).toBeUndefined();
    expect(data!.acceptanceCriteria.validFrom).toBe('2024-05-01');
    expect(data!.acceptanceCriteria.cells).toHaveLength(25);
    expect(data!.acceptanceCriteria.scale).toHaveLength(10);
    expect(data!.acceptanceCriteria.scale[0]).toMatchObject({ axis: 'LIKELIHOOD', label: 'Svært lite sannsynlig' });
  });

  it('answers NOT_FOUND for a date before the first version', async () => {
    expectCode(await admin.gql(QUERY, { asOf: '2020-01-01' }), 'NOT_FOUND', ['asOf']);
  });
});

describe('createAcceptanceCriteriaVersion', () => {
  it('adds a version in force from its date, with an audit row', async () => {
    const { data, errors } = await admin.gql<{ createAcceptanceCriteriaVersion: { id: string; validFrom: string; cells: unknown[]; scale: unknown[] } }>(CREATE, { input: input() });
    expect(errors).toBeUndefined();
    expect(data!.createAcceptanceCriteriaVersion).toMatchObject({ validFrom: '2026-01-01' });
    expect(data!.createAcceptanceCriteriaVersion.cells).toHaveLength(25);
    const q = await admin.gql<{ acceptanceCriteria: { validFrom: string }; acceptanceCriteriaVersions: { validFrom: string }[] }>(QUERY, { asOf: '2026-01-01' });
    expect(q.data!.acceptanceCriteria.validFrom).toBe('2026-01-01');
    expect(q.data!.acceptanceCriteriaVersions.map((v) => v.validFrom)).toEqual(['2024-05-01', '2026-01-01']);
    expect((await admin.gql<{ acceptanceCriteria: { validFrom: string } }>(QUERY, { asOf: '2025-12-31' })).data!.acceptanceCriteria.validFrom).toBe('2024-05-01');
    const audit = await t.db.prisma.auditEvent.findFirst({ where: { entityType: 'AcceptanceCriteria', entityId: data!.createAcceptanceCriteriaVersion.id, action: 'create' } });
    expect(audit).not.toBeNull();
  });

  it('refuses a second version from the same date with ALREADY_EXISTS', async () => {
    expectCode(await admin.gql(CREATE, { input: input({ validFrom: '2024-05-01' }) }), 'ALREADY_EXISTS', ['input', 'validFrom']);
  });

  it('refuses a missing, doubled or out-of-range cell with the path of the cells', async () => {
    const cells = cellsBy(DEFAULT);
    expectCode(await admin.gql(CREATE, { input: input({ cells: cells.slice(1) }) }), 'VALIDATION_FAILED', ['input', 'cells']);
    expectCode(await admin.gql(CREATE, { input: input({ cells: [...cells.slice(0, 24), cells[0]] }) }), 'VALIDATION_FAILED', ['input', 'cells', 24]);
    expectCode(await admin.gql(CREATE, { input: input({ cells: [...cells.slice(0, 24), { likelihood: 6, consequence: 5, level: 'HIGH' }] }) }), 'VALIDATION_FAILED', ['input', 'cells', 24, 'likelihood']);
  });

  it('refuses a level that falls as likelihood or consequence grows, saying which cell', async () => {
    const cells = cellsBy(DEFAULT).map((c) => (c.likelihood === 5 && c.consequence === 5 ? { ...c, level: 'LOW' as const } : c));
    const result = await admin.gql(CREATE, { input: input({ cells }) });
    expectCode(result, 'VALIDATION_FAILED', ['input', 'cells', 24]);
    expect(result.errors![0]!.message).toMatch(/kan ikke synke.*S5 × K5/);
  });

  it('refuses a scale without all ten levels exactly once', async () => {
    const scale = fullScale();
    expectCode(await admin.gql(CREATE, { input: input({ scale: scale.slice(0, 9) }) }), 'VALIDATION_FAILED', ['input', 'scale']);
    expectCode(await admin.gql(CREATE, { input: input({ scale: [...scale.slice(0, 9), scale[0]] }) }), 'VALIDATION_FAILED', ['input', 'scale', 9]);
    expectCode(await admin.gql(CREATE, { input: input({ scale: scale.map((s, i) => (i === 3 ? { ...s, label: '' } : s)) }) }), 'VALIDATION_FAILED', ['input', 'scale', 3, 'label']);
  });

  it('refuses an invalid date and an empty name', async () => {
    expectCode(await admin.gql(CREATE, { input: input({ validFrom: '2026-02-29' }) }), 'VALIDATION_FAILED', ['input', 'validFrom']);
    expectCode(await admin.gql(CREATE, { input: input({ name: ' ' }) }), 'VALIDATION_FAILED', ['input', 'name']);
  });

  it('is for ADMIN only', async () => {
    expectCode(await (await t.api.signIn('koordinator')).gql(CREATE, { input: input() }), 'FORBIDDEN');
  });
});
