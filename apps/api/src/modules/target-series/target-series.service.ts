import type { Prisma, TargetSeries } from '@samarkiv/db';
import { createTargetSeriesRules, norwegianSortKey, updateTargetSeriesRules } from '@samarkiv/shared';
import type { Context } from '../../graphql/context.ts';
import { parseInput } from '../../graphql/validation.ts';
import { assertUnique, assertUnused, assertWritten, lockUniqueChecks } from '../../graphql/writeGuards.ts';
import { assertDeleted, assertVersion, live, toId } from '../../graphql/writes.ts';
import { recordAudit } from '../audit/audit.service.ts';

// målarkivdeler: ADMIN keeps them (the field rule); everyone signed in reads them.

type Tx = Prisma.TransactionClient;

export function listTargetSeries(ctx: Context): Promise<TargetSeries[]> {
  // The stored sort key gives Norwegian title order on both backends (PGlite has only C collation).
  return ctx.prisma.targetSeries.findMany({ where: { deletedAt: null }, orderBy: [{ sortOrder: 'asc' }, { titleSortKey: 'asc' }, { id: 'asc' }] });
}

export async function getTargetSeries(ctx: Context, id: string): Promise<TargetSeries | null> {
  const row = await ctx.prisma.targetSeries.findUnique({ where: { id: toId(id) } });
  return row && !row.deletedAt ? row : null;
}

export async function createTargetSeries(ctx: Context, input: unknown): Promise<TargetSeries> {
  const data = parseInput(createTargetSeriesRules, input);
  return ctx.prisma.$transaction(async (tx) => {
    await assertFree(tx, data.code, null);
    const after = await tx.targetSeries.create({ data: { ...data, titleSortKey: norwegianSortKey(data.title) } });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'TargetSeries', entityId: after.id, after });
    return after;
  });
}

export async function updateTargetSeries(ctx: Context, id: string, input: unknown): Promise<TargetSeries> {
  const { version, ...data } = parseInput(updateTargetSeriesRules, input);
  const targetId = toId(id);
  return ctx.prisma.$transaction(async (tx) => {
    const before = live(await tx.targetSeries.findUnique({ where: { id: targetId } }));
    assertVersion(before, version);
    await assertFree(tx, data.code, targetId);
    const { count } = await tx.targetSeries.updateMany({
      where: { id: targetId, version, deletedAt: null },
      data: { ...data, titleSortKey: norwegianSortKey(data.title), version: { increment: 1 } },
    });
    await assertWritten(count, () => tx.targetSeries.findUnique({ where: { id: targetId } }));
    const after = await tx.targetSeries.findUniqueOrThrow({ where: { id: targetId } });
    await recordAudit(tx, ctx, { action: 'update', entityType: 'TargetSeries', entityId: targetId, before, after });
    return after;
  });
}

export async function deleteTargetSeries(ctx: Context, id: string): Promise<TargetSeries> {
  const targetId = toId(id);
  return ctx.prisma.$transaction(async (tx) => {
    const before = live(await tx.targetSeries.findUnique({ where: { id: targetId } }));
    assertUnused({ series: await tx.archiveSeries.count({ where: { targetSeriesId: targetId, deletedAt: null } }) });
    const after = await tx.targetSeries.update({ where: { id: targetId }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'TargetSeries', entityId: targetId, before, after });
    return after;
  });
}

export async function restoreTargetSeries(ctx: Context, id: string): Promise<TargetSeries> {
  const targetId = toId(id);
  return ctx.prisma.$transaction(async (tx) => {
    const before = await tx.targetSeries.findUnique({ where: { id: targetId } });
    assertDeleted(before);
    const after = await tx.targetSeries.update({ where: { id: targetId }, data: { deletedAt: null, version: { increment: 1 } } });
    await recordAudit(tx, ctx, { action: 'restore', entityType: 'TargetSeries', entityId: targetId, before, after });
    return after;
  });
}

async function assertFree(tx: Tx, code: string, selfId: number | null): Promise<void> {
  await lockUniqueChecks(tx, 'target_series');
  assertUnique(await tx.targetSeries.findUnique({ where: { code } }), selfId, ['input', 'code']);
}
