import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '../../lib/errors.ts';
import { outcomeOf } from '../../lib/mutationOutcome.ts';
import {
  CREATE_FINDING_MUTATION,
  DELETE_FINDING_MUTATION,
  LINK_FINDING_MUTATION,
  UNLINK_FINDING_MUTATION,
  UPDATE_FINDING_MUTATION,
  type FindingInput,
} from './findingsQueries.ts';

/** Creates a finding, or updates one from the version the form was filled from. */
export function useSaveFinding() {
  const [create, created] = useMutation(CREATE_FINDING_MUTATION);
  const [update, updated] = useMutation(UPDATE_FINDING_MUTATION);
  return {
    loading: created.loading || updated.loading,
    createFinding: (input: FindingInput) => outcomeOf(() => create({ variables: { input } })),
    updateFinding: (id: string, input: FindingInput & { version: number }) => outcomeOf(() => update({ variables: { id, input } })),
  };
}

export function useDeleteFinding() {
  const [mutate, { loading }] = useMutation(DELETE_FINDING_MUTATION);
  return {
    loading,
    deleteFinding: (id: string) =>
      outcomeOf(() =>
        mutate({
          variables: { id },
          // The board refetches its list; the deleted row leaves the cache so no other view shows it.
          update: (cache, { data }) => {
            if (data) cache.evict({ id: cache.identify(data.deleteFinding) });
          },
        }),
      ),
  };
}

export function useLinkFinding() {
  const [mutate, { loading }] = useMutation(LINK_FINDING_MUTATION);
  return { loading, link: (findingId: string, riskId: string) => outcomeOf(() => mutate({ variables: { findingId, riskId } })) };
}

/** Unlinks in place (no dialog); a failure is kept as a sentence for the finding to show. */
export function useUnlinkFinding() {
  const { t } = useTranslation();
  const [mutate, { loading }] = useMutation(UNLINK_FINDING_MUTATION);
  const [problem, setProblem] = useState<string | null>(null);
  async function unlink(findingId: string, riskId: string): Promise<boolean> {
    setProblem(null);
    const result = await outcomeOf(() => mutate({ variables: { findingId, riskId } }));
    if (!result.ok) setProblem(describeApiError(t, result.error));
    return result.ok;
  }
  return { loading, problem, unlink };
}
