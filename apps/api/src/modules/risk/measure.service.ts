import { type Measure, type MeasureStatus, Prisma } from '@samarkiv/db';
import { createMeasureRules, updateMeasureRules } from '@samarkiv/shared';
import type { Context } from '../../graphql/context.ts';
import { AppError } from '../../graphql/errors.ts';
import { required } from '../../graphql/loaders.ts';
import { decodeCursor, encodeCursor, pageSize } from '../../graphql/pagination.ts';
import { parseInput } from '../../graphql/validation.ts';
import { assertDeleted, assertVersion, live, toId } from '../../graphql/writes.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { assertPersonExists } from './references.ts';
import { CLOSED_MEASURE_STATUSES, whereOf } from './risk-filter.ts';
import { assertMayChangeRisk } from './scope.ts';
import { osloDate, toDbDate } from '../../graphql/dates.ts';

type Tx = Prisma.TransactionClient;

export interface MeasureFilterInput {
  riskIds?: readonly string[] | null;
  statuses?: readonly MeasureStatus[] | null;
  ownerIds?: readonly string[] | null;
  overdue?: boolean | null;
  municipalityIds?: readonly string[] | null;
}

const CLOSED: readonly MeasureStatus[] = CLOSED_MEASURE_STATUSES;

/** Overdue: the deadline is before today in Oslo and the measure is still open. */
export function isOverdue(measure: Pick<Measure, 'deadline' | 'status'>, today = osloDate()): boolean {
  return measure.deadline !== null && measure.deadline.toISOString().slice(0, 10) < today && !CLOSED.includes(measure.status);
}

function ids(values: readonly string[], field: string): number[] {
  return values.map((v, i) => toId(v, ['filter', field, i]));
}

function measureConditions(filter: MeasureFilterInput | null | undefined): Prisma.Sql[] {
  const f = filter ?? {};
  const out = [Prisma.sql`m.deleted_at IS NULL`, Prisma.sql`r.deleted_at IS NULL`];
  if (f.riskIds?.length) out.push(Prisma.sql`m.risk_id = ANY(${ids(f.riskIds, 'riskIds')}::int[])`);
  if (f.statuses?.length) out.push(Prisma.sql`m.status::text = ANY(${[...f.statuses]}::text[])`);
  if (f.ownerIds?.length) out.push(Prisma.sql`m.owner_id = ANY(${ids(f.ownerIds, 'ownerIds')}::int[])`);
  if (f.municipalityIds?.length) {
    out.push(Prisma.sql`(r.applies_to_all OR EXISTS (SELECT 1 FROM risk_municipality rm WHERE rm.risk_id = r.id AND rm.municipality_id = ANY(${ids(f.municipalityIds, 'municipalityIds')}::int[])))`);
  }
  if (typeof f.overdue === 'boolean') {
    const overdue = Prisma.sql`(m.deadline IS NOT NULL AND m.deadline < ${osloDate()}::date AND m.status::text <> ALL(${[...CLOSED]}::text[]))`;
    out.push(f.overdue ? overdue : Prisma.sql`NOT ${overdue}`);
  }
  return out;
}

// Measures without a deadline last: a far date stands in, since a row-value comparison skips NULLs.
const DEADLINE_KEY = Prisma.sql`COALESCE(m.deadline, DATE '9999-12-31')`;

