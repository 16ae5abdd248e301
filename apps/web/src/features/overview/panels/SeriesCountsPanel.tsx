import { gql, type TypedDocumentNode } from '@apollo/client';
import { Heading } from '@digdir/designsystemet-react';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../../lib/format.ts';
import { useRootFragment } from '../useRootFragment.ts';
import { ChartTable } from './ChartTable.tsx';

type Row = {
  municipality: { __typename: 'Municipality'; id: string; name: string };
  total: number;
  byStatus: { status: string; count: number }[];
  byMedium: { medium: string; count: number }[];
};
export type SeriesCountsPanel_query = { overview: { seriesCounts: Row[] } };

export const SERIES_COUNTS_PANEL_FRAGMENT: TypedDocumentNode<SeriesCountsPanel_query> = gql`
  fragment SeriesCountsPanel_query on Query {
    overview(municipalityId: $municipalityId) {
      seriesCounts {
        municipality { id name }
        total
        byStatus { status count }
        byMedium { medium count }
      }
    }
  }
`;

const STATUSES = ['AKTIV_PERIODE', 'OVERLAPPINGSPERIODE', 'AVSLUTTET_PERIODE', 'UAKTUELLE_MAPPER'] as const;
const MEDIA = ['FYSISK', 'ELEKTRONISK', 'BLANDET'] as const;
const WIDTH = 560;
const ROW = 22;
const LEFT = 110;

/** Series per municipality by status (a stacked bar each) and by medium, with both as a table. */
export function SeriesCountsPanel() {
  const { t } = useTranslation();
  const data = useRootFragment(SERIES_COUNTS_PANEL_FRAGMENT);
  if (!data) return null;
  const rows = data.overview.seriesCounts;
  const height = rows.length * ROW + 8;
  const y = scaleBand({ domain: rows.map((r) => r.municipality.id), range: [4, height - 4], padding: 0.2 });
  const x = scaleLinear({ domain: [0, Math.max(1, ...rows.map((r) => r.total))], range: [LEFT, WIDTH - 8] });
  const summary = t('overview.series.summary', { count: rows.length, total: formatCount(rows.reduce((sum, r) => sum + r.total, 0)) });
  return (
    <section className="overview-panel overview-panel--wide" aria-labelledby="overview-series">
      <Heading level={2} data-size="sm" id="overview-series">
        {t('overview.series.title')}
      </Heading>
      <ul className="overview-legend" aria-hidden="true">
        {STATUSES.map((status) => (
          <li key={status}>
            <span className={`overview-swatch overview-fill--${status.toLowerCase()}`} /> {t(`overview.seriesStatus.${status}`)}
          </li>
        ))}
      </ul>
      <svg className="overview-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={summary}>
        <Group>
          {rows.map((row) => {
            let base = 0;
            return (
              <g key={row.municipality.id}>
                <text className="overview-axis" x={LEFT - 6} y={(y(row.municipality.id) ?? 0) + y.bandwidth() / 2} textAnchor="end" dominantBaseline="middle">
                  {row.municipality.name}
                </text>
                {STATUSES.map((status) => {
                  const value = row.byStatus.find((s) => s.status === status)?.count ?? 0;
                  const bar = <Bar key={status} className={`overview-fill--${status.toLowerCase()}`} x={x(base)} y={y(row.municipality.id)} width={x(base + value) - x(base)} height={y.bandwidth()} />;
                  base += value;
                  return bar;
                })}
              </g>
            );
          })}
        </Group>
      </svg>
      <ChartTable>
        <table className="overview-table">
          <caption className="overview-caption">{t('overview.series.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('overview.readiness.municipality')}</th>
              {STATUSES.map((status) => (
                <th key={status} scope="col">
                  {t(`overview.seriesStatus.${status}`)}
                </th>
              ))}
              {MEDIA.map((medium) => (
                <th key={medium} scope="col">
                  {t(`overview.seriesMedium.${medium}`)}
                </th>
              ))}
              <th scope="col">{t('overview.series.total')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.municipality.id}>
                <th scope="row">{row.municipality.name}</th>
                {STATUSES.map((status) => (
                  <td key={status}>{formatCount(row.byStatus.find((s) => s.status === status)?.count ?? 0)}</td>
                ))}
                {MEDIA.map((medium) => (
                  <td key={medium}>{formatCount(row.byMedium.find((m) => m.medium === medium)?.count ?? 0)}</td>
                ))}
                <td>{formatCount(row.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ChartTable>
    </section>
  );
}
