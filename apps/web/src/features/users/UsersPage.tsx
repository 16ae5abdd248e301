import { gql, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Page } from '../../components/layout/Page.tsx';
import { PageLoading } from '../../components/layout/PageLoading.tsx';
import { CursorPager } from '../../components/table/CursorPager.tsx';
import { TableLoadError } from '../../components/table/TableLoadError.tsx';
import { useCursorPaging } from '../../components/table/useCursorPaging.ts';
import { apiError, describeApiError } from '../../lib/errors.ts';
import { formatCount } from '../../lib/format.ts';
import { CreateUserDialog } from './CreateUserDialog.tsx';
import { ManageUserDialog } from './ManageUserDialog.tsx';
import type { UserRef } from './manageUserFragment.ts';
import { readUsersFilter, UsersFilter } from './UsersFilter.tsx';
import { USERS_TABLE_FRAGMENT, UsersTable } from './UsersTable.tsx';
import '../../components/form/form.css';
import './users.css';

export const USERS_PAGE_SIZE = 25;

type UsersPageQuery = {
  users: {
    edges: { cursor: string; node: UserRef }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    totalCount: number;
  };
};
type UsersPageVariables = {
  first: number;
  after: string | null;
  filter: { search?: string; isActive?: boolean };
};

export const USERS_PAGE_QUERY: TypedDocumentNode<UsersPageQuery, UsersPageVariables> = gql`
  query UsersPage($first: Int!, $after: String, $filter: UserFilter) {
    users(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          id
          ...UsersTable_user
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
  ${USERS_TABLE_FRAGMENT}
`;

export function UsersPage() {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | null>(null);

  return (
    <Page title={t('nav.users')}>
      <Paragraph className="page-lead">{t('users.lead')}</Paragraph>
      <div className="table-toolbar">
        <UsersFilter />
        <Button type="button" onClick={() => setCreating(true)}>
          {t('users.create.open')}
        </Button>
      </div>
      {/* Always present, so the confirmation is announced when its text appears. */}
      <div role="status">
        {created && (
          <Alert data-color="success" className="form-alert">
            <Paragraph>{t('users.create.done', { username: created })}</Paragraph>
          </Alert>
        )}
      </div>
      <UsersList />
      <CreateUserDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(username) => {
          setCreating(false);
          setCreated(username);
        }}
      />
    </Page>
  );
}

function UsersList() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const paging = useCursorPaging();
  const [managed, setManaged] = useState<UserRef | null>(null);
  const { search, status } = readUsersFilter(params);
  const filter = useMemo(
    () => ({
      ...(search ? { search } : {}),
      ...(status === 'active' ? { isActive: true } : status === 'inactive' ? { isActive: false } : {}),
    }),
    [search, status],
  );
  const { data, previousData, loading, error, refetch } = useQuery(USERS_PAGE_QUERY, {
    variables: { first: USERS_PAGE_SIZE, after: paging.after ?? null, filter },
  });
  const onManage = useCallback((user: UserRef) => setManaged(user), []);

  // The previous page stays on screen (marked busy) while the next one loads.
  const shown = data ?? previousData;
  if (!shown) {
    if (loading) return <PageLoading label={t('users.loading')} />;
    return (
      <TableLoadError
        title={t('users.errorTitle')}
        error={error}
        onRetry={() => void refetch().catch(() => {})}
        onFirstPage={paging.firstPage}
      />
    );
  }

  const { edges, pageInfo, totalCount } = shown.users;
  const first = paging.pageNumber ? (paging.pageNumber - 1) * USERS_PAGE_SIZE + 1 : undefined;
  const status_ =
    totalCount === 0
      ? t('users.none')
      : first !== undefined
        ? t('users.showing', { from: formatCount(first), to: formatCount(first + edges.length - 1), total: formatCount(totalCount) })
        : t('users.showingCount', { count: edges.length, total: formatCount(totalCount) });

  return (
    <>
      {error && data === undefined && <Paragraph role="alert">{describeApiError(t, apiError(error))}</Paragraph>}
      {edges.length > 0 && (
        <UsersTable users={edges.map((edge) => edge.node)} caption={t('users.caption')} busy={loading} onManage={onManage} />
      )}
      <CursorPager
        label={t('users.pagerLabel')}
        status={loading ? t('paging.loading') : status_}
        hasPrevious={paging.hasPrevious}
        hasNext={pageInfo.hasNextPage && Boolean(pageInfo.endCursor)}
        busy={loading}
        onPrevious={paging.previousPage}
        onNext={() => pageInfo.endCursor && paging.nextPage(pageInfo.endCursor)}
      />
      <ManageUserDialog user={managed} onClose={() => setManaged(null)} />
    </>
  );
}
