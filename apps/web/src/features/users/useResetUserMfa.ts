import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { outcomeOf } from '../../lib/mutationOutcome.ts';
import { MANAGE_USER_DIALOG_FRAGMENT, type UserRef } from './manageUserFragment.ts';

export const RESET_USER_MFA_MUTATION: TypedDocumentNode<{ resetUserMfa: UserRef }, { id: string }> = gql`
  mutation ResetUserMfa($id: ID!) {
    resetUserMfa(id: $id) {
      id
      ...ManageUserDialog_user
    }
  }
  ${MANAGE_USER_DIALOG_FRAGMENT}
`;

/**
 * Removes another user's second factor and recovery codes and ends their sessions (a lost phone);
 * they set it up again at next sign-in. The returned user (mfaEnabled false) updates the cached
 * row and the dialog. The server refuses it for oneself (MFA_SELF_RESET).
 */
export function useResetUserMfa() {
  const [mutate, { loading }] = useMutation(RESET_USER_MFA_MUTATION);
  return {
    loading,
    resetUserMfa: (id: string) => outcomeOf(() => mutate({ variables: { id } })),
  };
}
