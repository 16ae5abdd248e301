import { gql, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Button } from '@digdir/designsystemet-react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { SelectField, TextField } from '../../components/form/fields.tsx';
import { useFocusFirstInvalid } from '../../components/form/useFocusFirstInvalid.ts';
import { auditFilterParams, isFiltered, readAuditFilter, type AuditFilterValues } from './auditFilter.ts';
import { actionLabel, AUDIT_ACTIONS, ENTITY_TYPES, entityTypeLabel } from './auditWords.ts';

type AuditActorChoicesQuery = {
  users: { edges: { node: { __typename: 'User'; id: string; username: string; displayName: string } }[] };
};

// The API pages users by 100 at most; a larger document centre would need a search field here.
export const AUDIT_ACTOR_CHOICES_QUERY: TypedDocumentNode<AuditActorChoicesQuery> = gql`
  query AuditActorChoices {
    users(first: 100) {
      edges {
        node {
          id
          username
          displayName
        }
      }
    }
  }
`;

/** The filters, applied on submit and written to the URL (which starts the log at its first page). */
export function AuditFilters() {
  const [params] = useSearchParams();
  // Re-created when the URL changes (back/forward), so the fields show what is applied.
  return <AuditFiltersForm key={params.toString()} initial={readAuditFilter(params)} />;
}

function AuditFiltersForm({ initial }: { initial: AuditFilterValues }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [values, setValues] = useState(initial);
  const [toError, setToError] = useState<string | undefined>();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const { data } = useQuery(AUDIT_ACTOR_CHOICES_QUERY);
  const actors = data?.users.edges.map((edge) => edge.node) ?? [];

  const set = (key: keyof AuditFilterValues) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [key]: event.target.value }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // yyyy-mm-dd compares correctly as text.
    if (values.from && values.to && values.to < values.from) {
      setToError(t('audit.filter.toBeforeFrom'));
      return focusFirstInvalid();
    }
    setToError(undefined);
    navigate({ search: auditFilterParams(values).toString() });
  }

  return (
    <form ref={formRef} role="search" aria-label={t('audit.filter.label')} className="audit-filters" noValidate onSubmit={submit}>
      <SelectField label={t('audit.filter.actor')} name="bruker" value={values.actorId} onChange={set('actorId')}>
        <option value="">{t('audit.filter.anyActor')}</option>
        {values.actorId && !actors.some((actor) => actor.id === values.actorId) && <option value={values.actorId}>{values.actorId}</option>}
        {actors.map((actor) => (
          <option key={actor.id} value={actor.id}>
            {t('audit.filter.actorOption', { name: actor.displayName, username: actor.username })}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('audit.filter.entityType')} name="type" value={values.entityType} onChange={set('entityType')}>
        <option value="">{t('audit.filter.anyEntityType')}</option>
        {values.entityType && !(ENTITY_TYPES as readonly string[]).includes(values.entityType) && (
          <option value={values.entityType}>{values.entityType}</option>
        )}
        {ENTITY_TYPES.map((type) => (
          <option key={type} value={type}>
            {entityTypeLabel(t, type)}
          </option>
        ))}
      </SelectField>
      <TextField label={t('audit.filter.entityId')} name="objekt" value={values.entityId} onChange={set('entityId')} autoComplete="off" />
      <SelectField label={t('audit.filter.action')} name="handling" value={values.action} onChange={set('action')}>
        <option value="">{t('audit.filter.anyAction')}</option>
        {values.action && !(AUDIT_ACTIONS as readonly string[]).includes(values.action) && <option value={values.action}>{values.action}</option>}
        {AUDIT_ACTIONS.map((action) => (
          <option key={action} value={action}>
            {actionLabel(t, action)}
          </option>
        ))}
      </SelectField>
      <TextField label={t('audit.filter.from')} name="fra" type="date" value={values.from} onChange={set('from')} />
      <TextField label={t('audit.filter.to')} name="til" type="date" value={values.to} onChange={set('to')} error={toError} />
      <div className="form-actions">
        <Button type="submit" variant="secondary">
          {t('audit.filter.submit')}
        </Button>
        {isFiltered(initial) && (
          <Button type="button" variant="tertiary" onClick={() => navigate({ search: '' })}>
            {t('audit.filter.reset')}
          </Button>
        )}
      </div>
    </form>
  );
}
