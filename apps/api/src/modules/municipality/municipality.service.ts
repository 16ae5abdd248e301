import type { Municipality, Prisma } from '@samarkiv/db';
import { createMunicipalityRules, norwegianSortKey, updateMunicipalityRules } from '@samarkiv/shared';
import type { Context } from '../../graphql/context.ts';
import { parseInput } from '../../graphql/validation.ts';
import { assertUnique, assertUnused, assertWritten, lockUniqueChecks } from '../../graphql/writeGuards.ts';
import { assertDeleted, assertVersion, live, toId } from '../../graphql/writes.ts';
import { recordAudit } from '../audit/audit.service.ts';

type Tx = Prisma.TransactionClient;
type MunicipalityInput = { number: string; name: string; role: Municipality['role']; participates: boolean };

/** All live municipalities in Norwegian alphabetical order (their counts come through loaders). */
export async function listMunicipalities(ctx: Context): Promise<Municipality[]> {
  const rows = await ctx.prisma.municipality.findMany({ where: { deletedAt: null } });
  return rows.sort((a, b) => compareNorwegian(a.name, b.name) || a.id - b.id);
}

export async function getMunicipality(ctx: Context, id: string): Promise<Municipality | null> {
  const row = await ctx.prisma.municipality.findUnique({ where: { id: toId(id) } });
  return row && !row.deletedAt ? row : null;
}

export async function createMunicipality(ctx: Context, input: unknown): Promise<Municipality> {
  const data = parseInput(createMunicipalityRules, input);
  return ctx.prisma.$transaction(async (tx) => {
    await assertFree(tx, data, null);
    const after = await tx.municipality.create({ data });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'Municipality', entityId: after.id, after });
    return after;
  });
}

export async function updateMunicipality(ctx: Context, id: string, input: unknown): Promise<Municipality> {
  const { version, ...data } = parseInput(updateMunicipalityRules, input);
  const municipalityId = toId(id);
  return ctx.prisma.$transaction(async (tx) => {
    const before = live(await tx.municipality.findUnique({ where: { id: municipalityId } }));
    assertVersion(before, version);
    await assertFree(tx, data, municipalityId);
    const { count } = await tx.municipality.updateMany({ where: { id: municipalityId, version, deletedAt: null }, data: { ...data, version: { increment: 1 } } });
    await assertWritten(count, () => tx.municipality.findUnique({ where: { id: municipalityId } }));
    const after = await tx.municipality.findUniqueOrThrow({ where: { id: municipalityId } });
    await recordAudit(tx, ctx, { action: 'update', entityType: 'Municipality', entityId: municipalityId, before, after });
    return after;
  });
}

export async function deleteMunicipality(ctx: Context, id: string): Promise<Municipality> {
  const municipalityId = toId(id);
  return ctx.prisma.$transaction(async (tx) => {
    const before = live(await tx.municipality.findUnique({ where: { id: municipalityId } }));
    const where = { municipalityId, deletedAt: null };
    const [series, archives, archiveCreators, memberships, risks] = await Promise.all([
      tx.archiveSeries.count({ where }),
      tx.archive.count({ where }),
      tx.archiveCreator.count({ where }),
      tx.membership.count({ where: { municipalityId } }),
      tx.riskMunicipality.count({ where: { municipalityId, risk: { deletedAt: null } } }),
    ]);
    assertUnused({ series, archives, archiveCreators, memberships, risks });
    const after = await tx.municipality.update({ where: { id: municipalityId }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'Municipality', entityId: municipalityId, before, after });
    return after;
  });
}

export async function restoreMunicipality(ctx: Context, id: string): Promise<Municipality> {
  const municipalityId = toId(id);
  return ctx.prisma.$transaction(async (tx) => {
    const before = await tx.municipality.findUnique({ where: { id: municipalityId } });
    assertDeleted(before);
    // A restored host must not make two: the partial unique index would refuse it raw.
    await assertFree(tx, before, municipalityId, ['id']);
    const after = await tx.municipality.update({ where: { id: municipalityId }, data: { deletedAt: null, version: { increment: 1 } } });
    await recordAudit(tx, ctx, { action: 'restore', entityType: 'Municipality', entityId: municipalityId, before, after });
    return after;
  });
}

/** The number is unique among all rows (deleted ones keep theirs), and at most one live row is HOST. */
async function assertFree(tx: Tx, data: Pick<MunicipalityInput, 'number' | 'role'>, selfId: number | null, rolePath: (string | number)[] = ['input', 'role']): Promise<void> {
  await lockUniqueChecks(tx, 'municipality');
  assertUnique(await tx.municipality.findUnique({ where: { number: data.number } }), selfId, ['input', 'number']);
  if (data.role === 'HOST') {
    const host = await tx.municipality.findFirst({ where: { role: 'HOST', deletedAt: null, id: selfId === null ? undefined : { not: selfId } } });
    assertUnique(host, selfId, rolePath, `${host?.name ?? 'En annen kommune'} er allerede vertskommune. Det kan bare være én.`);
  }
}

function compareNorwegian(a: string, b: string): number {
  const ka = norwegianSortKey(a);
  const kb = norwegianSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
