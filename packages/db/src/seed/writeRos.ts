import type { Sql } from '../sql.ts';
import { ACCEPTANCE_CRITERIA, SCALE_LEVELS, defaultAcceptanceCells } from './acceptanceCriteria.ts';
import { ACCEPTANCES, BASELINES, CONSEQUENCE_DIMENSIONS, CONSEQUENCE_SCORES } from './consequenceDimensions.ts';
import { FINDINGS } from './findings.ts';
import { insertRows } from './insert.ts';
import { PURPOSES } from './purposes.ts';
import { RISK_AREAS } from './riskAreas.ts';
import { RISKS } from './risks.ts';
import { DEMO_USERS } from './users.ts';
import type { AssessmentSeed, MunicipalityNumber, OwnerSeed, RiskSeed } from './types.ts';
import { type MunicipalityIds, type UserIds, idOf } from './writeOrganisation.ts';

export async function writeAcceptanceCriteria(sql: Sql, users: UserIds): Promise<void> {
  const [criteria] = await insertRows<{ id: number }>(
    sql,
    'acceptance_criteria',
    ['valid_from', 'name', 'description', 'created_by_id', 'created_at'],
    [[ACCEPTANCE_CRITERIA.validFrom, ACCEPTANCE_CRITERIA.name, ACCEPTANCE_CRITERIA.description, idOf(users, ACCEPTANCE_CRITERIA.createdBy), `${ACCEPTANCE_CRITERIA.validFrom}T08:00:00+02:00`]],
    'id',
  );
  const id = criteria!.id;
  await insertRows(sql, 'acceptance_cell', ['criteria_id', 'likelihood', 'consequence', 'level'], defaultAcceptanceCells().map((c) => [id, c.likelihood, c.consequence, c.level]));
  await insertRows(sql, 'scale_level', ['criteria_id', 'axis', 'level', 'label', 'description'], SCALE_LEVELS.map((s) => [id, s.axis, s.level, s.label, s.description]));
}

/** Risk areas, risks, their municipalities, every assessment and the measures. Returns reference → id. */
export async function writeRiskRegister(sql: Sql, now: string, municipalities: MunicipalityIds, users: UserIds): Promise<ReadonlyMap<string, number>> {
  const areas = await insertRows<{ id: number; code: string }>(
    sql,
    'risk_area',
    ['code', 'name', 'description', 'sort_order', 'updated_at'],
    RISK_AREAS.map((a, i) => [a.code, a.name, a.description, i + 1, now]),
    'id, code',
  );
  const areaIds = new Map(areas.map((a) => [a.code, a.id]));
  const risks = await insertRows<{ id: number; reference: string }>(
    sql,
    'risk',
    [
      'reference', 'title', 'short_title', 'cause', 'event', 'consequence', 'area_id', 'applies_to_all', 'owner_id',
      'status', 'treatment_strategy', 'inherent_likelihood', 'inherent_consequence', 'residual_likelihood',
      'residual_consequence', 'source_score', 'is_demo_assessment', 'knowledge_strength', 'next_review_date',
      'created_at', 'updated_at',
    ],
    RISKS.map((r) => {
      const first = firstOf(r);
      const current = currentOf(r);
      return [
        r.reference, r.title, r.shortTitle, r.cause, r.event, r.consequence, idOf(areaIds, r.area), r.appliesTo === 'all',
        idOf(users, r.owner), current.status, r.treatment, current.inherent[0], current.inherent[1],
        current.residual?.[0] ?? null, current.residual?.[1] ?? null, r.sourceScore, true, r.knowledge, r.nextReview,
        first.at, current.at,
      ];
    }),
    'id, reference',
  );
  const riskIds = new Map(risks.map((r) => [r.reference, r.id]));
  const affected = RISKS.flatMap((r) => (r.appliesTo === 'all' ? [] : r.appliesTo.map((m: MunicipalityNumber) => [idOf(riskIds, r.reference), idOf(municipalities, m)])));
  if (affected.length) await insertRows(sql, 'risk_municipality', ['risk_id', 'municipality_id'], affected);
  await insertRows(
    sql,
    'risk_assessment',
    ['risk_id', 'assessed_at', 'assessed_by_id', 'inherent_likelihood', 'inherent_consequence', 'residual_likelihood', 'residual_consequence', 'status', 'comment', 'is_demo_assessment'],
    RISKS.flatMap((r) =>
      r.assessments.map((a) => [idOf(riskIds, r.reference), a.at, idOf(users, a.by), a.inherent[0], a.inherent[1], a.residual?.[0] ?? null, a.residual?.[1] ?? null, a.status, a.comment, true]),
    ),
  );
  await insertRows(
    sql,
    'measure',
    ['risk_id', 'title', 'description', 'owner_id', 'owner_name', 'deadline', 'status', 'completed_at', 'created_at', 'updated_at'],
    RISKS.flatMap((r) =>
      r.measures.map((m) => [
        idOf(riskIds, r.reference), m.title, m.description ?? null, ownerId(m.owner, users), 'name' in m.owner ? m.owner.name : null,
        m.deadline, m.status, m.completedAt ?? null, firstOf(r).at, m.completedAt ?? now,
      ]),
    ),
  );
  return riskIds;
}

