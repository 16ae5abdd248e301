import { Button, Link } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { formatDate } from '../../../lib/format.ts';
import { periodText, RETENTION_WORDS, STATUS_WORDS } from '../page/codes.ts';
import type { ComparisonCell, ComparisonColumn, ComparisonRow } from './comparisonQuery.ts';

type CellProps = {
  row: ComparisonRow;
  cell: ComparisonCell;
  column: ComparisonColumn;
  cutoverDate: string;
  /** Given when the user may map one of the municipality's unmapped series here. */
  onMap?(): void;
};

/** The class that colours a cell; the words inside say the same, colour is never alone. */
export function cellClass(cell: ComparisonCell): string {
  if (cell.differences.includes('MISSING')) return 'compare-cell compare-cell--missing';
  return cell.differences.length > 0 ? 'compare-cell compare-cell--differs' : 'compare-cell';
}

/** One municipality's series for one target series: what they are, and how they differ from the row. */
export function ComparisonCellView({ row, cell, column, cutoverDate, onMap }: CellProps) {
  const { t } = useTranslation();
  const differenceText = (difference: ComparisonCell['differences'][number]) => {
    switch (difference) {
      case 'MISSING':
        return t('seriesCompare.differences.MISSING');
      case 'RETENTION_DECISION_DIFFERS':
        return t('seriesCompare.differences.RETENTION_DECISION_DIFFERS', { common: row.commonRetentionDecision ? RETENTION_WORDS[row.commonRetentionDecision] : '' });
      case 'CLASSIFICATION_TYPE_DIFFERS':
        return t('seriesCompare.differences.CLASSIFICATION_TYPE_DIFFERS', { common: row.commonClassificationType ?? '' });
      case 'ACTIVE_AFTER_CUTOVER':
        return t('seriesCompare.differences.ACTIVE_AFTER_CUTOVER', { date: formatDate(cutoverDate) });
    }
  };

  if (cell.seriesCount === 0) {
    return (
      <>
        <p className="compare-mark compare-mark--missing">{differenceText('MISSING')}</p>
        {onMap && (
          <Button
            type="button"
            variant="secondary"
            data-size="sm"
            aria-label={t('seriesCompare.map.openLabel', { municipality: column.municipality.name, target: row.targetSeries.title })}
            onClick={onMap}
          >
            {t('seriesCompare.map.open')}
          </Button>
        )}
      </>
    );
  }

  const hidden = cell.seriesCount - cell.series.length;
  const retention = [...cell.retentionDecisions.map((d) => RETENTION_WORDS[d]), ...(cell.retentionDecisionMissing ? [t('seriesCompare.cell.noRetention')] : [])];
  return (
    <>
      <ul className="compare-cell__series">
        {cell.series.map((series) => (
          <li key={series.id}>
            <Link asChild>
              <RouterLink to={`/arkivserier/${series.id}`}>{`${series.identifier} ${series.title}`}</RouterLink>
            </Link>
          </li>
        ))}
        {hidden > 0 && <li>{t('seriesCompare.cell.more', { count: hidden })}</li>}
      </ul>
      <p className="compare-cell__facts">
        {cell.statuses.map((s) => STATUS_WORDS[s]).join(', ')}
        <br />
        {periodText(cell.periodStart, cell.periodEnd)}
        <br />
        {retention.join(', ')}
        {cell.classificationTypes.length > 0 && (
          <>
            <br />
            {cell.classificationTypes.join(', ')}
          </>
        )}
      </p>
      {cell.differences.length > 0 && (
        <div className="compare-mark compare-mark--differs">
          <strong>{t('seriesCompare.differences.label')}</strong>
          <ul>
            {cell.differences.map((difference) => (
              <li key={difference}>{differenceText(difference)}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
