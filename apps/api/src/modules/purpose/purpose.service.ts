import type { Prisma, Purpose } from '@samarkiv/db';
import { createPurposeRules, updatePurposeRules } from '@samarkiv/shared';
import type { Context } from '../../graphql/context.ts';
import { parseInput } from '../../graphql/validation.ts';
import { assertUnique, assertWritten, lockUniqueChecks } from '../../graphql/writeGuards.ts';
import { assertDeleted, assertVersion, live, toId } from '../../graphql/writes.ts';
import { recordAudit } from '../audit/audit.service.ts';

// formål: ADMIN keeps the agreement's purposes (the field rule); nothing depends on them.

type Tx = Prisma.TransactionClient;

export function listPurposes(ctx: Context): Promise<Purpose[]> {
  return ctx.prisma.purpose.findMany({ where: { deletedAt: null }, orderBy: { ordinal: 'asc' } });
}

export async function createPurpose(ctx: Context, input: unknown): Promise<Purpose> {
  const data = parseInput(createPurposeRules, input);
  return ctx.prisma.$transaction(async (tx) => {
    await assertFree(tx, data.ordinal, null);
    const after = await tx.purpose.create({ data });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'Purpose', entityId: after.id, after });
    return after;
  });
}

export async function updatePurpose(ctx: Context, id: string, input: unknown): Promise<Purpose> {
  const { version, ...data } = parseInput(updatePurposeRules, input);
  const purposeId = toId(id);
  return ctx.prisma.$transaction(async (tx) => {
    const before = live(await tx.purpose.findUnique({ where: { id: purposeId } }));
    assertVersion(before, version);
    await assertFree(tx, data.ordinal, purposeId);
    const { count } = await tx.purpose.updateMany({ where: { id: purposeId, version, deletedAt: null }, data: { ...data, version: { increment: 1 } } });
    await assertWritten(count, () => tx.purpose.findUnique({ where: { id: purposeId } }));
    const after = await tx.purpose.findUniqueOrThrow({ where: { id: purposeId } });
    await recordAudit(tx, ctx, { action: 'update', entityType: 'Purpose', entityId: purposeId, before, after });
    return after;
  });
}

export async function deletePurpose(ctx: Context, id: string): Promise<Purpose> {
  const purposeId = toId(id);
  return ctx.prisma.$transaction(async (tx) => {
    const before = live(await tx.purpose.findUnique({ where: { id: purposeId } }));
    const after = await tx.purpose.update({ where: { id: purposeId }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'Purpose', entityId: purposeId, before, after });
    return after;
  });
}

export async function restorePurpose(ctx: Context, id: string): Promise<Purpose> {
  const purposeId = toId(id);
  return ctx.prisma.$transaction(async (tx) => {
    const before = await tx.purpose.findUnique({ where: { id: purposeId } });
    assertDeleted(before);
    const after = await tx.purpose.update({ where: { id: purposeId }, data: { deletedAt: null, version: { increment: 1 } } });
    await recordAudit(tx, ctx, { action: 'restore', entityType: 'Purpose', entityId: purposeId, before, after });
    return after;
  });
}

async function assertFree(tx: Tx, ordinal: number, selfId: number | null): Promise<void> {
  await lockUniqueChecks(tx, 'purpose');
  assertUnique(await tx.purpose.findUnique({ where: { ordinal } }), selfId, ['input', 'ordinal']);
}
