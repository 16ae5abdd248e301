import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Link, Paragraph } from '@digdir/designsystemet-react';
import { OPERATING_FIGURE_FIELDS, operatingFigureValueRule, type OperatingFigureField } from '@samarkiv/shared';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { TextField } from '../../components/form/fields.tsx';
import { Page } from '../../components/layout/Page.tsx';
import { PageLoading } from '../../components/layout/PageLoading.tsx';
import { DataTable } from '../../components/table/DataTable.tsx';
import { useCan } from '../../lib/auth/useCan.ts';
import { describeApiError } from '../../lib/errors.ts';
import { osloToday } from '../../lib/format.ts';
import { outcomeOf } from '../../lib/mutationOutcome.ts';
import { formatNumber } from './benefitView.ts';
import { FiguresImport } from './FiguresImport.tsx';
import { OPERATING_FIGURE_GRID_QUERY, SET_OPERATING_FIGURE, type FigureRow } from './figuresQueries.ts';
import { formatMonth } from './OperatingFiguresPanel.tsx';
import './benefits.css';

const COLUMN: Record<OperatingFigureField, keyof FigureRow & string> = {
  INCOMING_POST: 'incomingPost',
  JOURNAL_ENTRIES: 'journalEntries',
  MEDIAN_REGISTRATION_DAYS: 'medianRegistrationDays',
  OVERDUE_ITEMS: 'overdueItems',
  DIGITAL_OUTGOING_PERCENT: 'digitalOutgoingPercent',
};

const features = tableFeatures({});
const column = createColumnHelper<typeof features, FigureRow>();

/** /gevinster/driftstall?maned=YYYY-MM: one month's figures per municipality, entered cell by cell or from CSV. */
export function OperatingFiguresGridPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const thisMonth = osloToday().slice(0, 7);
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(params.get('maned') ?? '') ? params.get('maned')! : thisMonth;
  const { data, loading, error } = useQuery(OPERATING_FIGURE_GRID_QUERY, { variables: { month } });
  return (
    <Page title={t('benefits.figures.gridTitle')}>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/gevinster">{t('benefits.back')}</RouterLink>
        </Link>
      </Paragraph>
      <Paragraph className="page-lead">{t('benefits.figures.gridLead')}</Paragraph>
      <TextField
        label={t('benefits.figures.month')}
        type="month"
        name="month"
        value={month}
        max={thisMonth}
        onChange={(event) => event.target.value && setParams({ maned: event.target.value }, { replace: true })}
        className="figures-month"
      />
      {loading && !data ? (
        <PageLoading label={t('benefits.loading')} />
      ) : error || !data ? (
        <Alert data-color="danger" role="alert">{t('benefits.failed')}</Alert>
      ) : (
        <FiguresGrid rows={data.operatingFigureGrid} month={month} />
      )}
      <FiguresImport />
    </Page>
  );
}

function FiguresGrid({ rows, month }: { rows: FigureRow[]; month: string }) {
  const { t } = useTranslation();
  const { can } = useCan();
  const columns = useMemo(
    () =>
      column.columns([
        column.accessor((row) => row.municipality.name, { id: 'municipality', header: () => t('benefits.figures.municipality') }),
        ...OPERATING_FIGURE_FIELDS.map((field) =>
          column.display({
            id: field,
            header: () => t(`benefits.figures.fields.${COLUMN[field]}` as 'benefits.figures.fields.incomingPost'),
            cell: (cell) => <FigureCell row={cell.row.original} field={field} editable={can('reportFigures', [cell.row.original.municipality.id])} />,
          }),
        ),
      ]),
    [t, can],
  );
  const table = useTable({ features, columns, data: rows, getRowId: (row) => row.id });
  return <DataTable table={table} caption={t('benefits.figures.gridCaption', { month: formatMonth(month) })} rowHeaderColumn="municipality" />;
}

/** A Norwegian number as typed: decimal comma, spaces between thousands; '' is no figure. */
function parseFigure(text: string): number | null | typeof NaN {
  const cleaned = text.trim().replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (cleaned === '') return null;
  return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : NaN;
}

/**
 * An editable cell: saved on Enter or when focus leaves it; Enter, ArrowUp and ArrowDown move to
 * the same figure of the next or previous municipality, Escape restores the stored value.
 */
function FigureCell({ row, field, editable }: { row: FigureRow; field: OperatingFigureField; editable: boolean }) {
  const { t } = useTranslation();
  const stored = row[COLUMN[field]] as number | null;
  const shown = stored === null ? '' : formatNumber(stored);
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [save, { loading }] = useMutation(SET_OPERATING_FIGURE);
  const label = t('benefits.figures.cellLabel', { figure: t(`benefits.figures.fields.${COLUMN[field]}` as 'benefits.figures.fields.incomingPost'), municipality: row.municipality.name });
  if (!editable) return <span aria-label={label}>{shown || '–'}</span>;

  async function commit() {
    if (text === null || text === shown) return setText(null);
    const value = parseFigure(text);
    const checked = value === null ? { success: true as const } : Number.isNaN(value) ? null : operatingFigureValueRule(field).safeParse(value);
    if (!checked || !checked.success) return setError(checked?.error?.issues[0]?.message ?? t('benefits.figures.notANumber'));
    setError(null);
    const result = await outcomeOf(() => save({ variables: { input: { municipalityId: row.municipality.id, month: row.month, field, value } } }));
    if (!result.ok) return setError(describeApiError(t, result.error));
    setText(null);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape') {
      setText(null);
      setError(null);
      return;
    }
    if (event.key !== 'Enter' && event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const inputs = [...document.querySelectorAll<HTMLInputElement>(`input[data-figure="${field}"]`)];
    const next = inputs[inputs.indexOf(event.currentTarget) + (event.key === 'ArrowUp' ? -1 : 1)];
    if (next) next.focus();
    else void commit();
  }

  const errorId = `${row.id}-${field}-error`;
  return (
    <span className="figure-cell">
      <input
        className="ds-input figure-cell__input"
        data-figure={field}
        inputMode="decimal"
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        aria-busy={loading || undefined}
        value={text ?? shown}
        onChange={(event) => setText(event.target.value)}
        onBlur={() => void commit()}
        onKeyDown={onKeyDown}
      />
      {error && (
        <span id={errorId} className="figure-cell__error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
