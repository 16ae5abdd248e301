import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import type { Role } from '../../lib/auth/currentUser.ts';
import { outcomeOf } from '../../lib/mutationOutcome.ts';
import { MANAGE_USER_DIALOG_FRAGMENT, type UserRef } from './manageUserFragment.ts';

export type CreateUserInput = {
  username: string;
  displayName: string;
  email: string | null;
  password: string;
  memberships: { municipalityId: string; role: Role }[];
};

export const CREATE_USER_MUTATION: TypedDocumentNode<{ createUser: UserRef }, { input: CreateUserInput }> = gql`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
      ...ManageUserDialog_user
    }
  }
  ${MANAGE_USER_DIALOG_FRAGMENT}
`;

/** Creates a user; the list is fetched again because only the server knows where it sorts. */
export function useCreateUser() {
  const [mutate, { loading }] = useMutation(CREATE_USER_MUTATION, { refetchQueries: ['UsersPage'] });
  return {
    loading,
    createUser: (input: CreateUserInput) => outcomeOf(() => mutate({ variables: { input } })),
  };
}
