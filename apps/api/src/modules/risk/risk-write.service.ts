import type { Prisma, Risk } from '@samarkiv/db';
import { createRiskRules, rescoreRiskRules, updateRiskRules } from '@samarkiv/shared';
import type { Context } from '../../graphql/context.ts';
import { AppError } from '../../graphql/errors.ts';
import { parseInput } from '../../graphql/validation.ts';
import { assertDeleted, assertVersion, live, toId } from '../../graphql/writes.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { assertAreaLive, assertMunicipalitiesLive, assertPersonExists, isUniqueViolation, lockAreaLive } from './references.ts';
import { assertMayChangeRisk, type RiskReach } from './scope.ts';
import { toDbDate } from '../../graphql/dates.ts';

type Tx = Prisma.TransactionClient;
export type RiskWithReach = Risk & { municipalityIds: number[] };

export async function readRisk(db: Tx | Context['prisma'], id: number): Promise<RiskWithReach | null> {
  const row = await db.risk.findUnique({ where: { id }, include: { municipalities: { select: { municipalityId: true }, orderBy: { municipalityId: 'asc' } } } });
  if (!row) return null;
  const { municipalities, ...risk } = row;
  return { ...risk, municipalityIds: municipalities.map((m) => m.municipalityId) };
}

export const reachOf = (risk: RiskWithReach): RiskReach => ({ appliesToAll: risk.appliesToAll, municipalityIds: risk.municipalityIds });

/** A conditional write found nothing at the expected version: tell the client what is there now. */
export async function conflict(tx: Tx, id: number, basedOn: number): Promise<never> {
  const current = live(await readRisk(tx, id));
  assertVersion(current, basedOn);
  throw new AppError('VERSION_CONFLICT');
}

