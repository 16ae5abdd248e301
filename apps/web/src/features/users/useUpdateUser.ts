import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { outcomeOf } from '../../lib/mutationOutcome.ts';
import { MANAGE_USER_DIALOG_FRAGMENT, type UserRef } from './manageUserFragment.ts';

type UpdateUserInput = { displayName: string; email: string | null; version: number };

export const UPDATE_USER_MUTATION: TypedDocumentNode<{ updateUser: UserRef }, { id: string; input: UpdateUserInput }> = gql`
  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) {
      id
      ...ManageUserDialog_user
    }
  }
  ${MANAGE_USER_DIALOG_FRAGMENT}
`;

/**
 * Saves name and e-mail. `version` is the one the form was opened with: if someone saved in
 * between, the server answers VERSION_CONFLICT instead of overwriting their change.
 */
export function useUpdateUser() {
  const [mutate, { loading }] = useMutation(UPDATE_USER_MUTATION);
  return {
    loading,
    updateUser: (id: string, input: UpdateUserInput) => outcomeOf(() => mutate({ variables: { id, input } })),
  };
}
