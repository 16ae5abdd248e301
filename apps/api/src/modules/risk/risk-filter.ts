import { Prisma, type RiskLevel, type RiskStatus } from '@samarkiv/db';
import { toId } from '../../graphql/writes.ts';
import { AppError } from '../../graphql/errors.ts';
import { osloDate } from '../../graphql/dates.ts';
import { type CriteriaView } from './criteria.service.ts';

export type RiskBasis = 'INHERENT' | 'RESIDUAL';

export interface RiskFilterInput {
  areaIds?: readonly string[] | null;
  municipalityIds?: readonly string[] | null;
  statuses?: readonly RiskStatus[] | null;
  ownerIds?: readonly string[] | null;
  level?: RiskLevel | null;
  levelBasis?: RiskBasis | null;
  aboveAcceptance?: boolean | null;
  search?: string | null;
  likelihood?: number | null;
  consequence?: number | null;
  reviewOverdue?: boolean | null;
  hasOverdueMeasures?: boolean | null;
}

/** Where a risk's scores and status come from: the risk itself (now) or an assessment (a past date). */
export interface ScoreColumns {
  il: Prisma.Sql;
  ic: Prisma.Sql;
  rl: Prisma.Sql;
  rc: Prisma.Sql;
  status: Prisma.Sql;
}

/** The risk's current values, on the table aliased `r`. */
export const CURRENT: ScoreColumns = {
  il: Prisma.sql`r.inherent_likelihood`,
  ic: Prisma.sql`r.inherent_consequence`,
  rl: Prisma.sql`r.residual_likelihood`,
  rc: Prisma.sql`r.residual_consequence`,
  status: Prisma.sql`r.status`,
};

/** Likelihood and consequence of a basis; residual falls back to inherent where none is given. */
export function basisColumns(cols: ScoreColumns, basis: RiskBasis): { l: Prisma.Sql; c: Prisma.Sql } {
  return basis === 'INHERENT' ? { l: cols.il, c: cols.ic } : { l: Prisma.sql`COALESCE(${cols.rl}, ${cols.il})`, c: Prisma.sql`COALESCE(${cols.rc}, ${cols.ic})` };
}

function ids(values: readonly string[], field: string): number[] {
  return values.map((v, i) => toId(v, ['filter', field, i]));
}

/** The cells (as likelihood*10 + consequence) whose level passes the test under the criteria. */
function cellCodes(criteria: CriteriaView | null, test: (level: RiskLevel) => boolean): number[] {
  return (criteria?.cells ?? []).filter((cell) => test(cell.level)).map((cell) => cell.likelihood * 10 + cell.consequence);
}

/**
 * The filter as SQL conditions on `risk r` (live rows are the caller's concern). Levels are read
 * under the given criteria: the cells of a level become a list of L*10+C codes, so the database
 * compares integers rather than joining the criteria.
 */
export function riskConditions(filter: RiskFilterInput | null | undefined, criteria: CriteriaView | null, cols: ScoreColumns = CURRENT): Prisma.Sql[] {
  const f = filter ?? {};
  const out: Prisma.Sql[] = [];
  if (f.areaIds?.length) out.push(Prisma.sql`r.area_id = ANY(${ids(f.areaIds, 'areaIds')}::int[])`);
  if (f.municipalityIds?.length) {
    out.push(Prisma.sql`(r.applies_to_all OR EXISTS (SELECT 1 FROM risk_municipality rm WHERE rm.risk_id = r.id AND rm.municipality_id = ANY(${ids(f.municipalityIds, 'municipalityIds')}::int[])))`);
  }
  if (f.statuses?.length) out.push(Prisma.sql`${cols.status}::text = ANY(${[...f.statuses]}::text[])`);
  if (f.ownerIds?.length) out.push(Prisma.sql`r.owner_id = ANY(${ids(f.ownerIds, 'ownerIds')}::int[])`);
  const { l, c } = basisColumns(cols, f.levelBasis ?? 'RESIDUAL');
  const code = Prisma.sql`(${l} * 10 + ${c})`;
  if (f.level) out.push(Prisma.sql`${code} = ANY(${cellCodes(criteria, (level) => level === f.level)}::int[])`);
  if (typeof f.aboveAcceptance === 'boolean') {
    const above = f.aboveAcceptance;
    out.push(Prisma.sql`${code} = ANY(${cellCodes(criteria, (level) => (level === 'HIGH') === above)}::int[])`);
  }
  if (f.likelihood !== null && f.likelihood !== undefined) out.push(Prisma.sql`${l} = ${scale(f.likelihood, 'likelihood')}::int`);
  if (f.consequence !== null && f.consequence !== undefined) out.push(Prisma.sql`${c} = ${scale(f.consequence, 'consequence')}::int`);
  // Overdue is judged today, also on a matrix of a past date: it is about what needs doing now.
  const today = osloDate();
  if (typeof f.reviewOverdue === 'boolean') {
    out.push(f.reviewOverdue ? Prisma.sql`r.next_review_date < ${today}::date` : Prisma.sql`(r.next_review_date IS NULL OR r.next_review_date >= ${today}::date)`);
  }
  if (typeof f.hasOverdueMeasures === 'boolean') {
    const overdue = Prisma.sql`EXISTS (SELECT 1 FROM measure om WHERE om.risk_id = r.id AND ${overdueMeasure(Prisma.sql`om`, today)})`;
    out.push(f.hasOverdueMeasures ? overdue : Prisma.sql`NOT ${overdue}`);
  }
  const search = f.search?.trim();
  if (search) {
    const pattern = `%${search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    out.push(Prisma.sql`(r.reference ILIKE ${pattern} OR r.title ILIKE ${pattern})`);
  }
  return out;
}

function scale(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 1 || value > 5) throw new AppError('VALIDATION_FAILED', 'Verdien må være fra 1 til 5.', { path: ['filter', field] });
  return value;
}

/** Statuses of a measure that is finished one way or another. */
export const CLOSED_MEASURE_STATUSES = ['DONE', 'CANCELLED'] as const;

/** A live, open measure (table alias `m`). */
export function openMeasure(m: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${m}.deleted_at IS NULL AND ${m}.status::text <> ALL(${[...CLOSED_MEASURE_STATUSES]}::text[])`;
}

/** A live, open measure whose deadline is before the Oslo day `today`. */
export function overdueMeasure(m: Prisma.Sql, today: string): Prisma.Sql {
  return Prisma.sql`${openMeasure(m)} AND ${m}.deadline < ${today}::date`;
}

export function whereOf(conditions: Prisma.Sql[]): Prisma.Sql {
  return conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
}

/** Whether the filter reads levels (and so needs the criteria). */
export function usesLevels(filter: RiskFilterInput | null | undefined): boolean {
  return Boolean(filter?.level) || typeof filter?.aboveAcceptance === 'boolean';
}
