import type { Archive, Prisma } from '@samarkiv/db';
import { createArchiveRules, norwegianSortKey, updateArchiveRules } from '@samarkiv/shared';
import type { Context } from '../../graphql/context.ts';
import { AppError } from '../../graphql/errors.ts';
import { parseInput } from '../../graphql/validation.ts';
import { assertUnique, assertUnused, assertWritten, lockUniqueChecks } from '../../graphql/writeGuards.ts';
import { assertDeleted, assertRoleIn, assertVersion, live, toId, versionConflict } from '../../graphql/writes.ts';
import { recordAudit } from '../audit/audit.service.ts';

// arkiv: archivists keep those of their own municipalities, ADMIN all; restore is ADMIN's.

type Tx = Prisma.TransactionClient;
const EDITORS = ['ARCHIVIST'] as const;

export async function listArchives(ctx: Context, municipalityId: string): Promise<Archive[]> {
  const rows = await ctx.prisma.archive.findMany({ where: { municipalityId: toId(municipalityId, ['municipalityId']), deletedAt: null } });
  return sortByKey(rows, (row) => row.title);
}

export async function getArchive(ctx: Context, id: string): Promise<Archive | null> {
  const row = await ctx.prisma.archive.findUnique({ where: { id: toId(id) } });
  return row && !row.deletedAt ? row : null;
}

export async function createArchive(ctx: Context, input: unknown): Promise<Archive> {
  const data = parseInput(createArchiveRules, input);
  await assertRoleIn(ctx, EDITORS, data.municipalityId, 'createArchive');
  return ctx.prisma.$transaction(async (tx) => {
    await assertLiveMunicipality(tx, data.municipalityId);
    await assertFree(tx, data, null);
    const after = await tx.archive.create({ data });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'Archive', entityId: after.id, after });
    return after;
  });
}

export async function updateArchive(ctx: Context, id: string, input: unknown): Promise<Archive> {
  const { version, ...data } = parseInput(updateArchiveRules, input);
  const archiveId = toId(id);
  const current = live(await ctx.prisma.archive.findUnique({ where: { id: archiveId } }));
  await assertRoleIn(ctx, EDITORS, current.municipalityId, 'updateArchive');
  if (data.municipalityId !== current.municipalityId) await assertRoleIn(ctx, EDITORS, data.municipalityId, 'updateArchive');
  return ctx.prisma.$transaction(async (tx) => {
    const before = live(await tx.archive.findUnique({ where: { id: archiveId } }));
    assertVersion(before, version);
    // The scope was checked against the municipality read above; a concurrent move makes it stale.
    if (before.municipalityId !== current.municipalityId) throw conflict(before);
    if (data.municipalityId !== before.municipalityId) {
      await assertLiveMunicipality(tx, data.municipalityId);
      // Its series and creators belong to the old municipality: they would be left pointing across.
      assertUnused(await dependentsOf(tx, archiveId));
    }
    await assertFree(tx, data, archiveId);
    const { count } = await tx.archive.updateMany({ where: { id: archiveId, version, deletedAt: null }, data: { ...data, version: { increment: 1 } } });
    await assertWritten(count, () => tx.archive.findUnique({ where: { id: archiveId } }));
    const after = await tx.archive.findUniqueOrThrow({ where: { id: archiveId } });
    await recordAudit(tx, ctx, { action: 'update', entityType: 'Archive', entityId: archiveId, before, after });
    return after;
  });
}

export async function deleteArchive(ctx: Context, id: string): Promise<Archive> {
  const archiveId = toId(id);
  const current = live(await ctx.prisma.archive.findUnique({ where: { id: archiveId } }));
  await assertRoleIn(ctx, EDITORS, current.municipalityId, 'deleteArchive');
  return ctx.prisma.$transaction(async (tx) => {
    const before = live(await tx.archive.findUnique({ where: { id: archiveId } }));
    assertUnused(await dependentsOf(tx, archiveId));
    const after = await tx.archive.update({ where: { id: archiveId }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'Archive', entityId: archiveId, before, after });
    return after;
  });
}

export async function restoreArchive(ctx: Context, id: string): Promise<Archive> {
  const archiveId = toId(id);
  return ctx.prisma.$transaction(async (tx) => {
    const before = await tx.archive.findUnique({ where: { id: archiveId } });
    assertDeleted(before);
    await assertLiveMunicipality(tx, before.municipalityId, ['id'], 'Kommunen arkivet hører til er slettet. Gjenopprett kommunen først.');
    const after = await tx.archive.update({ where: { id: archiveId }, data: { deletedAt: null, version: { increment: 1 } } });
    await recordAudit(tx, ctx, { action: 'restore', entityType: 'Archive', entityId: archiveId, before, after });
    return after;
  });
}

async function dependentsOf(tx: Tx, archiveId: number) {
  const [series, archiveCreators] = await Promise.all([tx.archiveSeries.count({ where: { archiveId, deletedAt: null } }), tx.archiveCreator.count({ where: { archiveId, deletedAt: null } })]);
  return { series, archiveCreators };
}

async function assertFree(tx: Tx, data: { municipalityId: number; systemId: string | null }, selfId: number | null): Promise<void> {
  if (data.systemId === null) return;
  await lockUniqueChecks(tx, 'archive');
  const holder = await tx.archive.findUnique({ where: { municipalityId_systemId: { municipalityId: data.municipalityId, systemId: data.systemId } } });
  assertUnique(holder, selfId, ['input', 'systemId']);
}

export async function assertLiveMunicipality(tx: Tx, municipalityId: number, path: (string | number)[] = ['input', 'municipalityId'], message = 'Fant ikke kommunen.'): Promise<void> {
  const row = await tx.municipality.findUnique({ where: { id: municipalityId }, select: { deletedAt: true } });
  if (!row || row.deletedAt) throw new AppError('NOT_FOUND', message, { path });
}

/** The row moved to another municipality after its scope was checked: a conflict the client retries. */
export function conflict(current: { version: number }): AppError {
  return versionConflict(current);
}

export function sortByKey<T extends { id: number }>(rows: T[], text: (row: T) => string): T[] {
  const keyed = rows.map((row) => ({ row, key: norwegianSortKey(text(row)) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.row.id - b.row.id));
  return keyed.map((k) => k.row);
}
