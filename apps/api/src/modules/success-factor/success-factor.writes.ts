import type { Finding } from '@samarkiv/db';
import { createFindingRules, updateFindingRules } from '@samarkiv/shared';
import type { Context } from '../../graphql/context.ts';
import { AppError } from '../../graphql/errors.ts';
import { parseInput } from '../../graphql/validation.ts';
import { assertWritten } from '../../graphql/writeGuards.ts';
import { assertDeleted, assertVersion, holdsRoleIn, live, toId } from '../../graphql/writes.ts';
import { deny, recordAudit } from '../audit/audit.service.ts';

// Findings are ADMIN's and COORDINATOR's (the field rule); restore is ADMIN's.

export async function createFinding(ctx: Context, input: unknown): Promise<Finding> {
  const data = parseInput(createFindingRules, input);
  return ctx.prisma.$transaction(async (tx) => {
    const after = await tx.finding.create({ data });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'Finding', entityId: after.id, after });
    return after;
  });
}

export async function updateFinding(ctx: Context, id: string, input: unknown): Promise<Finding> {
  const { version, ...data } = parseInput(updateFindingRules, input);
  const findingId = toId(id);
  return ctx.prisma.$transaction(async (tx) => {
    const before = live(await tx.finding.findUnique({ where: { id: findingId } }));
    assertVersion(before, version);
    const { count } = await tx.finding.updateMany({ where: { id: findingId, version, deletedAt: null }, data: { ...data, version: { increment: 1 } } });
    await assertWritten(count, () => tx.finding.findUnique({ where: { id: findingId } }));
    const after = await tx.finding.findUniqueOrThrow({ where: { id: findingId } });
    await recordAudit(tx, ctx, { action: 'update', entityType: 'Finding', entityId: findingId, before, after });
    return after;
  });
}

export async function deleteFinding(ctx: Context, id: string): Promise<Finding> {
  const findingId = toId(id);
  return ctx.prisma.$transaction(async (tx) => {
    const before = live(await tx.finding.findUnique({ where: { id: findingId } }));
    // Its links to risks stay, so that a restore brings them back with it.
    const after = await tx.finding.update({ where: { id: findingId }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'Finding', entityId: findingId, before, after });
    return after;
  });
}

export async function restoreFinding(ctx: Context, id: string): Promise<Finding> {
  const findingId = toId(id);
  return ctx.prisma.$transaction(async (tx) => {
    const before = await tx.finding.findUnique({ where: { id: findingId } });
    assertDeleted(before);
    const after = await tx.finding.update({ where: { id: findingId }, data: { deletedAt: null, version: { increment: 1 } } });
    await recordAudit(tx, ctx, { action: 'restore', entityType: 'Finding', entityId: findingId, before, after });
    return after;
  });
}

/** Idempotent: a link that exists is left as it is, and only a change leaves an audit row. */
export async function linkFindingToRisk(ctx: Context, findingIdArg: string, riskIdArg: string): Promise<Finding> {
  const findingId = toId(findingIdArg, ['findingId']);
  const riskId = toId(riskIdArg, ['riskId']);
  const risk = await assertMayChangeRisk(ctx, riskId, 'linkFindingToRisk');
  return ctx.prisma.$transaction(async (tx) => {
    const finding = live(await tx.finding.findUnique({ where: { id: findingId } }), ['findingId']);
    live(await tx.risk.findUnique({ where: { id: riskId }, select: { deletedAt: true } }), ['riskId']);
    // ON CONFLICT rather than a check first: two concurrent links of the same pair both succeed.
    const inserted = await tx.$executeRaw`INSERT INTO "finding_risk" ("finding_id", "risk_id") VALUES (${findingId}, ${riskId}) ON CONFLICT DO NOTHING`;
    if (inserted > 0) await recordAudit(tx, ctx, { action: 'link-risk', entityType: 'Finding', entityId: findingId, after: { riskId, reference: risk.reference } });
    return finding;
  });
}

export async function unlinkFindingFromRisk(ctx: Context, findingIdArg: string, riskIdArg: string): Promise<Finding> {
  const findingId = toId(findingIdArg, ['findingId']);
  const riskId = toId(riskIdArg, ['riskId']);
  const risk = await assertMayChangeRisk(ctx, riskId, 'unlinkFindingFromRisk');
  return ctx.prisma.$transaction(async (tx) => {
    const finding = live(await tx.finding.findUnique({ where: { id: findingId } }), ['findingId']);
    const { count } = await tx.findingRisk.deleteMany({ where: { findingId, riskId } });
    if (count > 0) await recordAudit(tx, ctx, { action: 'unlink-risk', entityType: 'Finding', entityId: findingId, before: { riskId, reference: risk.reference } });
    return finding;
  });
}

/**
 * A link shows on the risk, so it is a change of the risk: a coordinator may make it only on a
 * risk that affects all municipalities or one where they are coordinator. Checked before the
 * transaction, since a refusal is audited on its own connection.
 */
async function assertMayChangeRisk(ctx: Context, riskId: number, what: string): Promise<{ reference: string }> {
  const risk = await ctx.prisma.risk.findUnique({ where: { id: riskId }, select: { reference: true, appliesToAll: true, deletedAt: true, municipalities: { select: { municipalityId: true } } } });
  if (!risk || risk.deletedAt) throw new AppError('NOT_FOUND', 'Fant ikke risikoen.', { path: ['riskId'] });
  const mayChange = risk.appliesToAll || ctx.user?.isAdmin || risk.municipalities.some((m) => holdsRoleIn(ctx, ['COORDINATOR'], m.municipalityId));
  if (!mayChange) await deny(ctx, what, { riskId, municipalities: risk.municipalities.map((m) => m.municipalityId) });
  return risk;
}
