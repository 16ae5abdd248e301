import type { Resolvers } from '../../graphql/generated/resolvers.ts';
import type { Milestone, Phase } from '@samarkiv/db';
import { fuzzyDate, listPhases, milestonesOfPhase } from './milestone.service.ts';

export const milestoneResolvers: Resolvers = {
  Query: {
    phases: (_, __, ctx) => listPhases(ctx),
  },
  Phase: {
    date: (phase) => fuzzyDate(phase),
    milestones: (phase, _, ctx) => milestonesOfPhase(ctx, phase.id),
  },
  Milestone: {
    date: (milestone) => fuzzyDate(milestone),
  },
};
