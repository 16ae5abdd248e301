import { gql, type TypedDocumentNode } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Button } from '@digdir/designsystemet-react';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/table/DataTable.tsx';
import { NoValue } from '../../components/table/NoValue.tsx';
import type { Role } from '../../lib/auth/currentUser.ts';
import { membershipSentences } from '../../lib/auth/membershipWords.ts';
import { formatDateTime } from '../../lib/format.ts';
import { MANAGE_USER_DIALOG_FRAGMENT, type UserRef } from './manageUserFragment.ts';

// Written by hand until codegen generates it from the fragment below; keep the two in step.
export type UsersTable_user = {
  __typename: 'User';
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  isActive: boolean;
  mustChangePassword: boolean;
  mfaEnabled: boolean;
  lastSignInAt: string | null;
  memberships: { __typename: 'Membership'; role: Role; municipality: { __typename: 'Municipality'; id: string; name: string } }[];
};

// Spreads the dialog's fragment so a page of users brings all the dialog needs with it.
export const USERS_TABLE_FRAGMENT: TypedDocumentNode<UsersTable_user> = gql`
  fragment UsersTable_user on User {
    id
    username
    displayName
    email
    isActive
    mustChangePassword
    mfaEnabled
    lastSignInAt
    memberships {
      role
      municipality {
        id
        name
      }
    }
    ...ManageUserDialog_user
  }
  ${MANAGE_USER_DIALOG_FRAGMENT}
`;

const features = tableFeatures({});
const column = createColumnHelper<typeof features, UsersTable_user>();

type UsersTableProps = {
  users: UserRef[];
  caption: string;
  busy: boolean;
  onManage(user: UserRef): void;
};

/** One page of users as the server sorted it (by username); no client-side sorting or paging. */
export function UsersTable({ users, caption, busy, onManage }: UsersTableProps) {
  const { t, i18n } = useTranslation();
  const { data } = useFragment({ fragment: USERS_TABLE_FRAGMENT, fragmentName: 'UsersTable_user', from: users });
  const rows = useMemo(() => data.filter((row): row is UsersTable_user => row !== null && row.id !== undefined) as UsersTable_user[], [data]);

  const columns = useMemo(
    () =>
      column.columns([
        column.accessor('username', { header: () => t('users.columns.username') }),
        column.accessor('displayName', { header: () => t('users.columns.displayName') }),
        column.accessor('email', {
          header: () => t('users.columns.email'),
          cell: (cell) => cell.getValue() ?? <NoValue />,
        }),
        column.accessor('memberships', {
          header: () => t('users.columns.memberships'),
          cell: (cell) => {
            const sentences = membershipSentences(t, i18n.language, cell.getValue());
            if (sentences.length === 0) return t('users.noMemberships');
            return (
              <ul className="users-table__roles">
                {sentences.map((sentence) => (
                  <li key={sentence}>{sentence}</li>
                ))}
              </ul>
            );
          },
        }),
        column.accessor('isActive', {
          header: () => t('users.columns.status'),
          cell: (cell) => (
            <>
              {cell.getValue() ? t('users.status.active') : t('users.status.inactive')}
              {cell.row.original.mustChangePassword && (
                <span className="users-table__note">{t('users.status.mustChangePassword')}</span>
              )}
            </>
          ),
        }),
        column.accessor('mfaEnabled', {
          header: () => t('users.columns.mfa'),
          cell: (cell) => (cell.getValue() ? t('users.status.mfaOn') : t('users.status.mfaOff')),
        }),
        column.accessor('lastSignInAt', {
          header: () => t('users.columns.lastSignInAt'),
          cell: (cell) => {
            const value = cell.getValue();
            return value ? formatDateTime(value) : t('users.neverSignedIn');
          },
        }),
        column.display({
          id: 'actions',
          header: () => <span className="ds-sr-only">{t('users.columns.actions')}</span>,
          cell: (cell) => (
            <Button
              type="button"
              variant="secondary"
              data-size="sm"
              onClick={() => onManage({ __typename: 'User', id: cell.row.original.id })}
            >
              {t('users.manage.open')}
              {' '}
              <span className="ds-sr-only">{cell.row.original.username}</span>
            </Button>
          ),
        }),
      ]),
    [t, i18n.language, onManage],
  );

  const table = useTable({ features, columns, data: rows, getRowId: (row) => row.id });
  return <DataTable table={table} caption={caption} rowHeaderColumn="username" busy={busy} />;
}