/** Consequence dimensions, some risks' scores per dimension, a residual acceptance and the May 2024 baseline. */
export async function writeRiskWorkspace(sql: Sql, now: string, riskIds: ReadonlyMap<string, number>, users: UserIds): Promise<void> {
  const dimensions = await insertRows<{ id: number }>(
    sql,
    'consequence_dimension',
    ['name', 'description', 'sort_order', 'updated_at'],
    CONSEQUENCE_DIMENSIONS.map((d, i) => [d.name, d.description, i + 1, now]),
    'id',
  );
  await insertRows(
    sql,
    'risk_consequence_score',
    ['risk_id', 'dimension_id', 'consequence'],
    CONSEQUENCE_SCORES.flatMap((s) => s.scores.map((consequence, i) => [idOf(riskIds, s.risk), dimensions[i]!.id, consequence])),
  );
  for (const s of CONSEQUENCE_SCORES) {
    if (s.reason) await sql.query(`UPDATE risk SET consequence_reason = $1 WHERE id = $2`, [s.reason, idOf(riskIds, s.risk)]);
  }
  for (const a of ACCEPTANCES) {
    const approver = DEMO_USERS.find((u) => u.username === a.approver)!;
    await sql.query(
      `UPDATE risk SET acceptance_approver_id = $1, acceptance_approver_name = $2, accepted_on = $3, acceptance_expires_on = $4, acceptance_comment = $5 WHERE id = $6`,
      [idOf(users, a.approver), approver.displayName, a.acceptedOn, a.expiresOn, a.comment, idOf(riskIds, a.risk)],
    );
  }
  await insertRows(sql, 'risk_baseline', ['name', 'description', 'taken_at', 'taken_by_id', 'created_at'], BASELINES.map((b) => [b.name, b.description, b.takenAt, idOf(users, b.takenBy), b.takenAt]));
}

export async function writeFindings(sql: Sql, now: string, riskIds: ReadonlyMap<string, number>): Promise<void> {
  const order = new Map<string, number>();
  const findings = await insertRows<{ id: number }>(
    sql,
    'finding',
    ['kind', 'title', 'description', 'status', 'sort_order', 'updated_at'],
    FINDINGS.map((f) => {
      const position = (order.get(f.kind) ?? 0) + 1;
      order.set(f.kind, position);
      return [f.kind, f.title, f.description ?? null, f.status ?? null, position, now];
    }),
    'id',
  );
  // RETURNING keeps the VALUES order for a single INSERT; map positions, not titles.
  const links = FINDINGS.flatMap((f, i) => f.risks.map((ref) => [findings[i]!.id, idOf(riskIds, ref)]));
  if (links.length) await insertRows(sql, 'finding_risk', ['finding_id', 'risk_id'], links);
}

export async function writePurposes(sql: Sql, now: string): Promise<void> {
  await insertRows(sql, 'purpose', ['ordinal', 'title', 'description', 'updated_at'], PURPOSES.map((p) => [p.ordinal, p.title, p.description, now]));
}

function firstOf(risk: RiskSeed): AssessmentSeed {
  const first = risk.assessments[0];
  if (!first) throw new Error(`demo seed: ${risk.reference} has no assessment`);
  return first;
}

function currentOf(risk: RiskSeed): AssessmentSeed {
  return risk.assessments[risk.assessments.length - 1] ?? firstOf(risk);
}

function ownerId(owner: OwnerSeed, users: UserIds): number | null {
  return 'user' in owner ? idOf(users, owner.user) : null;
}
