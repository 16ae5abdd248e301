import type { Milestone, Phase, Prisma } from '@samarkiv/db';
import { createMilestoneRules, createPhaseRules, updateMilestoneRules, updatePhaseRules } from '@samarkiv/shared';
import type { Context } from '../../graphql/context.ts';
import { AppError } from '../../graphql/errors.ts';
import { parseInput } from '../../graphql/validation.ts';
import { assertUnused, assertWritten } from '../../graphql/writeGuards.ts';
import { assertDeleted, assertVersion, live, toId } from '../../graphql/writes.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { toDbDate } from '../../graphql/dates.ts';
import { datedView } from './milestone.service.ts';

// Writes of the timeline: ADMIN and COORDINATOR (the field rule); restore is ADMIN's.

type Tx = Prisma.TransactionClient;
type DateInput = { start: string; end: string; precision: Phase['datePrecision']; note: string | null };

function dateColumns(date: DateInput) {
  return { dateStart: toDbDate(date.start), dateEnd: toDbDate(date.end), datePrecision: date.precision };
}

export async function createPhase(ctx: Context, input: unknown): Promise<Phase> {
  const { date, ...data } = parseInput(createPhaseRules, input);
  return ctx.prisma.$transaction(async (tx) => {
    const after = await tx.phase.create({ data: { ...data, ...dateColumns(date) } });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'Phase', entityId: after.id, after: datedView(after) });
    return after;
  });
}

export async function updatePhase(ctx: Context, id: string, input: unknown): Promise<Phase> {
  const { date, version, ...data } = parseInput(updatePhaseRules, input);
  const phaseId = toId(id);
  return ctx.prisma.$transaction(async (tx) => {
    const before = live(await tx.phase.findUnique({ where: { id: phaseId } }));
    assertVersion(before, version, datedView);
    const { count } = await tx.phase.updateMany({ where: { id: phaseId, version, deletedAt: null }, data: { ...data, ...dateColumns(date), version: { increment: 1 } } });
    await assertWritten(count, () => tx.phase.findUnique({ where: { id: phaseId } }), datedView);
    const after = await tx.phase.findUniqueOrThrow({ where: { id: phaseId } });
    await recordAudit(tx, ctx, { action: 'update', entityType: 'Phase', entityId: phaseId, before: datedView(before), after: datedView(after) });
    return after;
  });
}

export async function deletePhase(ctx: Context, id: string): Promise<Phase> {
  const phaseId = toId(id);
  return ctx.prisma.$transaction(async (tx) => {
    const before = live(await tx.phase.findUnique({ where: { id: phaseId } }));
    assertUnused({ milestones: await tx.milestone.count({ where: { phaseId, deletedAt: null } }) });
    const after = await tx.phase.update({ where: { id: phaseId }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'Phase', entityId: phaseId, before: datedView(before), after: datedView(after) });
    return after;
  });
}

export async function restorePhase(ctx: Context, id: string): Promise<Phase> {
  const phaseId = toId(id);
  return ctx.prisma.$transaction(async (tx) => {
    const before = await tx.phase.findUnique({ where: { id: phaseId } });
    assertDeleted(before);
    const after = await tx.phase.update({ where: { id: phaseId }, data: { deletedAt: null, version: { increment: 1 } } });
    await recordAudit(tx, ctx, { action: 'restore', entityType: 'Phase', entityId: phaseId, before: datedView(before as Phase), after: datedView(after) });
    return after;
  });
}

export async function createMilestone(ctx: Context, input: unknown): Promise<Milestone> {
  const { date, ...data } = parseInput(createMilestoneRules, input);
  return ctx.prisma.$transaction(async (tx) => {
    await assertLivePhase(tx, data.phaseId);
    const after = await tx.milestone.create({ data: { ...data, ...dateColumns(date), dateNote: date.note } });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'Milestone', entityId: after.id, after: datedView(after) });
    return after;
  });
}

export async function updateMilestone(ctx: Context, id: string, input: unknown): Promise<Milestone> {
  const { date, version, ...data } = parseInput(updateMilestoneRules, input);
  const milestoneId = toId(id);
  return ctx.prisma.$transaction(async (tx) => {
    const before = live(await tx.milestone.findUnique({ where: { id: milestoneId } }));
    assertVersion(before, version, datedView);
    await assertLivePhase(tx, data.phaseId);
    const { count } = await tx.milestone.updateMany({
      where: { id: milestoneId, version, deletedAt: null },
      data: { ...data, ...dateColumns(date), dateNote: date.note, version: { increment: 1 } },
    });
    await assertWritten(count, () => tx.milestone.findUnique({ where: { id: milestoneId } }), datedView);
    const after = await tx.milestone.findUniqueOrThrow({ where: { id: milestoneId } });
    await recordAudit(tx, ctx, { action: 'update', entityType: 'Milestone', entityId: milestoneId, before: datedView(before), after: datedView(after) });
    return after;
  });
}

export async function deleteMilestone(ctx: Context, id: string): Promise<Milestone> {
  const milestoneId = toId(id);
  return ctx.prisma.$transaction(async (tx) => {
    const before = live(await tx.milestone.findUnique({ where: { id: milestoneId } }));
    const after = await tx.milestone.update({ where: { id: milestoneId }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'Milestone', entityId: milestoneId, before: datedView(before), after: datedView(after) });
    return after;
  });
}

export async function restoreMilestone(ctx: Context, id: string): Promise<Milestone> {
  const milestoneId = toId(id);
  return ctx.prisma.$transaction(async (tx) => {
    const before = await tx.milestone.findUnique({ where: { id: milestoneId } });
    assertDeleted(before);
    // A phase with live milestones cannot be deleted; a restore must not make one either.
    await assertLivePhase(tx, before.phaseId, ['id'], 'Fasen milepælen hører til er slettet. Gjenopprett fasen først.');
    const after = await tx.milestone.update({ where: { id: milestoneId }, data: { deletedAt: null, version: { increment: 1 } } });
    await recordAudit(tx, ctx, { action: 'restore', entityType: 'Milestone', entityId: milestoneId, before: datedView(before as Milestone), after: datedView(after) });
    return after;
  });
}

/** A milestone may name a phase only if it is live. */
async function assertLivePhase(tx: Tx, phaseId: number | null, path: (string | number)[] = ['input', 'phaseId'], message = 'Fant ikke fasen.'): Promise<void> {
  if (phaseId === null) return;
  const phase = await tx.phase.findUnique({ where: { id: phaseId }, select: { deletedAt: true } });
  if (!phase || phase.deletedAt) throw new AppError('NOT_FOUND', message, { path });
}
