import { verify } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../connection.ts';
import { openTestDatabase } from '../testing/index.ts';
import { DEMO_PASSWORDS, DEMO_SEED_KEY, seedDemo } from './index.ts';

const SLOW = 60_000;

async function withDb<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openTestDatabase('migrated');
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

async function rows<T>(db: Database, text: string, params: unknown[] = []): Promise<T[]> {
  const session = await db.session();
  try {
    return await session.query<T>(text, params);
  } finally {
    await session.release();
  }
}

/** Row counts of the tables the seed writes, for before/after comparisons. */
async function tableCounts(db: Database): Promise<Record<string, number>> {
  const tables = [
    'municipality', 'app_user', 'membership', 'acceptance_criteria', 'acceptance_cell', 'scale_level', 'risk_area',
    'risk', 'risk_municipality', 'risk_assessment', 'measure', 'finding', 'finding_risk', 'purpose', 'phase',
    'milestone', 'target_series', 'archive', 'archive_creator', 'archive_series', 'app_setting',
    'consequence_dimension', 'risk_consequence_score', 'risk_baseline',
  ];
  const [counts] = await rows<Record<string, number>>(db, `SELECT ${tables.map((t) => `(SELECT count(*)::int FROM "${t}") AS "${t}"`).join(', ')}`);
  return counts ?? {};
}

