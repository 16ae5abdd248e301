import { MIGRATIONS_DIR, readMigrations } from '@samarkiv/db';
import { testBackend } from '@samarkiv/db/testing';
import { describe, expect, it } from 'vitest';
import { httpClient, ownDatabase, runningApi, signIn, startApi, withOwn } from './harness.ts';

// Several stateless API processes on one PostgreSQL, as behind a reverse proxy
// (docs/OPERATIONS.md): the session, the optimistic lock and the start-up all live in the
// database, so any process can serve any request. PostgreSQL only: the embedded database is
// single-process by design (its lock file refuses a second opener; startup.test.ts proves it).

const ME = /* GraphQL */ `query Me { me { username } }`;
const RISK = /* GraphQL */ `query Risk($id: ID!) { risk(id: $id) { id title version } }`;
const UPDATE = /* GraphQL */ `mutation UpdateRisk($id: ID!, $input: UpdateRiskInput!) { updateRisk(id: $id, input: $input) { id title version } }`;

describe.runIf(testBackend() === 'postgres')('two API processes on one PostgreSQL', () => {
  it('accept a session made on either one, and let one of two simultaneous edits of a risk win, never both', { timeout: 180_000 }, async () => {
    const own = await ownDatabase('seeded');
    const [a, b] = await Promise.all([runningApi(own.env), runningApi(own.env)]);

    // A session made on A is the same session on B: the cookie names a row in the database.
    const onA = await signIn(a.url, 'koordinator');
    const onB = httpClient(b.url, onA.cookie);
    expect((await onB.gql(ME)).data).toEqual({ me: { username: 'koordinator' } });
    await expect(httpClient(b.url).send(ME)).resolves.toMatchObject({ body: { errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] } });

    const riskId = await withOwn(own, async (db) => {
      const kongsberg = await db.prisma.municipality.findFirstOrThrow({ where: { number: '3303' } });
      const risk = await db.prisma.risk.findFirstOrThrow({ where: { deletedAt: null, municipalities: { some: { municipalityId: kongsberg.id } } }, orderBy: { id: 'asc' } });
      return String(risk.id);
    });
    const admin = await signIn(b.url, 'admin');
    const coordinator = onA;
    const auditBefore = await withOwn(own, (db) => db.prisma.auditEvent.count({ where: { entityType: 'Risk', entityId: riskId, action: 'update' } }));

    // Several rounds, so that the two requests really meet in the database at least once.
    const rounds = 5;
    for (let round = 1; round <= rounds; round++) {
      const { data } = await coordinator.gql<{ risk: { version: number } }>(RISK, { id: riskId });
      const version = data!.risk.version;
      const titles = [`Koordinatorens tittel ${round}`, `Administratorens tittel ${round}`];
      const results = await Promise.all([
        coordinator.send<{ updateRisk: { title: string; version: number } }>(UPDATE, { id: riskId, input: { title: titles[0], version } }),
        admin.send<{ updateRisk: { title: string; version: number } }>(UPDATE, { id: riskId, input: { title: titles[1], version } }),
      ]);
      for (const result of results) expect(result.status).toBe(200);
      const winners = results.filter((r) => !r.body.errors);
      const losers = results.filter((r) => r.body.errors);
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      expect(losers[0]!.body.errors![0]).toMatchObject({ extensions: { code: 'VERSION_CONFLICT', path: ['input', 'version'] } });
      const winner = winners[0]!.body.data!.updateRisk;
      expect(winner.version).toBe(version + 1);
      // The stored row is the winner's, whichever process served it.
      const stored = await withOwn(own, (db) => db.prisma.risk.findUniqueOrThrow({ where: { id: Number(riskId) } }));
      expect({ title: stored.title, version: stored.version }).toEqual({ title: winner.title, version: version + 1 });
      expect((await onB.gql<{ risk: { title: string } }>(RISK, { id: riskId })).data!.risk.title).toBe(winner.title);
    }
    // One update event per round: the loser wrote nothing, not even its audit event.
    const audit = await withOwn(own, (db) => db.prisma.auditEvent.findMany({ where: { entityType: 'Risk', entityId: riskId, action: 'update' }, orderBy: { id: 'asc' } }));
    expect(audit).toHaveLength(auditBefore + rounds);
  });

  it('start at once on an empty database: each migration applied once, seeded once, both serving', { timeout: 180_000 }, async () => {
    const own = await ownDatabase('empty');
    // Without SAMARKIV_SEED=false: both try to seed, the seed's advisory lock lets one.
    const env = { ...own.env, SAMARKIV_SEED: 'true' };
    const [a, b] = await Promise.all([startApi(env), startApi(env)]);
    await Promise.all([a.waitFor(/Samarkiv is running/), b.waitFor(/Samarkiv is running/)]);
    for (const server of [a, b]) {
      expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok', database: 'postgres' });
      expect((await (await signIn(server.url, 'leser')).gql(ME)).data).toEqual({ me: { username: 'leser' } });
    }
    const files = readMigrations(MIGRATIONS_DIR).map((file) => file.name);
    await withOwn(own, async (db) => {
      const rows = await db.prisma.$queryRaw<{ migration_name: string; n: number }[]>`
        SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" GROUP BY 1 ORDER BY 1`;
      expect(rows).toEqual(files.sort().map((name) => ({ migration_name: name, n: 1 })));
      expect(await db.prisma.municipality.count()).toBe(8);
      expect(await db.prisma.appSetting.count({ where: { key: 'demo_seed' } })).toBe(1);
    });
    // One process seeded, the other found the marker; and one of them applied the migrations.
    expect([a.output(), b.output()].filter((out) => /demo data seeded/.test(out))).toHaveLength(1);
    expect([a.output(), b.output()].filter((out) => /applied migrations/.test(out))).toHaveLength(1);
  });
});
