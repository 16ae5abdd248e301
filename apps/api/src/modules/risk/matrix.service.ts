import { Prisma, type Risk, type RiskLevel, type RiskStatus } from '@samarkiv/db';
import type { Context } from '../../graphql/context.ts';
import { AppError } from '../../graphql/errors.ts';
import { asOfDate, type CriteriaView, criteriaOn, levelOf } from './criteria.service.ts';
import { baselineInstant } from './baseline.service.ts';
import { basisColumns, CURRENT, type RiskBasis, type RiskFilterInput, riskConditions, type ScoreColumns, whereOf } from './risk-filter.ts';
import { loadRisksInOrder } from './risk.service.ts';
import { osloDate, osloEndOfDay } from '../../graphql/dates.ts';

export interface RiskMatrixView {
  asOf: string;
  basis: RiskBasis;
  criteria: CriteriaView | null;
  cells: { likelihood: number; consequence: number; level: RiskLevel | null; count: number; risks: Risk[] }[];
  totalCount: number;
}

/**
 * The point in time a matrix shows: the Oslo day it is drawn for (criteria and levels), and the
 * instant its history ends (exclusive); null: now, read from the risks themselves.
 */
export interface MatrixPoint {
  date: string;
  before: Date | null;
}

const MAX_CELL_LIMIT = 20;

const HISTORY: ScoreColumns = {
  il: Prisma.sql`h.inherent_likelihood`,
  ic: Prisma.sql`h.inherent_consequence`,
  rl: Prisma.sql`h.residual_likelihood`,
  rc: Prisma.sql`h.residual_consequence`,
  status: Prisma.sql`h.status`,
};

/** A date: today (or later) is now; a past day ends at the first instant of the next Oslo day. */
export function pointOfDate(date: string): MatrixPoint {
  return { date, before: date >= osloDate() ? null : osloEndOfDay(date) };
}

/** A baseline: its history up to and including takenAt (timestamps have millisecond precision). */
export function pointOfInstant(takenAt: Date): MatrixPoint {
  return { date: osloDate(takenAt), before: new Date(takenAt.getTime() + 1) };
}

/** `asOf` or `baselineId` (at most one; neither: today), as the point they name. */
export async function matrixPoint(ctx: Context, asOf: string | null | undefined, baselineId: string | null | undefined, path: (string | number)[] = []): Promise<MatrixPoint> {
  if (baselineId !== null && baselineId !== undefined) {
    if (asOf !== null && asOf !== undefined) throw new AppError('VALIDATION_FAILED', 'Velg enten en dato eller en baseline, ikke begge.', { path: [...path, 'baselineId'] });
    return pointOfInstant(await baselineInstant(ctx, baselineId, [...path, 'baselineId']));
  }
  return pointOfDate(asOfDate(asOf, [...path, 'asOf']));
}

/**
 * Where the matrix reads each risk's scores. Now that is the risk itself. Before that it is the
 * risk's latest assessment before the point's end; a risk without one did not exist yet, and a
 * risk deleted by then is gone.
 */
function source(point: MatrixPoint): { from: Prisma.Sql; cols: ScoreColumns; live: Prisma.Sql } {
  const end = point.before;
  if (!end) return { from: Prisma.sql`risk r`, cols: CURRENT, live: Prisma.sql`r.deleted_at IS NULL` };
  return {
    from: Prisma.sql`risk r JOIN LATERAL (SELECT ra.* FROM risk_assessment ra WHERE ra.risk_id = r.id AND ra.assessed_at < ${end} ORDER BY ra.assessed_at DESC, ra.id DESC LIMIT 1) h ON true`,
    cols: HISTORY,
    live: Prisma.sql`(r.deleted_at IS NULL OR r.deleted_at >= ${end})`,
  };
}

/** The risks of the matrix at the point, one row each: id, reference, the cell under the basis and the status. */
function positionsSql(point: MatrixPoint, basis: RiskBasis, filter: RiskFilterInput | null | undefined, criteria: CriteriaView | null): Prisma.Sql {
  const { from, cols, live } = source(point);
  const { l, c } = basisColumns(cols, basis);
  return Prisma.sql`SELECT r.id, r.reference, ${l} AS l, ${c} AS c, ${cols.status}::text AS status FROM ${from} ${whereOf([live, ...riskConditions(filter, criteria, cols)])}`;
}

