import { gql, type TypedDocumentNode } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Link } from '@digdir/designsystemet-react';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { DataTable, type DataTableSorting } from '../../../components/table/DataTable.tsx';
import { NoValue } from '../../../components/table/NoValue.tsx';
import { formatDate } from '../../../lib/format.ts';
import { RiskLevelBadge } from '../shared/RiskLevelBadge.tsx';
import type { RiskLevel, RiskOrderField, RiskStatus, RiskViewState } from '../shared/riskUrlState.ts';
import { OverdueMark } from './OverdueMark.tsx';

// Written by hand until codegen generates web types; keep the two in step.
export type RiskRegisterTable_risk = {
  __typename: 'Risk';
  id: string;
  reference: string;
  title: string;
  area: { __typename: 'RiskArea'; id: string; name: string };
  appliesToAll: boolean;
  municipalities: { __typename: 'Municipality'; id: string; name: string }[];
  owner: { __typename: 'Person'; id: string; displayName: string } | null;
  ownerName: string | null;
  inherentScore: number;
  inherentLevel: RiskLevel | null;
  residualScore: number | null;
  residualLevel: RiskLevel | null;
  acceptance: { __typename: 'RiskAcceptance'; approverName: string; expiresOn: string; isExpired: boolean } | null;
  status: RiskStatus;
  nextReviewDate: string | null;
  isReviewOverdue: boolean;
  openMeasureCount: number;
  overdueMeasureCount: number;
};

export type RiskRef = { __typename: 'Risk'; id: string };

export const RISK_REGISTER_TABLE_FRAGMENT: TypedDocumentNode<RiskRegisterTable_risk> = gql`
  fragment RiskRegisterTable_risk on Risk {
    id
    reference
    title
    area {
      id
      name
    }
    appliesToAll
    municipalities {
      id
      name
    }
    owner {
      id
      displayName
    }
    ownerName
    inherentScore
    inherentLevel
    residualScore
    residualLevel
    acceptance {
      approverName
      expiresOn
      isExpired
    }
    status
    nextReviewDate
    isReviewOverdue
    openMeasureCount
    overdueMeasureCount
  }
`;

/** The server order each sortable column stands for (the others cannot be sorted). */
const ORDER_OF_COLUMN: Record<string, RiskOrderField> = {
  reference: 'REFERENCE',
  title: 'TITLE',
  area: 'AREA',
  owner: 'OWNER',
  inherentLevel: 'INHERENT_SCORE',
  residualLevel: 'RESIDUAL_SCORE',
  status: 'STATUS',
  nextReviewDate: 'NEXT_REVIEW_DATE',
  openMeasureCount: 'OPEN_MEASURES',
};

type Sort = RiskViewState['sort'];

/** A click sorts a column ascending, a second click descending, a third ascending again. */
export function nextSort(current: Sort, columnId: string): Sort {
  const field = ORDER_OF_COLUMN[columnId];
  if (!field) return current;
  const shown = current ?? { field: 'REFERENCE', direction: 'ASC' };
  return { field, direction: shown.field === field && shown.direction === 'ASC' ? 'DESC' : 'ASC' };
}

function sortOf(current: Sort, columnId: string): 'ascending' | 'descending' | 'none' | undefined {
  const field = ORDER_OF_COLUMN[columnId];
  if (!field) return undefined;
  // No sort in the URL: the server's default, by reference.
  const shown = current ?? { field: 'REFERENCE', direction: 'ASC' };
  if (shown.field !== field) return 'none';
  return shown.direction === 'DESC' ? 'descending' : 'ascending';
}

const features = tableFeatures({});
const column = createColumnHelper<typeof features, RiskRegisterTable_risk>();

type RiskRegisterTableProps = {
  risks: RiskRef[];
  caption: string;
  busy: boolean;
  sort: Sort;
  onSort(sort: Sort): void;
};

