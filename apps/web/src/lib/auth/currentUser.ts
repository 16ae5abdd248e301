import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Role } from '@samarkiv/shared';

export type { Role };

/**
 * The roles in PRODUCT.md's order. Kept here rather than imported from @samarkiv/shared, whose
 * entry point also carries the zod input rules (about 25 kB gzip) into any chunk importing it.
 */
export const ROLES = ['ADMIN', 'COORDINATOR', 'ARCHIVIST', 'VIEWER'] as const satisfies readonly Role[];

// Written by hand until codegen generates it from the fragment below; keep the two in step.
export type AuthUser_me = {
  __typename: 'Me';
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  roles: Role[];
  memberships: {
    __typename: 'Membership';
    role: Role;
    municipality: { __typename: 'Municipality'; id: string; name: string };
  }[];
  mustChangePassword: boolean;
  mfaEnabled: boolean;
  mfaSetupRequired: boolean;
  signInMethod: string;
  providerSignOutUrl: string | null;
  remindersEnabled: boolean;
  sessionExpiresAt: string;
};

/** What a query result holds after data masking: just enough to find the user in the cache. */
export type MeRef = { __typename: 'Me'; id: string };

/** Everything the client needs to know about the signed-in user, read by the AuthProvider. */
export const AUTH_USER_FRAGMENT: TypedDocumentNode<AuthUser_me> = gql`
  fragment AuthUser_me on Me {
    id
    username
    displayName
    email
    roles
    memberships {
      role
      municipality {
        id
        name
      }
    }
    mustChangePassword
    mfaEnabled
    mfaSetupRequired
    signInMethod
    providerSignOutUrl
    remindersEnabled
    sessionExpiresAt
  }
`;

export type CurrentUserQuery = { me: MeRef };

/** Asked once at start; answered UNAUTHENTICATED when there is no (or an expired) session. */
export const CURRENT_USER_QUERY: TypedDocumentNode<CurrentUserQuery> = gql`
  query CurrentUser {
    me {
      id
      ...AuthUser_me
    }
  }
  ${AUTH_USER_FRAGMENT}
`;
