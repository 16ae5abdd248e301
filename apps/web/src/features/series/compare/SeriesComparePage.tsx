import { useQuery } from '@apollo/client/react';
import { Alert, Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { Page } from '../../../components/layout/Page.tsx';
import { PageLoading } from '../../../components/layout/PageLoading.tsx';
import { useCan } from '../../../lib/auth/useCan.ts';
import { apiError, describeApiError } from '../../../lib/errors.ts';
import { formatDate } from '../../../lib/format.ts';
import { cellClass, ComparisonCellView } from './ComparisonCellView.tsx';
import { SERIES_COMPARISON_QUERY, type ComparisonDifference, type SeriesComparison } from './comparisonQuery.ts';
import { MapSeriesDialog, type MapTarget } from './MapSeriesDialog.tsx';
import '../../../components/form/form.css';
import '../../../components/table/table.css';
import '../page/series-page.css';
import './series-compare.css';

export const COMPARISON_EXPORT_HREF = '/exports/archive-series-comparison';

/** /arkivserier/sammenligning: the target structure by municipality, differences marked. */
export function SeriesComparePage() {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(SERIES_COMPARISON_QUERY, {
    // Edits and mappings elsewhere change the grid: show the cached one at once, then the fresh one.
    fetchPolicy: 'cache-and-network',
  });
  const [mapping, setMapping] = useState<MapTarget | null>(null);
  const [done, setDone] = useState<string | null>(null);

  let body;
  if (!data) {
    body = loading ? (
      <PageLoading label={t('seriesCompare.loading')} />
    ) : (
      <Alert data-color="danger" role="alert">
        <Paragraph>{t('seriesCompare.failed', { reason: describeApiError(t, apiError(error)) })}</Paragraph>
        <Button type="button" variant="secondary" data-size="sm" onClick={() => void refetch().catch(() => {})}>
          {t('common.retry')}
        </Button>
      </Alert>
    );
  } else if (data.archiveSeriesComparison.rows.length === 0 || data.archiveSeriesComparison.columns.length === 0) {
    body = (
      <>
        <Paragraph>{t('seriesCompare.empty')}</Paragraph>
        <Paragraph>{t('seriesImport.states.compareEmptyNext')}</Paragraph>
      </>
    );
  } else {
    body = (
      <>
        <Legend cutoverDate={data.archiveSeriesComparison.cutoverDate} />
        <ComparisonGrid comparison={data.archiveSeriesComparison} onMap={(target) => { setDone(null); setMapping(target); }} />
      </>
    );
  }

  return (
    <Page title={t('seriesCompare.title')}>
      <nav aria-label={t('seriesCompare.nav')} className="series-page__nav">
        <Link asChild>
          <RouterLink to="/arkivserier">{t('seriesCompare.back')}</RouterLink>
        </Link>
      </nav>
      <Paragraph className="page-lead">{t('seriesCompare.lead')}</Paragraph>
      <div role="status">{done && <Paragraph>{done}</Paragraph>}</div>
      {body}
      <ComparisonExport />
      <MapSeriesDialog
        target={mapping}
        onClose={() => setMapping(null)}
        onMapped={(seriesName) => {
          const target = mapping!.row.targetSeries.title;
          setMapping(null);
          setDone(t('seriesCompare.map.done', { series: seriesName, target }));
          void refetch().catch(() => {});
        }}
      />
    </Page>
  );
}

const DIFFERENCES: ComparisonDifference[] = ['MISSING', 'RETENTION_DECISION_DIFFERS', 'CLASSIFICATION_TYPE_DIFFERS', 'ACTIVE_AFTER_CUTOVER'];

function Legend({ cutoverDate }: { cutoverDate: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="compare-legend">
      <Heading level={2} data-size="2xs" id={headingId}>
        {t('seriesCompare.legend.title')}
      </Heading>
      <ul>
        {DIFFERENCES.map((difference) => (
          <li key={difference} className={difference === 'MISSING' ? 'compare-mark--missing' : 'compare-mark--differs'}>
            {t(`seriesCompare.legend.${difference}`, { date: formatDate(cutoverDate) })}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ComparisonGrid({ comparison, onMap }: { comparison: SeriesComparison; onMap(target: MapTarget): void }) {
  const { t } = useTranslation();
  const { can } = useCan();
  return (
    // Focusable so keyboard users can scroll the wide grid; named by its caption.
    <div className="table-scroll series-compare" role="region" tabIndex={0} aria-labelledby="series-compare-caption">
      <table className="series-compare__table">
        <caption id="series-compare-caption">{t('seriesCompare.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('seriesCompare.targetColumn')}</th>
            {comparison.columns.map((column) => (
              <th scope="col" key={column.municipality.id}>
                {column.municipality.name}
                {column.unmappedSeriesCount > 0 && (
                  <span className="series-compare__unmapped">{t('seriesCompare.unmapped', { count: column.unmappedSeriesCount })}</span>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {comparison.rows.map((row) => (
            <tr key={row.targetSeries.id}>
              <th scope="row">
                <span className="series-compare__code">{row.targetSeries.code}</span> {row.targetSeries.title}
              </th>
              {row.cells.map((cell, i) => {
                const column = comparison.columns[i]!;
                const mayMap = column.unmappedSeriesCount > 0 && can('editSeries', [column.municipality.id]);
                return (
                  <td key={column.municipality.id} className={cellClass(cell)}>
                    <ComparisonCellView row={row} cell={cell} column={column} cutoverDate={comparison.cutoverDate} onMap={mayMap ? () => onMap({ row, column }) : undefined} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ComparisonExport() {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="compare-export">
      <Heading level={2} data-size="xs" id={headingId}>
        {t('seriesCompare.export.title')}
      </Heading>
      <Paragraph>
        <Link href={COMPARISON_EXPORT_HREF} download>
          {t('seriesCompare.export.xlsx')}
        </Link>
      </Paragraph>
    </section>
  );
}
