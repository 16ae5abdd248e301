import type { ConsequenceDimension, Prisma, Risk } from '@samarkiv/db';
import { createConsequenceDimensionRules, highestConsequence, riskConsequenceScoresRules, updateConsequenceDimensionRules } from '@samarkiv/shared';
import type { Context } from '../../graphql/context.ts';
import { AppError } from '../../graphql/errors.ts';
import { parseInput } from '../../graphql/validation.ts';
import { assertWritten, lockUniqueChecks } from '../../graphql/writeGuards.ts';
import { assertVersion, live, toId } from '../../graphql/writes.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { conflict, readRisk, reachOf } from './risk-write.service.ts';
import { assertMayChangeRisk } from './scope.ts';

type Tx = Prisma.TransactionClient;

// Consequence dimensions (konsekvensdimensjoner) and a risk's consequence per dimension.

export function listDimensions(ctx: Context): Promise<ConsequenceDimension[]> {
  return ctx.prisma.consequenceDimension.findMany({ where: { deletedAt: null }, orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] });
}

/** ALREADY_EXISTS unless no other live dimension has the name in any case (the partial unique index compares lower()). */
async function assertNameFree(tx: Tx, name: string, selfId: number | null): Promise<void> {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM consequence_dimension WHERE deleted_at IS NULL AND lower(name) = lower(${name})`;
  if (rows.some((row) => Number(row.id) !== selfId)) throw nameTaken();
}

function nameTaken(): AppError {
  return new AppError('ALREADY_EXISTS', 'Det finnes allerede en konsekvensdimensjon med dette navnet.', { path: ['input', 'name'] });
}

/** A unique violation that slipped past the check is the same coded error. */
async function guardName<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string } | null)?.code === 'P2002' || /consequence_dimension_live_name_key/.test(String((error as Error | null)?.message))) throw nameTaken();
    throw error;
  }
}

export async function createDimension(ctx: Context, input: unknown): Promise<ConsequenceDimension> {
  const data = parseInput(createConsequenceDimensionRules, input);
  return guardName(() =>
    ctx.prisma.$transaction(async (tx) => {
      await lockUniqueChecks(tx, 'consequence_dimension');
      await assertNameFree(tx, data.name, null);
      // A new dimension goes last unless told otherwise.
      const sortOrder = data.sortOrder ?? ((await tx.consequenceDimension.aggregate({ where: { deletedAt: null }, _max: { sortOrder: true } }))._max.sortOrder ?? 0) + 1;
      const dimension = await tx.consequenceDimension.create({ data: { ...data, sortOrder } });
      await recordAudit(tx, ctx, { action: 'create', entityType: 'ConsequenceDimension', entityId: dimension.id, after: dimension });
      return dimension;
    }),
  );
}

export async function updateDimension(ctx: Context, id: string, input: unknown): Promise<ConsequenceDimension> {
  const data = parseInput(updateConsequenceDimensionRules, input);
  const dimensionId = toId(id);
  const before = live(await ctx.prisma.consequenceDimension.findUnique({ where: { id: dimensionId } }));
  assertVersion(before, data.version);
  const { version, ...fields } = data;
  return guardName(() =>
    ctx.prisma.$transaction(async (tx) => {
      await lockUniqueChecks(tx, 'consequence_dimension');
      if (fields.name !== undefined) await assertNameFree(tx, fields.name, dimensionId);
      const changed = await tx.consequenceDimension.updateMany({ where: { id: dimensionId, version, deletedAt: null }, data: { ...fields, version: { increment: 1 } } });
      await assertWritten(changed.count, () => tx.consequenceDimension.findUnique({ where: { id: dimensionId } }));
      const after = await tx.consequenceDimension.findUniqueOrThrow({ where: { id: dimensionId } });
      await recordAudit(tx, ctx, { action: 'update', entityType: 'ConsequenceDimension', entityId: dimensionId, before, after });
      return after;
    }),
  );
}

export async function deleteDimension(ctx: Context, id: string): Promise<ConsequenceDimension> {
  const dimensionId = toId(id);
  return ctx.prisma.$transaction(async (tx) => {
    // Taken before counting: scores being written for it (FOR SHARE) finish first, or wait and fail.
    await tx.$queryRaw`SELECT id FROM consequence_dimension WHERE id = ${dimensionId} FOR UPDATE`;
    const before = live(await tx.consequenceDimension.findUnique({ where: { id: dimensionId } }));
    const risks = await tx.riskConsequenceScore.count({ where: { dimensionId, risk: { deletedAt: null } } });
    if (risks > 0) throw new AppError('IN_USE', `${risks} risikoer har konsekvens for denne dimensjonen. Fjern dem først.`, { path: ['id'], dependents: { risks } });
    const after = await tx.consequenceDimension.update({ where: { id: dimensionId }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'ConsequenceDimension', entityId: dimensionId, before, after: { deletedAt: after.deletedAt } });
    return after;
  });
}

/** Inside the write's transaction: the dimensions are live, and stay so until it commits. */
async function lockDimensionsLive(tx: Tx, ids: number[]): Promise<void> {
  if (!ids.length) return;
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM consequence_dimension WHERE id = ANY(${ids}::int[]) AND deleted_at IS NULL FOR SHARE`;
  const missing = ids.findIndex((id) => !rows.some((row) => Number(row.id) === id));
  if (missing >= 0) throw new AppError('VALIDATION_FAILED', 'Konsekvensdimensjonen finnes ikke.', { path: ['input', 'scores', missing, 'dimensionId'] });
}

