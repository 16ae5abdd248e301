import type { RiskBaseline } from '@samarkiv/db';
import { riskBaselineRules } from '@samarkiv/shared';
import type { Context } from '../../graphql/context.ts';
import { AppError } from '../../graphql/errors.ts';
import { parseInput } from '../../graphql/validation.ts';
import { lockUniqueChecks } from '../../graphql/writeGuards.ts';
import { toId } from '../../graphql/writes.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { isUniqueViolation } from './references.ts';

// Baselines name an instant of the assessment history ("ROS mai 2024"). The history is
// append-only, so the instant is all a baseline stores: the matrix service draws it.

export function listBaselines(ctx: Context): Promise<RiskBaseline[]> {
  return ctx.prisma.riskBaseline.findMany({ orderBy: [{ takenAt: 'desc' }, { id: 'desc' }] });
}

/** The instant a baseline froze, or NOT_FOUND at the path. */
export async function baselineInstant(ctx: Context, id: string, path: (string | number)[]): Promise<Date> {
  const baseline = await ctx.prisma.riskBaseline.findUnique({ where: { id: toId(id, path) }, select: { takenAt: true } });
  if (!baseline) throw new AppError('NOT_FOUND', 'Baselinen finnes ikke.', { path });
  return baseline.takenAt;
}

function nameTaken(): AppError {
  return new AppError('ALREADY_EXISTS', 'Det finnes allerede en baseline med dette navnet.', { path: ['input', 'name'] });
}

export async function createBaseline(ctx: Context, input: unknown): Promise<RiskBaseline> {
  const data = parseInput(riskBaselineRules, input);
  try {
    return await ctx.prisma.$transaction(async (tx) => {
      await lockUniqueChecks(tx, 'risk_baseline');
      if (await tx.riskBaseline.findUnique({ where: { name: data.name }, select: { id: true } })) throw nameTaken();
      const baseline = await tx.riskBaseline.create({ data: { ...data, takenAt: new Date(), takenById: ctx.user?.id ?? null } });
      await recordAudit(tx, ctx, { action: 'create', entityType: 'RiskBaseline', entityId: baseline.id, after: baseline });
      return baseline;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

/** Deletes the name only: the history it pointed into stays. */
export async function deleteBaseline(ctx: Context, id: string): Promise<RiskBaseline> {
  const baselineId = toId(id);
  return ctx.prisma.$transaction(async (tx) => {
    const before = await tx.riskBaseline.findUnique({ where: { id: baselineId } });
    if (!before) throw new AppError('NOT_FOUND', undefined, { path: ['id'] });
    const deleted = await tx.riskBaseline.deleteMany({ where: { id: baselineId } });
    if (deleted.count === 0) throw new AppError('NOT_FOUND', undefined, { path: ['id'] });
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'RiskBaseline', entityId: baselineId, before });
    return before;
  });
}
