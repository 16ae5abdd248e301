import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { useAuth } from './authContext.ts';
import { AUTH_USER_FRAGMENT, CURRENT_USER_QUERY, type MeRef } from './currentUser.ts';

type SignInMutation = { signIn: MeRef };
type SignInVariables = { input: { username: string; password: string; code?: string | null } };

export const SIGN_IN_MUTATION: TypedDocumentNode<SignInMutation, SignInVariables> = gql`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      id
      ...AuthUser_me
    }
  }
  ${AUTH_USER_FRAGMENT}
`;

/**
 * Signs in and makes the answer the current user, so the app needs no second round trip.
 * Rejects with the operation's error (INVALID_CREDENTIALS, TOO_MANY_ATTEMPTS, MFA_CODE_REQUIRED,
 * INVALID_MFA_CODE) for the form.
 */
export function useSignIn() {
  const auth = useAuth();
  const [mutate, { loading }] = useMutation(SIGN_IN_MUTATION, {
    update(cache, { data }) {
      if (data) cache.writeQuery({ query: CURRENT_USER_QUERY, data: { me: data.signIn } });
    },
  });
  const signIn = useCallback(
    async (username: string, password: string, code?: string | null) => {
      await mutate({ variables: { input: { username, password, code: code || null } } });
      auth.sessionStarted();
    },
    [mutate, auth],
  );
  return { signIn, loading };
}
