import type { Database, RiskStatus } from '@samarkiv/db';
import { expect } from 'vitest';

// Rows for the risk tests, written straight to the database so each test makes only what it needs.

export async function municipalityId(db: Database, number: string): Promise<number> {
  return (await db.prisma.municipality.findUniqueOrThrow({ where: { number } })).id;
}

export async function areaId(db: Database, code = 'FORMELT'): Promise<number> {
  return (await db.prisma.riskArea.findUniqueOrThrow({ where: { code } })).id;
}

export async function userId(db: Database, username: string): Promise<number> {
  return (await db.prisma.user.findUniqueOrThrow({ where: { username } })).id;
}

export interface RiskSpec {
  reference: string;
  title?: string;
  areaId: number;
  municipalityIds?: number[];
  appliesToAll?: boolean;
  scores?: [number, number];
  residual?: [number, number] | null;
  status?: RiskStatus;
  ownerId?: number | null;
  nextReviewDate?: string | null;
  deletedAt?: Date | null;
  /** Assessment history; by default one at creation with the current scores. */
  assessments?: { at: string; scores: [number, number]; residual?: [number, number] | null; status?: RiskStatus }[];
}

export async function makeRisk(db: Database, spec: RiskSpec) {
  const [il, ic] = spec.scores ?? [3, 3];
  const residual = spec.residual ?? null;
  const risk = await db.prisma.risk.create({
    data: {
      reference: spec.reference,
      title: spec.title ?? `Risiko ${spec.reference}`,
      areaId: spec.areaId,
      appliesToAll: spec.appliesToAll ?? false,
      inherentLikelihood: il,
      inherentConsequence: ic,
      residualLikelihood: residual?.[0] ?? null,
      residualConsequence: residual?.[1] ?? null,
      status: spec.status ?? 'OPEN',
      ownerId: spec.ownerId ?? null,
      nextReviewDate: spec.nextReviewDate ? new Date(`${spec.nextReviewDate}T00:00:00Z`) : null,
      deletedAt: spec.deletedAt ?? null,
      municipalities: { create: (spec.municipalityIds ?? []).map((id) => ({ municipalityId: id })) },
    },
  });
  const history = spec.assessments ?? [{ at: new Date().toISOString(), scores: [il, ic] as [number, number], residual, status: spec.status ?? 'OPEN' }];
  for (const a of history) {
    await db.prisma.riskAssessment.create({
      data: {
        riskId: risk.id,
        assessedAt: new Date(a.at),
        inherentLikelihood: a.scores[0],
        inherentConsequence: a.scores[1],
        residualLikelihood: a.residual?.[0] ?? null,
        residualConsequence: a.residual?.[1] ?? null,
        status: a.status ?? 'OPEN',
      },
    });
  }
  return risk;
}

/** Many risks at once (raw SQL): the statement-count tests need a few hundred. */
export async function makeManyRisks(db: Database, prefix: string, count: number, areaIdValue: number, municipality: number): Promise<void> {
  await db.prisma.$executeRaw`
    INSERT INTO risk (reference, title, area_id, applies_to_all, inherent_likelihood, inherent_consequence, residual_likelihood, residual_consequence, status, updated_at)
    SELECT ${prefix} || lpad(g::text, 4, '0'), 'Masse ' || g, ${areaIdValue}, false, 1 + g % 5, 1 + (g / 5) % 5, 1 + g % 3, 1 + g % 2, 'OPEN', now()
    FROM generate_series(1, ${count}::int) g`;
  await db.prisma.$executeRaw`INSERT INTO risk_municipality (risk_id, municipality_id) SELECT id, ${municipality} FROM risk WHERE reference LIKE ${`${prefix}%`}`;
  await db.prisma.$executeRaw`
    INSERT INTO risk_assessment (risk_id, assessed_at, inherent_likelihood, inherent_consequence, residual_likelihood, residual_consequence, status)
    SELECT id, now() - interval '1 day', inherent_likelihood, inherent_consequence, residual_likelihood, residual_consequence, status FROM risk WHERE reference LIKE ${`${prefix}%`}`;
  await db.prisma.$executeRaw`INSERT INTO measure (risk_id, title, deadline, status, updated_at) SELECT id, 'Tiltak for ' || reference, DATE '2030-01-01', 'PLANNED', now() FROM risk WHERE reference LIKE ${`${prefix}%`}`;
}

export function codeOf(result: { errors?: readonly { extensions?: Record<string, unknown> }[] }): unknown {
  return result.errors?.[0]?.extensions?.code;
}

export function expectCode(result: { errors?: readonly { extensions?: Record<string, unknown>; message?: string }[] }, code: string, path?: (string | number)[]): void {
  expect(result.errors?.[0]?.extensions?.code, JSON.stringify(result.errors)).toBe(code);
  if (path) expect(result.errors?.[0]?.extensions?.path).toEqual(path);
}

/** The Oslo calendar day `days` from today. */
export function osloDay(days = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date(Date.now() + days * 86_400_000));
}

/** The 25 cells with levels from a score threshold function. */
export function cellsBy(level: (score: number) => 'LOW' | 'MEDIUM' | 'HIGH') {
  return [1, 2, 3, 4, 5].flatMap((likelihood) => [1, 2, 3, 4, 5].map((consequence) => ({ likelihood, consequence, level: level(likelihood * consequence) })));
}

export function fullScale() {
  return (['LIKELIHOOD', 'CONSEQUENCE'] as const).flatMap((axis) => [1, 2, 3, 4, 5].map((level) => ({ axis, level, label: `Nivå ${level}`, description: `Beskrivelse ${level}` })));
}
