import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { outcomeOf } from '../../lib/mutationOutcome.ts';
import { MANAGE_USER_DIALOG_FRAGMENT, type UserRef } from './manageUserFragment.ts';

export const DEACTIVATE_USER_MUTATION: TypedDocumentNode<{ deactivateUser: UserRef }, { id: string }> = gql`
  mutation DeactivateUser($id: ID!) {
    deactivateUser(id: $id) {
      id
      ...ManageUserDialog_user
    }
  }
  ${MANAGE_USER_DIALOG_FRAGMENT}
`;

export const REACTIVATE_USER_MUTATION: TypedDocumentNode<{ reactivateUser: UserRef }, { id: string }> = gql`
  mutation ReactivateUser($id: ID!) {
    reactivateUser(id: $id) {
      id
      ...ManageUserDialog_user
    }
  }
  ${MANAGE_USER_DIALOG_FRAGMENT}
`;

/**
 * Deactivates (ends all the user's sessions; LAST_ADMIN for the last active administrator) or
 * reactivates a user. The returned user updates the cached row; a list filtered on status
 * shows the row until it is fetched again, so the change stays visible where it was made.
 */
export function useSetUserActive() {
  const [deactivate, deactivation] = useMutation(DEACTIVATE_USER_MUTATION);
  const [reactivate, reactivation] = useMutation(REACTIVATE_USER_MUTATION);
  return {
    loading: deactivation.loading || reactivation.loading,
    setActive: (id: string, active: boolean) =>
      active ? outcomeOf(() => reactivate({ variables: { id } })) : outcomeOf(() => deactivate({ variables: { id } })),
  };
}