describe('the demo seed', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase('migrated');
    expect(await seedDemo(db)).toBe('seeded');
  }, SLOW);
  afterAll(async () => {
    await db?.close();
  });

  it('creates the eight municipalities with their numbers from 1.1.2024 and Kongsberg as host', async () => {
    const municipalities = await rows<{ number: string; name: string; role: string; participates: boolean }>(
      db,
      'SELECT number, name, role, participates FROM municipality ORDER BY number',
    );
    expect(municipalities.map((m) => `${m.number} ${m.name}`)).toEqual([
      '3303 Kongsberg', '3332 Sigdal', '3334 Flesberg', '3336 Rollag', '3338 Nore og Uvdal', '4005 Notodden', '4024 Hjartdal', '4026 Tinn',
    ]);
    expect(municipalities.filter((m) => m.role === 'HOST').map((m) => m.name)).toEqual(['Kongsberg']);
    expect(municipalities.every((m) => m.participates)).toBe(true);
  });

  it('creates the six risk areas and every named risk with the source score as given', async () => {
    expect(await rows(db, 'SELECT name FROM risk_area ORDER BY sort_order')).toHaveLength(6);
    const risks = await rows<{ title: string; source_score: number | null; is_demo_assessment: boolean }>(
      db,
      'SELECT title, source_score, is_demo_assessment FROM risk ORDER BY reference',
    );
    const scores = Object.fromEntries(risks.map((r) => [r.title, r.source_score]));
    expect(scores).toMatchObject({
      'Uklarhet om målbilde og ønsket effekt': 5,
      '«Vi er jo så ulike»': 4,
      'Manglende forankring hos folkevalgte': 5,
      'At det ikke tas tilstrekkelig høyde for ulikheter': 5,
      'Undervurdere «ringvirkninger» i enheter og virksomheter': 0,
      'Manglende involvering': 4,
      'Manglende forståelse for hvor arbeidskrevende etableringen vil bli': 4,
      'Risiko for at det ikke settes av tilstrekkelig ressurser og tid': null,
    });
    expect(risks.some((r) => r.title.includes('inngripende'))).toBe(true);
    expect(risks.every((r) => r.is_demo_assessment)).toBe(true);
  });

  it('keeps every risk equal to its latest assessment, with history for some', async () => {
    const mismatches = await rows(
      db,
      `SELECT r.reference FROM risk r
         JOIN LATERAL (SELECT * FROM risk_assessment a WHERE a.risk_id = r.id ORDER BY assessed_at DESC LIMIT 1) a ON true
        WHERE (r.inherent_likelihood, r.inherent_consequence, r.status) IS DISTINCT FROM (a.inherent_likelihood, a.inherent_consequence, a.status)
           OR (r.residual_likelihood, r.residual_consequence) IS DISTINCT FROM (a.residual_likelihood, a.residual_consequence)`,
    );
    expect(mismatches).toEqual([]);
    const [history] = await rows<{ n: number }>(db, 'SELECT count(*)::int AS n FROM (SELECT risk_id FROM risk_assessment GROUP BY risk_id HAVING count(*) > 1) x');
    expect(history?.n).toBeGreaterThanOrEqual(3);
  });

  it('seeds the six consequence dimensions, scores that agree with the inherent consequence, an acceptance and the May 2024 baseline', async () => {
    const dimensions = await rows<{ name: string }>(db, 'SELECT name FROM consequence_dimension WHERE deleted_at IS NULL ORDER BY sort_order');
    expect(dimensions.map((d) => d.name)).toEqual([
      'Tjenesteleveranse', 'Etterlevelse av regelverk (arkivlov, personvern)', 'Økonomi', 'Omdømme og tillit', 'Medarbeidere', 'Informasjonssikkerhet',
    ]);
    const scored = await rows<{ reference: string; n: number; highest: number; inherent: number; reason: string | null }>(
      db,
      `SELECT r.reference, count(*)::int AS n, max(s.consequence)::int AS highest, r.inherent_consequence AS inherent, r.consequence_reason AS reason
         FROM risk r JOIN risk_consequence_score s ON s.risk_id = r.id GROUP BY r.id ORDER BY r.reference`,
    );
    expect(scored.length).toBeGreaterThanOrEqual(3);
    for (const risk of scored) {
      expect(risk.n, risk.reference).toBe(6);
      // The overall consequence is the highest score unless a reason says otherwise.
      expect(risk.highest === risk.inherent, risk.reference).toBe(risk.reason === null);
    }
    const accepted = await rows<{ reference: string; residual: number | null; name: string }>(
      db,
      `SELECT r.reference, r.residual_likelihood AS residual, r.acceptance_approver_name AS name FROM risk r WHERE r.accepted_on IS NOT NULL`,
    );
    expect(accepted).toHaveLength(1);
    expect(accepted[0]?.residual).not.toBeNull();
    const [baseline] = await rows<{ name: string; later: number }>(
      db,
      `SELECT b.name, (SELECT count(*)::int FROM risk r WHERE NOT EXISTS (SELECT 1 FROM risk_assessment a WHERE a.risk_id = r.id AND a.assessed_at < b.taken_at)) AS later FROM risk_baseline b`,
    );
    // Every seeded risk was assessed before the baseline was taken: it shows the whole register.
    expect(baseline).toEqual({ name: 'ROS mai 2024', later: 0 });
  });

  it('has overdue and done measures relative to 25.11.2026', async () => {
    const [m] = await rows<{ overdue: number; done: number }>(
      db,
      `SELECT count(*) FILTER (WHERE deadline < '2026-11-25' AND status IN ('PLANNED', 'IN_PROGRESS'))::int AS overdue,
              count(*) FILTER (WHERE status = 'DONE')::int AS done FROM measure`,
    );
    expect(m?.overdue).toBeGreaterThan(0);
    expect(m?.done).toBeGreaterThan(0);
  });

  it('keeps the precision of the timeline dates', async () => {
    const milestones = await rows<{ date_start: string; date_end: string; date_precision: string; date_note: string | null }>(
      db,
      `SELECT to_char(date_start, 'YYYY-MM-DD') AS date_start, to_char(date_end, 'YYYY-MM-DD') AS date_end, date_precision, date_note FROM milestone`,
    );
    expect(milestones).toContainEqual(expect.objectContaining({ date_start: '2024-01-26', date_end: '2024-01-26', date_precision: 'DAY' }));
    expect(milestones).toContainEqual(expect.objectContaining({ date_start: '2025-03-01', date_end: '2025-05-31', date_precision: 'SEASON' }));
    expect(milestones).toContainEqual(expect.objectContaining({ date_start: '2024-05-01', date_end: '2024-05-31', date_precision: 'MONTH' }));
    expect(milestones).toContainEqual(expect.objectContaining({ date_start: '2017-01-01', date_end: '2018-12-31', date_precision: 'RANGE' }));
    const cutOff = milestones.find((m) => m.date_note?.includes('202_'));
    expect(cutOff).toMatchObject({ date_start: '2022-01-01', date_end: '2025-01-31', date_precision: 'RANGE' });
  });

  it('creates one demo user per role whose password verifies with argon2', async () => {
    const users = await rows<{ username: keyof typeof DEMO_PASSWORDS; password_hash: string; roles: string[] }>(
      db,
      `SELECT u.username, u.password_hash, array_agg(m.role::text ORDER BY m.role::text) AS roles
         FROM app_user u JOIN membership m ON m.user_id = u.id GROUP BY u.id ORDER BY u.username`,
    );
    expect(users.map((u) => [u.username, [...new Set(u.roles)]])).toEqual([
      ['admin', ['ADMIN']], ['arkivar', ['ARCHIVIST']], ['koordinator', ['COORDINATOR']], ['leser', ['VIEWER']],
    ]);
    for (const user of users) {
      expect(await verify(user.password_hash, DEMO_PASSWORDS[user.username])).toBe(true);
      expect(await verify(user.password_hash, 'wrong-password')).toBe(false);
    }
  });

  it('writes the 25 acceptance cells with the default thresholds', async () => {
    const cells = await rows<{ likelihood: number; consequence: number; level: string }>(db, 'SELECT likelihood, consequence, level FROM acceptance_cell');
    expect(cells).toHaveLength(25);
    for (const c of cells) {
      const score = c.likelihood * c.consequence;
      expect(c.level).toBe(score <= 4 ? 'LOW' : score <= 10 ? 'MEDIUM' : 'HIGH');
    }
    expect(await rows(db, 'SELECT 1 FROM scale_level')).toHaveLength(10);
  });

  it('holds the findings, purposes and target structure of the source', async () => {
    const kinds = await rows<{ kind: string; n: number }>(db, 'SELECT kind, count(*)::int AS n FROM finding GROUP BY kind ORDER BY kind');
    expect(Object.fromEntries(kinds.map((k) => [k.kind, k.n]))).toEqual({
      SUCCESS_FACTOR: 3, VULNERABILITY: 3, STRENGTH: 3, OPPORTUNITY: 3, INSIGHT_NEED: 5, LESSON: 8, PRIORITY: 6,
    });
    expect(await rows(db, 'SELECT 1 FROM finding_risk')).not.toHaveLength(0);
    expect(await rows(db, 'SELECT 1 FROM purpose')).toHaveLength(7);
    const targets = await rows(db, 'SELECT 1 FROM target_series');
    expect(targets.length).toBeGreaterThanOrEqual(12);
    expect(targets.length).toBeLessThanOrEqual(14);
  });

  it('gives every municipality several hundred series, some of them unmapped', async () => {
    const perMunicipality = await rows<{ name: string; n: number; unmapped: number }>(
      db,
      `SELECT m.name, count(*)::int AS n, count(*) FILTER (WHERE s.target_series_id IS NULL)::int AS unmapped
         FROM archive_series s JOIN municipality m ON m.id = s.municipality_id GROUP BY m.name`,
    );
    expect(perMunicipality).toHaveLength(8);
    for (const m of perMunicipality) {
      expect(m.n, m.name).toBeGreaterThanOrEqual(200);
      expect(m.n, m.name).toBeLessThanOrEqual(400);
      expect(m.unmapped, m.name).toBeGreaterThan(0);
    }
  });

  it('links the sakarkiv periods into a chain up to the shared Elements from 2026', async () => {
    const chain = await rows<{ identifier: string; status: string; next: string | null }>(
      db,
      `SELECT s.identifier, s.status, n.identifier AS next
         FROM archive_series s JOIN municipality m ON m.id = s.municipality_id LEFT JOIN archive_series n ON n.id = s.successor_id
        WHERE m.number = '4024' AND s.identifier LIKE 'SAK-%' ORDER BY s.period_start`,
    );
    expect(chain.map((c) => c.identifier)).toEqual(['SAK-1964', 'SAK-1980', 'SAK-1990', 'SAK-2000', 'SAK-2010', 'SAK-2020', 'SAK-2026']);
    expect(chain.slice(0, -1).map((c) => c.next)).toEqual(chain.slice(1).map((c) => c.identifier));
    // Hjartdal's deliberate gap: the closed period is still active after the cut-over.
    expect(chain.find((c) => c.identifier === 'SAK-2020')?.status).toBe('AKTIV_PERIODE');
  });
});