/** One page of risks in the server's order; sorting asks the server (the sort is in the URL). */
export function RiskRegisterTable({ risks, caption, busy, sort, onSort }: RiskRegisterTableProps) {
  const { t } = useTranslation();
  const { data } = useFragment({ fragment: RISK_REGISTER_TABLE_FRAGMENT, fragmentName: 'RiskRegisterTable_risk', from: risks });
  const rows = useMemo(() => data.filter((row) => row?.id !== undefined) as RiskRegisterTable_risk[], [data]);

  const columns = useMemo(
    () =>
      column.columns([
        column.accessor('reference', {
          header: () => t('riskRegister.columns.reference'),
          cell: (cell) => (
            <Link asChild>
              <RouterLink to={`/risiko/${cell.row.original.id}`}>{cell.getValue()}</RouterLink>
            </Link>
          ),
        }),
        column.accessor('title', { header: () => t('riskRegister.columns.title') }),
        column.accessor((risk) => risk.area.name, { id: 'area', header: () => t('riskRegister.columns.area') }),
        column.display({
          id: 'municipalities',
          header: () => t('riskRegister.columns.municipalities'),
          cell: (cell) => {
            const risk = cell.row.original;
            if (risk.appliesToAll) return t('risk.allMunicipalities');
            if (risk.municipalities.length === 0) return <NoValue />;
            return risk.municipalities.map((municipality) => municipality.name).join(', ');
          },
        }),
        column.accessor((risk) => risk.owner?.displayName ?? risk.ownerName, {
          id: 'owner',
          header: () => t('riskRegister.columns.owner'),
          cell: (cell) => cell.getValue() ?? <NoValue />,
        }),
        column.accessor('inherentLevel', {
          header: () => t('riskRegister.columns.inherentLevel'),
          cell: (cell) => <RiskLevelBadge level={cell.getValue()} score={cell.row.original.inherentScore} />,
        }),
        column.accessor('residualLevel', {
          header: () => t('riskRegister.columns.residualLevel'),
          cell: (cell) =>
            cell.row.original.residualScore == null ? (
              t('riskRegister.noResidual')
            ) : (
              <RiskLevelBadge level={cell.getValue()} score={cell.row.original.residualScore} />
            ),
        }),
        column.accessor('acceptance', {
          header: () => t('riskRegister.columns.acceptance'),
          cell: (cell) => {
            const acceptance = cell.getValue();
            if (!acceptance) return <NoValue />;
            const text = t('riskRegister.acceptedUntil', { date: formatDate(acceptance.expiresOn) });
            return acceptance.isExpired ? <OverdueMark>{`${text} (${t('riskRegister.expired')})`}</OverdueMark> : text;
          },
        }),
        column.accessor('status', {
          header: () => t('riskRegister.columns.status'),
          cell: (cell) => t(`risk.status.${cell.getValue()}`),
        }),
        column.accessor('nextReviewDate', {
          header: () => t('riskRegister.columns.nextReviewDate'),
          cell: (cell) => {
            const date = cell.getValue();
            if (!date) return <NoValue />;
            return cell.row.original.isReviewOverdue ? (
              <OverdueMark>{`${formatDate(date)} (${t('riskRegister.overdue')})`}</OverdueMark>
            ) : (
              formatDate(date)
            );
          },
        }),
        column.accessor('openMeasureCount', {
          header: () => t('riskRegister.columns.openMeasures'),
          cell: (cell) => {
            const overdue = cell.row.original.overdueMeasureCount;
            return (
              <>
                {cell.getValue()}
                {overdue > 0 && (
                  <>
                    {' '}
                    <OverdueMark>{t('riskRegister.overdueMeasures', { count: overdue })}</OverdueMark>
                  </>
                )}
              </>
            );
          },
        }),
      ]),
    [t],
  );

  const sorting = useMemo<DataTableSorting>(
    () => ({ sortOf: (columnId) => sortOf(sort, columnId), onSort: (columnId) => onSort(nextSort(sort, columnId)) }),
    [sort, onSort],
  );
  const table = useTable({ features, columns, data: rows, getRowId: (row) => row.id });
  return <DataTable table={table} caption={caption} rowHeaderColumn="reference" busy={busy} sorting={sorting} stickyHeader />;
}
