import type { Benefit, Prisma } from '@samarkiv/db';
import { addBenefitMeasurementRules, type BenefitPlan, benefitProgress, benefitStatus, type BenefitStatus, createBenefitRules, norwegianSortKey, updateBenefitRules } from '@samarkiv/shared';
import type { Context } from '../../graphql/context.ts';
import { isoDate, osloDate, toDbDate } from '../../graphql/dates.ts';
import { AppError } from '../../graphql/errors.ts';
import type { MeasurementRow } from '../../graphql/loaders.ts';
import { parseInput } from '../../graphql/validation.ts';
import { assertWritten } from '../../graphql/writeGuards.ts';
import { assertVersion, holdsRoleIn, live, toId } from '../../graphql/writes.ts';
import { deny, recordAudit } from '../audit/audit.service.ts';

// gevinster: coordinators keep the benefits and their measurements current, as they keep the
// risk register: a benefit of the whole centre any coordinator, one of a municipality its
// coordinators (checked before and after a change). ADMIN may change any.

type Tx = Prisma.TransactionClient;

export function planOf(benefit: Benefit): BenefitPlan {
  return { direction: benefit.direction, baselineValue: benefit.baselineValue, baselineDate: isoDate(benefit.baselineDate), targetValue: benefit.targetValue, targetDate: isoDate(benefit.targetDate) };
}

const pointsOf = (rows: MeasurementRow[]) => rows.map((m) => ({ measuredOn: isoDate(m.measuredOn), value: m.value }));

export async function statusOf(ctx: Context, benefit: Benefit): Promise<BenefitStatus> {
  return benefitStatus(planOf(benefit), pointsOf(await ctx.loaders.measurementsByBenefit.load(benefit.id)));
}

export async function progressOf(ctx: Context, benefit: Benefit) {
  return benefitProgress(planOf(benefit), pointsOf(await ctx.loaders.measurementsByBenefit.load(benefit.id)), osloDate());
}

/** Live benefits by the purpose's number, then title (æ, ø, å after z). */
export async function listBenefits(ctx: Context): Promise<Benefit[]> {
  const rows = await ctx.prisma.benefit.findMany({ where: { deletedAt: null, purpose: { deletedAt: null } }, include: { purpose: { select: { ordinal: true } } } });
  rows.sort((a, b) => a.purpose.ordinal - b.purpose.ordinal || norwegianSortKey(a.title).localeCompare(norwegianSortKey(b.title)) || a.id - b.id);
  return rows.map(({ purpose: _, ...benefit }) => benefit);
}

export async function getBenefit(ctx: Context, id: string): Promise<Benefit | null> {
  const row = await ctx.prisma.benefit.findUnique({ where: { id: toId(id) } });
  return row && !row.deletedAt ? row : null;
}

/** Status counts per municipality: the whole centre (null) first, then municipalities by name. */
export async function statusByMunicipality(ctx: Context) {
  const benefits = await listBenefits(ctx);
  const statuses = await Promise.all(benefits.map((b) => statusOf(ctx, b)));
  const counts = new Map<number | null, { achieved: number; onTrack: number; behind: number; notMeasured: number }>();
  benefits.forEach((b, i) => {
    const count = counts.get(b.municipalityId) ?? { achieved: 0, onTrack: 0, behind: 0, notMeasured: 0 };
    const key = ({ ACHIEVED: 'achieved', ON_TRACK: 'onTrack', BEHIND: 'behind', NOT_MEASURED: 'notMeasured' } as const)[statuses[i]!];
    count[key]++;
    counts.set(b.municipalityId, count);
  });
  const ids = [...counts.keys()].filter((id): id is number => id !== null);
  const municipalities = await ctx.prisma.municipality.findMany({ where: { id: { in: ids } } });
  municipalities.sort((a, b) => norwegianSortKey(a.name).localeCompare(norwegianSortKey(b.name)) || a.id - b.id);
  const rows = municipalities.map((m) => ({ municipality: m, ...counts.get(m.id)! }));
  return counts.has(null) ? [{ municipality: null, ...counts.get(null)! }, ...rows] : rows;
}

export async function createBenefit(ctx: Context, input: unknown): Promise<Benefit> {
  const data = parseInput(createBenefitRules, input);
  await assertMayChange(ctx, data.municipalityId, 'createBenefit');
  return ctx.prisma.$transaction(async (tx) => {
    await assertReferences(tx, data.purposeId, data.municipalityId);
    const created = await tx.benefit.create({ data: { ...data, baselineDate: toDbDate(data.baselineDate), targetDate: toDbDate(data.targetDate) } });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'Benefit', entityId: created.id, after: created });
    return created;
  });
}

