import { gql, type TypedDocumentNode } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Table } from '@digdir/designsystemet-react';
import type { MUNICIPALITY_ROLE } from '@samarkiv/shared';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../lib/format.ts';

export type MunicipalityRole = keyof typeof MUNICIPALITY_ROLE;

// Written by hand until codegen generates it from the fragment below; keep the two in step.
export type MunicipalityRow_municipality = {
  __typename: 'Municipality';
  id: string;
  number: string;
  name: string;
  role: MunicipalityRole;
  participates: boolean;
  seriesCount: number;
  archiveCount: number;
  riskCount: number;
};

/** What a parent holds after data masking: just enough to find the row in the cache. */
export type MunicipalityRowRef = { __typename: 'Municipality'; id: string };

export const MUNICIPALITY_ROW_FRAGMENT: TypedDocumentNode<MunicipalityRow_municipality> = gql`
  fragment MunicipalityRow_municipality on Municipality {
    id
    number
    name
    role
    participates
    seriesCount
    archiveCount
    riskCount
  }
`;

export function MunicipalityRow({ municipality }: { municipality: MunicipalityRowRef }) {
  const { t } = useTranslation();
  const { data, complete } = useFragment({ fragment: MUNICIPALITY_ROW_FRAGMENT, from: municipality });
  // Only incomplete if the cache lost the entity between the query and this render.
  if (!complete) return null;
  return (
    <Table.Row>
      <Table.Cell>{data.number}</Table.Cell>
      {/* The name is what a screen reader repeats when moving along a row. */}
      <Table.HeaderCell scope="row">{data.name}</Table.HeaderCell>
      <Table.Cell>{t(`municipality.role.${data.role}`)}</Table.Cell>
      <Table.Cell>{data.participates ? t('common.yes') : t('common.no')}</Table.Cell>
      <Table.Cell className="numeric">{formatCount(data.seriesCount)}</Table.Cell>
      <Table.Cell className="numeric">{formatCount(data.archiveCount)}</Table.Cell>
      <Table.Cell className="numeric">{formatCount(data.riskCount)}</Table.Cell>
    </Table.Row>
  );
}
