import type { Milestone, Phase } from '@samarkiv/db';
import type { Context } from '../../graphql/context.ts';

export function listPhases(ctx: Context): Promise<Phase[]> {
  return ctx.prisma.phase.findMany({ where: { deletedAt: null }, orderBy: [{ dateStart: 'asc' }, { sortOrder: 'asc' }, { id: 'asc' }] });
}

export function milestonesOfPhase(ctx: Context, phaseId: number): Promise<Milestone[]> {
  return ctx.loaders.milestonesByPhase.load(phaseId);
}

type Dated = Pick<Phase, 'dateStart' | 'dateEnd' | 'datePrecision'> & { dateNote?: string | null };

/** Dates are calendar days (PostgreSQL `date`): format them without a time zone shift. */
export function fuzzyDate(row: Dated) {
  return {
    start: row.dateStart.toISOString().slice(0, 10),
    end: row.dateEnd.toISOString().slice(0, 10),
    precision: row.datePrecision,
    note: row.dateNote ?? null,
  };
}
