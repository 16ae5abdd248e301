import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { AUTH_USER_FRAGMENT, type MeRef } from './currentUser.ts';

type ChangePasswordMutation = { changePassword: MeRef };
type ChangePasswordVariables = { input: { currentPassword: string; newPassword: string } };

// The answer is the user with mustChangePassword cleared; it updates the cached user, which
// lets the guard release a user who had to change the password.
export const CHANGE_PASSWORD_MUTATION: TypedDocumentNode<ChangePasswordMutation, ChangePasswordVariables> = gql`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      id
      ...AuthUser_me
    }
  }
  ${AUTH_USER_FRAGMENT}
`;

export function useChangePassword() {
  const [mutate, { loading }] = useMutation(CHANGE_PASSWORD_MUTATION);
  const changePassword = useCallback(
    async (currentPassword: string, newPassword: string) => {
      await mutate({ variables: { input: { currentPassword, newPassword } } });
    },
    [mutate],
  );
  return { changePassword, loading };
}
