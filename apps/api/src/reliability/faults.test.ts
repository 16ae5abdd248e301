import type { Database } from '@samarkiv/db';
import { openTestDatabase } from '@samarkiv/db/testing';
import { describe, expect, it } from 'vitest';
import { arkivstruktur, uuidOf } from '../modules/series-import/fixtures/noark5.ts';
import { STALE_AFTER_MS } from '../modules/series-import/job.ts';
import { eventually, httpClient, ownDatabase, runningApi, signIn, startApi, uploadFile, withOwn, type HttpClient } from './harness.ts';

// SIGKILL of a real API process (apps/api/src/main.ts) in the middle of an import, the demo seed
// and a burst of writes, then a restart on the same database: what was acknowledged is there,
// what was not is not there by halves, and the audit trail matches the changes one to one. On
// both backends: on PGlite the process's data directory (the restart also proves that the lock
// file of the killed process does not block it: lock.ts takes over a dead pid's lock).

const KILL = 'SIGKILL';

async function killed(api: Awaited<ReturnType<typeof startApi>>): Promise<void> {
  api.child.kill(KILL);
  await api.exited;
}

const JOB = /* GraphQL */ `query Job($id: ID!) { job: noarkImportJob(id: $id) { id status bytesRead bytesTotal progress report { created { series } failure { code } } } }`;
const RUN_IMPORT = /* GraphQL */ `mutation Run($uploadId: ID!, $municipalityId: ID!) { job: runNoarkImport(uploadId: $uploadId, municipalityId: $municipalityId) { id status } }`;
type Job = { id: string; status: string; progress: number; report: { created: { series: number } | null; failure: { code: string } | null } | null };

async function job(client: HttpClient, id: string): Promise<Job> {
  const { data, errors } = await client.gql<{ job: Job }>(JOB, { id });
  if (errors) throw new Error(JSON.stringify(errors));
  return data!.job;
}

/** On PostgreSQL: the import's transaction holds its three advisory locks (apply.ts lockForImport). */
async function importTransactionOpen(db: Database): Promise<boolean> {
  const [row] = await db.prisma.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pg_locks
     WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;
  return (row?.n ?? 0) >= 3;
}