export async function createRisk(ctx: Context, input: unknown): Promise<Risk> {
  const data = parseInput(createRiskRules, input);
  const municipalityIds = data.appliesToAll ? [] : data.municipalityIds;
  await assertMayChangeRisk(ctx, { appliesToAll: data.appliesToAll, municipalityIds }, 'createRisk');
  await assertAreaLive(ctx, data.areaId);
  await assertMunicipalitiesLive(ctx, municipalityIds);
  await assertPersonExists(ctx, data.ownerId);
  const { comment, municipalityIds: _named, nextReviewDate, ...fields } = data;
  try {
    return await ctx.prisma.$transaction(async (tx) => {
      const clash = await tx.risk.findUnique({ where: { reference: data.reference }, select: { deletedAt: true } });
      if (clash) throw referenceTaken(Boolean(clash.deletedAt));
      await lockAreaLive(tx, data.areaId);
      const risk = await tx.risk.create({
        data: { ...fields, nextReviewDate: toDbDate(nextReviewDate), municipalities: { createMany: { data: municipalityIds.map((municipalityId) => ({ municipalityId })) } } },
      });
      await tx.riskAssessment.create({
        data: { riskId: risk.id, assessedById: ctx.user?.id ?? null, inherentLikelihood: risk.inherentLikelihood, inherentConsequence: risk.inherentConsequence, residualLikelihood: risk.residualLikelihood, residualConsequence: risk.residualConsequence, status: risk.status, comment },
      });
      await recordAudit(tx, ctx, { action: 'create', entityType: 'Risk', entityId: risk.id, after: { ...risk, municipalityIds } });
      return risk;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw referenceTaken(false);
    throw error;
  }
}

function referenceTaken(deleted: boolean): AppError {
  return new AppError('ALREADY_EXISTS', deleted ? 'En slettet risiko har denne referansen. Gjenopprett den eller velg en annen referanse.' : 'Det finnes allerede en risiko med denne referansen.', { path: ['input', 'reference'] });
}

export async function updateRisk(ctx: Context, id: string, input: unknown): Promise<Risk> {
  const data = parseInput(updateRiskRules, input);
  const riskId = toId(id);
  const before = live(await readRisk(ctx.prisma, riskId));
  assertVersion(before, data.version);
  await assertMayChangeRisk(ctx, reachOf(before), 'updateRisk');
  const appliesToAll = data.appliesToAll ?? before.appliesToAll;
  const named = appliesToAll ? [] : (data.municipalityIds ?? before.municipalityIds);
  // A coordinator may not move a risk out of their own reach.
  await assertMayChangeRisk(ctx, { appliesToAll, municipalityIds: named }, 'updateRisk');
  if (!appliesToAll && named.length === 0) throw new AppError('VALIDATION_FAILED', 'Velg minst én kommune, eller marker at risikoen gjelder alle kommunene.', { path: ['input', 'municipalityIds'] });
  if (data.areaId !== undefined) await assertAreaLive(ctx, data.areaId);
  if (data.municipalityIds !== undefined) await assertMunicipalitiesLive(ctx, named);
  await assertPersonExists(ctx, data.ownerId);
  const { version, municipalityIds: _named, nextReviewDate, ...fields } = data;
  return ctx.prisma.$transaction(async (tx) => {
    const changed = await tx.risk.updateMany({
      where: { id: riskId, version, deletedAt: null },
      data: { ...fields, appliesToAll, ...(nextReviewDate !== undefined ? { nextReviewDate: toDbDate(nextReviewDate) } : {}), version: { increment: 1 } },
    });
    if (changed.count === 0) await conflict(tx, riskId, version);
    if (data.areaId !== undefined) await lockAreaLive(tx, data.areaId);
    const reachChanged = appliesToAll !== before.appliesToAll || named.join() !== before.municipalityIds.join();
    if (reachChanged) {
      await tx.riskMunicipality.deleteMany({ where: { riskId } });
      await tx.riskMunicipality.createMany({ data: named.map((municipalityId) => ({ riskId, municipalityId })) });
    }
    const after = (await readRisk(tx, riskId))!;
    // The matrix of a past date reads status from the assessment history: a status change is recorded there too.
    if (after.status !== before.status) {
      await tx.riskAssessment.create({ data: { riskId, assessedById: ctx.user?.id ?? null, ...pick(after), comment: null } });
    }
    await recordAudit(tx, ctx, { action: 'update', entityType: 'Risk', entityId: riskId, before, after });
    return withoutReach(after);
  });
}

export async function rescoreRisk(ctx: Context, id: string, input: unknown): Promise<Risk> {
  const data = parseInput(rescoreRiskRules, input);
  const riskId = toId(id);
  const before = live(await readRisk(ctx.prisma, riskId));
  assertVersion(before, data.version);
  await assertMayChangeRisk(ctx, reachOf(before), 'rescoreRisk');
  const scores = { inherentLikelihood: data.inherentLikelihood, inherentConsequence: data.inherentConsequence, residualLikelihood: data.residualLikelihood, residualConsequence: data.residualConsequence };
  return ctx.prisma.$transaction(async (tx) => {
    const changed = await tx.risk.updateMany({
      where: { id: riskId, version: data.version, deletedAt: null },
      data: { ...scores, ...(data.status ? { status: data.status } : {}), ...(scores.residualLikelihood === null ? NO_ACCEPTANCE : {}), isDemoAssessment: false, version: { increment: 1 } },
    });
    if (changed.count === 0) await conflict(tx, riskId, data.version);
    const after = await tx.risk.findUniqueOrThrow({ where: { id: riskId } });
    const assessment = await tx.riskAssessment.create({ data: { riskId, assessedById: ctx.user?.id ?? null, ...scores, status: after.status, comment: data.comment } });
    await recordAudit(tx, ctx, { action: 'rescore', entityType: 'Risk', entityId: riskId, before: pick(before), after: { ...scores, status: after.status, comment: data.comment, assessmentId: assessment.id } });
    return after;
  });
}

/** Clearing the residual assessment ends its acceptance: there is nothing left to accept (a CHECK holds this). */
export const NO_ACCEPTANCE = { acceptanceApproverId: null, acceptanceApproverName: null, acceptedOn: null, acceptanceExpiresOn: null, acceptanceComment: null } as const;

export function pick(risk: Risk) {
  return { inherentLikelihood: risk.inherentLikelihood, inherentConsequence: risk.inherentConsequence, residualLikelihood: risk.residualLikelihood, residualConsequence: risk.residualConsequence, status: risk.status };
}

function withoutReach(risk: RiskWithReach): Risk {
  const { municipalityIds: _ids, ...row } = risk;
  return row;
}

export async function deleteRisk(ctx: Context, id: string): Promise<Risk> {
  const riskId = toId(id);
  const before = live(await readRisk(ctx.prisma, riskId));
  await assertMayChangeRisk(ctx, reachOf(before), 'deleteRisk');
  return ctx.prisma.$transaction(async (tx) => {
    const changed = await tx.risk.updateMany({ where: { id: riskId, deletedAt: null }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    if (changed.count === 0) throw new AppError('NOT_FOUND', undefined, { path: ['id'] });
    const after = await tx.risk.findUniqueOrThrow({ where: { id: riskId } });
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'Risk', entityId: riskId, before, after: { deletedAt: after.deletedAt } });
    return after;
  });
}

export async function restoreRisk(ctx: Context, id: string): Promise<Risk> {
  const riskId = toId(id);
  const before = await ctx.prisma.risk.findUnique({ where: { id: riskId }, include: { area: { select: { deletedAt: true } } } });
  assertDeleted(before);
  if (before.area.deletedAt) throw new AppError('VALIDATION_FAILED', 'Risikoområdet er slettet. Gjenopprett området først.', { path: ['id'] });
  return ctx.prisma.$transaction(async (tx) => {
    await lockAreaLive(tx, before.areaId, ['id']);
    const changed = await tx.risk.updateMany({ where: { id: riskId, deletedAt: { not: null } }, data: { deletedAt: null, version: { increment: 1 } } });
    if (changed.count === 0) throw new AppError('NOT_DELETED');
    const after = await tx.risk.findUniqueOrThrow({ where: { id: riskId } });
    await recordAudit(tx, ctx, { action: 'restore', entityType: 'Risk', entityId: riskId, before: { deletedAt: before.deletedAt }, after: { deletedAt: null } });
    return after;
  });
}
