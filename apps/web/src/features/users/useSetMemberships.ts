import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import type { Role } from '../../lib/auth/currentUser.ts';
import { outcomeOf } from '../../lib/mutationOutcome.ts';
import { MANAGE_USER_DIALOG_FRAGMENT, type UserRef } from './manageUserFragment.ts';

type MembershipInput = { municipalityId: string; role: Role };

export const SET_MEMBERSHIPS_MUTATION: TypedDocumentNode<{ setMemberships: UserRef }, { userId: string; memberships: MembershipInput[] }> = gql`
  mutation SetMemberships($userId: ID!, $memberships: [MembershipInput!]!) {
    setMemberships(userId: $userId, memberships: $memberships) {
      id
      ...ManageUserDialog_user
    }
  }
  ${MANAGE_USER_DIALOG_FRAGMENT}
`;

/** Replaces all of a user's memberships (LAST_ADMIN when it would leave no active administrator). */
export function useSetMemberships() {
  const [mutate, { loading }] = useMutation(SET_MEMBERSHIPS_MUTATION);
  return {
    loading,
    setMemberships: (userId: string, memberships: MembershipInput[]) => outcomeOf(() => mutate({ variables: { userId, memberships } })),
  };
}
