import type { Milestone, Phase, Prisma } from '@samarkiv/db';
import { milestoneFilterRules } from '@samarkiv/shared';
import type { Context } from '../../graphql/context.ts';
import { isoDate, osloDate, toDbDate } from '../../graphql/dates.ts';
import { parseInput } from '../../graphql/validation.ts';
import { toId } from '../../graphql/writes.ts';

// Reads of the timeline. Writes are in milestone.writes.ts.

// Phases and milestones alike: by the start of their window, then their own order, then id.
const DATE_ORDER = [{ dateStart: 'asc' }, { sortOrder: 'asc' }, { id: 'asc' }] as const;

export function listPhases(ctx: Context): Promise<Phase[]> {
  return ctx.prisma.phase.findMany({ where: { deletedAt: null }, orderBy: [...DATE_ORDER] });
}

export async function getPhase(ctx: Context, id: string): Promise<Phase | null> {
  const row = await ctx.prisma.phase.findUnique({ where: { id: toId(id) } });
  return row && !row.deletedAt ? row : null;
}

export async function getMilestone(ctx: Context, id: string): Promise<Milestone | null> {
  const row = await ctx.prisma.milestone.findUnique({ where: { id: toId(id) } });
  return row && !row.deletedAt ? row : null;
}

export async function listMilestones(ctx: Context, filter: unknown): Promise<Milestone[]> {
  const f = parseInput(milestoneFilterRules, filter ?? {}, 'filter');
  const where: Prisma.MilestoneWhereInput = { deletedAt: null };
  if (f.phaseId) where.phaseId = f.phaseId;
  if (f.kinds?.length) where.kind = { in: f.kinds };
  if (f.statuses?.length) where.status = { in: f.statuses };
  // A window overlapping [from, to]: a milestone known only to its season still shows in a month of it.
  if (f.from) where.dateEnd = { gte: toDbDate(f.from) };
  if (f.to) where.dateStart = { lte: toDbDate(f.to) };
  return ctx.prisma.milestone.findMany({ where, orderBy: [...DATE_ORDER] });
}

export function milestonesOfPhase(ctx: Context, phaseId: number): Promise<Milestone[]> {
  return ctx.loaders.milestonesByPhase.load(phaseId);
}

type Dated = Pick<Phase, 'dateStart' | 'dateEnd' | 'datePrecision'> & { dateNote?: string | null };

/** Dates are calendar days (PostgreSQL `date`): format them without a time zone shift. */
export function fuzzyDate(row: Dated) {
  return {
    start: isoDate(row.dateStart),
    end: isoDate(row.dateEnd),
    precision: row.datePrecision,
    note: row.dateNote ?? null,
  };
}

/** Still planned after the last day its window allows. */
export function isDelayed(milestone: Pick<Milestone, 'status' | 'dateEnd'>, today = osloDate()): boolean {
  return milestone.status === 'PLANNED' && isoDate(milestone.dateEnd) < today;
}

/** The row as the client sees it, for the `current` of a version conflict. */
export function datedView<T extends Dated & { id: number }>(row: T) {
  const { dateStart: _s, dateEnd: _e, datePrecision: _p, dateNote: _n, ...rest } = row;
  return { ...rest, date: fuzzyDate(row) };
}
