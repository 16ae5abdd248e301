import { gql, type TypedDocumentNode } from '@apollo/client';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { useAuth } from './authContext.ts';

export const SIGN_OUT_MUTATION: TypedDocumentNode<{ signOut: boolean }> = gql`
  mutation SignOut {
    signOut
  }
`;

/**
 * Ends the session on the server and forgets everything fetched with it; the session guard
 * then shows the sign-in page (without a `neste`: the user chose to leave).
 */
export function useSignOut() {
  const client = useApolloClient();
  const auth = useAuth();
  const [mutate, { loading }] = useMutation(SIGN_OUT_MUTATION);
  const signOut = useCallback(async () => {
    // A session from an identity provider: its sign-out comes next (read before the session ends).
    const providerSignOut = auth.status === 'signedIn' ? auth.user.providerSignOutUrl : null;
    try {
      await mutate();
    } catch {
      // A session already gone or a lost connection: the user still asked to leave, and the
      // server ends the session at its timeout in any case.
    }
    auth.sessionEnded();
    await client.clearStore();
    if (providerSignOut) window.location.assign(providerSignOut);
  }, [mutate, auth, client]);
  return { signOut, loading };
}
