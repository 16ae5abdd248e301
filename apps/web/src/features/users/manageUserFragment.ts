import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Role } from '../../lib/auth/currentUser.ts';

// The fields ManageUserDialog reads (and every user mutation returns, so the cache, the table
// and the dialog stay current). In a file of its own because the dialog, its mutation hooks
// and the table all import it and would otherwise import each other.
export type ManageUserDialog_user = {
  __typename: 'User';
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  isActive: boolean;
  mustChangePassword: boolean;
  /** A confirmed TOTP factor: what the "Nullstill tofaktor" action removes. */
  mfaEnabled: boolean;
  memberships: {
    __typename: 'Membership';
    role: Role;
    municipality: { __typename: 'Municipality'; id: string; name: string };
  }[];
  version: number;
};

export type UserRef = { __typename: 'User'; id: string };

export const MANAGE_USER_DIALOG_FRAGMENT: TypedDocumentNode<ManageUserDialog_user> = gql`
  fragment ManageUserDialog_user on User {
    id
    username
    displayName
    email
    isActive
    mustChangePassword
    mfaEnabled
    memberships {
      role
      municipality {
        id
        name
      }
    }
    version
  }
`;
