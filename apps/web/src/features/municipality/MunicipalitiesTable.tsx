import { Table } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MunicipalityRow, type MunicipalityRowRef } from './MunicipalityRow.tsx';
import '../../components/table/table.css';

const COLUMNS = [
  { key: 'number', numeric: false },
  { key: 'name', numeric: false },
  { key: 'role', numeric: false },
  { key: 'participates', numeric: false },
  { key: 'seriesCount', numeric: true },
  { key: 'archiveCount', numeric: true },
  { key: 'riskCount', numeric: true },
] as const;

export function MunicipalitiesTable({ municipalities }: { municipalities: MunicipalityRowRef[] }) {
  const { t } = useTranslation();
  const captionId = useId();
  return (
    // On narrow screens the table scrolls sideways; a focusable, named region lets keyboard
    // users scroll it too (WCAG 2.1.1).
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <Table zebra border>
        <caption id={captionId}>{t('municipalities.caption')}</caption>
        <Table.Head>
          <Table.Row>
            {COLUMNS.map((column) => (
              <Table.HeaderCell key={column.key} scope="col" className={column.numeric ? 'numeric' : undefined}>
                {t(`municipalities.columns.${column.key}`)}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {/* The server sorts by name in Norwegian order (æ, ø, å after z); keep its order. */}
          {municipalities.map((municipality) => (
            <MunicipalityRow key={municipality.id} municipality={municipality} />
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
