import { beforeEach, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/testApi.ts';
import { useTestApi } from '../../testing/useTestApi.ts';

// One database copy for the file: each test makes its own phases and milestones.
const t = useTestApi({ per: 'file' });
let coordinator: TestClient;
let admin: TestClient;
beforeEach(async () => {
  coordinator = await t.api.signIn('koordinator');
  admin = await t.api.signIn('admin');
});

const MILESTONE = `id title description kind decidingBody status isDelayed caseReference sortOrder version date { start end precision note } phase { id name }`;
const PHASE = `id name description sortOrder version date { start end precision note }`;
const CREATE_PHASE = `mutation CreatePhase($input: PhaseInput!) { createPhase(input: $input) { ${PHASE} } }`;
const UPDATE_PHASE = `mutation UpdatePhase($id: ID!, $input: UpdatePhaseInput!) { updatePhase(id: $id, input: $input) { ${PHASE} } }`;
const DELETE_PHASE = `mutation DeletePhase($id: ID!) { deletePhase(id: $id) { id } }`;
const RESTORE_PHASE = `mutation RestorePhase($id: ID!) { restorePhase(id: $id) { id version } }`;
const CREATE = `mutation CreateMilestone($input: MilestoneInput!) { createMilestone(input: $input) { ${MILESTONE} } }`;
const UPDATE = `mutation UpdateMilestone($id: ID!, $input: UpdateMilestoneInput!) { updateMilestone(id: $id, input: $input) { ${MILESTONE} } }`;
const DELETE = `mutation DeleteMilestone($id: ID!) { deleteMilestone(id: $id) { id } }`;
const RESTORE = `mutation RestoreMilestone($id: ID!) { restoreMilestone(id: $id) { id version } }`;
const LIST = `query TimelineMilestones($filter: MilestoneFilter) { milestones(filter: $filter) { ${MILESTONE} } }`;

type DateOut = { start: string; end: string; precision: string; note: string | null };
type MilestoneOut = { id: string; title: string; status: string; isDelayed: boolean; version: number; date: DateOut; phase: { id: string; name: string } | null };

async function createPhase(name: string, date: Record<string, unknown> = { start: '2030-01-01', precision: 'YEAR' }): Promise<{ id: string; version: number; date: DateOut }> {
  const result = await coordinator.gql<{ createPhase: { id: string; version: number; date: DateOut } }>(CREATE_PHASE, { input: { name, date } });
  expect(result.errors).toBeUndefined();
  return result.data!.createPhase;
}

async function createMilestone(input: Record<string, unknown>): Promise<MilestoneOut> {
  const result = await coordinator.gql<{ createMilestone: MilestoneOut }>(CREATE, { input: { kind: 'DECISION', date: { start: '2030-05-14', precision: 'DAY' }, ...input } });
  expect(result.errors).toBeUndefined();
  return result.data!.createMilestone;
}

describe('phases', () => {
  it('creates a phase with the window its precision covers, and an audit row', async () => {
    const phase = await createPhase('Fase M', { start: '2030-04-20', precision: 'SEASON' });
    expect(phase.date).toEqual({ start: '2030-03-01', end: '2030-05-31', precision: 'SEASON', note: null });
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { entityType: 'Phase', entityId: phase.id, action: 'create' } });
    expect(audit.after).toMatchObject({ name: 'Fase M', date: { start: '2030-03-01', end: '2030-05-31' } });
    const byId = await coordinator.gql<{ phase: { name: string } }>(`query($id: ID!) { phase(id: $id) { name } }`, { id: phase.id });
    expect(byId.data!.phase).toEqual({ name: 'Fase M' });
  });

  it('refuses a note on a phase date rather than dropping it', async () => {
    const result = await coordinator.gql(CREATE_PHASE, { input: { name: 'Fase N', date: { start: '2030-01-01', precision: 'YEAR', note: 'Usikkert' } } });
    expect(result.errors?.[0]).toMatchObject({ message: 'En fase har ingen merknad til datoen.', extensions: { code: 'VALIDATION_FAILED', path: ['input', 'date', 'note'] } });
  });

  it('updates a phase on its version and refuses a stale one with the current values', async () => {
    const phase = await createPhase('Fase U');
    const updated = await coordinator.gql<{ updatePhase: { name: string; version: number } }>(UPDATE_PHASE, { id: phase.id, input: { name: 'Fase U2', date: { start: '2031-01-01', precision: 'YEAR' }, version: 1 } });
    expect(updated.data!.updatePhase).toMatchObject({ name: 'Fase U2', version: 2 });
    const stale = await coordinator.gql(UPDATE_PHASE, { id: phase.id, input: { name: 'Fase U3', date: { start: '2031-01-01', precision: 'YEAR' }, version: 1 } });
    expect(stale.errors?.[0]).toMatchObject({ extensions: { code: 'VERSION_CONFLICT', current: { name: 'Fase U2', version: 2, date: { start: '2031-01-01', end: '2031-12-31', precision: 'YEAR' } } } });
  });

  it('refuses to delete a phase with live milestones with IN_USE, and deletes it once they are gone', async () => {
    const phase = await createPhase('Fase D');
    const milestone = await createMilestone({ title: 'I fase D', phaseId: phase.id });
    expect((await coordinator.gql(DELETE_PHASE, { id: phase.id })).errors?.[0]).toMatchObject({ extensions: { code: 'IN_USE', dependents: { milestones: 1 } } });
    await coordinator.gql(DELETE, { id: milestone.id });
    expect((await coordinator.gql(DELETE_PHASE, { id: phase.id })).errors).toBeUndefined();
    const phases = await coordinator.gql<{ phases: { id: string }[] }>(`{ phases { id } }`);
    expect(phases.data!.phases.map((p) => p.id)).not.toContain(phase.id);
  });

  it('reads phases with their milestones in a constant number of statements', async () => {
    const count = async () => {
      let n = 0;
      const stop = t.db.onQuery(() => n++);
      const result = await coordinator.gql<{ phases: unknown[] }>(`{ phases { ${PHASE} milestones { ${MILESTONE} } } }`);
      stop();
      return { rows: result.data!.phases.length, statements: n };
    };
    const before = await count();
    for (let i = 0; i < 20; i++) {
      const phase = await t.db.prisma.phase.create({ data: { name: `P${i}`, dateStart: new Date('2060-01-01'), dateEnd: new Date('2060-12-31'), datePrecision: 'YEAR' } });
      await t.db.prisma.milestone.create({ data: { title: `P${i}`, kind: 'DECISION', phaseId: phase.id, dateStart: new Date('2060-02-01'), dateEnd: new Date('2060-02-01'), datePrecision: 'DAY' } });
    }
    const after = await count();
    expect(after.rows).toBe(before.rows + 20);
    expect(after.statements).toBe(before.statements);
  });

  it('lets only ADMIN restore a phase', async () => {
    const phase = await createPhase('Fase R');
    await coordinator.gql(DELETE_PHASE, { id: phase.id });
    expect((await coordinator.gql(RESTORE_PHASE, { id: phase.id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await admin.gql(RESTORE_PHASE, { id: phase.id })).data).toEqual({ restorePhase: { id: phase.id, version: 3 } });
    expect((await admin.gql(RESTORE_PHASE, { id: phase.id })).errors?.[0]?.extensions?.code).toBe('NOT_DELETED');
  });
});

describe('milestones', () => {
  it('creates a milestone in a phase with every field, an audit row and the month window', async () => {
    const phase = await createPhase('Fase C');
    const created = await createMilestone({
      title: '  Vedtak i kommunestyret  ',
      description: 'Beskrivelse',
      phaseId: phase.id,
      date: { start: '2030-05-14', precision: 'MONTH', note: 'Mai, dato ikke fastsatt' },
      kind: 'AGREEMENT',
      decidingBody: 'Kommunestyrene',
      status: 'DONE',
      caseReference: '2030/123',
      sortOrder: 3,
    });
    expect(created).toMatchObject({
      title: 'Vedtak i kommunestyret',
      date: { start: '2030-05-01', end: '2030-05-31', precision: 'MONTH', note: 'Mai, dato ikke fastsatt' },
      kind: 'AGREEMENT',
      decidingBody: 'Kommunestyrene',
      status: 'DONE',
      isDelayed: false,
      caseReference: '2030/123',
      sortOrder: 3,
      phase: { id: phase.id, name: 'Fase C' },
      version: 1,
    });
    expect(await t.db.prisma.auditEvent.count({ where: { entityType: 'Milestone', entityId: created.id, action: 'create' } })).toBe(1);
  });

  it('defaults the status to PLANNED and shows a planned milestone whose window has passed as delayed', async () => {
    const past = await createMilestone({ title: 'Forsinket', date: { start: '2020-01-01', precision: 'YEAR' } });
    expect(past).toMatchObject({ status: 'PLANNED', isDelayed: true });
    const future = await createMilestone({ title: 'Senere', date: { start: '2099-01-01', precision: 'DAY' } });
    expect(future.isDelayed).toBe(false);
  });

  it.each([
    [{ start: '2030-02-30', precision: 'DAY' }, ['input', 'date', 'start'], 'Datoen er ikke en gyldig dato.'],
    [{ start: '30.05.2030', precision: 'DAY' }, ['input', 'date', 'start'], 'Datoen må være en dato (ÅÅÅÅ-MM-DD).'],
    [{ start: '2030-05-01', precision: 'RANGE' }, ['input', 'date', 'end'], 'Fyll inn sluttdatoen for en periode.'],
    [{ start: '2030-05-01', precision: 'RANGE', end: '2030-04-30' }, ['input', 'date', 'end'], 'Sluttdatoen kan ikke være før startdatoen.'],
    [{ start: '2030-05-01', precision: 'MONTH', end: '2030-05-31' }, ['input', 'date', 'end'], 'Bare en periode har sluttdato.'],
  ])('rejects the date %j with a field error', async (date, path, message) => {
    const result = await coordinator.gql(CREATE, { input: { title: 'X', kind: 'DECISION', date } });
    expect(result.errors?.[0]).toMatchObject({ message, extensions: { code: 'VALIDATION_FAILED', path } });
  });

  it('rejects an empty title and a too long case reference with field errors', async () => {
    const result = await coordinator.gql(CREATE, { input: { title: ' ', kind: 'DECISION', caseReference: 'x'.repeat(101), date: { start: '2030-01-01', precision: 'DAY' } } });
    const issues = result.errors![0]!.extensions!.issues as { path: string[]; message: string }[];
    expect(issues).toEqual([
      { path: ['input', 'title'], message: 'Fyll inn tittelen.' },
      { path: ['input', 'caseReference'], message: 'Saksnummeret kan ha høyst 100 tegn.' },
    ]);
  });

  it('refuses a phase that does not exist or is deleted with NOT_FOUND at phaseId', async () => {
    const phase = await createPhase('Fase X');
    await coordinator.gql(DELETE_PHASE, { id: phase.id });
    for (const phaseId of ['999999', phase.id]) {
      const result = await coordinator.gql(CREATE, { input: { title: 'X', kind: 'DECISION', phaseId, date: { start: '2030-01-01', precision: 'DAY' } } });
      expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND', path: ['input', 'phaseId'] } });
    }
  });

  it('updates on the version it was based on and refuses a stale one with the current values', async () => {
    const created = await createMilestone({ title: 'Før' });
    const input = { title: 'Etter', kind: 'HIRING', status: 'CANCELLED', date: { start: '2030-03-01', precision: 'RANGE', end: '2030-06-30' } };
    const updated = await coordinator.gql<{ updateMilestone: MilestoneOut }>(UPDATE, { id: created.id, input: { ...input, version: 1 } });
    expect(updated.data!.updateMilestone).toMatchObject({ title: 'Etter', status: 'CANCELLED', version: 2, date: { start: '2030-03-01', end: '2030-06-30', precision: 'RANGE' } });
    const stale = await coordinator.gql(UPDATE, { id: created.id, input: { ...input, title: 'Igjen', version: 1 } });
    expect(stale.errors?.[0]).toMatchObject({ extensions: { code: 'VERSION_CONFLICT', current: { title: 'Etter', version: 2, date: { precision: 'RANGE' } } } });
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { entityType: 'Milestone', entityId: created.id, action: 'update' } });
    expect(audit.before).toMatchObject({ title: 'Før' });
  });

  it('soft-deletes a milestone out of every list and lookup, and lets ADMIN restore it', async () => {
    const phase = await createPhase('Fase S');
    const created = await createMilestone({ title: 'Slettes', phaseId: phase.id });
    await coordinator.gql(DELETE, { id: created.id });
    expect((await coordinator.gql(`query($id: ID!) { milestone(id: $id) { id } }`, { id: created.id })).data).toEqual({ milestone: null });
    const listed = await coordinator.gql<{ milestones: MilestoneOut[] }>(LIST, { filter: { phaseId: phase.id } });
    expect(listed.data!.milestones).toEqual([]);
    expect((await coordinator.gql(DELETE, { id: created.id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await admin.gql(RESTORE, { id: created.id })).data).toEqual({ restoreMilestone: { id: created.id, version: 3 } });
    expect((await coordinator.gql<{ milestones: MilestoneOut[] }>(LIST, { filter: { phaseId: phase.id } })).data!.milestones.map((m) => m.id)).toEqual([created.id]);
  });

  it('refuses to restore a milestone into a deleted phase', async () => {
    const phase = await createPhase('Fase G');
    const created = await createMilestone({ title: 'Foreldreløs', phaseId: phase.id });
    await coordinator.gql(DELETE, { id: created.id });
    await coordinator.gql(DELETE_PHASE, { id: phase.id });
    const result = await admin.gql(RESTORE, { id: created.id });
    expect(result.errors?.[0]).toMatchObject({ message: 'Fasen milepælen hører til er slettet. Gjenopprett fasen først.', extensions: { code: 'NOT_FOUND', path: ['id'] } });
    await admin.gql(RESTORE_PHASE, { id: phase.id });
    expect((await admin.gql(RESTORE, { id: created.id })).errors).toBeUndefined();
  });

  it('filters by phase, kind, status and an overlapping date window, in date order', async () => {
    const phase = await createPhase('Fase F');
    const a = await createMilestone({ title: 'F-a', phaseId: phase.id, kind: 'ANALYSIS', date: { start: '2040-06-15', precision: 'DAY' } });
    const b = await createMilestone({ title: 'F-b', phaseId: phase.id, kind: 'ANALYSIS', date: { start: '2040-04-01', precision: 'SEASON' } });
    await createMilestone({ title: 'F-c', phaseId: phase.id, kind: 'HIRING', date: { start: '2040-05-01', precision: 'MONTH' } });
    await createMilestone({ title: 'F-d', phaseId: phase.id, kind: 'ANALYSIS', status: 'DONE', date: { start: '2040-05-02', precision: 'DAY' } });
    const titles = async (filter: Record<string, unknown>) => (await coordinator.gql<{ milestones: MilestoneOut[] }>(LIST, { filter: { phaseId: phase.id, ...filter } })).data!.milestones.map((m) => m.title);
    expect(await titles({})).toEqual(['F-b', 'F-c', 'F-d', 'F-a']);
    expect(await titles({ kinds: ['ANALYSIS'], statuses: ['PLANNED'] })).toEqual([b.title, a.title]);
    // A spring milestone overlaps any part of May; the June day does not.
    expect(await titles({ from: '2040-05-10', to: '2040-05-20' })).toEqual(['F-b', 'F-c']);
  });

  it('rejects a filter whose end is before its start', async () => {
    const result = await coordinator.gql(LIST, { filter: { from: '2030-02-01', to: '2030-01-01' } });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'VALIDATION_FAILED', path: ['filter', 'to'] } });
  });

  it('leaves timeline changes to ADMIN and COORDINATOR', async () => {
    for (const username of ['arkivar', 'leser']) {
      const client = await t.api.signIn(username);
      const result = await client.gql(CREATE, { input: { title: 'X', kind: 'DECISION', date: { start: '2030-01-01', precision: 'DAY' } } });
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('reads milestones with their phases in a constant number of statements', async () => {
    const phases = [await createPhase('Fase Q1'), await createPhase('Fase Q2')];
    for (let i = 0; i < 24; i++) await t.db.prisma.milestone.create({ data: { title: `Q${i}`, kind: 'DECISION', phaseId: Number(phases[i % 2]!.id), dateStart: new Date(`2050-01-${String(i + 1).padStart(2, '0')}`), dateEnd: new Date(`2050-01-${String(i + 1).padStart(2, '0')}`), datePrecision: 'DAY' } });
    const count = async (to: string) => {
      let n = 0;
      const stop = t.db.onQuery(() => n++);
      const result = await coordinator.gql<{ milestones: unknown[] }>(LIST, { filter: { from: '2050-01-01', to } });
      stop();
      return { rows: result.data!.milestones.length, statements: n };
    };
    const small = await count('2050-01-02');
    const large = await count('2050-01-20');
    expect([small.rows, large.rows]).toEqual([2, 20]);
    expect(large.statements).toBe(small.statements);
  });
});
