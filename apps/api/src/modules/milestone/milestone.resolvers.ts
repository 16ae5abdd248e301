import type { Resolvers } from '../../graphql/generated/resolvers.ts';
import { fuzzyDate, getMilestone, getPhase, isDelayed, listMilestones, listPhases, milestonesOfPhase } from './milestone.service.ts';
import { createMilestone, createPhase, deleteMilestone, deletePhase, restoreMilestone, restorePhase, updateMilestone, updatePhase } from './milestone.writes.ts';

export const milestoneResolvers: Resolvers = {
  Query: {
    phases: (_, __, ctx) => listPhases(ctx),
    phase: (_, { id }, ctx) => getPhase(ctx, id),
    milestones: (_, { filter }, ctx) => listMilestones(ctx, filter),
    milestone: (_, { id }, ctx) => getMilestone(ctx, id),
  },
  Mutation: {
    createPhase: (_, { input }, ctx) => createPhase(ctx, input),
    updatePhase: (_, { id, input }, ctx) => updatePhase(ctx, id, input),
    deletePhase: (_, { id }, ctx) => deletePhase(ctx, id),
    restorePhase: (_, { id }, ctx) => restorePhase(ctx, id),
    createMilestone: (_, { input }, ctx) => createMilestone(ctx, input),
    updateMilestone: (_, { id, input }, ctx) => updateMilestone(ctx, id, input),
    deleteMilestone: (_, { id }, ctx) => deleteMilestone(ctx, id),
    restoreMilestone: (_, { id }, ctx) => restoreMilestone(ctx, id),
  },
  Phase: {
    date: (phase) => fuzzyDate(phase),
    milestones: (phase, _, ctx) => milestonesOfPhase(ctx, phase.id),
  },
  Milestone: {
    date: (milestone) => fuzzyDate(milestone),
    isDelayed: (milestone) => isDelayed(milestone),
    phase: (milestone, _, ctx) => (milestone.phaseId === null ? null : ctx.loaders.phaseById.load(milestone.phaseId)),
  },
};
