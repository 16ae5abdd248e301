import { Button } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { SelectField, TextField } from '../../components/form/fields.tsx';

type StatusFilter = 'all' | 'active' | 'inactive';

// The URL speaks Norwegian like the rest of the app's addresses: ?sok=kari&status=aktive
const STATUS_IN_URL: Record<Exclude<StatusFilter, 'all'>, string> = { active: 'aktive', inactive: 'deaktiverte' };

export function readUsersFilter(params: URLSearchParams): { search: string; status: StatusFilter } {
  const status = params.get('status');
  return {
    search: params.get('sok')?.trim() ?? '',
    status: status === STATUS_IN_URL.active ? 'active' : status === STATUS_IN_URL.inactive ? 'inactive' : 'all',
  };
}

/** Search and status filter; applied on submit, written to the URL, starting again at page 1. */
export function UsersFilter() {
  const [params] = useSearchParams();
  // Re-created when the URL changes (back/forward), so the fields always show what is applied.
  return <UsersFilterForm key={params.toString()} initial={readUsersFilter(params)} />;
}

function UsersFilterForm({ initial }: { initial: ReturnType<typeof readUsersFilter> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search, setSearch] = useState(initial.search);
  const [status, setStatus] = useState<StatusFilter>(initial.status);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = new URLSearchParams();
    if (search.trim()) next.set('sok', search.trim());
    if (status !== 'all') next.set('status', STATUS_IN_URL[status]);
    navigate({ search: next.toString() });
  }

  return (
    <form role="search" aria-label={t('users.filter.label')} className="filter-form" onSubmit={submit}>
      <TextField
        label={t('users.filter.search')}
        description={t('users.filter.searchHelp')}
        type="search"
        name="sok"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />
      <SelectField label={t('users.filter.status')} name="status" value={status} onChange={(event) => setStatus(event.target.value as StatusFilter)}>
        <option value="all">{t('users.filter.all')}</option>
        <option value="active">{t('users.filter.active')}</option>
        <option value="inactive">{t('users.filter.inactive')}</option>
      </SelectField>
      <Button type="submit" variant="secondary">
        {t('users.filter.submit')}
      </Button>
    </form>
  );
}