describe('seeding', () => {
  it('changes nothing the second time', { timeout: SLOW }, async () => {
    await withDb(async (db) => {
      expect(await seedDemo(db)).toBe('seeded');
      const before = await tableCounts(db);
      expect(await seedDemo(db)).toBe('already-seeded');
      expect(await tableCounts(db)).toEqual(before);
    });
  });

  it('leaves no rows when it fails half-way', { timeout: SLOW }, async () => {
    await withDb(async (db) => {
      const failing = seedDemo(db, {
        afterStep: (step) => {
          if (step === 'archives') throw new Error('injected failure');
        },
      });
      await expect(failing).rejects.toThrow('injected failure');
      const counts = await tableCounts(db);
      expect(Object.entries(counts).filter(([, n]) => n > 0)).toEqual([]);
      // And the next attempt succeeds from scratch.
      expect(await seedDemo(db)).toBe('seeded');
    });
  });

  it('refuses a database that holds municipalities but no demo marker', { timeout: SLOW }, async () => {
    await withDb(async (db) => {
      await rows(db, `INSERT INTO municipality (number, name, updated_at) VALUES ('3401', 'Kongsvinger', now())`);
      await expect(seedDemo(db)).rejects.toThrow(/real data/);
      expect(await rows(db, 'SELECT 1 FROM app_setting WHERE key = $1', [DEMO_SEED_KEY])).toEqual([]);
      expect(await rows(db, 'SELECT 1 FROM municipality')).toHaveLength(1);
    });
  });
});