export async function updateBenefit(ctx: Context, id: string, input: unknown): Promise<Benefit> {
  const { version, ...data } = parseInput(updateBenefitRules, input);
  const benefitId = toId(id);
  return ctx.prisma.$transaction(async (tx) => {
    const before = live(await tx.benefit.findUnique({ where: { id: benefitId } }));
    await assertMayChange(ctx, before.municipalityId, 'updateBenefit');
    await assertMayChange(ctx, data.municipalityId, 'updateBenefit');
    assertVersion(before, version);
    await assertReferences(tx, data.purposeId, data.municipalityId);
    const { count } = await tx.benefit.updateMany({
      where: { id: benefitId, version, deletedAt: null },
      data: { ...data, baselineDate: toDbDate(data.baselineDate), targetDate: toDbDate(data.targetDate), version: { increment: 1 } },
    });
    await assertWritten(count, () => tx.benefit.findUnique({ where: { id: benefitId } }));
    const after = await tx.benefit.findUniqueOrThrow({ where: { id: benefitId } });
    await recordAudit(tx, ctx, { action: 'update', entityType: 'Benefit', entityId: benefitId, before, after });
    return after;
  });
}

export async function deleteBenefit(ctx: Context, id: string): Promise<Benefit> {
  const benefitId = toId(id);
  return ctx.prisma.$transaction(async (tx) => {
    const before = live(await tx.benefit.findUnique({ where: { id: benefitId } }));
    await assertMayChange(ctx, before.municipalityId, 'deleteBenefit');
    const after = await tx.benefit.update({ where: { id: benefitId }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'Benefit', entityId: benefitId, before, after });
    return after;
  });
}

export async function addMeasurement(ctx: Context, input: unknown): Promise<Benefit> {
  const data = parseInput(addBenefitMeasurementRules, input);
  return ctx.prisma.$transaction(async (tx) => {
    const benefit = live(await tx.benefit.findUnique({ where: { id: data.benefitId } }), ['input', 'benefitId']);
    await assertMayChange(ctx, benefit.municipalityId, 'addBenefitMeasurement');
    if (data.measuredOn <= isoDate(benefit.baselineDate)) throw new AppError('VALIDATION_FAILED', 'Målingen må være etter nullpunktet.', { path: ['input', 'measuredOn'] });
    if (data.measuredOn > osloDate()) throw new AppError('VALIDATION_FAILED', 'Datoen kan ikke være fram i tid.', { path: ['input', 'measuredOn'] });
    // One live measurement per day (a unique index says so too); serialised per benefit so two
    // concurrent adds of the same day get this answer rather than the index's raw error.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`samarkiv:benefit-measurement:${benefit.id}`}))`;
    const measuredOn = toDbDate(data.measuredOn);
    const holder = await tx.benefitMeasurement.findFirst({ where: { benefitId: benefit.id, measuredOn, deletedAt: null } });
    if (holder) throw new AppError('ALREADY_EXISTS', 'Det finnes allerede en måling denne dagen.', { path: ['input', 'measuredOn'], existingId: String(holder.id), deleted: false });
    const created = await tx.benefitMeasurement.create({ data: { benefitId: benefit.id, measuredOn, value: data.value, comment: data.comment, recordedById: ctx.user?.id ?? null } });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'BenefitMeasurement', entityId: created.id, after: created });
    return benefit;
  });
}

export async function deleteMeasurement(ctx: Context, id: string): Promise<Benefit> {
  const measurementId = toId(id);
  return ctx.prisma.$transaction(async (tx) => {
    const before = live(await tx.benefitMeasurement.findUnique({ where: { id: measurementId } }));
    const benefit = live(await tx.benefit.findUnique({ where: { id: before.benefitId } }));
    await assertMayChange(ctx, benefit.municipalityId, 'deleteBenefitMeasurement');
    const after = await tx.benefitMeasurement.update({ where: { id: measurementId }, data: { deletedAt: new Date() } });
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'BenefitMeasurement', entityId: measurementId, before, after });
    return benefit;
  });
}

/** A benefit of the whole centre: any coordinator; of a municipality: its coordinators. ADMIN: any. */
async function assertMayChange(ctx: Context, municipalityId: number | null, what: string): Promise<void> {
  const user = ctx.user;
  const allowed = !!user && (user.isAdmin || (municipalityId === null ? user.memberships.some((m) => m.role === 'COORDINATOR') : holdsRoleIn(ctx, ['COORDINATOR'], municipalityId)));
  if (!allowed) await deny(ctx, what, { municipalityId, required: ['COORDINATOR'] });
}

async function assertReferences(tx: Tx, purposeId: number, municipalityId: number | null): Promise<void> {
  if (!(await tx.purpose.findFirst({ where: { id: purposeId, deletedAt: null }, select: { id: true } }))) throw new AppError('VALIDATION_FAILED', 'Velg et formål som finnes.', { path: ['input', 'purposeId'] });
  if (municipalityId !== null && !(await tx.municipality.findFirst({ where: { id: municipalityId, deletedAt: null }, select: { id: true } }))) {
    throw new AppError('VALIDATION_FAILED', 'Velg en kommune som finnes.', { path: ['input', 'municipalityId'] });
  }
}
