import type { ArchiveCreator, Prisma } from '@samarkiv/db';
import { createArchiveCreatorRules, updateArchiveCreatorRules } from '@samarkiv/shared';
import type { Context } from '../../graphql/context.ts';
import { AppError } from '../../graphql/errors.ts';
import { parseInput } from '../../graphql/validation.ts';
import { assertUnique, assertUnused, assertWritten, lockUniqueChecks } from '../../graphql/writeGuards.ts';
import { assertDeleted, assertRoleIn, assertVersion, live, toId } from '../../graphql/writes.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { assertLiveMunicipality, conflict, sortByKey } from './archive.service.ts';

// arkivskaper: the same rights as archives; a creator's archive is one of its own municipality.

type Tx = Prisma.TransactionClient;
const EDITORS = ['ARCHIVIST'] as const;

export async function listArchiveCreators(ctx: Context, municipalityId: string): Promise<ArchiveCreator[]> {
  const rows = await ctx.prisma.archiveCreator.findMany({ where: { municipalityId: toId(municipalityId, ['municipalityId']), deletedAt: null } });
  return sortByKey(rows, (row) => row.name);
}

export async function getArchiveCreator(ctx: Context, id: string): Promise<ArchiveCreator | null> {
  const row = await ctx.prisma.archiveCreator.findUnique({ where: { id: toId(id) } });
  return row && !row.deletedAt ? row : null;
}

export async function createArchiveCreator(ctx: Context, input: unknown): Promise<ArchiveCreator> {
  const data = parseInput(createArchiveCreatorRules, input);
  await assertRoleIn(ctx, EDITORS, data.municipalityId, 'createArchiveCreator');
  return ctx.prisma.$transaction(async (tx) => {
    await assertLiveMunicipality(tx, data.municipalityId);
    await assertArchiveOf(tx, data.archiveId, data.municipalityId);
    await assertFree(tx, data, null);
    const after = await tx.archiveCreator.create({ data });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'ArchiveCreator', entityId: after.id, after });
    return after;
  });
}

export async function updateArchiveCreator(ctx: Context, id: string, input: unknown): Promise<ArchiveCreator> {
  const { version, ...data } = parseInput(updateArchiveCreatorRules, input);
  const creatorId = toId(id);
  const current = live(await ctx.prisma.archiveCreator.findUnique({ where: { id: creatorId } }));
  await assertRoleIn(ctx, EDITORS, current.municipalityId, 'updateArchiveCreator');
  if (data.municipalityId !== current.municipalityId) await assertRoleIn(ctx, EDITORS, data.municipalityId, 'updateArchiveCreator');
  return ctx.prisma.$transaction(async (tx) => {
    const before = live(await tx.archiveCreator.findUnique({ where: { id: creatorId } }));
    assertVersion(before, version);
    if (before.municipalityId !== current.municipalityId) throw conflict(before);
    if (data.municipalityId !== before.municipalityId) {
      await assertLiveMunicipality(tx, data.municipalityId);
      assertUnused({ series: await tx.archiveSeries.count({ where: { archiveCreatorId: creatorId, deletedAt: null } }) });
    }
    await assertArchiveOf(tx, data.archiveId, data.municipalityId);
    await assertFree(tx, data, creatorId);
    const { count } = await tx.archiveCreator.updateMany({ where: { id: creatorId, version, deletedAt: null }, data: { ...data, version: { increment: 1 } } });
    await assertWritten(count, () => tx.archiveCreator.findUnique({ where: { id: creatorId } }));
    const after = await tx.archiveCreator.findUniqueOrThrow({ where: { id: creatorId } });
    await recordAudit(tx, ctx, { action: 'update', entityType: 'ArchiveCreator', entityId: creatorId, before, after });
    return after;
  });
}

export async function deleteArchiveCreator(ctx: Context, id: string): Promise<ArchiveCreator> {
  const creatorId = toId(id);
  const current = live(await ctx.prisma.archiveCreator.findUnique({ where: { id: creatorId } }));
  await assertRoleIn(ctx, EDITORS, current.municipalityId, 'deleteArchiveCreator');
  return ctx.prisma.$transaction(async (tx) => {
    const before = live(await tx.archiveCreator.findUnique({ where: { id: creatorId } }));
    assertUnused({ series: await tx.archiveSeries.count({ where: { archiveCreatorId: creatorId, deletedAt: null } }) });
    const after = await tx.archiveCreator.update({ where: { id: creatorId }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'ArchiveCreator', entityId: creatorId, before, after });
    return after;
  });
}

export async function restoreArchiveCreator(ctx: Context, id: string): Promise<ArchiveCreator> {
  const creatorId = toId(id);
  return ctx.prisma.$transaction(async (tx) => {
    const before = await tx.archiveCreator.findUnique({ where: { id: creatorId } });
    assertDeleted(before);
    // An archive that live creators use cannot be deleted; a restore must not make one either.
    await assertLiveMunicipality(tx, before.municipalityId, ['id'], 'Kommunen arkivskaperen hører til er slettet. Gjenopprett kommunen først.');
    if (before.archiveId !== null) {
      const archive = await tx.archive.findUnique({ where: { id: before.archiveId }, select: { deletedAt: true } });
      if (archive?.deletedAt) throw new AppError('NOT_FOUND', 'Arkivet arkivskaperen hører til er slettet. Gjenopprett arkivet først.', { path: ['id'] });
    }
    const after = await tx.archiveCreator.update({ where: { id: creatorId }, data: { deletedAt: null, version: { increment: 1 } } });
    await recordAudit(tx, ctx, { action: 'restore', entityType: 'ArchiveCreator', entityId: creatorId, before, after });
    return after;
  });
}

/** The creator's archive must be live and in the creator's own municipality. */
async function assertArchiveOf(tx: Tx, archiveId: number | null, municipalityId: number): Promise<void> {
  if (archiveId === null) return;
  const archive = await tx.archive.findUnique({ where: { id: archiveId }, select: { municipalityId: true, deletedAt: true } });
  if (!archive || archive.deletedAt) throw new AppError('NOT_FOUND', 'Fant ikke arkivet.', { path: ['input', 'archiveId'] });
  if (archive.municipalityId !== municipalityId) throw new AppError('VALIDATION_FAILED', 'Arkivet må høre til samme kommune som arkivskaperen.', { path: ['input', 'archiveId'] });
}

async function assertFree(tx: Tx, data: { municipalityId: number; creatorId: string }, selfId: number | null): Promise<void> {
  await lockUniqueChecks(tx, 'archive_creator');
  const holder = await tx.archiveCreator.findUnique({ where: { municipalityId_creatorId: { municipalityId: data.municipalityId, creatorId: data.creatorId } } });
  assertUnique(holder, selfId, ['input', 'creatorId']);
}
