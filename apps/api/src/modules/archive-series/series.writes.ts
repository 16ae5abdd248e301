import type { ArchiveSeries, Prisma } from '@samarkiv/db';
import { createArchiveSeriesRules, mapArchiveSeriesRules, norwegianSortKey, seriesConsistency, updateArchiveSeriesRules } from '@samarkiv/shared';
import type { Context } from '../../graphql/context.ts';
import { AppError } from '../../graphql/errors.ts';
import { parseInput } from '../../graphql/validation.ts';
import { assertDeleted, assertRoleIn, assertVersion, live, toId, versionConflict } from '../../graphql/writes.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { isoDate } from '../../graphql/dates.ts';
import { seriesView } from './view.ts';

type Tx = Prisma.TransactionClient;
type Fields = Omit<Prisma.ArchiveSeriesUncheckedCreateInput, 'municipalityId' | 'titleSortKey'>;

const ENTITY = 'ArchiveSeries';

export async function createSeries(ctx: Context, input: unknown): Promise<ArchiveSeries> {
  const data = parseInput(createArchiveSeriesRules, input);
  await assertRoleIn(ctx, ['ARCHIVIST'], data.municipalityId, 'createArchiveSeries');
  const { municipalityId, ...fields } = data;
  return ctx.prisma.$transaction(async (tx) => {
    if (!(await tx.municipality.findFirst({ where: { id: municipalityId, deletedAt: null }, select: { id: true } }))) throw new AppError('NOT_FOUND', undefined, { path: ['input', 'municipalityId'] });
    await assertReferences(tx, municipalityId, null, fields);
    await assertUnique(tx, municipalityId, null, fields);
    const created = await tx.archiveSeries.create({ data: { ...(toData(fields) as Fields), municipalityId, titleSortKey: norwegianSortKey(fields.title) } });
    await linkNeighbours(ctx, tx, created, { predecessorId: null, successorId: null });
    await recordAudit(tx, ctx, { action: 'create', entityType: ENTITY, entityId: created.id, after: seriesView(created) });
    return created;
  });
}

export async function updateSeries(ctx: Context, id: string, input: unknown): Promise<ArchiveSeries> {
  const data = parseInput(updateArchiveSeriesRules, input);
  const seriesId = toId(id);
  const first = live(await ctx.prisma.archiveSeries.findUnique({ where: { id: seriesId } }));
  await assertRoleIn(ctx, ['ARCHIVIST'], first.municipalityId, 'updateArchiveSeries');
  const { version, ...changes } = data;
  const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<Fields>;
  return ctx.prisma.$transaction(async (tx) => {
    const before = live(await tx.archiveSeries.findUnique({ where: { id: seriesId } }));
    assertVersion(before, version, seriesView);
    const merged = { ...fieldsOf(before), ...given };
    const issues = seriesConsistency({ ...merged, periodStart: merged.periodStart as string, periodEnd: (merged.periodEnd as string | null) ?? null, depositDate: (merged.depositDate as string | null) ?? null, isContinuous: Boolean(merged.isContinuous), depositStatus: String(merged.depositStatus), predecessorId: merged.predecessorId ?? null, successorId: merged.successorId ?? null });
    if (issues[0]) throw new AppError('VALIDATION_FAILED', issues[0].message, { path: ['input', ...issues[0].path], issues: issues.map((i) => ({ ...i, path: ['input', ...i.path] })) });
    await assertReferences(tx, before.municipalityId, seriesId, given);
    await assertUnique(tx, before.municipalityId, seriesId, given);
    const title = given.title;
    const written = await tx.archiveSeries.updateMany({
      where: { id: seriesId, version },
      data: { ...toData(given), ...(title ? { titleSortKey: norwegianSortKey(title) } : {}), version: { increment: 1 } },
    });
    if (written.count !== 1) throw conflict(await tx.archiveSeries.findUniqueOrThrow({ where: { id: seriesId } }));
    const after = await tx.archiveSeries.findUniqueOrThrow({ where: { id: seriesId } });
    await linkNeighbours(ctx, tx, after, before);
    await recordAudit(tx, ctx, { action: 'update', entityType: ENTITY, entityId: seriesId, before: seriesView(before), after: seriesView(after) });
    return after;
  });
}

