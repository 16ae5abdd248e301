import type { Prisma, PrismaClient, Service } from '@samarkiv/db';
import { createServiceRules, norwegianSortKey, updateServiceRules } from '@samarkiv/shared';
import type { Context } from '../../graphql/context.ts';
import { AppError } from '../../graphql/errors.ts';
import { parseInput } from '../../graphql/validation.ts';
import { assertUnique, assertWritten, lockUniqueChecks } from '../../graphql/writeGuards.ts';
import { assertVersion, live, toId } from '../../graphql/writes.ts';
import { recordAudit } from '../audit/audit.service.ts';

// tjenestekatalogen: ADMIN and COORDINATOR keep it (the field rule); every signed-in user reads it.
// A service concerns the centre as a whole, so there is no municipality scope to check.

type Tx = Prisma.TransactionClient;

export function listServices(ctx: Context): Promise<Service[]> {
  return ctx.prisma.service.findMany({ where: { deletedAt: null }, orderBy: [{ nameSortKey: 'asc' }, { id: 'asc' }] });
}

/** A service with the ids of its municipalities, as the audit trail keeps it. */
async function snapshot(tx: Tx | PrismaClient, id: number) {
  const row = await tx.service.findUnique({ where: { id }, include: { municipalities: { select: { municipalityId: true }, orderBy: { municipalityId: 'asc' } } } });
  if (!row) return null;
  const { municipalities, ...service } = row;
  return { ...service, municipalityIds: municipalities.map((m) => m.municipalityId) };
}

export async function createService(ctx: Context, input: unknown): Promise<Service> {
  const { municipalityIds, ...data } = parseInput(createServiceRules, input);
  return ctx.prisma.$transaction(async (tx) => {
    await assertFree(tx, data.name, null);
    const ids = await liveMunicipalities(tx, municipalityIds);
    const created = await tx.service.create({ data: { ...data, nameSortKey: norwegianSortKey(data.name), municipalities: { create: ids.map((municipalityId) => ({ municipalityId })) } } });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'Service', entityId: created.id, after: await snapshot(tx, created.id) });
    return created;
  });
}

export async function updateService(ctx: Context, id: string, input: unknown): Promise<Service> {
  const { version, municipalityIds, ...data } = parseInput(updateServiceRules, input);
  const serviceId = toId(id);
  return ctx.prisma.$transaction(async (tx) => {
    const current = live(await tx.service.findUnique({ where: { id: serviceId } }));
    assertVersion(current, version);
    await assertFree(tx, data.name, serviceId);
    const ids = await liveMunicipalities(tx, municipalityIds);
    const before = await snapshot(tx, serviceId);
    const { count } = await tx.service.updateMany({ where: { id: serviceId, version, deletedAt: null }, data: { ...data, nameSortKey: norwegianSortKey(data.name), version: { increment: 1 } } });
    await assertWritten(count, () => tx.service.findUnique({ where: { id: serviceId } }));
    await tx.serviceMunicipality.deleteMany({ where: { serviceId } });
    await tx.serviceMunicipality.createMany({ data: ids.map((municipalityId) => ({ serviceId, municipalityId })) });
    await recordAudit(tx, ctx, { action: 'update', entityType: 'Service', entityId: serviceId, before, after: await snapshot(tx, serviceId) });
    return tx.service.findUniqueOrThrow({ where: { id: serviceId } });
  });
}

export async function deleteService(ctx: Context, id: string): Promise<Service> {
  const serviceId = toId(id);
  return ctx.prisma.$transaction(async (tx) => {
    live(await tx.service.findUnique({ where: { id: serviceId } }));
    const before = await snapshot(tx, serviceId);
    const after = await tx.service.update({ where: { id: serviceId }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'Service', entityId: serviceId, before, after });
    return after;
  });
}

/** The ids, each a live municipality, or VALIDATION_FAILED naming the first that is not. */
async function liveMunicipalities(tx: Tx, ids: number[]): Promise<number[]> {
  const unique = [...new Set(ids)];
  const found = new Set((await tx.municipality.findMany({ where: { id: { in: unique }, deletedAt: null }, select: { id: true } })).map((m) => m.id));
  const missing = unique.findIndex((m) => !found.has(m));
  if (missing >= 0) throw new AppError('VALIDATION_FAILED', 'Velg en kommune som finnes.', { path: ['input', 'municipalityIds', ids.indexOf(unique[missing]!)] });
  return unique;
}

async function assertFree(tx: Tx, name: string, selfId: number | null): Promise<void> {
  await lockUniqueChecks(tx, 'service');
  // The same key as the unique index: case-blind for æ, ø, å too, on both backends.
  const holder = await tx.service.findFirst({ where: { nameSortKey: norwegianSortKey(name), deletedAt: null } });
  assertUnique(holder, selfId, ['input', 'name']);
}
