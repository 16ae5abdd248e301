import type { PrismaClient, RiskLevel, ScaleAxis } from '@samarkiv/db';
import { createAcceptanceCriteriaRules } from '@samarkiv/shared';
import type { Context } from '../../graphql/context.ts';
import { AppError } from '../../graphql/errors.ts';
import { parseInput } from '../../graphql/validation.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { isoDate, osloDate, toDbDate } from '../../graphql/dates.ts';
import { isRealDate } from '@samarkiv/shared';

export interface CriteriaView {
  id: number;
  validFrom: string;
  name: string;
  description: string | null;
  cells: { likelihood: number; consequence: number; level: RiskLevel }[];
  scale: { axis: ScaleAxis; level: number; label: string; description: string }[];
}

/** Every version with its cells and scale, oldest first (a handful of rows: the request loads them once). */
export async function loadCriteriaVersions(prisma: PrismaClient): Promise<CriteriaView[]> {
  const rows = await prisma.acceptanceCriteria.findMany({
    orderBy: { validFrom: 'asc' },
    include: { cells: { orderBy: [{ likelihood: 'asc' }, { consequence: 'asc' }] }, scale: { orderBy: [{ axis: 'asc' }, { level: 'asc' }] } },
  });
  return rows.map((row) => ({
    id: row.id,
    validFrom: isoDate(row.validFrom)!,
    name: row.name,
    description: row.description,
    cells: row.cells.map(({ likelihood, consequence, level }) => ({ likelihood, consequence, level })),
    scale: row.scale.map(({ axis, level, label, description }) => ({ axis, level, label, description })),
  }));
}

/** The version in force on an Oslo date (the latest that took effect on or before it), or null. */
export async function criteriaOn(ctx: Context, date: string): Promise<CriteriaView | null> {
  const versions = await ctx.loaders.criteriaVersions.load('all');
  return versions.filter((v) => v.validFrom <= date).at(-1) ?? null;
}

export function levelOf(criteria: CriteriaView | null, likelihood: number, consequence: number): RiskLevel | null {
  return criteria?.cells.find((c) => c.likelihood === likelihood && c.consequence === consequence)?.level ?? null;
}

/** A date argument: YYYY-MM-DD that exists, or today in Oslo when left out. */
export function asOfDate(asOf: string | null | undefined, path: (string | number)[] = ['asOf']): string {
  if (asOf === null || asOf === undefined) return osloDate();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || !isRealDate(asOf)) throw new AppError('VALIDATION_FAILED', 'Datoen må være en gyldig dato (ÅÅÅÅ-MM-DD).', { path });
  return asOf;
}

export async function getCriteria(ctx: Context, asOf: string | null | undefined): Promise<CriteriaView> {
  const criteria = await criteriaOn(ctx, asOfDate(asOf));
  if (!criteria) throw new AppError('NOT_FOUND', 'Ingen akseptkriterier gjaldt på denne datoen.', { path: ['asOf'] });
  return criteria;
}

export function listCriteriaVersions(ctx: Context): Promise<CriteriaView[]> {
  return ctx.loaders.criteriaVersions.load('all');
}

export async function createCriteriaVersion(ctx: Context, input: unknown): Promise<CriteriaView> {
  const data = parseInput(createAcceptanceCriteriaRules, input);
  const id = await ctx.prisma.$transaction(async (tx) => {
    const clash = await tx.acceptanceCriteria.findUnique({ where: { validFrom: toDbDate(data.validFrom)! }, select: { id: true } });
    if (clash) throw new AppError('ALREADY_EXISTS', 'Det finnes allerede en versjon av akseptkriteriene fra denne datoen.', { path: ['input', 'validFrom'] });
    const created = await tx.acceptanceCriteria.create({
      data: {
        validFrom: toDbDate(data.validFrom)!,
        name: data.name,
        description: data.description,
        createdById: ctx.user?.id ?? null,
        cells: { createMany: { data: data.cells } },
        scale: { createMany: { data: data.scale } },
      },
      select: { id: true },
    });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'AcceptanceCriteria', entityId: created.id, after: data });
    return created.id;
  });
  const versions = await loadCriteriaVersions(ctx.prisma);
  return versions.find((v) => v.id === id)!;
}