export interface RiskPositionRow {
  id: number;
  likelihood: number;
  consequence: number;
  status: RiskStatus;
}

/** Every risk's cell and status at the point, in one statement (the comparison's two sides). */
export async function positionsAt(ctx: Context, point: MatrixPoint, basis: RiskBasis, filter: RiskFilterInput | null | undefined): Promise<RiskPositionRow[]> {
  const criteria = await criteriaOn(ctx, point.date);
  const rows = await ctx.prisma.$queryRaw<{ id: number; l: number; c: number; status: RiskStatus }[]>`WITH base AS (${positionsSql(point, basis, filter, criteria)}) SELECT id, l::int AS l, c::int AS c, status FROM base`;
  return rows.map((row) => ({ id: Number(row.id), likelihood: Number(row.l), consequence: Number(row.c), status: row.status }));
}

export interface RiskMatrixArgs {
  asOf?: string | null;
  baselineId?: string | null;
  basis?: RiskBasis | null;
  filter?: RiskFilterInput | null;
  cellLimit?: number | null;
}

export async function riskMatrix(ctx: Context, args: RiskMatrixArgs): Promise<RiskMatrixView> {
  const cellLimit = checkCellLimit(args.cellLimit);
  return matrixAt(ctx, await matrixPoint(ctx, args.asOf, args.baselineId), args.basis ?? 'INHERENT', args.filter, cellLimit);
}

export function checkCellLimit(value: number | null | undefined): number {
  const cellLimit = value ?? 3;
  if (!Number.isInteger(cellLimit) || cellLimit < 0 || cellLimit > MAX_CELL_LIMIT) {
    throw new AppError('VALIDATION_FAILED', `Antall risikoer per celle må være fra 0 til ${MAX_CELL_LIMIT}.`, { path: ['cellLimit'] });
  }
  return cellLimit;
}

/** The 5 x 5 matrix at a point in three statements (counts, the first risks of every cell, their rows), whatever the number of risks. */
export async function matrixAt(ctx: Context, point: MatrixPoint, basis: RiskBasis, filter: RiskFilterInput | null | undefined, cellLimit: number): Promise<RiskMatrixView> {
  const criteria = await criteriaOn(ctx, point.date);
  const base = positionsSql(point, basis, filter, criteria);
  const [counts, firsts] = await Promise.all([
    ctx.prisma.$queryRaw<{ l: number; c: number; n: number }[]>`WITH base AS (${base}) SELECT l::int AS l, c::int AS c, count(*)::int AS n FROM base GROUP BY l, c`,
    cellLimit === 0
      ? Promise.resolve([])
      : ctx.prisma.$queryRaw<{ id: number; l: number; c: number }[]>`WITH base AS (${base}), ranked AS (SELECT id, l, c, row_number() OVER (PARTITION BY l, c ORDER BY reference COLLATE "C", id) AS rn FROM base) SELECT id, l::int AS l, c::int AS c FROM ranked WHERE rn <= ${cellLimit} ORDER BY l, c, rn`,
  ]);
  const risks = await loadRisksInOrder(ctx, firsts.map((row) => Number(row.id)));
  const cells = [];
  for (let likelihood = 1; likelihood <= 5; likelihood++) {
    for (let consequence = 1; consequence <= 5; consequence++) {
      const inCell = (row: { l: number; c: number }) => Number(row.l) === likelihood && Number(row.c) === consequence;
      cells.push({
        likelihood,
        consequence,
        level: levelOf(criteria, likelihood, consequence),
        count: counts.find(inCell)?.n ?? 0,
        risks: risks.filter((_, i) => inCell(firsts[i]!)),
      });
    }
  }
  return { asOf: point.date, basis, criteria, cells, totalCount: counts.reduce((sum, row) => sum + row.n, 0) };
}