export async function deleteSeries(ctx: Context, id: string): Promise<ArchiveSeries> {
  const seriesId = toId(id);
  const first = live(await ctx.prisma.archiveSeries.findUnique({ where: { id: seriesId } }));
  await assertRoleIn(ctx, ['ARCHIVIST'], first.municipalityId, 'deleteArchiveSeries');
  return ctx.prisma.$transaction(async (tx) => {
    const before = live(await tx.archiveSeries.findUnique({ where: { id: seriesId } }));
    const dependents = await tx.archiveSeries.findMany({
      where: { deletedAt: null, id: { not: seriesId }, OR: [{ predecessorId: seriesId }, { successorId: seriesId }] },
      select: { id: true, identifier: true },
    });
    if (dependents.length > 0) throw new AppError('IN_USE', undefined, { path: ['id'], dependents: dependents.map((d) => ({ type: ENTITY, id: d.id, identifier: d.identifier })) });
    const after = await tx.archiveSeries.update({ where: { id: seriesId }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    await recordAudit(tx, ctx, { action: 'delete', entityType: ENTITY, entityId: seriesId, before: seriesView(before) });
    return after;
  });
}

export async function restoreSeries(ctx: Context, id: string): Promise<ArchiveSeries> {
  const seriesId = toId(id);
  return ctx.prisma.$transaction(async (tx) => {
    const row = await tx.archiveSeries.findUnique({ where: { id: seriesId } });
    assertDeleted(row);
    const taken = await tx.archiveSeries.findFirst({ where: { municipalityId: row.municipalityId, identifier: row.identifier, deletedAt: null }, select: { id: true } });
    if (taken) throw new AppError('ALREADY_EXISTS', 'En annen arkivdel i kommunen har nå samme identifikator.', { path: ['id'], existingId: taken.id });
    const after = await tx.archiveSeries.update({ where: { id: seriesId }, data: { deletedAt: null, version: { increment: 1 } } });
    await recordAudit(tx, ctx, { action: 'restore', entityType: ENTITY, entityId: seriesId, after: seriesView(after) });
    return after;
  });
}

export async function mapSeries(ctx: Context, id: string, targetSeriesId: string | null | undefined, version: number): Promise<ArchiveSeries> {
  const data = parseInput(mapArchiveSeriesRules, { targetSeriesId, version }, 'targetSeriesId');
  const seriesId = toId(id);
  const first = live(await ctx.prisma.archiveSeries.findUnique({ where: { id: seriesId } }));
  await assertRoleIn(ctx, ['ARCHIVIST'], first.municipalityId, 'mapArchiveSeries');
  return ctx.prisma.$transaction(async (tx) => {
    const before = live(await tx.archiveSeries.findUnique({ where: { id: seriesId } }));
    if (before.version !== data.version) throw conflict(before, ['version']);
    if (data.targetSeriesId !== null && !(await tx.targetSeries.findFirst({ where: { id: data.targetSeriesId, deletedAt: null }, select: { id: true } }))) {
      throw new AppError('NOT_FOUND', 'Fant ikke målarkivdelen.', { path: ['targetSeriesId'] });
    }
    const written = await tx.archiveSeries.updateMany({ where: { id: seriesId, version: data.version }, data: { targetSeriesId: data.targetSeriesId, version: { increment: 1 } } });
    if (written.count !== 1) throw conflict(await tx.archiveSeries.findUniqueOrThrow({ where: { id: seriesId } }), ['version']);
    const after = await tx.archiveSeries.findUniqueOrThrow({ where: { id: seriesId } });
    await recordAudit(tx, ctx, { action: 'map', entityType: ENTITY, entityId: seriesId, before: { targetSeriesId: before.targetSeriesId }, after: { targetSeriesId: after.targetSeriesId } });
    return after;
  });
}

function conflict(current: ArchiveSeries, path: (string | number)[] = ['input', 'version']): AppError {
  return versionConflict(current, seriesView, path);
}

// ---------------------------------------------------------------------------------------------

const DATE_FIELDS = ['periodStart', 'periodEnd', 'depositDate'] as const;

/** Parsed input fields as column values: dates at UTC midnight (the columns are `date`). */
function toData(fields: Partial<Fields>): Partial<Fields> {
  const data: Record<string, unknown> = { ...fields };
  for (const key of DATE_FIELDS) {
    const value = data[key];
    if (typeof value === 'string') data[key] = new Date(`${value}T00:00:00Z`);
  }
  return data as Partial<Fields>;
}

/** The stored series in the input's shape, for the cross-field rules of an update. */
function fieldsOf(row: ArchiveSeries): Partial<Fields> {
  return { ...row, periodStart: isoDate(row.periodStart), periodEnd: isoDate(row.periodEnd), depositDate: isoDate(row.depositDate) } as Partial<Fields>;
}

async function assertUnique(tx: Tx, municipalityId: number, selfId: number | null, fields: Partial<Fields>): Promise<void> {
  const notSelf = selfId === null ? {} : { id: { not: selfId } };
  if (fields.identifier) {
    const taken = await tx.archiveSeries.findFirst({ where: { municipalityId, identifier: fields.identifier, deletedAt: null, ...notSelf }, select: { id: true } });
    if (taken) throw new AppError('ALREADY_EXISTS', 'Kommunen har allerede en arkivdel med denne identifikatoren.', { path: ['input', 'identifier'], existingId: taken.id });
  }
  if (fields.systemId) {
    // The system id is unique per municipality across deleted series too (repeated imports find them).
    const taken = await tx.archiveSeries.findFirst({ where: { municipalityId, systemId: fields.systemId, ...notSelf }, select: { id: true } });
    if (taken) throw new AppError('ALREADY_EXISTS', 'Kommunen har allerede en arkivdel med denne system-ID-en.', { path: ['input', 'systemId'], existingId: taken.id });
  }
}

async function assertReferences(tx: Tx, municipalityId: number, selfId: number | null, f: Partial<Fields>): Promise<void> {
  const own = async (path: string, row: { municipalityId: number; deletedAt: Date | null } | null, what: string) => {
    if (!row || row.deletedAt) throw new AppError('NOT_FOUND', `Fant ikke ${what}.`, { path: ['input', path] });
    if (row.municipalityId !== municipalityId) throw new AppError('VALIDATION_FAILED', `${what.charAt(0).toUpperCase()}${what.slice(1)} hører til en annen kommune.`, { path: ['input', path] });
  };
  const select = { municipalityId: true, deletedAt: true } as const;
  if (typeof f.archiveId === 'number') await own('archiveId', await tx.archive.findUnique({ where: { id: f.archiveId }, select }), 'arkivet');
  if (typeof f.archiveCreatorId === 'number') await own('archiveCreatorId', await tx.archiveCreator.findUnique({ where: { id: f.archiveCreatorId }, select }), 'arkivskaperen');
  for (const key of ['predecessorId', 'successorId'] as const) {
    const neighbour = f[key];
    if (typeof neighbour !== 'number') continue;
    if (neighbour === selfId) throw new AppError('VALIDATION_FAILED', 'En arkivdel kan ikke være sin egen forløper eller arvtaker.', { path: ['input', key] });
    await own(key, await tx.archiveSeries.findUnique({ where: { id: neighbour }, select }), key === 'predecessorId' ? 'forløperen' : 'arvtakeren');
  }
  if (typeof f.targetSeriesId === 'number' && !(await tx.targetSeries.findFirst({ where: { id: f.targetSeriesId, deletedAt: null }, select: { id: true } }))) {
    throw new AppError('NOT_FOUND', 'Fant ikke målarkivdelen.', { path: ['input', 'targetSeriesId'] });
  }
}

/**
 * Keeps the chain two-way: a new predecessor's successor points back here (a new successor's
 * predecessor likewise), and a neighbour that was let go stops pointing here. A neighbour
 * already linked to another series is refused with CHAIN_CONFLICT rather than silently relinked.
 */
async function linkNeighbours(ctx: Context, tx: Tx, series: ArchiveSeries, before: { predecessorId: number | null; successorId: number | null }): Promise<void> {
  const links = [
    { field: 'predecessorId', back: 'successorId' },
    { field: 'successorId', back: 'predecessorId' },
  ] as const;
  for (const { field, back } of links) {
    const now = series[field];
    const was = before[field];
    if (now === was) continue;
    if (was !== null) {
      const old = await tx.archiveSeries.findUnique({ where: { id: was } });
      if (old && old[back] === series.id) await relink(ctx, tx, old, back, null);
    }
    if (now !== null) {
      const neighbour = await tx.archiveSeries.findUniqueOrThrow({ where: { id: now } });
      if (neighbour[back] !== null && neighbour[back] !== series.id) {
        throw new AppError('CHAIN_CONFLICT', undefined, { path: ['input', field], neighbourId: neighbour.id, linkedTo: neighbour[back] });
      }
      if (neighbour[back] !== series.id) await relink(ctx, tx, neighbour, back, series.id);
    }
  }
}

async function relink(ctx: Context, tx: Tx, row: ArchiveSeries, field: 'predecessorId' | 'successorId', value: number | null): Promise<void> {
  await tx.archiveSeries.update({ where: { id: row.id }, data: { [field]: value, version: { increment: 1 } } });
  await recordAudit(tx, ctx, { action: 'link', entityType: ENTITY, entityId: row.id, before: { [field]: row[field] }, after: { [field]: value } });
}