export async function listMeasures(ctx: Context, args: { first?: number | null; after?: string | null; filter?: MeasureFilterInput | null }) {
  const take = pageSize(args.first);
  const conditions = measureConditions(args.filter);
  const after = args.after ? decodeCursor(args.after, (v) => v.length === 2 && typeof v[0] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v[0]) && Number.isSafeInteger(v[1])) : null;
  const page = after ? [...conditions, Prisma.sql`(${DEADLINE_KEY}, m.id) > (${after[0]}::date, ${after[1]}::int)`] : conditions;
  const [rows, counted] = await Promise.all([
    ctx.prisma.$queryRaw<{ id: number; k: Date }[]>`SELECT m.id, ${DEADLINE_KEY} AS k FROM measure m JOIN risk r ON r.id = m.risk_id ${whereOf(page)} ORDER BY ${DEADLINE_KEY}, m.id LIMIT ${take + 1}`,
    ctx.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM measure m JOIN risk r ON r.id = m.risk_id ${whereOf(conditions)}`,
  ]);
  const pageRows = rows.slice(0, take);
  const found = await ctx.prisma.measure.findMany({ where: { id: { in: pageRows.map((row) => Number(row.id)) } } });
  const edges = pageRows.map((row) => ({ cursor: encodeCursor([new Date(row.k).toISOString().slice(0, 10), Number(row.id)]), node: found.find((m) => m.id === Number(row.id))! }));
  return {
    edges,
    totalCount: counted[0]?.n ?? 0,
    pageInfo: { hasNextPage: rows.length > take, hasPreviousPage: after !== null, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

export async function measureRisk(ctx: Context, measure: Measure) {
  return required(await ctx.loaders.riskById.load(measure.riskId));
}

export function measuresOfRisk(ctx: Context, riskId: number): Promise<Measure[]> {
  return ctx.loaders.measuresByRisk.load(riskId);
}

/** The live risk a measure hangs on, with whom it concerns. */
async function liveRiskReach(ctx: Context, riskId: number, path: (string | number)[]) {
  const risk = await ctx.prisma.risk.findUnique({ where: { id: riskId }, include: { municipalities: { select: { municipalityId: true } } } });
  if (!risk || risk.deletedAt) throw new AppError('NOT_FOUND', 'Risikoen finnes ikke.', { path });
  return { appliesToAll: risk.appliesToAll, municipalityIds: risk.municipalities.map((m) => m.municipalityId) };
}

/** A live measure of a live risk, after the caller's right to change it is checked. */
async function changeableMeasure(ctx: Context, id: string, what: string): Promise<Measure> {
  const measure = live(await ctx.prisma.measure.findUnique({ where: { id: toId(id) } }));
  await assertMayChangeRisk(ctx, await liveRiskReach(ctx, measure.riskId, ['id']), what);
  return measure;
}

/** DONE holds exactly when a completion time does (a CHECK in the database holds it too). */
function completion(before: Pick<Measure, 'status' | 'completedAt'> | null, status: MeasureStatus): Date | null {
  if (status !== 'DONE') return null;
  return before?.status === 'DONE' && before.completedAt ? before.completedAt : new Date();
}

export async function createMeasure(ctx: Context, input: unknown): Promise<Measure> {
  const data = parseInput(createMeasureRules, input);
  await assertMayChangeRisk(ctx, await liveRiskReach(ctx, data.riskId, ['input', 'riskId']), 'createMeasure');
  await assertPersonExists(ctx, data.ownerId);
  return ctx.prisma.$transaction(async (tx) => {
    const measure = await tx.measure.create({ data: { ...data, deadline: toDbDate(data.deadline), completedAt: completion(null, data.status) } });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'Measure', entityId: measure.id, after: measure });
    return measure;
  });
}

async function conditionalUpdate(ctx: Context, tx: Tx, before: Measure, version: number, data: Prisma.MeasureUpdateManyMutationInput, action: string): Promise<Measure> {
  const changed = await tx.measure.updateMany({ where: { id: before.id, version, deletedAt: null }, data: { ...data, version: { increment: 1 } } });
  if (changed.count === 0) {
    assertVersion(live(await tx.measure.findUnique({ where: { id: before.id } })), version);
    throw new AppError('VERSION_CONFLICT');
  }
  const after = await tx.measure.findUniqueOrThrow({ where: { id: before.id } });
  await recordAudit(tx, ctx, { action, entityType: 'Measure', entityId: before.id, before, after });
  return after;
}

export async function updateMeasure(ctx: Context, id: string, input: unknown): Promise<Measure> {
  const data = parseInput(updateMeasureRules, input);
  const before = await changeableMeasure(ctx, id, 'updateMeasure');
  assertVersion(before, data.version);
  await assertPersonExists(ctx, data.ownerId);
  const { version, deadline, ...fields } = data;
  const status = data.status ?? before.status;
  return ctx.prisma.$transaction((tx) =>
    conditionalUpdate(ctx, tx, before, version, { ...fields, ...(deadline !== undefined ? { deadline: toDbDate(deadline) } : {}), completedAt: completion(before, status) }, 'update'),
  );
}

export async function completeMeasure(ctx: Context, id: string, version: number): Promise<Measure> {
  const before = await changeableMeasure(ctx, id, 'completeMeasure');
  assertVersion(before, version);
  return ctx.prisma.$transaction((tx) => conditionalUpdate(ctx, tx, before, version, { status: 'DONE', completedAt: completion(before, 'DONE') }, 'complete'));
}

export async function deleteMeasure(ctx: Context, id: string): Promise<Measure> {
  const before = await changeableMeasure(ctx, id, 'deleteMeasure');
  return ctx.prisma.$transaction(async (tx) => {
    const changed = await tx.measure.updateMany({ where: { id: before.id, deletedAt: null }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    if (changed.count === 0) throw new AppError('NOT_FOUND', undefined, { path: ['id'] });
    const after = await tx.measure.findUniqueOrThrow({ where: { id: before.id } });
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'Measure', entityId: before.id, before, after: { deletedAt: after.deletedAt } });
    return after;
  });
}

export async function restoreMeasure(ctx: Context, id: string): Promise<Measure> {
  const measureId = toId(id);
  return ctx.prisma.$transaction(async (tx) => {
    const before = await tx.measure.findUnique({ where: { id: measureId } });
    assertDeleted(before);
    const after = await tx.measure.update({ where: { id: measureId }, data: { deletedAt: null, version: { increment: 1 } } });
    await recordAudit(tx, ctx, { action: 'restore', entityType: 'Measure', entityId: measureId, before: { deletedAt: before.deletedAt }, after: { deletedAt: null } });
    return after;
  });
}