/**
 * Replaces the risk's consequence per dimension. The overall inherent consequence follows the
 * highest score unless the caller sets it with a reason; a changed overall consequence is a
 * re-assessment, so it is appended to the history the matrix of a past date reads.
 */
export async function setConsequenceScores(ctx: Context, id: string, input: unknown): Promise<Risk> {
  const data = parseInput(riskConsequenceScoresRules, input);
  const riskId = toId(id);
  const before = live(await readRisk(ctx.prisma, riskId));
  assertVersion(before, data.version);
  await assertMayChangeRisk(ctx, reachOf(before), 'setRiskConsequenceScores');
  const highest = highestConsequence(data.scores);
  const overall = data.overallConsequence ?? highest ?? before.inherentConsequence;
  const differs = highest !== null && overall !== highest;
  if (differs && !data.consequenceReason) {
    throw new AppError('REASON_REQUIRED', undefined, { path: ['input', 'consequenceReason'], highest, overallConsequence: overall });
  }
  const consequenceReason = differs ? data.consequenceReason : null;
  const rescored = overall !== before.inherentConsequence;
  return ctx.prisma.$transaction(async (tx) => {
    await lockDimensionsLive(tx, data.scores.map((s) => s.dimensionId));
    const previous = await tx.riskConsequenceScore.findMany({ where: { riskId }, select: { dimensionId: true, consequence: true }, orderBy: { dimensionId: 'asc' } });
    const changed = await tx.risk.updateMany({
      where: { id: riskId, version: data.version, deletedAt: null },
      data: { consequenceReason, ...(rescored ? { inherentConsequence: overall, isDemoAssessment: false } : {}), version: { increment: 1 } },
    });
    if (changed.count === 0) await conflict(tx, riskId, data.version);
    await tx.riskConsequenceScore.deleteMany({ where: { riskId } });
    if (data.scores.length) await tx.riskConsequenceScore.createMany({ data: data.scores.map((s) => ({ riskId, dimensionId: s.dimensionId, consequence: s.consequence })) });
    const after = await tx.risk.findUniqueOrThrow({ where: { id: riskId } });
    let assessmentId: number | null = null;
    if (rescored) {
      const assessment = await tx.riskAssessment.create({
        data: { riskId, assessedById: ctx.user?.id ?? null, inherentLikelihood: after.inherentLikelihood, inherentConsequence: after.inherentConsequence, residualLikelihood: after.residualLikelihood, residualConsequence: after.residualConsequence, status: after.status, comment: data.comment },
      });
      assessmentId = assessment.id;
    }
    await recordAudit(tx, ctx, {
      action: 'set-consequence-scores',
      entityType: 'Risk',
      entityId: riskId,
      before: { scores: previous, inherentConsequence: before.inherentConsequence, consequenceReason: before.consequenceReason },
      after: { scores: data.scores, inherentConsequence: after.inherentConsequence, consequenceReason, comment: data.comment, assessmentId },
    });
    return after;
  });
}

export function consequenceScoresOf(ctx: Context, riskId: number) {
  return ctx.loaders.consequenceScoresByRisk.load(riskId);
}
