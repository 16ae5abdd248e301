import { Prisma, type Risk, type RiskLevel } from '@samarkiv/db';
import type { Context } from '../../graphql/context.ts';
import { AppError } from '../../graphql/errors.ts';
import { asOfDate, type CriteriaView, criteriaOn, levelOf } from './criteria.service.ts';
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

const MAX_CELL_LIMIT = 20;

const HISTORY: ScoreColumns = {
  il: Prisma.sql`h.inherent_likelihood`,
  ic: Prisma.sql`h.inherent_consequence`,
  rl: Prisma.sql`h.residual_likelihood`,
  rc: Prisma.sql`h.residual_consequence`,
  status: Prisma.sql`h.status`,
};

/**
 * Where the matrix reads each risk's scores. Today (or later) that is the risk itself. For a past
 * day it is the risk's latest assessment before that Oslo day ended; a risk without one did not
 * exist yet, and a risk deleted by then is gone.
 */
function source(date: string): { from: Prisma.Sql; cols: ScoreColumns; live: Prisma.Sql } {
  if (date >= osloDate()) return { from: Prisma.sql`risk r`, cols: CURRENT, live: Prisma.sql`r.deleted_at IS NULL` };
  const end = osloEndOfDay(date);
  return {
    from: Prisma.sql`risk r JOIN LATERAL (SELECT ra.* FROM risk_assessment ra WHERE ra.risk_id = r.id AND ra.assessed_at < ${end} ORDER BY ra.assessed_at DESC, ra.id DESC LIMIT 1) h ON true`,
    cols: HISTORY,
    live: Prisma.sql`(r.deleted_at IS NULL OR r.deleted_at >= ${end})`,
  };
}

/** The 5 x 5 matrix in three statements (counts, the first risks of every cell, their rows), whatever the number of risks. */
export async function riskMatrix(ctx: Context, args: { asOf?: string | null; basis?: RiskBasis | null; filter?: RiskFilterInput | null; cellLimit?: number | null }): Promise<RiskMatrixView> {
  const date = asOfDate(args.asOf);
  const basis = args.basis ?? 'INHERENT';
  const cellLimit = args.cellLimit ?? 3;
  if (!Number.isInteger(cellLimit) || cellLimit < 0 || cellLimit > MAX_CELL_LIMIT) {
    throw new AppError('VALIDATION_FAILED', `Antall risikoer per celle må være fra 0 til ${MAX_CELL_LIMIT}.`, { path: ['cellLimit'] });
  }
  const criteria = await criteriaOn(ctx, date);
  const { from, cols, live } = source(date);
  const { l, c } = basisColumns(cols, basis);
  const base = Prisma.sql`SELECT r.id, r.reference, ${l} AS l, ${c} AS c FROM ${from} ${whereOf([live, ...riskConditions(args.filter, criteria, cols)])}`;
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
  return { asOf: date, basis, criteria, cells, totalCount: counts.reduce((sum, row) => sum + row.n, 0) };
}
