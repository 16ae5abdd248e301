import { gql, type TypedDocumentNode } from '@apollo/client';
import { AUTH_USER_FRAGMENT, type MeRef } from '../../lib/auth/currentUser.ts';

export type TotpSetup = { __typename: 'TotpSetup'; secret: string; otpauthUri: string; qrCodeDataUrl: string };

export const BEGIN_TOTP_SETUP_MUTATION: TypedDocumentNode<{ beginTotpSetup: TotpSetup }> = gql`
  mutation BeginTotpSetup {
    beginTotpSetup {
      secret
      otpauthUri
      qrCodeDataUrl
    }
  }
`;

// The answer's user (mfaEnabled, mfaSetupRequired cleared) updates the cached current user.
export const CONFIRM_TOTP_SETUP_MUTATION: TypedDocumentNode<{ confirmTotpSetup: { recoveryCodes: string[]; me: MeRef } }, { input: { code: string } }> = gql`
  mutation ConfirmTotpSetup($input: ConfirmTotpInput!) {
    confirmTotpSetup(input: $input) {
      recoveryCodes
      me {
        id
        ...AuthUser_me
      }
    }
  }
  ${AUTH_USER_FRAGMENT}
`;

export const SET_REMINDER_PREFERENCE_MUTATION: TypedDocumentNode<{ setReminderPreference: MeRef }, { input: { enabled: boolean } }> = gql`
  mutation SetReminderPreference($input: ReminderPreferenceInput!) {
    setReminderPreference(input: $input) {
      id
      ...AuthUser_me
    }
  }
  ${AUTH_USER_FRAGMENT}
`;
