import { beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/testApi.ts';
import { useTestApi } from '../../testing/useTestApi.ts';

const t = useTestApi({ per: 'file' });
let viewer: TestClient;
beforeAll(async () => {
  viewer = await t.api.signIn('leser');
});

type Milestone = { title: string; date: { start: string; end: string; precision: string; note: string | null }; kind: string; decidingBody: string | null };

describe('phases and milestones', () => {
  it('keeps each milestone date at the precision the source gives', async () => {
    const { data, errors } = await viewer.gql<{ phases: { name: string; milestones: Milestone[] }[] }>(
      `{ phases { name milestones { title date { start end precision note } kind decidingBody } } }`,
    );
    expect(errors).toBeUndefined();
    const milestones = data!.phases.flatMap((p) => p.milestones);
    const byStart = (start: string) => milestones.filter((m) => m.date.start === start);
    expect(byStart('2024-01-26')).toEqual([expect.objectContaining({ date: expect.objectContaining({ end: '2024-01-26', precision: 'DAY' }), kind: 'DECISION' })]);
    expect(byStart('2026-01-01').map((m) => m.date.precision)).toContain('DAY');
    expect(milestones.some((m) => m.date.precision === 'SEASON' && m.date.start === '2025-03-01')).toBe(true);
    expect(milestones.some((m) => m.date.precision === 'MONTH' && m.date.start === '2024-05-01' && m.date.end === '2024-05-31')).toBe(true);
    expect(milestones.some((m) => m.date.precision === 'RANGE' && m.date.note !== null)).toBe(true);
  });

  it('orders phases and their milestones by date', async () => {
    const { data } = await viewer.gql<{ phases: { date: { start: string }; milestones: Milestone[] }[] }>(`{ phases { date { start } milestones { title date { start end precision note } kind decidingBody } } }`);
    const starts = data!.phases.map((p) => p.date.start);
    expect(starts).toEqual([...starts].sort());
    for (const phase of data!.phases) {
      const ms = phase.milestones.map((m) => m.date.start);
      expect(ms).toEqual([...ms].sort());
    }
  });
});