describe('SIGKILL and restart', () => {
  it('in the middle of a Noark 5 import: none of its series, then the job is taken over and imports all of them once', { timeout: 300_000 }, async () => {
    const own = await ownDatabase('seeded');
    const SERIES = 300;
    const systemIds = Array.from({ length: SERIES }, (_, n) => uuidOf(`reliability/series/${n}`));
    const xml = Buffer.from(
      [...arkivstruktur('5.0', { systemId: uuidOf('reliability/root'), title: 'Flesberg kommune – stort uttrekk', creators: [{ id: '964963193', name: 'Flesberg kommune' }], series: systemIds.map((systemId, n) => ({ systemId, title: `Arkivdel ${n + 1}`, start: '2001-01-01', end: '2002-12-31' })) })].join(''),
    );
    const { flesberg, auditBaseline } = await withOwn(own, async (db) => ({
      flesberg: String((await db.prisma.municipality.findFirstOrThrow({ where: { number: '3334' } })).id),
      auditBaseline: (await db.prisma.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n,
    }));

    // Stops inside the import's one transaction once every row is written (failpoints.ts).
    const first = await runningApi({ ...own.env, SAMARKIV_FAILPOINTS: 'import-applied' });
    const arkivar = await signIn(first.url, 'arkivar');
    const uploadId = await uploadFile(first.url, arkivar, 'arkivstruktur.xml', xml);
    const started = await arkivar.gql<{ job: { id: string } }>(RUN_IMPORT, { uploadId, municipalityId: flesberg });
    expect(started.errors).toBeUndefined();
    const jobId = started.data!.job.id;
    await first.waitFor(/failpoint import-applied reached/, 180_000);
    // On PostgreSQL seen from outside too: the transaction still holds the import's locks.
    if (own.kind === 'postgres') expect(await withOwn(own, importTransactionOpen)).toBe(true);
    await killed(first);

    const seriesOf = (db: Database) => db.prisma.archiveSeries.count({ where: { systemId: { in: systemIds } } });
    const auditOf = (db: Database) => db.prisma.auditEvent.count({ where: { id: { gt: auditBaseline }, action: 'import-create', entityType: 'ArchiveSeries' } });
    const afterKill = await withOwn(own, async (db) => {
      const row = await db.prisma.importJob.findUniqueOrThrow({ where: { id: Number(jobId) } });
      const state = { status: row.status, series: await seriesOf(db), audit: await auditOf(db) };
      if (row.status === 'RUNNING') {
        // Its heartbeat stopped with the process; two minutes on (STALE_AFTER_MS), any process takes it over.
        await db.prisma.importJob.update({ where: { id: row.id }, data: { heartbeatAt: new Date(Date.now() - STALE_AFTER_MS - 60_000) } });
      }
      return state;
    });
    // Killed with every row written but not committed: none of them, on either backend.
    expect(afterKill).toEqual({ status: 'RUNNING', series: 0, audit: 0 });
    console.log(`[faults ${own.kind}] import killed: job ${afterKill.status}, ${afterKill.series} of ${SERIES} series`);

    // The next process's housekeeping takes the job over at start and runs it again from the staged file.
    const second = await runningApi(own.env);
    const again = httpClient(second.url, arkivar.cookie);
    const done = await eventually(async () => {
      const state = await job(again, jobId);
      return state.status === 'SUCCEEDED' || state.status === 'FAILED' ? state : undefined;
    }, 'the resumed import', 180_000);
    expect(done).toMatchObject({ status: 'SUCCEEDED', report: { created: { series: SERIES }, failure: null } });
    await second.stop('SIGTERM');
    await withOwn(own, async (db) => {
      expect(await seriesOf(db)).toBe(SERIES);
      expect(await auditOf(db)).toBe(SERIES);
      expect(await db.prisma.auditEvent.count({ where: { id: { gt: auditBaseline }, action: 'import', entityType: 'NoarkImport', entityId: jobId } })).toBe(1);
    });
  });

  it('during the demo seed on an empty database: nothing of it, then the next start seeds all of it', { timeout: 300_000 }, async () => {
    const own = await ownDatabase('empty');
    const env = { ...own.env, SAMARKIV_SEED: 'true' };
    const first = await startApi(env);
    // The seed's first step is logged from inside its one transaction.
    await first.waitFor(/seeded municipalities/, 180_000);
    await killed(first);
    const afterKill = await withOwn(own, async (db) => ({ marker: (await db.prisma.appSetting.count({ where: { key: 'demo_seed' } })) === 1, municipalities: await db.prisma.municipality.count() }));
    expect([{ marker: false, municipalities: 0 }, { marker: true, municipalities: 8 }]).toContainEqual(afterKill);

    const second = await runningApi(env);
    expect(await (await fetch(`${second.url}/healthz`)).json()).toMatchObject({ status: 'ok' });
    await second.stop('SIGTERM');
    const template = await openTestDatabase('seeded');
    try {
      expect(await withOwn(own, seedCounts)).toEqual(await seedCounts(template));
    } finally {
      await template.close();
    }
  });

  it('during a burst of writes: every acknowledged write is there, and changes and audit events match one to one', { timeout: 300_000 }, async () => {
    const own = await ownDatabase('seeded');
    const { area, kongsberg, auditBaseline } = await withOwn(own, async (db) => ({
      area: String((await db.prisma.riskArea.findFirstOrThrow({ where: { deletedAt: null }, orderBy: { id: 'asc' } })).id),
      kongsberg: String((await db.prisma.municipality.findFirstOrThrow({ where: { number: '3303' } })).id),
      auditBaseline: (await db.prisma.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n,
    }));
    const first = await runningApi(own.env);
    const coordinator = await signIn(first.url, 'koordinator');

    const CREATE = /* GraphQL */ `mutation CreateRisk($input: CreateRiskInput!) { createRisk(input: $input) { id reference } }`;
    const TOTAL = 400;
    const KILL_AFTER = 40;
    const acknowledged: { id: string; reference: string }[] = [];
    let refused = 0;
    let next = 0;
    const worker = async () => {
      while (next < TOTAL) {
        const n = ++next;
        const input = { reference: `BURST-${n}`, title: `Risiko fra byge ${n}`, areaId: area, municipalityIds: [kongsberg], inherentLikelihood: 1 + (n % 5), inherentConsequence: 1 + ((n >> 2) % 5) };
        let answer;
        try {
          answer = await coordinator.send<{ createRisk: { id: string; reference: string } }>(CREATE, { input });
        } catch {
          return; // the process is gone: this one was never acknowledged
        }
        if (answer.status === 200 && !answer.body.errors && answer.body.data?.createRisk) acknowledged.push(answer.body.data.createRisk);
        else refused++;
        if (acknowledged.length === KILL_AFTER) first.child.kill(KILL);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    await first.exited;
    expect(refused).toBe(0);
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(acknowledged.length).toBeLessThan(TOTAL);

    // After the restart every acknowledged risk is served.
    const second = await runningApi(own.env);
    const reader = await signIn(second.url, 'koordinator');
    const RISK = /* GraphQL */ `query Risk($id: ID!) { risk(id: $id) { id reference } }`;
    for (const risk of acknowledged) expect((await reader.gql(RISK, { id: risk.id })).data).toEqual({ risk });
    await second.stop('SIGTERM');

    await withOwn(own, async (db) => {
      const stored = await db.prisma.risk.findMany({ where: { reference: { startsWith: 'BURST-' } }, include: { assessments: true, municipalities: true } });
      const byId = new Map(stored.map((risk) => [String(risk.id), risk]));
      for (const risk of acknowledged) expect(byId.get(risk.id)?.reference).toBe(risk.reference);
      // Whole rows only: each with its first assessment and its municipality.
      for (const risk of stored) expect([risk.assessments.length, risk.municipalities.length]).toEqual([1, 1]);
      // The audit trail since the burst began: sign-ins, and one create event per stored risk, no more.
      const events = await db.prisma.auditEvent.findMany({ where: { id: { gt: auditBaseline }, action: { not: 'sign-in' } }, orderBy: { id: 'asc' } });
      expect(new Set(events.map((event) => `${event.action} ${event.entityType}`))).toEqual(new Set(stored.length ? ['create Risk'] : []));
      expect(events.map((event) => event.entityId).sort()).toEqual([...byId.keys()].sort());
      for (const event of events) expect((event.after as { reference?: string }).reference).toBe(byId.get(event.entityId!)!.reference);
      console.log(`[faults ${own.kind}] burst: ${acknowledged.length} acknowledged, ${stored.length} stored (committed but unanswered: ${stored.length - acknowledged.length})`);
    });
  });
});

/** Rows per table the demo seed writes. */
async function seedCounts(db: Database): Promise<Record<string, number>> {
  const p = db.prisma;
  const [municipalities, users, memberships, risks, assessments, measures, findings, archives, series, targets, services, benefits, figures, milestones, settings] = await Promise.all([
    p.municipality.count(), p.user.count(), p.membership.count(), p.risk.count(), p.riskAssessment.count(), p.measure.count(), p.finding.count(), p.archive.count(), p.archiveSeries.count(),
    p.targetSeries.count(), p.service.count(), p.benefit.count(), p.operatingFigure.count(), p.milestone.count(), p.appSetting.count({ where: { key: 'demo_seed' } }),
  ]);
  return { municipalities, users, memberships, risks, assessments, measures, findings, archives, series, targets, services, benefits, figures, milestones, settings };
}
