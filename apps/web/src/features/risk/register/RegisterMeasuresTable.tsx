import { gql, type TypedDocumentNode } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Link } from '@digdir/designsystemet-react';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { DataTable } from '../../../components/table/DataTable.tsx';
import { NoValue } from '../../../components/table/NoValue.tsx';
import { formatDate } from '../../../lib/format.ts';
import { OverdueMark } from './OverdueMark.tsx';

type MeasureStatus = 'PLANNED' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED';

// Written by hand until codegen generates web types; keep the two in step.
export type RegisterMeasuresTable_measure = {
  __typename: 'Measure';
  id: string;
  title: string;
  owner: { __typename: 'Person'; id: string; displayName: string } | null;
  ownerName: string | null;
  deadline: string | null;
  status: MeasureStatus;
  isOverdue: boolean;
  risk: { __typename: 'Risk'; id: string; reference: string; title: string };
};

export type MeasureRef = { __typename: 'Measure'; id: string };

export const REGISTER_MEASURES_TABLE_FRAGMENT: TypedDocumentNode<RegisterMeasuresTable_measure> = gql`
  fragment RegisterMeasuresTable_measure on Measure {
    id
    title
    owner {
      id
      displayName
    }
    ownerName
    deadline
    status
    isOverdue
    risk {
      id
      reference
      title
    }
  }
`;

const features = tableFeatures({});
const column = createColumnHelper<typeof features, RegisterMeasuresTable_measure>();

type RegisterMeasuresTableProps = { measures: MeasureRef[]; caption: string; busy: boolean };

/** One page of measures, by deadline as the server orders them. */
export function RegisterMeasuresTable({ measures, caption, busy }: RegisterMeasuresTableProps) {
  const { t } = useTranslation();
  const { data } = useFragment({ fragment: REGISTER_MEASURES_TABLE_FRAGMENT, fragmentName: 'RegisterMeasuresTable_measure', from: measures });
  const rows = useMemo(() => data.filter((row) => row?.id !== undefined) as RegisterMeasuresTable_measure[], [data]);

  const columns = useMemo(
    () =>
      column.columns([
        column.accessor('title', { header: () => t('riskRegister.measures.columns.title') }),
        column.accessor('risk', {
          header: () => t('riskRegister.measures.columns.risk'),
          cell: (cell) => {
            const risk = cell.getValue();
            return (
              <Link asChild>
                <RouterLink to={`/risiko/${risk.id}`}>{`${risk.reference} ${risk.title}`}</RouterLink>
              </Link>
            );
          },
        }),
        column.accessor((measure) => measure.owner?.displayName ?? measure.ownerName, {
          id: 'owner',
          header: () => t('riskRegister.measures.columns.owner'),
          cell: (cell) => cell.getValue() ?? <NoValue />,
        }),
        column.accessor('deadline', {
          header: () => t('riskRegister.measures.columns.deadline'),
          cell: (cell) => {
            const deadline = cell.getValue();
            if (!deadline) return <NoValue />;
            return cell.row.original.isOverdue ? (
              <OverdueMark>{`${formatDate(deadline)} (${t('riskRegister.overdue')})`}</OverdueMark>
            ) : (
              formatDate(deadline)
            );
          },
        }),
        column.accessor('status', {
          header: () => t('riskRegister.measures.columns.status'),
          cell: (cell) => t(`risk.measureStatus.${cell.getValue()}`),
        }),
      ]),
    [t],
  );

  const table = useTable({ features, columns, data: rows, getRowId: (row) => row.id });
  return <DataTable table={table} caption={caption} rowHeaderColumn="title" busy={busy} stickyHeader />;
}
