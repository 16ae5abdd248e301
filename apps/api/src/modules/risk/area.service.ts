import type { RiskArea } from '@samarkiv/db';
import { createRiskAreaRules, updateRiskAreaRules } from '@samarkiv/shared';
import type { Context } from '../../graphql/context.ts';
import { AppError } from '../../graphql/errors.ts';
import { parseInput } from '../../graphql/validation.ts';
import { assertDeleted, assertVersion, live, toId } from '../../graphql/writes.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { isUniqueViolation } from './references.ts';

export function listRiskAreas(ctx: Context): Promise<RiskArea[]> {
  return ctx.prisma.riskArea.findMany({ where: { deletedAt: null }, orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] });
}

function codeTaken(): AppError {
  return new AppError('ALREADY_EXISTS', 'Det finnes allerede et risikoområde med denne koden (kanskje slettet).', { path: ['input', 'code'] });
}

async function assertCodeFree(ctx: Context, code: string, exceptId: number | null): Promise<void> {
  const clash = await ctx.prisma.riskArea.findUnique({ where: { code }, select: { id: true } });
  if (clash && clash.id !== exceptId) throw codeTaken();
}

export async function createRiskArea(ctx: Context, input: unknown): Promise<RiskArea> {
  const data = parseInput(createRiskAreaRules, input);
  await assertCodeFree(ctx, data.code, null);
  try {
    return await ctx.prisma.$transaction(async (tx) => {
      // A new area goes last unless told otherwise.
      const sortOrder = data.sortOrder ?? ((await tx.riskArea.aggregate({ _max: { sortOrder: true } }))._max.sortOrder ?? 0) + 1;
      const area = await tx.riskArea.create({ data: { ...data, sortOrder } });
      await recordAudit(tx, ctx, { action: 'create', entityType: 'RiskArea', entityId: area.id, after: area });
      return area;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken();
    throw error;
  }
}

export async function updateRiskArea(ctx: Context, id: string, input: unknown): Promise<RiskArea> {
  const data = parseInput(updateRiskAreaRules, input);
  const areaId = toId(id);
  const before = live(await ctx.prisma.riskArea.findUnique({ where: { id: areaId } }));
  assertVersion(before, data.version);
  if (data.code !== undefined) await assertCodeFree(ctx, data.code, areaId);
  const { version, ...fields } = data;
  try {
    return await ctx.prisma.$transaction(async (tx) => {
      const changed = await tx.riskArea.updateMany({ where: { id: areaId, version, deletedAt: null }, data: { ...fields, version: { increment: 1 } } });
      if (changed.count === 0) {
        assertVersion(live(await tx.riskArea.findUnique({ where: { id: areaId } })), version);
        throw new AppError('VERSION_CONFLICT');
      }
      const after = await tx.riskArea.findUniqueOrThrow({ where: { id: areaId } });
      await recordAudit(tx, ctx, { action: 'update', entityType: 'RiskArea', entityId: areaId, before, after });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken();
    throw error;
  }
}

export async function deleteRiskArea(ctx: Context, id: string): Promise<RiskArea> {
  const areaId = toId(id);
  return ctx.prisma.$transaction(async (tx) => {
    // Taken before counting: a risk being created in the area (FOR SHARE) finishes first, or waits and fails.
    await tx.$queryRaw`SELECT id FROM risk_area WHERE id = ${areaId} FOR UPDATE`;
    const before = live(await tx.riskArea.findUnique({ where: { id: areaId } }));
    const risks = await tx.risk.count({ where: { areaId, deletedAt: null } });
    if (risks > 0) throw new AppError('IN_USE', `Risikoområdet har ${risks} risikoer. Flytt eller slett dem først.`, { path: ['id'], dependents: { risks } });
    const after = await tx.riskArea.update({ where: { id: areaId }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'RiskArea', entityId: areaId, before, after: { deletedAt: after.deletedAt } });
    return after;
  });
}

export async function restoreRiskArea(ctx: Context, id: string): Promise<RiskArea> {
  const areaId = toId(id);
  return ctx.prisma.$transaction(async (tx) => {
    const before = await tx.riskArea.findUnique({ where: { id: areaId } });
    assertDeleted(before);
    const after = await tx.riskArea.update({ where: { id: areaId }, data: { deletedAt: null, version: { increment: 1 } } });
    await recordAudit(tx, ctx, { action: 'restore', entityType: 'RiskArea', entityId: areaId, before: { deletedAt: before.deletedAt }, after: { deletedAt: null } });
    return after;
  });
}

export async function riskCountOfArea(ctx: Context, areaId: number): Promise<number> {
  return ctx.loaders.liveRiskCountByArea.load(areaId);
}
