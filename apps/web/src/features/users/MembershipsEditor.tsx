import { gql, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Button, Fieldset, Paragraph } from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/form/fields.tsx';
import { ROLES, type Role } from '../../lib/auth/currentUser.ts';
import type { ApiError } from '../../lib/errors.ts';

/** One row of the editor; `key` keeps React's identity of a row stable while rows come and go. */
export type MembershipDraft = { key: string; municipalityId: string; role: Role };
export type MembershipRowErrors = { municipalityId?: string; role?: string };

type MembershipMunicipalitiesQuery = { municipalities: { __typename: 'Municipality'; id: string; name: string }[] };

export const MEMBERSHIP_MUNICIPALITIES_QUERY: TypedDocumentNode<MembershipMunicipalitiesQuery> = gql`
  query MembershipMunicipalities {
    municipalities {
      id
      name
    }
  }
`;

let draftCounter = 0;
function newKey(): string {
  draftCounter += 1;
  return `membership-${draftCounter}`;
}

export function draftsFrom(memberships: readonly { role: Role; municipality: { id: string } }[]): MembershipDraft[] {
  return memberships.map((membership) => ({ key: newKey(), municipalityId: membership.municipality.id, role: membership.role }));
}

export function membershipInputs(drafts: readonly MembershipDraft[]) {
  return drafts.map(({ municipalityId, role }) => ({ municipalityId, role }));
}

/** Errors per row (empty objects where a row is fine); a municipality may appear only once. */
export function validateMemberships(t: TFunction, drafts: readonly MembershipDraft[]): MembershipRowErrors[] {
  return drafts.map((draft, index) => {
    if (!draft.municipalityId) return { municipalityId: t('users.memberships.municipalityMissing') };
    const earlier = drafts.slice(0, index).some((other) => other.municipalityId === draft.municipalityId);
    return earlier ? { municipalityId: t('users.memberships.duplicate') } : {};
  });
}

export function hasRowErrors(errors: readonly MembershipRowErrors[]): boolean {
  return errors.some((row) => row.municipalityId || row.role);
}

/**
 * A VALIDATION_FAILED's issues that point at a row of the memberships list, e.g.
 * ["input", "memberships", 1, "role"] (createUser) or ["memberships", 0, "municipalityId"]
 * (setMemberships), as errors per row. An issue about the list as a whole is left to the form.
 */
export function membershipErrorsOf(error: ApiError, rows: number): MembershipRowErrors[] {
  const found: MembershipRowErrors[] = Array.from({ length: rows }, () => ({}));
  if (error.code !== 'VALIDATION_FAILED') return found;
  const issues = error.issues?.length ? error.issues : error.path ? [{ path: error.path, message: error.message ?? '' }] : [];
  for (const issue of issues) {
    const at = issue.path.indexOf('memberships');
    const index = issue.path[at + 1];
    if (at < 0 || typeof index !== 'number' || !found[index]) continue;
    const field = issue.path[at + 2] === 'role' ? 'role' : 'municipalityId';
    found[index][field] ??= issue.message;
  }
  return found;
}

type MembershipsEditorProps = {
  legend: string;
  value: MembershipDraft[];
  onChange(value: MembershipDraft[]): void;
  errors?: MembershipRowErrors[];
};

/** Municipality + role rows; a user has one role per municipality (PRODUCT.md: membership). */
export function MembershipsEditor({ legend, value, onChange, errors = [] }: MembershipsEditorProps) {
  const { t } = useTranslation();
  const baseId = useId();
  const { data, error } = useQuery(MEMBERSHIP_MUNICIPALITIES_QUERY);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const addButtonId = `${baseId}-add`;
  const fieldId = (key: string, field: string) => `${baseId}-${key}-${field}`;

  // After adding a row, start in its first field; after removing one, on the add button.
  useEffect(() => {
    if (!focusKey) return;
    document.getElementById(focusKey === 'add' ? addButtonId : fieldId(focusKey, 'municipality'))?.focus();
    setFocusKey(null);
  });

  function update(key: string, change: Partial<MembershipDraft>) {
    onChange(value.map((draft) => (draft.key === key ? { ...draft, ...change } : draft)));
  }
  function add() {
    const draft: MembershipDraft = { key: newKey(), municipalityId: '', role: 'VIEWER' };
    onChange([...value, draft]);
    setFocusKey(draft.key);
  }
  function remove(key: string) {
    onChange(value.filter((draft) => draft.key !== key));
    setFocusKey('add');
  }

  const municipalities = data?.municipalities ?? [];
  return (
    <Fieldset className="memberships-editor">
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      <Fieldset.Description>{t('users.memberships.description')}</Fieldset.Description>
      {error && <Paragraph data-color="danger">{t('users.memberships.municipalitiesFailed')}</Paragraph>}
      {value.length === 0 ? (
        <Paragraph data-size="sm">{t('users.memberships.none')}</Paragraph>
      ) : (
        <ol className="memberships-editor__rows">
          {value.map((draft, index) => {
            const rowLabel = t('users.memberships.row', { number: index + 1 });
            return (
              <li key={draft.key}>
                <div role="group" aria-label={rowLabel} className="memberships-editor__row">
                <SelectField
                  id={fieldId(draft.key, 'municipality')}
                  label={t('users.memberships.municipality')}
                  value={draft.municipalityId}
                  onChange={(event) => update(draft.key, { municipalityId: event.target.value })}
                  error={errors[index]?.municipalityId}
                >
                  <option value="">{t('users.memberships.chooseMunicipality')}</option>
                  {/* Keep a chosen municipality visible even before the list has loaded. */}
                  {draft.municipalityId && !municipalities.some((m) => m.id === draft.municipalityId) && (
                    <option value={draft.municipalityId}>{draft.municipalityId}</option>
                  )}
                  {municipalities.map((municipality) => (
                    <option key={municipality.id} value={municipality.id}>
                      {municipality.name}
                    </option>
                  ))}
                </SelectField>
                <SelectField
                  id={fieldId(draft.key, 'role')}
                  label={t('users.memberships.role')}
                  value={draft.role}
                  onChange={(event) => update(draft.key, { role: event.target.value as Role })}
                  error={errors[index]?.role}
                >
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {t(`roles.${role}`)}
                    </option>
                  ))}
                </SelectField>
                <Button type="button" variant="tertiary" data-size="sm" onClick={() => remove(draft.key)}>
                  {t('users.memberships.remove')}
                  {' '}
                  <span className="ds-sr-only">{rowLabel}</span>
                </Button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <div>
        <Button id={addButtonId} type="button" variant="secondary" data-size="sm" onClick={add}>
          {t('users.memberships.add')}
        </Button>
      </div>
    </Fieldset>
  );
}
