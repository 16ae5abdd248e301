import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { outcomeOf } from '../../lib/mutationOutcome.ts';
import { MANAGE_USER_DIALOG_FRAGMENT, type UserRef } from './manageUserFragment.ts';

type ResetPasswordMutation = { resetPassword: { user: UserRef; temporaryPassword: string } };

// Apollo drops a mutation's root fields from the cache after writing its entities (unless
// keepRootFields is set), so the temporary password lives only in the component that shows it.
export const RESET_PASSWORD_MUTATION: TypedDocumentNode<ResetPasswordMutation, { id: string }> = gql`
  mutation ResetPassword($id: ID!) {
    resetPassword(id: $id) {
      user {
        id
        ...ManageUserDialog_user
      }
      temporaryPassword
    }
  }
  ${MANAGE_USER_DIALOG_FRAGMENT}
`;

/** Sets a one-time password (shown once) and ends the user's sessions. */
export function useResetPassword() {
  const [mutate, { loading }] = useMutation(RESET_PASSWORD_MUTATION);
  return {
    loading,
    resetPassword: (id: string) => outcomeOf(() => mutate({ variables: { id } })),
  };
}
