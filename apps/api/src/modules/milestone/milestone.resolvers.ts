import type { Milestone, Phase } from '@samarkiv/db';
import type { Context } from '../../graphql/context.ts';
import { fuzzyDate, listPhases, milestonesOfPhase } from './milestone.service.ts';

export const milestoneResolvers = {
  Query: {
    phases: (_: unknown, __: unknown, ctx: Context) => listPhases(ctx),
  },
  Phase: {
    date: (phase: Phase) => fuzzyDate(phase),
    milestones: (phase: Phase, _: unknown, ctx: Context) => milestonesOfPhase(ctx, phase.id),
  },
  Milestone: {
    date: (milestone: Milestone) => fuzzyDate(milestone),
  },
};
