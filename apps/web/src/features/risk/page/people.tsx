import { gql, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../components/form/fields.tsx';
import { useCan } from '../../../lib/auth/useCan.ts';

export type PersonChoice = { id: string; displayName: string };

type PeopleQuery = { users: { edges: { node: { __typename: 'User'; id: string; displayName: string } }[] } };

// Only an administrator may list users (users is ADMIN-only); others choose among the people
// the page already names (the current owner, assessors) or type a name.
const PEOPLE_QUERY: TypedDocumentNode<PeopleQuery, Record<string, never>> = gql`
  query RiskPagePeople {
    users(first: 100, filter: { isActive: true }) {
      edges {
        node {
          id
          displayName
        }
      }
    }
  }
`;

/** The users an owner or approver can be chosen from, in Norwegian order (æ, ø, å last). */
export function usePeopleChoices(known: readonly (PersonChoice | null | undefined)[]): PersonChoice[] {
  const { isAdmin } = useCan();
  const { data } = useQuery(PEOPLE_QUERY, { skip: !isAdmin });
  const knownKey = known.map((person) => person?.id ?? '').join(',');
  return useMemo(() => {
    const byId = new Map<string, PersonChoice>();
    for (const person of known) if (person) byId.set(person.id, { id: person.id, displayName: person.displayName });
    for (const edge of data?.users.edges ?? []) byId.set(edge.node.id, { id: edge.node.id, displayName: edge.node.displayName });
    return [...byId.values()].sort((a, b) => a.displayName.localeCompare(b.displayName, 'nb'));
    // `known` is compared by its ids: a new array with the same people is the same choice.
  }, [data, knownKey]);
}

type PersonFieldsProps = {
  /** "Eier", "Godkjent av": the user select and the name field are labelled from it. */
  userLabel: string;
  nameLabel: string;
  nameDescription?: string;
  people: PersonChoice[];
  personId: string;
  name: string;
  onPersonId(id: string): void;
  onName(name: string): void;
  personError?: string;
  nameError?: string;
  idPrefix: string;
};

/** A person as a user of Samarkiv (chosen) or as a name or role typed in (e.g. "Daglig leder"). */
export function PersonFields(props: PersonFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <SelectField
        id={`${props.idPrefix}-person`}
        label={props.userLabel}
        value={props.personId}
        onChange={(event) => props.onPersonId(event.target.value)}
        error={props.personError}
      >
        <option value="">{t('riskPage.person.none')}</option>
        {props.people.map((person) => (
          <option key={person.id} value={person.id}>
            {person.displayName}
          </option>
        ))}
      </SelectField>
      <TextField
        id={`${props.idPrefix}-name`}
        label={props.nameLabel}
        description={props.nameDescription}
        value={props.name}
        onChange={(event) => props.onName(event.target.value)}
        error={props.nameError}
        autoComplete="off"
      />
    </>
  );
}
