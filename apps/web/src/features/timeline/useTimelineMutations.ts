import { useMutation } from '@apollo/client/react';
import { outcomeOf } from '../../lib/mutationOutcome.ts';
import {
  CREATE_MILESTONE_MUTATION,
  CREATE_PHASE_MUTATION,
  UPDATE_MILESTONE_MUTATION,
  UPDATE_PHASE_MUTATION,
  type MilestoneInput,
  type PhaseInput,
} from './timelineQueries.ts';

// A new item changes the order of the whole timeline (and a phase's dates move its milestones'
// lane): the page's query is fetched again rather than patched by hand. An update of an item
// refreshes itself through the cache, and the list is refetched for its new place in the order.
const REFETCH = { refetchQueries: ['TimelinePage'], awaitRefetchQueries: true };

export function useSaveMilestone() {
  const [create, created] = useMutation(CREATE_MILESTONE_MUTATION, REFETCH);
  const [update, updated] = useMutation(UPDATE_MILESTONE_MUTATION, REFETCH);
  return {
    loading: created.loading || updated.loading,
    createMilestone: (input: MilestoneInput) => outcomeOf(() => create({ variables: { input } })),
    updateMilestone: (id: string, input: MilestoneInput & { version: number }) => outcomeOf(() => update({ variables: { id, input } })),
  };
}

export function useSavePhase() {
  const [create, created] = useMutation(CREATE_PHASE_MUTATION, REFETCH);
  const [update, updated] = useMutation(UPDATE_PHASE_MUTATION, REFETCH);
  return {
    loading: created.loading || updated.loading,
    createPhase: (input: PhaseInput) => outcomeOf(() => create({ variables: { input } })),
    updatePhase: (id: string, input: PhaseInput & { version: number }) => outcomeOf(() => update({ variables: { id, input } })),
  };
}
